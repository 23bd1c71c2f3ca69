//! The rule catalogue: one file per rule under `rules/<category>/<rule_id>.rs`, each declaring its
//! metadata and its own flag/pass cases with [`declare_rule!`], all listed in [`RULES`].

use crate::model::{Capability, Severity};
use crate::package::{FileCtx, Package};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Archive,
    Install,
    Exec,
    Network,
    Data,
    Worm,
    Crypto,
    Obfuscation,
    Other,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Archive => "archive",
            Category::Install => "install",
            Category::Exec => "exec",
            Category::Network => "network",
            Category::Data => "data",
            Category::Worm => "worm",
            Category::Crypto => "crypto",
            Category::Obfuscation => "obfuscation",
            Category::Other => "other",
        }
    }
}

/// A rule's description, for docs, `warden rules` and SARIF.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleMeta {
    pub id: &'static str,
    pub category: Category,
    /// The default severity; context may raise or lower it per finding.
    pub severity: Severity,
    /// The capability a finding of this rule grants, if any.
    pub capability: Option<Capability>,
    pub title: &'static str,
    pub description: &'static str,
    /// The incident that motivated the rule.
    pub incident: &'static str,
}

/// A rule: its metadata and its check over the whole package.
pub struct Rule {
    pub meta: &'static RuleMeta,
    pub check: fn(&Package, &mut Emitter),
}

/// A finding before fingerprinting.
#[derive(Debug, Clone)]
pub struct Hit {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
    pub evidence: String,
    /// Whether the file runs at install time.
    pub install: bool,
    /// Whether the finding sits in load-time code of an entry file: it runs as soon as the
    /// package is imported (see [`Package::runs_on_load`]).
    pub load: bool,
}

pub struct Emitter {
    meta: &'static RuleMeta,
    pub hits: Vec<Hit>,
}

impl Emitter {
    pub fn new(meta: &'static RuleMeta) -> Self {
        Self {
            meta,
            hits: Vec::new(),
        }
    }

    /// A finding at a byte offset of a file, default severity, excerpt as evidence.
    pub fn hit(&mut self, pkg: &Package, f: &FileCtx, off: u32, message: impl Into<String>) {
        self.hit_sev(self.meta.severity, pkg, f, off, message);
    }

    pub fn hit_sev(
        &mut self,
        sev: Severity,
        pkg: &Package,
        f: &FileCtx,
        off: u32,
        message: impl Into<String>,
    ) {
        let ev = f.excerpt(off, 100);
        self.hit_ev(sev, pkg, f, off, message, ev);
    }

    pub fn hit_ev(
        &mut self,
        sev: Severity,
        pkg: &Package,
        f: &FileCtx,
        off: u32,
        message: impl Into<String>,
        evidence: impl Into<String>,
    ) {
        let (line, column) = f.line_col(off);
        let message = match &f.script {
            Some((name, _)) => format!("scripts.{name}: {}", message.into()),
            None => message.into(),
        };
        self.hits.push(Hit {
            rule: self.meta,
            severity: sev,
            file: f.path.clone(),
            line,
            column,
            message,
            evidence: crate::package::one_line(&evidence.into()),
            install: pkg.is_install_file(f),
            load: pkg.runs_on_load(f, off),
        });
    }

    /// A finding about the archive or the manifest, not a position in a file.
    pub fn whole(
        &mut self,
        sev: Severity,
        file: &str,
        message: impl Into<String>,
        evidence: impl Into<String>,
    ) {
        self.hits.push(Hit {
            rule: self.meta,
            severity: sev,
            file: file.to_string(),
            line: 0,
            column: 0,
            message: message.into(),
            evidence: crate::package::one_line(&evidence.into()),
            install: false,
            load: false,
        });
    }

    pub fn default_severity(&self) -> Severity {
        self.meta.severity
    }
}

