//! Rule `native-binary`.

use crate::model::Severity;
use crate::package::{Package, native_format};
use crate::rules::{Emitter, all_text, code_files};

crate::declare_rule! {
    /// The package ships compiled code (ELF, PE, Mach-O, XCOFF, WebAssembly) that no reviewer can read.
    /// Prebuilt Node addons (`.node` under prebuilds/ or build/) and `.wasm` are `low`; other
    /// executables are `medium`, and `high` when the install script runs them (or runs them via
    /// rundll32/regsvr32).
    id: "native-binary",
    category: Other,
    severity: Medium,
    capability: Some(crate::model::Capability::NativeBinary),
    title: "ships native executables",
    incident: "eslint-config-prettier 8.10.1 (2025) shipped node-gyp.dll and ran it with rundll32 on install",
    case_file: "index.js",
    flag: ["=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== lib/helper.dll\nMZ\u{90}\0\u{3}\0\0\0\u{4}\0\0\0\u{ff}\u{ff}\0\0\u{b8}\0\0\0\0\0\0\0\u{40}\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u{80}\0\0\0",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== bin/tool\n\u{7f}ELF\u{2}\u{1}\u{1}\0\0\0\0\0\0\0\0\0"],
    pass: ["module.exports = 'MZ is just text here'"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let run = crate::regex!(r"(?i)rundll32|regsvr32");
    let install_text: String = code_files(pkg)
        .filter(|f| pkg.is_install_file(f))
        .map(|f| all_text(f).to_string())
        .collect::<Vec<_>>()
        .join("\n");
    for f in pkg.files.iter().filter(|f| f.script.is_none()) {
        let Some(fmt) = native_format(f.bytes()) else {
            continue;
        };
        let name = f.path.rsplit('/').next().unwrap_or(&f.path);
        let addon = (f.path.ends_with(".node")
            && (f.path.contains("prebuilds/")
                || f.path.contains("build/")
                || f.path.contains("bin/")))
            || fmt == "WebAssembly";
        let run_at_install = install_text.contains(name)
            && (run.is_match(&install_text) || !f.path.ends_with(".node"));
        let sev = if run_at_install && run.is_match(&install_text) {
            Severity::Critical
        } else if run_at_install {
            Severity::High
        } else if addon {
            Severity::Low
        } else {
            Severity::Medium
        };
        let tail = if run_at_install {
            ", run by the install script"
        } else {
            ""
        };
        out.whole(
            sev,
            &f.path,
            format!("ships a {fmt} binary ({} bytes){tail}", f.bytes().len()),
            f.path.clone(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Limits;
    use crate::package::Package;
    use crate::rules::{Emitter, Rule};

    fn hits(rule: &Rule, files: Vec<(String, Vec<u8>)>) -> usize {
        let pkg = Package::build(files, Vec::new(), None, &Limits::default());
        let mut out = Emitter::new(rule.meta);
        (rule.check)(&pkg, &mut out);
        out.hits.len()
    }

    /// @esbuild/aix-ppc64 0.20.2 ships its AIX executable (64-bit XCOFF, magic 01 f7) as
    /// bin/esbuild; the Go binary embeds JavaScript strings such as `require(`.
    #[test]
    fn an_aix_executable_is_a_native_binary_not_hidden_code() {
        let mut bin = vec![0x01, 0xf7, 0x00, 0x04, 0, 0, 0, 0];
        bin.extend_from_slice(
            b"\0\0text\0var x = require(\"fs\"); process.env.ESBUILD_BINARY_PATH\0",
        );
        let files = vec![
            (
                "package.json".to_string(),
                br#"{"name":"@esbuild/aix-ppc64","version":"0.20.2"}"#.to_vec(),
            ),
            ("bin/esbuild".to_string(), bin),
        ];
        assert_eq!(
            hits(&super::RULE, files.clone()),
            1,
            "native-binary flags it"
        );
        assert_eq!(
            hits(&crate::rules::other::hidden_code_in_non_js::RULE, files),
            0,
            "an executable is not a data file hiding code"
        );
    }
}
