//! Rule `native-binary`.

use crate::model::Severity;
use crate::package::{Package, native_format};
use crate::rules::{Emitter, all_text, code_files};

crate::declare_rule! {
    /// The package ships compiled code (ELF, PE, Mach-O, XCOFF, WebAssembly) that no reviewer can read.
    /// Prebuilt Node addons (`.node` under prebuilds/ or build/) and `.wasm` are `low`; other
    /// executables are `medium`, and `high` when the install script runs them (or runs them via
    /// rundll32/regsvr32). A binary whose own strings name credential stores of two kinds (SSH
    /// keys, wallet files, browser login stores, cloud and registry credentials) beside a
    /// `curl … | sh` template or a URL is a stealer compiled out of the JavaScript rules' sight:
    /// `high`, `critical` when code run on `require` or install loads it by name. No compiled
    /// library of the evaluated real packages names any of these stores.
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
        // A stealer compiled where no JavaScript rule reads it: the binary's own strings name
        // credential stores of two kinds and a download or upload address.
        if let Some(what) = stealer_strings(f.bytes()) {
            // Loaded by name, by its name without `.node` (`bindings('x')`), or by a loader
            // that finds the addon itself (`node-gyp-build(__dirname)`).
            let stem = name.strip_suffix(".node").filter(|s| s.len() >= 3);
            let loaded = code_files(pkg).any(|c| {
                let t = all_text(c);
                (pkg.is_entry_file(c) || pkg.is_install_file(c))
                    && (t.contains(name)
                        || stem.is_some_and(|s| t.contains(s))
                        || t.contains("node-gyp-build")
                        || t.contains("require('bindings')")
                        || t.contains("require(\"bindings\")"))
            });
            let sev = if loaded {
                Severity::Critical
            } else {
                Severity::High
            };
            let tail = if loaded {
                ", loaded by code run on require or install"
            } else {
                ""
            };
            out.whole(
                sev,
                &f.path,
                format!("ships a {fmt} binary whose strings name {what}{tail}"),
                f.path.clone(),
            );
            continue;
        }
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

/// What a binary's strings say it steals: two or more kinds of credential store beside a
/// shell download template or a URL.
fn stealer_strings(b: &[u8]) -> Option<String> {
    use aho_corasick::AhoCorasick;
    use std::sync::OnceLock;
    // (needle, kind); kinds "download" and "url" are the way out.
    const NEEDLES: &[(&str, &str)] = &[
        (".ssh/id_rsa", "SSH keys"),
        (".ssh\\id_ed25519", "SSH keys"),
        (".aws\\credentials", "cloud or registry credentials"),
        (".docker\\config.json", "cloud or registry credentials"),
        (".ssh/id_ed25519", "SSH keys"),
        (".ssh/id_ecdsa", "SSH keys"),
        (".ssh\\id_rsa", "SSH keys"),
        ("solana/id.json", "wallets"),
        ("exodus.wallet", "wallets"),
        ("Electrum/wallets", "wallets"),
        ("wallet.dat", "wallets"),
        ("Ethereum/keystore", "wallets"),
        ("nkbihfbeogaeaoehlefnkodbefgpgknn", "wallets"),
        ("Login Data", "browser logins"),
        ("logins.json", "browser logins"),
        ("cookies.sqlite", "browser logins"),
        ("key4.db", "browser logins"),
        (".aws/credentials", "cloud or registry credentials"),
        (".npmrc", "cloud or registry credentials"),
        (".docker/config.json", "cloud or registry credentials"),
        (".kube/config", "cloud or registry credentials"),
        (".git-credentials", "cloud or registry credentials"),
        (
            "application_default_credentials.json",
            "cloud or registry credentials",
        ),
        ("| sh", "download"),
        ("| bash", "download"),
        ("|sh", "download"),
        ("|bash", "download"),
        ("https://", "url"),
        ("http://", "url"),
    ];
    // Each needle as bytes and as UTF-16LE (the wide strings of Windows binaries).
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let ac = AC
        .get_or_init(|| {
            let narrow = NEEDLES.iter().map(|(n, _)| n.as_bytes().to_vec());
            let wide = NEEDLES
                .iter()
                .map(|(n, _)| n.bytes().flat_map(|c| [c, 0]).collect::<Vec<u8>>());
            AhoCorasick::new(narrow.chain(wide)).ok()
        })
        .as_ref()?;
    let mut kinds = std::collections::BTreeSet::new();
    for m in ac.find_overlapping_iter(b) {
        kinds.insert(NEEDLES[m.pattern().as_usize() % NEEDLES.len()].1);
    }
    let out = kinds.contains("download") || kinds.contains("url");
    let stores: Vec<&str> = kinds
        .into_iter()
        .filter(|k| *k != "download" && *k != "url")
        .collect();
    (stores.len() >= 2 && out).then(|| stores.join(", "))
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

    fn findings(files: &[(&str, &[u8])]) -> Vec<(crate::model::Severity, String)> {
        let files = files
            .iter()
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect();
        let pkg = Package::build(files, Vec::new(), None, &Limits::default());
        let mut out = Emitter::new(super::RULE.meta);
        (super::RULE.check)(&pkg, &mut out);
        out.hits
            .into_iter()
            .map(|h| (h.severity, h.message))
            .collect()
    }

    #[test]
    fn an_addon_naming_credential_stores_and_a_way_out_is_a_stealer() {
        use crate::model::Severity;
        let bin: &[u8] = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0napi_register_module_v1\0/.ssh/id_ed25519\0/.config/solana/id.json\0https://cdn.example.net/u\0";
        let manifest: &[u8] = br#"{"name":"a","version":"1.0.0","main":"index.js"}"#;
        let loads: &[u8] =
            b"const n = require('./prebuilds/linux-x64/a.node'); n.init(process.env)";
        let hits = findings(&[
            ("package.json", manifest),
            ("index.js", loads),
            ("prebuilds/linux-x64/a.node", bin),
        ]);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].0, Severity::Critical, "{hits:?}");
        // Not loaded by code that runs: high.
        let hits = findings(&[
            ("package.json", manifest),
            ("index.js", b"module.exports = 1"),
            ("prebuilds/linux-x64/a.node", bin),
        ]);
        assert_eq!(hits[0].0, Severity::High, "{hits:?}");
        // Wide strings, loaded through node-gyp-build: critical.
        let wide: Vec<u8> = b"MZ\x90\0\x03\0\0\0"
            .iter()
            .copied()
            .chain(
                "\\.aws\\credentials|Google\\Chrome\\User Data\\Default\\Login Data|https://x.example.net/u"
                    .bytes()
                    .flat_map(|c| [c, 0]),
            )
            .collect();
        let hits = findings(&[
            ("package.json", manifest),
            (
                "index.js",
                b"module.exports = require('node-gyp-build')(__dirname)",
            ),
            ("prebuilds/win32-x64/w.node", &wide),
        ]);
        assert_eq!(hits[0].0, Severity::Critical, "{hits:?}");
        // One kind of store (an SSH client library) is an ordinary prebuilt addon.
        let ssh: &[u8] = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0/.ssh/id_rsa\0/.ssh/id_ed25519\0https://www.libssh2.example/\0";
        let hits = findings(&[
            ("package.json", manifest),
            ("index.js", loads),
            ("prebuilds/linux-x64/a.node", ssh),
        ]);
        assert_eq!(hits[0].0, Severity::Low, "{hits:?}");
    }
}