/// Declares a rule's metadata, its registration and its flag/pass test cases. The rule file
/// defines `fn check(pkg: &Package, out: &mut Emitter)`.
///
/// A case is the content of `case_file` (default `index.js`), or several files separated by
/// lines `=== path`.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        id: $id:literal,
        category: $cat:ident,
        severity: $sev:ident,
        capability: $cap:expr,
        title: $title:literal,
        incident: $inc:literal,
        case_file: $cf:literal,
        flag: [$($flag:expr),* $(,)?],
        pass: [$($pass:expr),* $(,)?] $(,)?
    ) => {
        pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            id: $id,
            category: $crate::rules::Category::$cat,
            severity: $crate::model::Severity::$sev,
            capability: $cap,
            title: $title,
            description: concat!($($doc, "\n"),*),
            incident: $inc,
        };
        pub const RULE: $crate::rules::Rule = $crate::rules::Rule { meta: &META, check };

        #[cfg(test)]
        mod cases {
            #[test]
            fn flags_every_flag_case() {
                for case in [$($flag),*] {
                    $crate::rules::testing::assert_flags(&super::RULE, $cf, case);
                }
            }
            #[test]
            fn passes_every_pass_case() {
                for case in [$($pass),*] {
                    $crate::rules::testing::assert_passes(&super::RULE, $cf, case);
                }
            }
        }
    };
}

pub mod archive;
pub mod crypto;
pub mod data;
pub mod exec;
pub mod gate;
pub mod install;
pub mod network;
pub mod obfuscation;
pub mod other;
pub mod presence;
pub mod worm;

/// Every rule, in catalogue order. Docs, `warden rules` and SARIF read this slice.
pub static ALL: &[Rule] = &[
    archive::archive_corrupt::RULE,
    archive::archive_size_limit::RULE,
    archive::archive_entry_limit::RULE,
    archive::archive_file_size::RULE,
    archive::archive_path_depth::RULE,
    archive::archive_unsafe_path::RULE,
    archive::archive_link::RULE,
    archive::archive_device::RULE,
    archive::archive_duplicate_entry::RULE,
    archive::manifest_confusion::RULE,
    install::install_script::RULE,
    install::install_script_network::RULE,
    install::install_script_hidden_file::RULE,
    install::remote_url_dependency::RULE,
    exec::child_process::RULE,
    exec::shell_download_exec::RULE,
    exec::eval_dynamic::RULE,
    exec::hidden_code_run::RULE,
    exec::silent_process::RULE,
    exec::dynamic_require::RULE,
    exec::bin_shadowing::RULE,
    exec::write_then_load::RULE,
    exec::osascript_cradle::RULE,
    network::network_access::RULE,
    network::suspicious_endpoint::RULE,
    network::blockchain_c2::RULE,
    network::mail_exfil::RULE,
    network::cloaked_redirect::RULE,
    network::service_worker_hijack::RULE,
    data::env_harvest::RULE,
    data::sensitive_file_read::RULE,
    data::token_theft::RULE,
    data::credential_scanner::RULE,
    data::browser_data_theft::RULE,
    data::client_data_theft::RULE,
    data::credential_file_send::RULE,
    data::secret_flow::RULE,
    data::credential_phishing::RULE,
    worm::npm_publish::RULE,
    worm::github_workflow_write::RULE,
    worm::github_repo_abuse::RULE,
    crypto::wallet_hook::RULE,
    crypto::crypto_address_list::RULE,
    crypto::address_swap::RULE,
    crypto::clipboard_hijack::RULE,
    crypto::wallet_drain::RULE,
    obfuscation::obfuscated_code::RULE,
    obfuscation::encoded_payload::RULE,
    obfuscation::high_entropy_string::RULE,
    obfuscation::minified_source::RULE,
    obfuscation::unparseable_code::RULE,
    other::native_binary::RULE,
    other::destructive_fs::RULE,
    other::ransomware::RULE,
    other::geo_or_locale_targeting::RULE,
    other::page_sabotage::RULE,
    other::hidden_code_in_non_js::RULE,
    other::persistence::RULE,
    other::crypto_miner::RULE,
    other::endless_loop::RULE,
    other::time_bomb::RULE,
    other::tamper_installed_package::RULE,
    other::git_config_tamper::RULE,
    other::remote_wipe::RULE,
    other::user_folder_drop::RULE,
    other::agent_prompt_injection::RULE,
];

/// Whether a file sends over the network from load-time code (a network call at its top level,
/// or in an IIFE or callback there), the import-time counterpart of an install file's network
/// use.
pub fn sends_on_load(pkg: &Package, path: &str) -> bool {
    pkg.files.iter().find(|f| f.path == path).is_some_and(|f| {
        f.js.as_ref().is_some_and(|js| {
            js.calls
                .iter()
                .any(|c| network::is_net_call(&c.path) && pkg.runs_on_load(f, c.off))
        })
    })
}

