//! Rule `native-binary`.

use crate::model::Severity;
use crate::package::{Package, native_format};
use crate::rules::{Emitter, all_text, code_files};

crate::declare_rule! {
    /// The package ships compiled code (ELF, PE, Mach-O, WebAssembly) that no reviewer can read.
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