/// Text matches in a file and in the strings its code builds at run time (folded, decoded):
/// `(offset, matched text)`.
pub fn find_text(f: &FileCtx, re: &gate::Re) -> Vec<(u32, String)> {
    if !re.admits_all(f) {
        return Vec::new();
    }
    let re: &regex::Regex = re;
    let mut out: Vec<(u32, String)> = re
        .find_iter(&f.text)
        .take(64)
        .map(|m| (m.start() as u32, m.as_str().to_string()))
        .collect();
    if let Some(js) = &f.js {
        for (s, off) in &js.derived {
            for m in re.find_iter(s).take(8) {
                out.push((*off, m.as_str().to_string()));
            }
            if out.len() > 256 {
                break;
            }
        }
    }
    out
}

/// The file's text plus every derived string, for rules that look for several words at once.
/// Built once per file.
pub fn all_text(f: &FileCtx) -> &str {
    f.all_text()
}

#[cfg(test)]
pub mod testing {
    use super::*;
    use crate::model::Limits;

    pub fn files_of(case_file: &str, case: &str) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        if case.starts_with("=== ") {
            for chunk in case.split("=== ").filter(|c| !c.is_empty()) {
                let (path, body) = chunk.split_once('\n').unwrap_or((chunk, ""));
                files.push((path.trim().to_string(), body.as_bytes().to_vec()));
            }
        } else {
            files.push((case_file.to_string(), case.as_bytes().to_vec()));
        }
        if !files.iter().any(|(p, _)| p == "package.json") {
            files.push((
                "package.json".into(),
                br#"{"name":"case","version":"1.0.0","main":"index.js"}"#.to_vec(),
            ));
        }
        files
    }

    pub fn run(rule: &Rule, case_file: &str, case: &str) -> Vec<Hit> {
        if case_file == "<archive>" {
            let (bytes, limits) = super::archive_cases::build(case);
            let u = crate::unpack::unpack(&bytes, &limits);
            let pkg = Package::build(u.files, u.issues, None, &limits);
            let mut out = Emitter::new(rule.meta);
            (rule.check)(&pkg, &mut out);
            return out.hits;
        }
        let limits = Limits::default();
        let mut files = files_of(case_file, case);
        let registry = files
            .iter()
            .position(|(p, _)| p == "<registry>")
            .map(|i| files.remove(i))
            .and_then(|(_, b)| serde_json::from_slice::<serde_json::Value>(&b).ok());
        let pkg = Package::build(files, Vec::new(), registry.as_ref(), &limits);
        let mut out = Emitter::new(rule.meta);
        // Twice: once answered by searches, once by the presence bits (the literals are
        // registered by then); both must agree.
        (rule.check)(&pkg, &mut out);
        let searched = out.hits.len();
        out.hits.clear();
        let _scope = super::presence::Scope::enter(&pkg);
        (rule.check)(&pkg, &mut out);
        assert_eq!(
            searched,
            out.hits.len(),
            "gates by presence bits change {}'s findings",
            rule.meta.id
        );
        out.hits
    }

    /// The severity of the first finding of `rule` on `case`, with every finding (for the
    /// failure message).
    pub fn first_severity(
        rule: &Rule,
        case_file: &str,
        case: &str,
    ) -> (Option<crate::model::Severity>, String) {
        let hits = run(rule, case_file, case);
        (hits.first().map(|h| h.severity), format!("{hits:?}"))
    }

    pub fn assert_flags(rule: &Rule, case_file: &str, case: &str) {
        let hits = run(rule, case_file, case);
        assert!(
            !hits.is_empty(),
            "rule {} should flag:\n{case}",
            rule.meta.id
        );
    }

    pub fn assert_passes(rule: &Rule, case_file: &str, case: &str) {
        let hits = run(rule, case_file, case);
        assert!(
            hits.is_empty(),
            "rule {} should not flag:\n{case}\nbut found: {hits:?}",
            rule.meta.id
        );
    }
}

#[cfg(test)]
pub mod archive_cases {
    //! Builds tarballs in memory from a small line format, for the archive rules' cases:
    //! `file PATH SIZE`, `file PATH = TEXT`, `symlink PATH TARGET`, `hardlink PATH TARGET`,
    //! `fifo PATH`, `truncate BYTES`, `limits total=N entries=N file=N depth=N`.
    use crate::model::Limits;

    fn header(path: &str, kind: tar::EntryType, size: u64) -> tar::Header {
        let mut h = tar::Header::new_ustar();
        let name = path.as_bytes();
        let dst = &mut h.as_old_mut().name;
        dst[..name.len()].copy_from_slice(name);
        h.set_entry_type(kind);
        h.set_size(size);
        h.set_mode(0o644);
        h.set_cksum();
        h
    }

    pub fn build(spec: &str) -> (Vec<u8>, Limits) {
        let mut limits = Limits::default();
        let mut b = tar::Builder::new(Vec::new());
        let mut truncate = None;
        for line in spec.lines() {
            let mut w = line.splitn(3, ' ');
            let (op, a, rest) = (
                w.next().unwrap_or(""),
                w.next().unwrap_or(""),
                w.next().unwrap_or(""),
            );
            match op {
                "file" => {
                    let data: Vec<u8> = match rest.strip_prefix("= ") {
                        Some(t) => t.as_bytes().to_vec(),
                        None => vec![b'a'; rest.parse().unwrap_or(1)],
                    };
                    let mut h = header(a, tar::EntryType::Regular, data.len() as u64);
                    h.set_cksum();
                    b.append(&h, data.as_slice()).expect("in-memory tar write");
                }
                "symlink" | "hardlink" => {
                    let kind = if op == "symlink" {
                        tar::EntryType::Symlink
                    } else {
                        tar::EntryType::Link
                    };
                    let mut h = header(a, kind, 0);
                    h.set_link_name(rest).expect("short link name");
                    h.set_cksum();
                    b.append(&h, std::io::empty()).expect("in-memory tar write");
                }
                "fifo" => {
                    let h = header(a, tar::EntryType::Fifo, 0);
                    b.append(&h, std::io::empty()).expect("in-memory tar write");
                }
                "truncate" => truncate = a.parse().ok(),
                "limits" => {
                    for kv in std::iter::once(a).chain(rest.split(' ')) {
                        let Some((k, v)) = kv.split_once('=') else {
                            continue;
                        };
                        let v: u64 = v.parse().unwrap_or(0);
                        match k {
                            "total" => limits.max_total_size = v,
                            "entries" => limits.max_entries = v,
                            "file" => limits.max_file_size = v,
                            "depth" => limits.max_path_depth = v as usize,
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        let tar = b.into_inner().expect("in-memory tar finish");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &tar).expect("in-memory gzip");
        let mut bytes = gz.finish().expect("in-memory gzip");
        if let Some(n) = truncate {
            bytes.truncate(n);
        }
        (bytes, limits)
    }
}

/// Paths of documentation, tests, examples and fixtures: data there is illustration, not code
/// that runs in a user's application.
pub fn is_doc_path(path: &str) -> bool {
    // Asked by most rules for every file: compared ASCII-case-insensitively in place instead of
    // on a lowercased copy split into a vector.
    const DIRS: [&str; 16] = [
        "test",
        "tests",
        "__tests__",
        "spec",
        "specs",
        "example",
        "examples",
        "docs",
        "doc",
        "fixtures",
        "fixture",
        "__fixtures__",
        "__mocks__",
        "benchmark",
        "benchmarks",
        "demo",
    ];
    const ENDS: [&str; 8] = [
        ".md",
        ".markdown",
        ".test.js",
        ".spec.js",
        ".test.ts",
        ".spec.ts",
        ".d.ts",
        ".map",
    ];
    let b = path.as_bytes();
    path.rsplit('/')
        .skip(1)
        .any(|s| DIRS.iter().any(|d| s.eq_ignore_ascii_case(d)))
        || ENDS.iter().any(|e| {
            b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
        })
}

#[cfg(test)]
mod doc_path_tests {
    use super::is_doc_path;

    /// The definition the in-place comparison replaces.
    fn lowered(path: &str) -> bool {
        let p = path.to_ascii_lowercase();
        let segs: Vec<&str> = p.split('/').collect();
        let dirs = [
            "test",
            "tests",
            "__tests__",
            "spec",
            "specs",
            "example",
            "examples",
            "docs",
            "doc",
            "fixtures",
            "fixture",
            "__fixtures__",
            "__mocks__",
            "benchmark",
            "benchmarks",
            "demo",
        ];
        segs.iter().rev().skip(1).any(|s| dirs.contains(s))
            || [
                ".md",
                ".markdown",
                ".test.js",
                ".spec.js",
                ".test.ts",
                ".spec.ts",
                ".d.ts",
                ".map",
            ]
            .iter()
            .any(|e| p.ends_with(e))
    }

    #[test]
    fn doc_paths_are_the_lowercased_definition() {
        for p in [
            "README.md",
            "docs/a.js",
            "Docs/A.JS",
            "lib/TESTS/x.js",
            "lib/tests",
            "test",
            "a/b/c.d.ts",
            "a/b/c.D.TS",
            "index.js.map",
            "index.js",
            "lib/testing/x.js",
            "lib/é/Demo/x.js",
            "x.Spec.Ts",
            "",
            "/",
            "md",
            "é.md",
            "dist/x.markdown.js",
        ] {
            assert_eq!(is_doc_path(p), lowered(p), "{p}");
        }
        assert!(is_doc_path("Docs/A.JS") && !is_doc_path("lib/tests"));
    }
}

/// Files whose text is code that can run: JavaScript, shell scripts and lifecycle commands.
/// Whether a resolved call writes a file's content: `fs` writes, appends, copies and write
/// streams, callback, sync and promise forms alike. The one list the rules use.
pub fn is_file_write(path: &str) -> bool {
    let method = path
        .strip_prefix("fs.promises.")
        .or_else(|| path.strip_prefix("fs/promises."))
        .or_else(|| path.strip_prefix("fs."));
    method.is_some_and(|m| {
        m.starts_with("writeFile")
            || m.starts_with("appendFile")
            || m.starts_with("copyFile")
            || m == "createWriteStream"
    })
}

pub fn code_files<'p>(pkg: &'p Package) -> impl Iterator<Item = &'p FileCtx> + 'p {
    pkg.files.iter().filter(|f| {
        matches!(
            f.kind,
            crate::package::FileKind::Js | crate::package::FileKind::Shell
        )
    })
}

/// The default severity raised one step when the file runs at install time.
pub fn install_raised(pkg: &Package, f: &FileCtx, sev: Severity) -> Severity {
    if pkg.is_install_file(f) {
        sev.raised()
    } else {
        sev
    }
}

/// Compiles a rule pattern with its literal gate ([`gate`]). Word boundaries are made
/// ASCII-only: Unicode `\b` forces the regex engine off its fast DFA on non-ASCII text, which
/// made scans ten times slower.
pub fn compile(pattern: &str) -> gate::Re {
    gate::Re::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("rule regex is valid")
}

/// Whether `text` mentions any of the literals (ASCII case-insensitive): a cheap gate in front of
/// a rule's regexes. A code file's text is answered from its presence bits ([`presence`]),
/// any other with one automaton built once per call site.
#[macro_export]
macro_rules! mentions {
    ($text:expr, [$($lit:literal),+ $(,)?]) => {{
        static LITS: std::sync::LazyLock<$crate::rules::presence::Mentions> =
            std::sync::LazyLock::new(|| $crate::rules::presence::Mentions::new(&[$($lit),+]));
        LITS.is_match($text)
    }};
}

/// Regex built once from a literal pattern, with its literal gate (an invalid pattern is a bug
/// caught by the rule tests). Search it with [`find_text`] or its own `find`/`is_match`/…: both
/// skip texts that lack the literals every match needs.
#[macro_export]
macro_rules! regex {
    ($re:literal) => {{
        static RE: std::sync::LazyLock<$crate::rules::gate::Re> =
            std::sync::LazyLock::new(|| $crate::rules::compile($re));
        &*RE
    }};
}

#[cfg(test)]
mod file_write_tests {
    use super::is_file_write;

    #[test]
    fn writes_in_every_form_count() {
        for p in [
            "fs.writeFileSync",
            "fs.appendFile",
            "fs.copyFileSync",
            "fs.createWriteStream",
            "fs.promises.writeFile",
            "fs.promises.appendFile",
            "fs/promises.copyFile",
        ] {
            assert!(is_file_write(p), "{p}");
        }
    }

    #[test]
    fn reads_and_other_modules_do_not() {
        for p in [
            "fs.readFileSync",
            "fs.createReadStream",
            "fs.promises.readFile",
            "fs.writeSync",
            "stream.writeFile",
            "writeFile",
        ] {
            assert!(!is_file_write(p), "{p}");
        }
    }
}
