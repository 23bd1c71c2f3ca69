//! JavaScript analysis with oxc: what a file requires, calls, reads and assigns, resolved
//! statically (aliases, constant strings, string concatenation, base64/hex/char-code decoding).
//! The result is a flat list of facts the rules read; scope is ignored on purpose (one alias map
//! per file), which over-approximates in the direction of finding more.

use crate::decode;
use crate::local_decoder::{self, Decoder};
use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_span::{GetSpan, SourceType};
use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (the rustc hasher): the analyser hashes short identifier strings at every AST node,
/// where SipHash's DoS resistance is not needed and its cost showed in profiles.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fx>>;

/// A call site, with its callee resolved to a dotted path (`child_process.exec`, `eval`,
/// `fetch`, `window.ethereum.request`).
#[derive(Debug, Clone)]
pub struct Call {
    pub path: String,
    pub off: u32,
    pub is_new: bool,
    pub n_args: usize,
    /// The first four arguments: folded constant string and/or resolved path.
    pub args: Vec<Arg>,
    /// Keys and folded values of object-literal arguments (`detached` → `true`).
    pub opts: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default)]
pub struct Arg {
    pub lit: Option<String>,
    pub path: Option<String>,
    /// A function expression or arrow function.
    pub func: bool,
    /// A plain string literal (not built or decoded).
    pub plain: bool,
    /// A bare identifier (its folded value comes from a file-wide constant map, so it may be a
    /// different binding of the same name).
    pub ident: bool,
    /// The constant end of a concatenation or template (`.zone.example` in `x + '.zone.example'`).
    pub tail: Option<String>,
}

impl Call {
    pub fn arg_lit(&self, i: usize) -> Option<&str> {
        self.args.get(i).and_then(|a| a.lit.as_deref())
    }
    pub fn arg_path(&self, i: usize) -> Option<&str> {
        self.args.get(i).and_then(|a| a.path.as_deref())
    }
    pub fn opt(&self, key: &str) -> Option<&str> {
        self.opts
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Everything the rules need to know about one parsed file.
#[derive(Debug, Clone, Default)]
pub struct JsFacts {
    /// Module specifiers loaded with require/import (constant-folded, `node:` removed).
    pub modules: Vec<(String, u32)>,
    /// require()/import() whose argument does not fold to a constant.
    pub dynamic_requires: Vec<u32>,
    pub calls: Vec<Call>,
    /// Resolved member paths (`process.env.NPM_TOKEN`, `window.ethereum`) → first offset.
    pub members: HashMap<String, u32>,
    /// Member paths assigned to (`XMLHttpRequest.prototype.open = …`).
    pub assigns: Vec<(String, u32)>,
    /// Strings the source does not show literally: folded concatenations, escaped literals,
    /// decoded base64/hex/char codes. The text rules run over these too.
    pub derived: Vec<(String, u32)>,
    /// Short words hidden in hex literals (`5f636f6d70696c65` → `_compile`).
    pub decoded_words: Vec<(String, u32)>,
    /// Decoded payloads that parsed as JavaScript (their facts are merged into these).
    pub decoded_code: Vec<u32>,
    pub idents: u32,
    pub obf_idents: u32,
    /// Secrets reaching the network or an uploading command (see `flow.rs`).
    pub flows: Vec<crate::flow::Flow>,
    /// Hidden code (fetched, read from a data file, decoded) or a host-derived value reaching
    /// a code runner (see `flow.rs`).
    pub code_runs: Vec<crate::flow::Flow>,
    /// Constant strings the file exports (`exports.k = '…'`, `module.exports = { k: '…' }`).
    pub exports: Vec<(String, String)>,
    /// Byte spans `(start, end)` of the functions written in the file (declarations,
    /// expressions, arrows), in source order; not those of decoded code.
    pub functions: Vec<(u32, u32)>,
    /// Starts of the functions called where they are written (`(function () { … })()`) or
    /// passed as callbacks (`p.then((r) => …)`): for [`JsFacts::scope_of`] their body belongs
    /// to the code around them.
    pub invoked: Vec<u32>,
    /// A local XOR decoder was called on a constant whose key this file does not hold (read
    /// from another file of the package, such as a JSON data file).
    pub xor_key_missing: bool,
}

impl JsFacts {
    /// The smallest function that holds `off` and is neither invoked in place nor passed as a
    /// callback, as a span; `None` for the file's top level (with its IIFEs and callbacks).
    pub fn scope_of(&self, off: u32) -> Option<(u32, u32)> {
        self.functions
            .iter()
            .filter(|(s, e)| *s <= off && off < *e && self.invoked.binary_search(s).is_err())
            .min_by_key(|(s, e)| e - s)
            .copied()
    }
}

impl JsFacts {
    pub fn has_module(&self, name: &str) -> Option<u32> {
        self.modules
            .iter()
            .find(|(m, _)| m == name)
            .map(|(_, o)| *o)
    }
    pub fn member(&self, path: &str) -> Option<u32> {
        self.members.get(path).copied()
    }
    pub fn member_prefix(&self, prefix: &str) -> Option<(&str, u32)> {
        self.members
            .iter()
            .filter(|(p, _)| p.starts_with(prefix))
            .min_by_key(|(_, o)| **o)
            .map(|(p, o)| (p.as_str(), *o))
    }
    pub fn calls_to<'s>(
        &'s self,
        pred: impl Fn(&str) -> bool + 's,
    ) -> impl Iterator<Item = &'s Call> + 's {
        self.calls.iter().filter(move |c| pred(&c.path))
    }
}

/// Globals whose member paths and calls are recorded (besides loaded modules).
/// Module interop helpers that TypeScript, esbuild and Babel wrap `require(x)` in
/// (`__toESM(require("node:https"))`, `__importDefault(require("os"))`): the result is the module.
const INTEROP: &[&str] = &[
    "__toESM",
    "__importDefault",
    "__importStar",
    "_interopRequireDefault",
    "_interopRequireWildcard",
];

const ROOTS: &[&str] = &[
    "process",
    "Buffer",
    "JSON",
    "Object",
    "window",
    "document",
    "navigator",
    "XMLHttpRequest",
    "fetch",
    "eval",
    "Function",
    "require",
    "module",
    "WebSocket",
    "atob",
    "btoa",
    "String",
    "Intl",
    "Reflect",
    "Proxy",
    "setTimeout",
    "setInterval",
    "setImmediate",
    "zlib",
    "location",
    "localStorage",
    "ethereum",
    "solana",
    "phantom",
    "Date",
    "crypto",
    "os",
    "fs",
    "child_process",
    "http",
    "https",
    "net",
    "dns",
    "vm",
    "EventSource",
    "navigator",
    "importScripts",
    "__dirname",
    "globalThis",
    "Math",
    "Array",
    "RegExp",
    "fs/promises",
    "worker_threads",
];

/// Names of Node's built-in modules (subpaths like `fs/promises` included).
#[allow(dead_code)]
pub fn is_builtin(m: &str) -> bool {
    let base = m.split('/').next().unwrap_or(m);
    matches!(
        base,
        "child_process"
            | "fs"
            | "os"
            | "net"
            | "http"
            | "https"
            | "http2"
            | "dns"
            | "dgram"
            | "tls"
            | "vm"
            | "crypto"
            | "path"
            | "process"
            | "zlib"
            | "stream"
            | "util"
            | "cluster"
            | "worker_threads"
            | "module"
            | "readline"
            | "url"
            | "events"
            | "buffer"
            | "v8"
            | "inspector"
            | "perf_hooks"
            | "assert"
            | "querystring"
            | "string_decoder"
            | "tty"
            | "timers"
    )
}

pub struct Analyzer<'s> {
    src: &'s str,
    base_off: u32,
    aliases: HashMap<String, String>,
    /// Constant ends of strings built into variables (`const n = `${x}.zone.example``).
    tails: HashMap<String, String>,
    /// Local one-parameter decoders (hex, base64, reversers, rot13, XOR with a key of the
    /// file): name → what they do ([`crate::local_decoder`]).
    decoders: HashMap<String, Decoder>,
    xor_key_missing: std::cell::Cell<bool>,
    /// Local one-parameter functions returning `G[param]` with `G` the global object:
    /// name → the global's path (`globalThis`).
    global_getters: HashMap<String, String>,
    /// Members of compiled TypeScript enums: `Kind.Vault` → `1`, `Kind[1]` → `Vault`.
    enum_members: HashMap<String, String>,
    consts: HashMap<String, String>,
    /// Variables holding decoded binary (`const b = Buffer.from('eJy…', 'base64')`), for
    /// decompression folding; capped in size.
    byte_consts: HashMap<String, Vec<u8>>,
    pub facts: JsFacts,
    decode_depth: usize,
    folded_until: u32,
    max_decode_depth: usize,
    max_parse: usize,
    /// Constant strings exported by the package's other files, keyed by the member path as this
    /// file reaches it (`./format._p`), so a payload split across modules folds back together.
    imports: HashMap<String, String>,
    /// Variables holding constant arrays of strings (`const parts = [a, b, 'c']`), for `join`.
    arrays: HashMap<String, Vec<String>>,
    /// The names in `facts.modules` (which only grows) and how many of its entries they cover:
    /// bundles load hundreds of modules, and every member chain asks whether its root is one.
    module_names: std::cell::RefCell<(usize, HashMap<String, ()>)>,
    /// Where the source holds `.push(`, `.unshift(`, `.splice(` or `.length =` (found on first
    /// use), for `grown_in_place`.
    grow_sites: Option<Vec<usize>>,
}

/// Result of parsing one source text.
pub enum Parsed {
    Ok(JsFacts),
    /// Did not parse; the message says why.
    Failed(String, JsFacts),
}

/// Parses and analyses `src` (must be called on a thread with a large stack).
pub fn analyze(src: &str, path: &str, max_decode_depth: usize, max_parse: usize) -> Parsed {
    analyze_at(src, path, 0, 0, max_decode_depth, max_parse)
}

/// [`analyze`] with the constant strings other files of the package export, keyed by the member
/// path this file uses (`./format._p`).
pub fn analyze_with_imports(
    src: &str,
    path: &str,
    max_decode_depth: usize,
    max_parse: usize,
    imports: HashMap<String, String>,
) -> Parsed {
    analyze_full(src, path, 0, 0, max_decode_depth, max_parse, imports)
}

fn source_type(path: &str) -> SourceType {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".ts") || lower.ends_with(".mts") || lower.ends_with(".cts") {
        SourceType::ts()
    } else if lower.ends_with(".tsx") {
        SourceType::tsx()
    } else if lower.ends_with(".mjs") {
        SourceType::mjs()
    } else if lower.ends_with(".cjs") {
        SourceType::cjs()
    } else {
        // Unknown module kind: try as a module with JSX allowed, then as a script.
        SourceType::unambiguous().with_jsx(true)
    }
}

fn analyze_at(
    src: &str,
    path: &str,
    base_off: u32,
    depth: usize,
    max_decode_depth: usize,
    max_parse: usize,
) -> Parsed {
    analyze_full(
        src,
        path,
        base_off,
        depth,
        max_decode_depth,
        max_parse,
        HashMap::default(),
    )
}

fn analyze_full(
    src: &str,
    path: &str,
    base_off: u32,
    depth: usize,
    max_decode_depth: usize,
    max_parse: usize,
    imports: HashMap<String, String>,
) -> Parsed {
    with_arena(|alloc| {
        analyze_in(
            alloc,
            src,
            path,
            base_off,
            depth,
            max_decode_depth,
            max_parse,
            imports,
        )
    })
}

/// Parser arenas kept between files (and scans): a reset arena keeps its largest chunk, so
/// parsing does not fault in fresh pages for every file. A nested analysis (decoded code) takes
/// another arena; at most [`ARENAS_KEPT`] are kept, and none bigger than [`ARENA_KEPT_BYTES`].
static ARENAS: std::sync::Mutex<Vec<Allocator>> = std::sync::Mutex::new(Vec::new());
const ARENAS_KEPT: usize = 4;
const ARENA_KEPT_BYTES: usize = 16 << 20;

fn with_arena<R>(f: impl FnOnce(&Allocator) -> R) -> R {
    let pooled = ARENAS.lock().ok().and_then(|mut a| a.pop());
    let mut alloc = pooled.unwrap_or_default();
    let r = f(&alloc);
    alloc.reset();
    if alloc.capacity() <= ARENA_KEPT_BYTES
        && let Ok(mut a) = ARENAS.lock()
        && a.len() < ARENAS_KEPT
    {
        a.push(alloc);
    }
    r
}

#[allow(clippy::too_many_arguments)]
fn analyze_in(
    alloc: &Allocator,
    src: &str,
    path: &str,
    base_off: u32,
    depth: usize,
    max_decode_depth: usize,
    max_parse: usize,
    imports: HashMap<String, String>,
) -> Parsed {
    let st = source_type(path);
    let mut ret = oxc_parser::Parser::new(alloc, src, st).parse();
    if (ret.panicked || !ret.diagnostics.is_empty()) && !st.is_typescript() && st.is_module() {
        // A CommonJS file with a top-level `return`, or legacy script syntax: try as a script.
        let script = oxc_parser::Parser::new(alloc, src, SourceType::cjs().with_jsx(true)).parse();
        if !script.panicked && script.diagnostics.len() < ret.diagnostics.len().max(1) {
            ret = script;
        }
    }
    let mut a = Analyzer {
        src,
        base_off,
        aliases: HashMap::default(),
        decoders: HashMap::default(),
        xor_key_missing: Default::default(),
        global_getters: HashMap::default(),
        enum_members: HashMap::default(),
        tails: HashMap::default(),
        consts: HashMap::default(),
        byte_consts: HashMap::default(),
        facts: JsFacts::default(),
        decode_depth: depth,
        folded_until: 0,
        max_decode_depth,
        max_parse,
        imports,
        arrays: HashMap::default(),
        module_names: Default::default(),
        grow_sites: None,
    };
    if ret.panicked {
        let msg = ret
            .diagnostics
            .first()
            .map(|e| e.to_string())
            .unwrap_or_else(|| "syntax error".into());
        return Parsed::Failed(msg, a.facts);
    }
    a.visit_program(&ret.program);
    a.facts.invoked.sort_unstable();
    a.facts.xor_key_missing |= a.xor_key_missing.get();
    if crate::flow::worth_tracking(src) {
        let (flows, runs) = crate::flow::flows(&a, &ret.program);
        a.facts.flows.extend(flows);
        a.facts.code_runs.extend(runs);
    }
    if ret.diagnostics.is_empty() {
        Parsed::Ok(a.facts)
    } else {
        let msg = ret
            .diagnostics
            .first()
            .map(|e| e.to_string())
            .unwrap_or_default();
        Parsed::Failed(msg, a.facts)
    }
}

fn is_obf_ident(name: &str) -> bool {
    name.len() >= 5 && name.starts_with("_0x") && name[3..].bytes().all(|b| b.is_ascii_hexdigit())
}

fn norm_module(m: &str) -> String {
    m.strip_prefix("node:").unwrap_or(m).to_string()
}

impl<'s> Analyzer<'s> {
    /// [`Self::fold`] for the flow pass.
    pub(crate) fn fold_expr(&self, e: &Expression) -> Option<String> {
        self.fold(e, 0)
    }

    /// [`Self::path`] for the flow pass.
    pub(crate) fn path_of(&self, e: &Expression) -> Option<String> {
        self.path(e, 0)
    }

    /// [`Self::off`] for the flow pass.
    pub(crate) fn offset(&self, span: oxc_span::Span) -> u32 {
        self.off(span)
    }

    /// The length of the file's source text.
    pub(crate) fn src_len(&self) -> usize {
        self.src.len()
    }

    /// The source text of a span.
    pub(crate) fn source_of(&self, span: oxc_span::Span) -> Option<&'s str> {
        self.src.get(span.start as usize..span.end as usize)
    }

    fn off(&self, span: oxc_span::Span) -> u32 {
        if self.base_off > 0 {
            self.base_off
        } else {
            span.start
        }
    }

    fn root_known(&self, path: &str) -> bool {
        let root = path.split('.').next().unwrap_or(path);
        ROOTS.contains(&root) || self.is_module(root)
    }

    /// Whether `name` is a module loaded so far: `facts.modules.iter().any(|(m, _)| m == name)`
    /// without the scan, through `module_names` brought up to date first.
    fn is_module(&self, name: &str) -> bool {
        let mods = &self.facts.modules;
        let mut idx = self.module_names.borrow_mut();
        if idx.0 > mods.len() {
            // `modules` only grows; should that change, start over rather than answer wrong.
            *idx = Default::default();
        }
        for (m, _) in &mods[idx.0..] {
            idx.1.insert(m.clone(), ());
        }
        idx.0 = mods.len();
        idx.1.contains_key(name)
    }

    /// Folds an expression to a constant string when it is one.
    fn fold(&self, e: &Expression, depth: u32) -> Option<String> {
        if depth > 48 {
            return None;
        }
        match e {
            Expression::StringLiteral(s) => Some(s.value.to_string()),
            Expression::NumericLiteral(n) => (n.value.fract() == 0.0 && n.value.abs() < 1e15)
                .then(|| format!("{}", n.value as i64)),
            Expression::TemplateLiteral(t) => self.fold_template(t, depth),
            Expression::BinaryExpression(b) => self.fold_binary(b, depth + 1),
            Expression::ParenthesizedExpression(p) => self.fold(&p.expression, depth + 1),
            Expression::Identifier(id) => {
                self.consts.get(id.name.as_str()).cloned().or_else(|| {
                    // `const { origin } = require('./defaults')`: another file's export.
                    let p = self.aliases.get(id.name.as_str())?;
                    self.imports.get(p).cloned()
                })
            }
            // `K.p` of a constant object literal (`const K = { p: dec('…') }`).
            Expression::StaticMemberExpression(m) if matches!(&m.object, Expression::Identifier(o) if self.consts.contains_key(&format!("{}.{}", o.name, m.property.name))) =>
            {
                let Expression::Identifier(o) = &m.object else {
                    return None;
                };
                self.consts
                    .get(&format!("{}.{}", o.name, m.property.name))
                    .cloned()
            }
            // Another file's export (`./format.codes`, a table item `./data.3`); otherwise the
            // arms below (enum members, array items) still get their turn.
            Expression::StaticMemberExpression(_) | Expression::ComputedMemberExpression(_)
                if !self.imports.is_empty()
                    && self
                        .path(e, depth + 1)
                        .is_some_and(|p| self.imports.contains_key(&p)) =>
            {
                self.imports.get(&self.path(e, depth + 1)?).cloned()
            }
            // `Kind.Vault` of a compiled enum, recorded as `Kind.Vault`.
            Expression::StaticMemberExpression(m) if !self.enum_members.is_empty() => {
                let Expression::Identifier(o) = m.object.without_parentheses() else {
                    return None;
                };
                self.enum_members
                    .get(&format!("{}.{}", o.name, m.property.name))
                    .cloned()
            }
            // `Kind[1]` of a compiled enum's reverse mapping, `list[2]` of a constant array.
            Expression::ComputedMemberExpression(m) => {
                let Expression::Identifier(o) = m.object.without_parentheses() else {
                    return None;
                };
                let k = self.fold(&m.expression, depth + 1)?;
                if let Some(v) = self.enum_members.get(&format!("{}[{k}]", o.name)) {
                    return Some(v.clone());
                }
                let i: usize = k.parse().ok()?;
                self.fold_array(&m.object, depth + 1)?.get(i).cloned()
            }
            Expression::ArrayExpression(_) => None,
            Expression::CallExpression(c) => self.fold_call(c, depth),
            _ => None,
        }
    }

    fn fold_template(&self, t: &TemplateLiteral, depth: u32) -> Option<String> {
        let mut out = String::new();
        for (i, q) in t.quasis.iter().enumerate() {
            out.push_str(q.value.cooked.as_deref().unwrap_or(&q.value.raw));
            if let Some(x) = t.expressions.get(i) {
                out.push_str(&self.fold(x, depth + 1)?);
            }
        }
        Some(out)
    }

    fn fold_binary(&self, b: &BinaryExpression, depth: u32) -> Option<String> {
        if b.operator != BinaryOperator::Addition || depth > 48 {
            return None;
        }
        let l = self.fold(&b.left, depth + 1)?;
        let r = self.fold(&b.right, depth + 1)?;
        Some(l + &r)
    }

    fn fold_call(&self, c: &CallExpression, depth: u32) -> Option<String> {
        let arg = |i: usize| c.arguments.get(i).and_then(|a| a.as_expression());
        let callee = self.path(&c.callee, depth + 1);
        match callee.as_deref() {
            Some("String.fromCharCode.apply") => return self.fold_char_codes(c, true, depth),
            Some("String.fromCharCode")
                if matches!(c.arguments.as_slice(), [Argument::SpreadElement(_)]) =>
            {
                return self.fold_char_codes(c, false, depth);
            }
            Some("String.fromCharCode") => {
                let mut s = String::new();
                for a in &c.arguments {
                    let n = match a.as_expression()? {
                        Expression::NumericLiteral(n) => n.value as u32,
                        _ => return None,
                    };
                    s.push(char::from_u32(n)?);
                }
                return Some(s);
            }
            Some("atob") => {
                let v = self.fold(arg(0)?, depth + 1)?;
                return decode::loose_text(&decode::base64_bytes(&v)?);
            }
            Some("Buffer.from") => {
                let v = self.fold(arg(0)?, depth + 1)?;
                let enc = arg(1).and_then(|e| self.fold(e, depth + 1));
                let bytes = match enc.as_deref() {
                    Some("base64") | Some("base64url") => decode::base64_bytes(&v)?,
                    Some("hex") => decode::hex_bytes(&v)?,
                    None | Some("utf8") | Some("utf-8") => v.into_bytes(),
                    _ => return None,
                };
                return decode::loose_text(&bytes);
            }
            Some("decodeURIComponent") | Some("unescape") => {
                return self.fold(arg(0)?, depth + 1).map(|v| percent_decode(&v));
            }
            Some(p) if zlib_method(p).is_some() => {
                let data = self.fold_bytes(arg(0)?, depth + 1)?;
                return decode::loose_text(&decode::inflate(zlib_method(p)?, &data)?);
            }
            Some(name) if self.decoders.contains_key(name) => {
                let v = self.fold(arg(0)?, depth + 1)?;
                let bytes = match self.decoders.get(name)? {
                    Decoder::Reverse => return Some(v.chars().rev().collect()),
                    Decoder::Rot13 => return Some(local_decoder::rot13(&v)),
                    Decoder::Xor { input, key } => {
                        let Some(key) = self.xor_key(key) else {
                            self.xor_key_missing.set(true);
                            return None;
                        };
                        return local_decoder::xor(*input, &v, &key);
                    }
                    Decoder::Hex => decode::hex_bytes(&v)?,
                    Decoder::Base64 => decode::base64_bytes(&v)?,
                };
                return decode::loose_text(&bytes);
            }
            _ => {}
        }
        // Method calls on foldable receivers.
        let Expression::StaticMemberExpression(m) = c.callee.without_parentheses() else {
            return None;
        };
        let method = m.property.name.as_str();
        match method {
            "toString" | "trim" | "valueOf" => self.fold(&m.object, depth + 1),
            "toLowerCase" => self.fold(&m.object, depth + 1).map(|s| s.to_lowercase()),
            "concat" => {
                let mut s = self.fold(&m.object, depth + 1)?;
                for a in &c.arguments {
                    s.push_str(&self.fold(a.as_expression()?, depth + 1)?);
                }
                Some(s)
            }
            "join" => {
                let sep = match arg(0) {
                    Some(e) => self.fold(e, depth + 1)?,
                    None => ",".into(),
                };
                let items = self.fold_array(&m.object, depth + 1)?;
                Some(items.join(&sep))
            }
            "reverse" => None,
            _ => None,
        }
    }

    /// Folds an expression to constant bytes: decoded `Buffer.from`/`atob` results (binary
    /// included, which [`Self::fold`] refuses), variables holding them, or a constant string.
    fn fold_bytes(&self, e: &Expression, depth: u32) -> Option<Vec<u8>> {
        if depth > 48 {
            return None;
        }
        match e.without_parentheses() {
            Expression::Identifier(id) if self.byte_consts.contains_key(id.name.as_str()) => {
                self.byte_consts.get(id.name.as_str()).cloned()
            }
            Expression::CallExpression(c) => {
                let a0 = c.arguments.first()?.as_expression()?;
                match self.path(&c.callee, depth + 1).as_deref() {
                    Some("atob") => decode::base64_bytes(&self.fold(a0, depth + 1)?),
                    Some("Buffer.from") => {
                        let v = self.fold(a0, depth + 1)?;
                        let enc = c.arguments.get(1).and_then(|a| a.as_expression());
                        match enc.and_then(|e| self.fold(e, depth + 1)).as_deref() {
                            Some("base64") | Some("base64url") => decode::base64_bytes(&v),
                            Some("hex") => decode::hex_bytes(&v),
                            None | Some("utf8") | Some("utf-8") => Some(v.into_bytes()),
                            _ => None,
                        }
                    }
                    Some(p) if zlib_method(p).is_some() => {
                        decode::inflate(zlib_method(p)?, &self.fold_bytes(a0, depth + 1)?)
                    }
                    _ => self.fold(e, depth + 1).map(String::into_bytes),
                }
            }
            _ => self.fold(e, depth + 1).map(String::into_bytes),
        }
    }

    /// The bytes of an XOR decoder's key: a constant array of numbers, a constant string or
    /// decoded bytes held in a variable, or a literal byte.
    fn xor_key(&self, key: &local_decoder::Key) -> Option<Vec<u8>> {
        use local_decoder::Key;
        match key {
            Key::Byte(b) => Some(vec![*b]),
            Key::Var(name) => {
                if let Some(items) = self.arrays.get(name) {
                    return items.iter().map(|n| n.parse::<u8>().ok()).collect();
                }
                if let Some(s) = self.consts.get(name) {
                    return Some(s.as_bytes().to_vec());
                }
                self.byte_consts.get(name).cloned()
            }
        }
    }

    /// The global object a callee picks members of: an inline or local one-parameter function
    /// that returns `G[param]` with `G` the global object (`globalThis`, `global`, `window`,
    /// `self`, or a local `const g = typeof globalThis !== 'undefined' ? globalThis : self`).
    fn global_getter_call(&self, callee: &Expression) -> Option<String> {
        match callee.without_parentheses() {
            Expression::Identifier(id) => self.global_getters.get(id.name.as_str()).cloned(),
            Expression::ArrowFunctionExpression(f) => match f.body.as_expression() {
                Some(e) => self.global_getter(&f.params, &[], Some(e)),
                None => match &f.body {
                    ArrowFunctionBody::FunctionBody(b) => {
                        self.global_getter(&f.params, &b.statements, None)
                    }
                    _ => None,
                },
            },
            Expression::FunctionExpression(f) => {
                self.global_getter(&f.params, &f.body.as_ref()?.statements, None)
            }
            _ => None,
        }
    }

    fn global_getter(
        &self,
        params: &FormalParameters,
        statements: &[Statement],
        expr: Option<&Expression>,
    ) -> Option<String> {
        let [p] = params.items.as_slice() else {
            return None;
        };
        let BindingPattern::BindingIdentifier(param) = &p.pattern else {
            return None;
        };
        if statements.len() > 4 {
            return None;
        }
        let ret = match expr {
            Some(e) => e,
            None => match statements.last()? {
                Statement::ReturnStatement(r) => r.argument.as_ref()?,
                _ => return None,
            },
        };
        let Expression::ComputedMemberExpression(m) = ret.without_parentheses() else {
            return None;
        };
        if !matches!(&m.expression, Expression::Identifier(k) if k.name == param.name) {
            return None;
        }
        // The object, through a declaration of the body when it is a local name.
        let local = match &m.object {
            Expression::Identifier(o) => statements.iter().find_map(|st| match st {
                Statement::VariableDeclaration(d) => d.declarations.iter().find_map(|v| {
                    matches!(&v.id, BindingPattern::BindingIdentifier(b) if b.name == o.name)
                        .then_some(v.init.as_ref())
                        .flatten()
                }),
                _ => None,
            }),
            _ => None,
        };
        let g = self.path(local.unwrap_or(&m.object), 1)?;
        matches!(g.as_str(), "globalThis" | "global" | "window" | "self").then_some(g)
    }

    /// Records `name` as a local decoder when it is a one-parameter function whose body (at
    /// `body`) is a rot13 or XOR decoder ([`local_decoder::detect`]), or whose one-line
    /// `return` expression `ret` is a hex, base64 or reversing one ([`local_decoder::simple`]).
    fn note_decoder(
        &mut self,
        name: &str,
        params: &FormalParameters,
        body: oxc_span::Span,
        ret: Option<&str>,
    ) {
        let [p] = params.items.as_slice() else {
            return;
        };
        let Some(src) = self.src.get(body.start as usize..body.end as usize) else {
            return;
        };
        let shaped = match &p.pattern {
            BindingPattern::BindingIdentifier(param)
                if src.len() <= 600 && (src.contains('^') || src.contains("13")) =>
            {
                local_decoder::detect(src, param.name.as_str())
            }
            _ => None,
        };
        if let Some(d) = shaped.or_else(|| ret.and_then(local_decoder::simple)) {
            self.decoders.insert(name.to_string(), d);
        }
    }

    /// Analyses text unpacked from the code (a decompressed or reversed literal, a timer's
    /// decoded string) as code of its own, within the decoding depth.
    ///
    /// `hidden` says the text was not readable in the source (decompressed, reversed, decoded):
    /// only then is it recorded as decoded code. Literal pieces joined with `+` are code in plain
    /// sight (require-fool-webpack's `eval('typeof require …' + '…')`): analysed, not "decoded".
    fn analyse_unpacked(&mut self, text: &str, off: u32, hidden: bool) {
        if self.decode_depth >= self.max_decode_depth || text.len() > self.max_parse {
            return;
        }
        let sub = analyze_at(
            text,
            "decoded.js",
            off.max(1),
            self.decode_depth + 1,
            self.max_decode_depth,
            self.max_parse,
        );
        if let Parsed::Ok(f) = sub {
            self.merge(f);
            if hidden {
                self.facts.decoded_code.push(off);
            }
        }
    }

    /// An array of more than 64 numeric literals, at most 256 KiB of them, in a file that
    /// calls `fromCharCode`: a payload kept as char codes.
    fn char_code_array(&self, a: &ArrayExpression) -> bool {
        (65..=256 * 1024).contains(&a.elements.len())
            && self.src.contains("fromCharCode")
            && a.elements
                .iter()
                .all(|el| matches!(el, ArrayExpressionElement::NumericLiteral(_)))
    }

    /// A table of short number lists (`{ "name": [r, g, b], … }`, `[[…], […]]`) in a file that
    /// turns char codes into text: a run of 22 or more consecutive rows whose numbers are all
    /// printable characters (NUL padding allowed) that reads as code is a payload spread over
    /// data rows, analysed as hidden code. Real tables (colours, glyph metrics, lookup data)
    /// hold numbers outside the printable range often enough to break such runs.
    fn note_code_table<'b>(
        &mut self,
        rows: impl Iterator<Item = Option<&'b Expression<'b>>>,
        span: oxc_span::Span,
    ) where
        's: 'b,
    {
        let mut runs: Vec<String> = Vec::new();
        let mut cur = String::new();
        let mut n_rows = 0usize;
        let mut flush = |cur: &mut String, n_rows: &mut usize| {
            if *n_rows >= 22 {
                runs.push(std::mem::take(cur));
            }
            cur.clear();
            *n_rows = 0;
        };
        for row in rows {
            let Some(Expression::ArrayExpression(a)) = row.map(|r| r.without_parentheses()) else {
                flush(&mut cur, &mut n_rows);
                continue;
            };
            let mut text = String::new();
            let ok = (1..=16).contains(&a.elements.len())
                && a.elements.iter().all(|el| match el {
                    ArrayExpressionElement::NumericLiteral(n)
                        if n.value.fract() == 0.0
                            && (n.value == 0.0
                                || n.value == 9.0
                                || n.value == 10.0
                                || n.value == 13.0
                                || (32.0..127.0).contains(&n.value)) =>
                    {
                        if n.value != 0.0 {
                            text.push(n.value as u8 as char);
                        }
                        true
                    }
                    _ => false,
                });
            if ok {
                cur.push_str(&text);
                n_rows += 1;
            } else {
                flush(&mut cur, &mut n_rows);
            }
            if cur.len() > 256 * 1024 {
                return;
            }
        }
        flush(&mut cur, &mut n_rows);
        let off = self.off(span);
        for text in runs {
            if text.len() >= 64 && looks_like_code(&text) {
                self.note_string(&text, off, true);
                self.analyse_unpacked(&text, off, true);
            }
        }
    }

    /// The text of char codes: `String.fromCharCode.apply(null, codes)`,
    /// `String.fromCharCode(...codes)`.
    fn fold_char_codes(&self, c: &CallExpression, apply: bool, depth: u32) -> Option<String> {
        let list = if apply {
            c.arguments.get(1)?.as_expression()?
        } else {
            match c.arguments.as_slice() {
                [Argument::SpreadElement(sp)] => &sp.argument,
                _ => return None,
            }
        };
        self.fold_array(list, depth + 1)?
            .iter()
            .map(|n| n.parse::<u32>().ok().and_then(char::from_u32))
            .collect()
    }

    fn fold_array(&self, e: &Expression, depth: u32) -> Option<Vec<String>> {
        match e.without_parentheses() {
            Expression::Identifier(id) => {
                self.arrays.get(id.name.as_str()).cloned().or_else(|| {
                    let p = self.aliases.get(id.name.as_str())?;
                    self.imported_array(p)
                })
            }
            Expression::StaticMemberExpression(_) if !self.imports.is_empty() => {
                self.imported_array(&self.path(e, depth + 1)?)
            }
            Expression::ArrayExpression(a) => {
                let mut out = Vec::new();
                for el in &a.elements {
                    match el {
                        // [...'abc']: the characters of a constant string.
                        ArrayExpressionElement::SpreadElement(sp) => out.extend(
                            self.fold(&sp.argument, depth + 1)?
                                .chars()
                                .map(|c| c.to_string()),
                        ),
                        el => out.push(self.fold(el.as_expression()?, depth + 1)?),
                    }
                }
                Some(out)
            }
            Expression::CallExpression(c) => {
                // "abc".split("").reverse()
                let Expression::StaticMemberExpression(m) = c.callee.without_parentheses() else {
                    return None;
                };
                match m.property.name.as_str() {
                    "reverse" => {
                        let mut v = self.fold_array(&m.object, depth + 1)?;
                        v.reverse();
                        Some(v)
                    }
                    // [99, 104].map((c) => String.fromCharCode(c))
                    "map" => {
                        let f = c.arguments.first()?.as_expression()?;
                        if !is_char_code_mapper(f) {
                            return None;
                        }
                        self.fold_array(&m.object, depth + 1)?
                            .iter()
                            .map(|n| {
                                n.parse::<u32>()
                                    .ok()
                                    .and_then(char::from_u32)
                                    .map(|c| c.to_string())
                            })
                            .collect()
                    }
                    "split" => {
                        let s = self.fold(&m.object, depth + 1)?;
                        let sep = self.fold(c.arguments.first()?.as_expression()?, depth + 1)?;
                        if sep.is_empty() {
                            Some(s.chars().map(|c| c.to_string()).collect())
                        } else {
                            Some(s.split(sep.as_str()).map(str::to_string).collect())
                        }
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Whether a member/call chain starts at something worth resolving: cheap, no allocation,
    /// so the common `this.x.y` and `e.t(…)` of bundles are rejected at once.
    fn chain_root_interesting(&self, mut e: &Expression) -> bool {
        for _ in 0..64 {
            e = match e {
                Expression::StaticMemberExpression(m) => &m.object,
                Expression::ComputedMemberExpression(m) => &m.object,
                Expression::CallExpression(c) => &c.callee,
                Expression::NewExpression(n) => &n.callee,
                Expression::ParenthesizedExpression(p) => &p.expression,
                Expression::AwaitExpression(a) => &a.argument,
                Expression::ChainExpression(ch) => match &ch.expression {
                    ChainElement::CallExpression(c) => &c.callee,
                    _ => return false,
                },
                Expression::Identifier(id) => {
                    let n = id.name.as_str();
                    return self.aliases.contains_key(n)
                        || ROOTS.contains(&n)
                        || self.global_getters.contains_key(n)
                        || matches!(n, "global" | "self" | "__non_webpack_require__")
                        || INTEROP.contains(&n)
                        || self.is_module(n);
                }
                Expression::ImportExpression(_)
                | Expression::FunctionExpression(_)
                | Expression::ArrowFunctionExpression(_)
                | Expression::ArrayExpression(_)
                | Expression::StringLiteral(_)
                | Expression::SequenceExpression(_)
                | Expression::ConditionalExpression(_)
                | Expression::LogicalExpression(_) => return true,
                _ => return false,
            };
        }
        false
    }

    /// Resolves an expression to a dotted path through aliases (`cp.exec` → `child_process.exec`).
    fn path(&self, e: &Expression, depth: u32) -> Option<String> {
        if depth > 48 {
            return None;
        }
        if depth == 0 && !self.chain_root_interesting(e) {
            return None;
        }
        match e {
            Expression::Identifier(id) => {
                let n = id.name.as_str();
                Some(
                    self.aliases
                        .get(n)
                        .cloned()
                        .unwrap_or_else(|| n.to_string()),
                )
            }
            Expression::ParenthesizedExpression(p) => self.path(&p.expression, depth + 1),
            Expression::SequenceExpression(s) => self.path(s.expressions.last()?, depth + 1),
            Expression::StaticMemberExpression(m) => {
                let obj = self.member_object(&m.object, depth)?;
                // `https_1.default.request` in compiled code: a module's default export is the
                // module itself.
                if m.property.name == "default" && self.is_module(&obj) {
                    return Some(obj);
                }
                Some(join_path(obj, m.property.name.as_str()))
            }
            Expression::ComputedMemberExpression(m) => {
                let obj = self.member_object(&m.object, depth)?;
                let prop = self.fold(&m.expression, depth + 1)?;
                if prop.is_empty() || prop.len() > 64 {
                    return None;
                }
                Some(join_path(obj, &prop))
            }
            Expression::CallExpression(c) => {
                // `(t => globalThis[t])('process')`, `pick('process')`: the global it names.
                if let Some(g) = self.global_getter_call(&c.callee)
                    && let Some(name) = c
                        .arguments
                        .first()
                        .and_then(|a| a.as_expression())
                        .and_then(|a| self.fold(a, depth + 1))
                    && !name.is_empty()
                    && name.len() <= 64
                {
                    return Some(join_path(g, &name));
                }
                let callee = self.path(&c.callee, depth + 1)?;
                // `createRequire(import.meta.url)` is a require function.
                if matches!(
                    callee.as_str(),
                    "module.createRequire" | "module.createRequireFromPath"
                ) {
                    return Some("require".into());
                }
                if is_require(&callee) {
                    let a = c.arguments.first()?.as_expression()?;
                    return self.fold(a, depth + 1).map(|m| norm_module(&m));
                }
                // `mod.require.bind(mod)` is a require function (other bound functions, such as
                // `Function.call.bind(hasOwnProperty)`, are not what they bind).
                if let Some(f) = callee.strip_suffix(".bind")
                    && is_require(f)
                {
                    return Some(f.to_string());
                }
                // A compiler's module interop wrapper stands for the module it wraps.
                if INTEROP.contains(&callee.as_str()) {
                    return self.path(c.arguments.first()?.as_expression()?, depth + 1);
                }
                // The result of a known call: `net.connect(…)` stands for its return value.
                (self.root_known(&callee) && !callee.starts_with('<')).then_some(callee)
            }
            // `process.getBuiltinModule?.(name)`: an optional call of a module loader.
            Expression::ChainExpression(ch) => match &ch.expression {
                ChainElement::CallExpression(c) => {
                    let callee = self.path(&c.callee, depth + 1)?;
                    if !is_require(&callee) {
                        return None;
                    }
                    let a = c.arguments.first()?.as_expression()?;
                    self.fold(a, depth + 1).map(|m| norm_module(&m))
                }
                _ => None,
            },
            Expression::NewExpression(n) => self
                .path(&n.callee, depth + 1)
                .filter(|p| self.root_known(p)),
            Expression::ImportExpression(i) => {
                self.fold(&i.source, depth + 1).map(|m| norm_module(&m))
            }
            Expression::AwaitExpression(a) => self.path(&a.argument, depth + 1),
            Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_) => {
                Some("<fn>".into())
            }
            Expression::ArrayExpression(_) => Some("<array>".into()),
            Expression::StringLiteral(_) => Some("<string>".into()),
            Expression::ObjectExpression(_) => Some("<object>".into()),
            // `typeof WebSocket === 'function' ? WebSocket : null`: the branch that names a
            // known global or alias as a bare identifier (not a call's result: the prototype
            // tests of generator helpers are no constructor lookups).
            Expression::ConditionalExpression(c) => [&c.consequent, &c.alternate]
                .into_iter()
                .filter(|e| matches!(e.without_parentheses(), Expression::Identifier(_)))
                .filter_map(|e| self.path(e, depth + 1))
                .find(|p| self.root_known(p)),
            // `a || b`: the left side; the right one only when the left is unknown and the
            // right is the main module (`p.mainModule || require.main` with `p` a global picked
            // at run time). `options.env || process.env` stays the caller's option.
            Expression::LogicalExpression(l) => {
                let left = self.path(&l.left, depth + 1);
                if left.as_deref().is_some_and(|p| self.root_known(p)) {
                    return left;
                }
                self.path(&l.right, depth + 1)
                    .filter(|p| {
                        matches!(p.as_str(), "require.main" | "process.mainModule" | "module")
                    })
                    .or(left)
            }
            _ => None,
        }
    }

    fn member_object(&self, e: &Expression, depth: u32) -> Option<String> {
        self.path(e, depth + 1)
    }

    fn record_alias(&mut self, name: &str, init: &Expression) {
        // `const f = require('./format')` when other files' exports are known: `f._p` reaches
        // them as `./format._p`.
        if !self.imports.is_empty()
            && let Expression::CallExpression(c) = init.without_parentheses()
            && self.path(&c.callee, 0).is_some_and(|p| is_require(&p))
            && let Some(spec) = c
                .arguments
                .first()
                .and_then(|a| a.as_expression())
                .and_then(|a| self.fold(a, 0))
            && spec.starts_with('.')
        {
            self.aliases.insert(name.to_string(), spec);
            return;
        }
        // `const send = Function.prototype.call.bind(fetch)`: `send(null, url)` calls fetch.
        if let Expression::CallExpression(c) = init.without_parentheses()
            && matches!(
                self.path(&c.callee, 0).as_deref(),
                Some("Function.prototype.call.bind" | "Function.call.bind")
            )
            && let Some(target) = c
                .arguments
                .first()
                .and_then(|a| a.as_expression())
                .and_then(|a| self.path(a, 0))
                .filter(|p| self.root_known(p))
        {
            self.aliases.insert(name.to_string(), target);
            return;
        }
        if let Some(t) = self.tail_of(init) {
            self.tails.insert(name.to_string(), t);
        }
        if let Some(v) = self.fold(init, 0) {
            self.consts.insert(name.to_string(), v);
            return;
        }
        // An object literal of constant strings: each field folds as `name.field`.
        if let Expression::ObjectExpression(o) = init.without_parentheses()
            && o.properties.len() <= 64
        {
            for p in &o.properties {
                if let ObjectPropertyKind::ObjectProperty(p) = p
                    && !p.computed
                    && let Some(k) = p.key.static_name()
                    && let Some(v) = self.fold(&p.value, 0)
                {
                    self.consts.insert(format!("{name}.{k}"), v);
                }
            }
        }
        // A constant array: written out (two or more items) and never grown in place. The
        // searches of the whole source come last: most arrays are not constant strings, and a
        // bundle declares thousands of arrays.
        // So is a long array of char codes in a file that turns char codes into text: code kept
        // as numbers (`String.fromCharCode.apply(null, codes)`) folds back to its source.
        if matches!(init.without_parentheses(), Expression::ArrayExpression(a) if (2..=64).contains(&a.elements.len()) || self.char_code_array(a))
            && let Some(items) = self.fold_array(init, 0)
            && items.iter().map(String::len).sum::<usize>() <= 1 << 20
            && !self.grown_in_place(name)
        {
            self.arrays.insert(name.to_string(), items);
        }
        if let Expression::CallExpression(c) = init.without_parentheses()
            && matches!(
                self.path(&c.callee, 0).as_deref(),
                Some("Buffer.from" | "atob")
            )
            && let Some(b) = self.fold_bytes(init, 0)
            && b.len() as u64 <= decode::INFLATE_CAP
        {
            self.byte_consts.insert(name.to_string(), b);
        }
        // A network client bound under another name (`const nf = require('node-fetch')`, tsc's
        // `const node_fetch_1 = require("node-fetch")`): its module is recorded only once the
        // call is walked, after this, so `root_known` cannot know it yet.
        // Also through a compiler's interop wrapper (`__importDefault(require("axios"))`).
        let net_client = |p: &str| {
            let mut e = init.without_parentheses();
            for _ in 0..2 {
                let Expression::CallExpression(c) = e else {
                    return false;
                };
                let callee = self.path(&c.callee, 0);
                if callee.as_deref().is_some_and(is_require) {
                    return crate::rules::network::NET_MODULES.contains(&p);
                }
                match (callee, c.arguments.first().and_then(|a| a.as_expression())) {
                    (Some(w), Some(a)) if INTEROP.contains(&w.as_str()) => {
                        e = a.without_parentheses();
                    }
                    _ => return false,
                }
            }
            false
        };
        if let Some(p) = self.path(init, 0)
            && p != name
            && (self.root_known(&p) || p == "Function" || net_client(&p))
        {
            // Scope is ignored: a module binding (`a` = fs) is not replaced by a later, inner
            // binding of the same name to something else.
            let keep = self.aliases.get(name).is_some_and(|old| {
                !old.contains('.') && self.is_module(old) && !self.is_module(&p)
            });
            if !keep {
                self.aliases.insert(name.to_string(), p);
            }
        }
    }

    /// Whether the source holds `{name}.push(`, `{name}.unshift(`, `{name}.splice(` or
    /// `{name}.length =` anywhere: one of those four where `name` ends. The four are searched
    /// once per file, not once per array (bundles declare thousands of constant arrays).
    fn grown_in_place(&mut self, name: &str) -> bool {
        let src = self.src.as_bytes();
        let sites = self.grow_sites.get_or_insert_with(|| {
            let mut sites = Vec::new();
            for m in [".push(", ".unshift(", ".splice(", ".length ="] {
                // None of the four overlaps itself, so this finds every occurrence.
                sites.extend(memchr::memmem::find_iter(src, m));
            }
            sites
        });
        sites.iter().any(|&at| src[..at].ends_with(name.as_bytes()))
    }

    /// A one-parameter function whose body loads the module its parameter names:
    /// `(id) => module.constructor._load(id, module, false)`, `function r(n) { return require(n) }`.
    fn loader_wrapper(&self, e: &Expression) -> bool {
        let (param, body) = match e.without_parentheses() {
            Expression::ArrowFunctionExpression(f) => {
                let body = match &f.body {
                    ArrowFunctionBody::FunctionBody(b) => match b.statements.as_slice() {
                        [Statement::ExpressionStatement(s)] => Some(&s.expression),
                        [Statement::ReturnStatement(r)] => r.argument.as_ref(),
                        _ => None,
                    },
                    b => b.as_expression(),
                };
                (f.params.items.first(), body)
            }
            Expression::FunctionExpression(f) => (
                f.params.items.first(),
                f.body.as_ref().and_then(|b| match b.statements.as_slice() {
                    [Statement::ReturnStatement(r)] => r.argument.as_ref(),
                    _ => None,
                }),
            ),
            _ => return false,
        };
        let (Some(param), Some(Expression::CallExpression(c))) =
            (param, body.map(|b| b.without_parentheses()))
        else {
            return false;
        };
        let BindingPattern::BindingIdentifier(pn) = &param.pattern else {
            return false;
        };
        self.path(&c.callee, 0).is_some_and(|p| is_require(&p))
            && matches!(
                c.arguments.first().and_then(|a| a.as_expression()).map(|a| a.without_parentheses()),
                Some(Expression::Identifier(a)) if a.name == pn.name
            )
    }

    /// An array of constant strings another file exports (`./format.codes`), kept in the
    /// imports as `./format.codes[]` with its items separated by U+001F.
    fn imported_array(&self, path: &str) -> Option<Vec<String>> {
        if self.imports.is_empty() {
            return None;
        }
        let v = self.imports.get(&format!("{path}[]"))?;
        Some(v.split('\u{1f}').map(str::to_string).collect())
    }

    /// An exported value as it goes into [`JsFacts::exports`]: a constant string, or a constant
    /// array of 2 to 64 strings as `name[]` (items separated by U+001F).
    fn export_value(&self, name: &str, e: &Expression) -> Option<(String, String)> {
        if let Some(v) = self.fold(e, 0) {
            return Some((name.to_string(), truncate(&v, 65536)));
        }
        let Expression::ArrayExpression(a) = e.without_parentheses() else {
            return None;
        };
        if !(2..=64).contains(&a.elements.len()) {
            return None;
        }
        let items = self.fold_array(e, 0)?;
        if items.iter().any(|i| i.contains('\u{1f}'))
            || items.iter().map(String::len).sum::<usize>() > 4096
        {
            return None;
        }
        Some((format!("{name}[]"), items.join("\u{1f}")))
    }

    /// `Kind[Kind["Vault"] = 1] = "Vault"`: a member of a compiled TypeScript enum, both ways.
    fn record_enum_member(&mut self, it: &AssignmentExpression) {
        if self.enum_members.len() >= 4096 {
            return;
        }
        let AssignmentTarget::ComputedMemberExpression(outer) = &it.left else {
            return;
        };
        let (Expression::Identifier(e), Expression::AssignmentExpression(inner)) = (
            outer.object.without_parentheses(),
            outer.expression.without_parentheses(),
        ) else {
            return;
        };
        let AssignmentTarget::ComputedMemberExpression(key) = &inner.left else {
            return;
        };
        let (Expression::Identifier(e2), Some(name), Some(value), Some(label)) = (
            key.object.without_parentheses(),
            self.fold(&key.expression, 0),
            self.fold(&inner.right, 0),
            self.fold(&it.right, 0),
        ) else {
            return;
        };
        if e.name != e2.name || name != label {
            return;
        }
        self.enum_members
            .insert(format!("{}[{value}]", e.name), label);
        self.enum_members
            .insert(format!("{}.{name}", e.name), value);
    }

    /// `exports.k = '…'`, `module.exports.k = '…'`, `module.exports = { k: '…' }`: constant
    /// strings other files can import.
    fn record_export(&mut self, it: &AssignmentExpression) {
        if self.facts.exports.len() >= 256 {
            return;
        }
        let is_exports = |e: &Expression| match e.without_parentheses() {
            Expression::Identifier(id) => id.name == "exports",
            Expression::StaticMemberExpression(m) => {
                m.property.name == "exports"
                    && matches!(&m.object, Expression::Identifier(o) if o.name == "module")
            }
            _ => false,
        };
        let Some(MemberExpression::StaticMemberExpression(m)) = it.left.as_member_expression()
        else {
            return;
        };
        if is_exports(&m.object) {
            if let Some(kv) = self.export_value(m.property.name.as_str(), &it.right) {
                self.facts.exports.push(kv);
            }
        } else if m.property.name == "exports"
            && matches!(&m.object, Expression::Identifier(o) if o.name == "module")
            && let Expression::ArrayExpression(a) = it.right.without_parentheses()
        {
            // `module.exports = ['…', '…']`: a table of strings other files index
            // (`require('./data')[3]`), exported under the item's index.
            if (2..=256).contains(&a.elements.len())
                && let Some(items) = self.fold_array(&it.right, 0)
            {
                for (i, v) in items.into_iter().enumerate() {
                    self.facts
                        .exports
                        .push((i.to_string(), truncate(&v, 65536)));
                }
            }
        } else if m.property.name == "exports"
            && matches!(&m.object, Expression::Identifier(o) if o.name == "module")
            && let Expression::ObjectExpression(o) = it.right.without_parentheses()
        {
            for p in &o.properties {
                if let ObjectPropertyKind::ObjectProperty(p) = p
                    && let Some(k) = p.key.static_name()
                    && let Some(kv) = self.export_value(&k, &p.value)
                {
                    self.facts.exports.push(kv);
                }
            }
        }
    }

    /// Code kept in a string literal (written to another file, or run later): analysed too.
    fn analyse_code_string(&mut self, s: &str, off: u32) {
        if s.len() >= 100
            && self.decode_depth < self.max_decode_depth
            && looks_like_code(s)
            && s.len() <= 256 * 1024
        {
            let sub = analyze_at(
                s,
                "string.js",
                off.max(1),
                self.max_decode_depth,
                self.max_decode_depth,
                self.max_parse,
            );
            if let Parsed::Ok(f) = sub {
                self.merge(f);
            }
        }
    }

    fn note_string(&mut self, s: &str, off: u32, derived: bool) {
        self.note_string_code(s, off, derived, !derived);
    }

    /// [`Self::note_string`], saying apart whether a long code-like value is analysed as code
    /// (`code`): a template literal's code is analysed even when it has escapes (a dropped
    /// file's source keeps its `\n` and `\\`).
    fn note_string_code(&mut self, s: &str, off: u32, derived: bool, code: bool) {
        if derived && !s.is_empty() {
            self.facts.derived.push((truncate(s, 4096), off));
        }
        if let Some(w) = decode::hex_word(s) {
            self.facts.derived.push((w.clone(), off));
            self.facts.decoded_words.push((w, off));
            return;
        }
        if code {
            self.analyse_code_string(s, off);
        }
        if s.len() < 16 || self.decode_depth >= self.max_decode_depth {
            return;
        }
        let mut cur = s.to_string();
        let mut level = 0;
        while let Some(text) = decode::decode_text(&cur) {
            self.facts.derived.push((truncate(&text, 65536), off));
            level += 1;
            if looks_like_code(&text) && text.len() <= self.max_parse {
                let sub = analyze_at(
                    &text,
                    "decoded.js",
                    off.max(1),
                    self.decode_depth + level,
                    self.max_decode_depth,
                    self.max_parse,
                );
                let (Parsed::Ok(f) | Parsed::Failed(_, f)) = sub;
                self.merge(f);
                self.facts.decoded_code.push(off);
            }
            if self.decode_depth + level >= self.max_decode_depth {
                break;
            }
            cur = text;
        }
    }

    fn merge(&mut self, f: JsFacts) {
        self.facts.modules.extend(f.modules);
        self.facts.dynamic_requires.extend(f.dynamic_requires);
        self.facts.calls.extend(f.calls);
        for (k, v) in f.members {
            self.facts.members.entry(k).or_insert(v);
        }
        self.facts.assigns.extend(f.assigns);
        self.facts.derived.extend(f.derived);
        self.facts.decoded_words.extend(f.decoded_words);
        self.facts.decoded_code.extend(f.decoded_code);
        self.facts.idents += f.idents;
        self.facts.obf_idents += f.obf_idents;
        self.facts.flows.extend(f.flows);
        self.facts.code_runs.extend(f.code_runs);
        self.facts.exports.extend(f.exports);
    }

    /// The constant end of a concatenation or template literal.
    fn tail_of(&self, e: &Expression) -> Option<String> {
        match e.without_parentheses() {
            Expression::Identifier(id) => self.tails.get(id.name.as_str()).cloned(),
            Expression::BinaryExpression(b) if b.operator == BinaryOperator::Addition => {
                self.fold(&b.right, 0)
            }
            Expression::TemplateLiteral(t) if !t.expressions.is_empty() => {
                let mut tail = String::new();
                for (i, q) in t.quasis.iter().enumerate().rev() {
                    tail.insert_str(0, q.value.cooked.as_deref().unwrap_or(&q.value.raw));
                    if i == 0 {
                        break;
                    }
                    match self.fold(&t.expressions[i - 1], 0) {
                        Some(v) => tail.insert_str(0, &v),
                        None => break,
                    }
                }
                Some(tail)
            }
            _ => None,
        }
    }

    fn arg_info(&self, a: &Argument) -> Arg {
        match a.as_expression() {
            Some(e) => self.expr_info(e),
            None => Arg::default(),
        }
    }

    fn expr_info(&self, e: &Expression) -> Arg {
        Arg {
            lit: self.fold(e, 0),
            path: self.path(e, 0),
            func: matches!(
                e.without_parentheses(),
                Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_)
            ),
            tail: self.tail_of(e),
            ident: matches!(e.without_parentheses(), Expression::Identifier(_)),
            plain: match e.without_parentheses() {
                Expression::StringLiteral(_) => true,
                Expression::TemplateLiteral(t) => t.expressions.is_empty(),
                _ => false,
            },
        }
    }

    fn record_call(
        &mut self,
        callee: &Expression,
        arguments: &[Argument],
        span: oxc_span::Span,
        is_new: bool,
    ) {
        let Some(path) = self.path(callee, 0) else {
            return;
        };
        let off = self.off(span);
        if is_require(&path) && !is_new {
            match arguments
                .first()
                .and_then(|a| a.as_expression())
                .and_then(|e| self.fold(e, 0))
            {
                Some(m) => self.facts.modules.push((norm_module(&m), off)),
                None => self.facts.dynamic_requires.push(off),
            }
        }
        let path = if path.ends_with(".constructor") && path != "Function.constructor" {
            // (function(){}).constructor, [].constructor.constructor, …: the Function constructor.
            if path.starts_with("<fn>") || path.ends_with(".constructor.constructor") {
                "Function".to_string()
            } else {
                path
            }
        } else {
            path
        };
        if !(self.root_known(&path) || path.starts_with("<")) {
            return;
        }
        let args: Vec<Arg> = arguments.iter().take(4).map(|a| self.arg_info(a)).collect();
        let mut opts = Vec::new();
        for a in arguments.iter() {
            if let Some(Expression::ObjectExpression(o)) =
                a.as_expression().map(|e| e.without_parentheses())
            {
                for p in &o.properties {
                    if let ObjectPropertyKind::ObjectProperty(p) = p
                        && let Some(k) = p.key.static_name()
                    {
                        let v = match &p.value {
                            Expression::BooleanLiteral(b) => b.value.to_string(),
                            v => self
                                .fold(v, 0)
                                .or_else(|| self.path(v, 0))
                                .unwrap_or_default(),
                        };
                        opts.push((k.to_string(), v));
                    }
                }
            }
        }
        let indirect = self.indirect_call(&path, arguments);
        let path = if path == "worker_threads.Worker"
            && opts.iter().any(|(k, v)| k == "eval" && v == "true")
        {
            // `new Worker(code, { eval: true })` runs its first argument as code.
            "worker_threads.Worker(eval)".to_string()
        } else {
            path
        };
        self.facts.calls.push(Call {
            path,
            off,
            is_new,
            n_args: arguments.len(),
            args,
            opts,
        });
        if let Some(c) = indirect {
            self.facts.calls.push(Call { off, ..c });
        }
    }

    /// The call made through `Reflect.apply(f, this, [args])`, `f.call(this, …args)` or
    /// `f.apply(this, [args])` when `f` resolves to a known API: recorded as a direct call of
    /// `f` too, so `Reflect.apply(cp.exec, null, [cmd])` is a process start like `cp.exec(cmd)`.
    fn indirect_call(&self, path: &str, arguments: &[Argument]) -> Option<Call> {
        let arg = |i: usize| arguments.get(i).and_then(|a| a.as_expression());
        let array = |e: Option<&Expression>| -> Option<Vec<Arg>> {
            match e?.without_parentheses() {
                Expression::ArrayExpression(a) => Some(
                    a.elements
                        .iter()
                        .take(4)
                        .map(|el| {
                            el.as_expression()
                                .map(|x| self.expr_info(x))
                                .unwrap_or_default()
                        })
                        .collect(),
                ),
                _ => None,
            }
        };
        let (target, args) = if path == "Reflect.apply" {
            (self.path(arg(0)?, 0)?, array(arg(2))?)
        } else if let Some(base) = path.strip_suffix(".call") {
            let args = arguments
                .iter()
                .skip(1)
                .take(4)
                .map(|a| self.arg_info(a))
                .collect();
            (base.to_string(), args)
        } else if let Some(base) = path.strip_suffix(".apply") {
            (base.to_string(), array(arg(1))?)
        } else {
            return None;
        };
        let known = target.contains('.') && self.root_known(&target)
            || matches!(target.as_str(), "eval" | "Function" | "require");
        if !known || target.starts_with('<') || target.ends_with(".prototype") {
            return None;
        }
        Some(Call {
            n_args: args.len(),
            path: target,
            off: 0,
            is_new: false,
            args,
            opts: Vec::new(),
        })
    }
}

/// The `zlib` method of a decompression call path (`zlib.inflateSync` → `inflateSync`).
fn zlib_method(path: &str) -> Option<&str> {
    let m = path.strip_prefix("zlib.")?;
    matches!(
        m,
        "inflateSync" | "gunzipSync" | "inflateRawSync" | "unzipSync"
    )
    .then_some(m)
}

/// The parameters and body span of a one-parameter arrow or function expression.
fn one_param_body<'e>(e: &'e Expression) -> Option<(&'e FormalParameters<'e>, oxc_span::Span)> {
    match e.without_parentheses() {
        Expression::ArrowFunctionExpression(f) if f.params.items.len() == 1 => {
            Some((&f.params, f.body.span()))
        }
        Expression::FunctionExpression(f) if f.params.items.len() == 1 => {
            f.body.as_ref().map(|b| (&*f.params, b.span))
        }
        _ => None,
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn join_path(obj: String, prop: &str) -> String {
    // (function(){}).constructor, [].constructor.constructor, ''.constructor.constructor,
    // Function.prototype.constructor: Function.
    // `Object.getPrototypeOf(async function () {}).constructor`: the AsyncFunction (or
    // GeneratorFunction) constructor, which compiles code like Function.
    if prop == "constructor"
        && (obj == "<fn>"
            || obj.ends_with(".constructor")
            || obj == "Function"
            || obj == "Function.prototype"
            || obj == "Object.getPrototypeOf"
            || obj == "Reflect.getPrototypeOf")
    {
        return "Function".into();
    }
    // Global objects: `global.process`, `globalThis.require`, `window.fetch` are the globals
    // themselves; other window members keep the `window.` prefix (`window.ethereum`).
    let root_global = matches!(obj.as_str(), "global" | "globalThis" | "window" | "self");
    if root_global {
        if matches!(
            prop,
            "process"
                | "Buffer"
                | "require"
                | "eval"
                | "Function"
                | "fetch"
                | "XMLHttpRequest"
                | "WebSocket"
                | "atob"
                | "btoa"
                | "setTimeout"
                | "setInterval"
                | "navigator"
                | "document"
                | "localStorage"
                | "location"
                | "JSON"
                | "Object"
                | "String"
        ) {
            return prop.to_string();
        }
        return format!("window.{prop}");
    }
    let obj = match obj.as_str() {
        "process.mainModule" | "module" | "require.main" => {
            if prop == "require" {
                return "require".into();
            }
            obj
        }
        _ => obj,
    };
    // In place: the object's path is not needed any more, and this runs for every member.
    let mut obj = obj;
    obj.reserve(prop.len() + 1);
    obj.push('.');
    obj.push_str(prop);
    obj
}

/// Whether a function is `(c) => String.fromCharCode(c)` (arrow or function expression).
fn is_char_code_mapper(e: &Expression) -> bool {
    fn single_return<'b, 'a>(stmts: &'b [Statement<'a>]) -> Option<&'b Expression<'a>> {
        match stmts {
            [Statement::ExpressionStatement(s)] => Some(&s.expression),
            [Statement::ReturnStatement(r)] => r.argument.as_ref(),
            _ => None,
        }
    }
    let (param, ret) = match e.without_parentheses() {
        Expression::ArrowFunctionExpression(a) => {
            let ret = match a.body.as_expression() {
                Some(x) => Some(x),
                None => match &a.body {
                    ArrowFunctionBody::FunctionBody(b) => single_return(&b.statements),
                    _ => None,
                },
            };
            (a.params.items.first(), ret)
        }
        Expression::FunctionExpression(f) => (
            f.params.items.first(),
            f.body.as_ref().and_then(|b| single_return(&b.statements)),
        ),
        _ => return false,
    };
    let (Some(BindingPattern::BindingIdentifier(id)), Some(ret)) = (param.map(|p| &p.pattern), ret)
    else {
        return false;
    };
    let Expression::CallExpression(call) = ret.without_parentheses() else {
        return false;
    };
    let Expression::StaticMemberExpression(m) = call.callee.without_parentheses() else {
        return false;
    };
    let from_char_code = matches!(&m.object, Expression::Identifier(o) if o.name == "String")
        && m.property.name == "fromCharCode";
    let uses_param = matches!(
        call.arguments.first().and_then(|a| a.as_expression()),
        Some(Expression::Identifier(a)) if a.name == id.name
    );
    from_char_code && uses_param && call.arguments.len() == 1
}

fn is_require(p: &str) -> bool {
    matches!(
        p,
        "require"
            | "module.require"
            | "process.mainModule.require"
            | "__non_webpack_require__"
            | "module.constructor._load"
            | "module._load"
            // Node 22+: any built-in without require or import.
            | "process.getBuiltinModule"
    )
}

fn truncate(s: &str, n: usize) -> String {
    if s.len() <= n {
        return s.to_string();
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

/// `'a' + 'b' + …` and template literals without substitutions: a string whose every piece is
/// written out in the source.
fn plain_literal_concat(e: &Expression) -> bool {
    match e.without_parentheses() {
        Expression::StringLiteral(_) => true,
        Expression::TemplateLiteral(t) => t.expressions.is_empty(),
        Expression::BinaryExpression(b) => {
            b.operator == oxc_ast::ast::BinaryOperator::Addition
                && plain_literal_concat(&b.left)
                && plain_literal_concat(&b.right)
        }
        _ => false,
    }
}

pub fn looks_like_code(s: &str) -> bool {
    let hits = [
        "require(", "function", "=>", "eval(", "const ", "var ", "let ", "import(", "exec(",
        "fetch(",
    ]
    .iter()
    .filter(|k| s.contains(*k))
    .count();
    hits >= 2 || (hits >= 1 && s.contains(';'))
}

impl<'a, 's> Visit<'a> for Analyzer<'s> {
    fn visit_binding_identifier(&mut self, it: &BindingIdentifier<'a>) {
        self.facts.idents += 1;
        if is_obf_ident(it.name.as_str()) {
            self.facts.obf_idents += 1;
        }
    }

    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        self.facts.idents += 1;
        if is_obf_ident(it.name.as_str()) {
            self.facts.obf_idents += 1;
        }
        if let Some(p) = self.aliases.get(it.name.as_str())
            && p.contains('.')
        {
            let off = self.off(it.span);
            let p = p.clone();
            self.facts.members.entry(p).or_insert(off);
        }
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        if self.base_off == 0 {
            self.facts.functions.push((it.span.start, it.span.end));
        }
        walk::walk_arrow_function_expression(self, it);
    }

    fn visit_function(&mut self, it: &Function<'a>, flags: oxc_syntax::scope::ScopeFlags) {
        if self.base_off == 0 {
            self.facts.functions.push((it.span.start, it.span.end));
        }
        if let (Some(id), Some(body)) = (&it.id, &it.body)
            && it.params.items.len() == 1
            && let Some(g) = self.global_getter(&it.params, &body.statements, None)
        {
            self.global_getters.insert(id.name.to_string(), g);
        }
        // `function d(s) { return Buffer.from(s, 'hex').toString() }`, XOR and rot13 loops.
        if let (Some(id), Some(body)) = (&it.id, &it.body) {
            let src = self.src;
            let ret = match body.statements.as_slice() {
                [Statement::ReturnStatement(r)] => r
                    .argument
                    .as_ref()
                    .and_then(|a| src.get(a.span().start as usize..a.span().end as usize)),
                _ => None,
            };
            self.note_decoder(id.name.as_str(), &it.params, body.span, ret);
        }
        walk::walk_function(self, it, flags);
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        // `const pick = (n) => globalThis[n]`: a global looked up by a name the caller passes.
        if let (BindingPattern::BindingIdentifier(id), Some(init)) = (&it.id, &it.init)
            && matches!(
                init.without_parentheses(),
                Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_)
            )
            && let Some(g) = self.global_getter_call(init)
        {
            self.global_getters.insert(id.name.to_string(), g);
        }
        // `const d = (h) => Buffer.from(h, 'hex').map((b, i) => b ^ k[i % k.length])…`, and
        // `const r = (s) => s.split('').reverse().join('')`: a local string reverser.
        if let (BindingPattern::BindingIdentifier(id), Some(init)) = (&it.id, &it.init)
            && let Some((params, body)) = one_param_body(init)
        {
            let src = self.src.get(body.start as usize..body.end as usize);
            if let Some(src) = src
                && src.len() < 120
                && local_decoder::is_reverser(src)
            {
                self.decoders.insert(id.name.to_string(), Decoder::Reverse);
            } else {
                self.note_decoder(id.name.as_str(), params, body, None);
            }
        }
        if let Some(init) = &it.init {
            match &it.id {
                BindingPattern::BindingIdentifier(id) => self.record_alias(id.name.as_str(), init),
                BindingPattern::ObjectPattern(obj) => {
                    // `const { a, b } = require('./format')` when other files' exports are
                    // known: `a` reaches them as `./format.a`.
                    let relative = (!self.imports.is_empty())
                        .then(|| match init.without_parentheses() {
                            Expression::CallExpression(c)
                                if self.path(&c.callee, 0).is_some_and(|p| is_require(&p)) =>
                            {
                                c.arguments
                                    .first()
                                    .and_then(|a| a.as_expression())
                                    .and_then(|a| self.fold(a, 0))
                                    .filter(|s| s.starts_with('.'))
                            }
                            _ => None,
                        })
                        .flatten();
                    if let Some(base) =
                        relative.or_else(|| self.path(init, 0).filter(|p| self.root_known(p)))
                    {
                        for p in &obj.properties {
                            if let (Some(k), BindingPattern::BindingIdentifier(id)) =
                                (p.key.static_name(), &p.value)
                            {
                                self.aliases
                                    .insert(id.name.to_string(), format!("{base}.{k}"));
                            }
                        }
                    }
                }
                // `const [fs, os] = ['fs', 'os'].map(load)`: modules loaded by a list.
                BindingPattern::ArrayPattern(arr) => {
                    if let Expression::CallExpression(c) = init.without_parentheses()
                        && let Expression::StaticMemberExpression(m) =
                            c.callee.without_parentheses()
                        && m.property.name == "map"
                        && c.arguments
                            .first()
                            .and_then(|a| a.as_expression())
                            .and_then(|a| self.path(a, 0))
                            .is_some_and(|p| is_require(&p))
                        && let Some(names) = self.fold_array(&m.object, 0)
                    {
                        let off = self.off(c.span);
                        for (el, name) in arr.elements.iter().zip(names) {
                            if let Some(BindingPattern::BindingIdentifier(id)) = el {
                                let m = norm_module(&name);
                                self.facts.modules.push((m.clone(), off));
                                self.aliases.insert(id.name.to_string(), m);
                            }
                        }
                    }
                }
                _ => {}
            }
            // `const load = (id) => M._load(id, module, false)`: a module loader under another
            // name.
            if let BindingPattern::BindingIdentifier(id) = &it.id
                && self.loader_wrapper(init)
            {
                self.aliases.insert(id.name.to_string(), "require".into());
            }
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        if self.decode_depth == 0 {
            self.record_export(it);
        }
        self.record_enum_member(it);
        match &it.left {
            AssignmentTarget::AssignmentTargetIdentifier(id)
                if it.operator == AssignmentOperator::Assign =>
            {
                self.record_alias(id.name.as_str(), &it.right);
            }
            left => {
                if let Some(m) = left.as_member_expression() {
                    let e: Option<String> = match m {
                        MemberExpression::StaticMemberExpression(s) => self
                            .path(&s.object, 0)
                            .map(|o| join_path(o, s.property.name.as_str())),
                        MemberExpression::ComputedMemberExpression(c) => self
                            .path(&c.object, 0)
                            .and_then(|o| Some(join_path(o, &self.fold(&c.expression, 0)?))),
                        _ => None,
                    };
                    if let Some(p) = e {
                        let off = self.off(it.span);
                        self.facts.assigns.push((p, off));
                    }
                }
            }
        }
        walk::walk_assignment_expression(self, it);
    }

    fn visit_import_declaration(&mut self, it: &ImportDeclaration<'a>) {
        let m = norm_module(it.source.value.as_str());
        let off = self.off(it.span);
        self.facts.modules.push((m.clone(), off));
        if let Some(specs) = &it.specifiers {
            for s in specs {
                match s {
                    ImportDeclarationSpecifier::ImportSpecifier(s) => {
                        let imported = s.imported.name();
                        self.aliases
                            .insert(s.local.name.to_string(), format!("{m}.{imported}"));
                    }
                    ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => {
                        self.aliases.insert(s.local.name.to_string(), m.clone());
                    }
                    ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => {
                        self.aliases.insert(s.local.name.to_string(), m.clone());
                    }
                }
            }
        }
        walk::walk_import_declaration(self, it);
    }

    fn visit_import_expression(&mut self, it: &ImportExpression<'a>) {
        let off = self.off(it.span);
        match self.fold(&it.source, 0) {
            Some(m) => self.facts.modules.push((norm_module(&m), off)),
            None => self.facts.dynamic_requires.push(off),
        }
        walk::walk_import_expression(self, it);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        self.record_call(&it.callee, &it.arguments, it.span, false);
        if self.base_off == 0 {
            match it.callee.without_parentheses() {
                Expression::FunctionExpression(f) => self.facts.invoked.push(f.span.start),
                Expression::ArrowFunctionExpression(f) => self.facts.invoked.push(f.span.start),
                _ => {}
            }
            for a in &it.arguments {
                match a.as_expression().map(|e| e.without_parentheses()) {
                    Some(Expression::FunctionExpression(f)) => {
                        self.facts.invoked.push(f.span.start)
                    }
                    Some(Expression::ArrowFunctionExpression(f)) => {
                        self.facts.invoked.push(f.span.start)
                    }
                    _ => {}
                }
            }
        }
        // Decoded call results (atob, Buffer.from, fromCharCode, join) are derived strings.
        if matches!(
            it.callee.without_parentheses(),
            Expression::Identifier(_) | Expression::StaticMemberExpression(_)
        ) && let Some(s) = self.fold_call(it, 0)
        {
            let off = self.off(it.span);
            self.note_string(&s, off, true);
            // Decompressed or reversed text hides code from the literal scan: analyse it too.
            // So is code decoded from base64 or hex that was put together at run time (pieces
            // joined, imported from other files): no literal held it for the string scan.
            let built = matches!(
                it.arguments
                    .first()
                    .and_then(|a| a.as_expression())
                    .map(|a| a.without_parentheses()),
                Some(
                    Expression::CallExpression(_)
                        | Expression::BinaryExpression(_)
                        | Expression::TemplateLiteral(_)
                )
            );
            let unpacked = self.path(&it.callee, 0).is_some_and(|p| {
                zlib_method(&p).is_some()
                    // Code kept as a list of char codes.
                    || p.starts_with("String.fromCharCode") && s.len() >= 64
                    || self.decoders.get(&p) == Some(&Decoder::Reverse)
                    || built
                        && (p == "atob"
                            || p == "Buffer.from"
                                && it
                                    .arguments
                                    .get(1)
                                    .and_then(|a| a.as_expression())
                                    .and_then(|a| self.fold(a, 0))
                                    .is_some_and(|e| {
                                        matches!(e.as_str(), "base64" | "base64url" | "hex")
                                    }))
            });
            if unpacked && looks_like_code(&s) {
                self.analyse_unpacked(&s, off, true);
            }
        }
        // A timer given a built string runs it like eval: analyse what it runs.
        // The name as written: a bundle's `t` once assigned a timer handle is not a timer.
        if let Expression::Identifier(callee) = it.callee.without_parentheses()
            && matches!(
                callee.name.as_str(),
                "setTimeout" | "setInterval" | "setImmediate" | "eval"
            )
            && let Some(a0) = it.arguments.first().and_then(|a| a.as_expression())
            && !matches!(
                a0.without_parentheses(),
                Expression::StringLiteral(_) | Expression::Identifier(_)
            )
            && let Some(code) = self.fold(a0, 0)
            && code.len() >= 8
        {
            let off = self.off(it.span);
            self.analyse_unpacked(&code, off, !plain_literal_concat(a0));
        }
        walk::walk_call_expression(self, it);
    }

    fn visit_object_expression(&mut self, it: &ObjectExpression<'a>) {
        if it.properties.len() >= 22 && self.src.contains("fromCharCode") {
            let rows = it.properties.iter().map(|p| match p {
                ObjectPropertyKind::ObjectProperty(p) => Some(&p.value),
                _ => None,
            });
            self.note_code_table(rows, it.span);
        }
        walk::walk_object_expression(self, it);
    }

    fn visit_array_expression(&mut self, it: &ArrayExpression<'a>) {
        if it.elements.len() >= 22 && self.src.contains("fromCharCode") {
            let rows = it.elements.iter().map(|e| e.as_expression());
            self.note_code_table(rows, it.span);
        }
        walk::walk_array_expression(self, it);
    }

    fn visit_new_expression(&mut self, it: &NewExpression<'a>) {
        self.record_call(&it.callee, &it.arguments, it.span, true);
        walk::walk_new_expression(self, it);
    }

    fn visit_static_member_expression(&mut self, it: &StaticMemberExpression<'a>) {
        if let Some(obj) = self.path(&it.object, 0) {
            let p = join_path(obj, it.property.name.as_str());
            if self.root_known(&p) {
                let off = self.off(it.span);
                self.facts.members.entry(p).or_insert(off);
            }
        }
        walk::walk_static_member_expression(self, it);
    }

    fn visit_computed_member_expression(&mut self, it: &ComputedMemberExpression<'a>) {
        if let Some(obj) = self.path(&it.object, 0)
            && let Some(prop) = self.fold(&it.expression, 0)
            && !prop.is_empty()
            && prop.len() <= 64
        {
            let p = join_path(obj, &prop);
            if self.root_known(&p) {
                let off = self.off(it.span);
                self.facts.members.entry(p).or_insert(off);
            }
        }
        walk::walk_computed_member_expression(self, it);
    }

    fn visit_for_in_statement(&mut self, it: &ForInStatement<'a>) {
        if let Some(p) = self.path(&it.right, 0) {
            let off = self.off(it.span);
            self.facts.calls.push(Call {
                path: "<for-in>".into(),
                off,
                is_new: false,
                n_args: 1,
                args: vec![Arg {
                    lit: None,
                    path: Some(p),
                    func: false,
                    plain: false,
                    ident: false,
                    tail: None,
                }],
                opts: vec![],
            });
        }
        walk::walk_for_in_statement(self, it);
    }

    fn visit_binary_expression(&mut self, it: &BinaryExpression<'a>) {
        if it.operator == BinaryOperator::Addition
            && it.span.start >= self.folded_until
            && let Some(s) = self.fold_binary(it, 0)
        {
            self.folded_until = it.span.end;
            let off = self.off(it.span);
            self.note_string(&s, off, true);
        }
        walk::walk_binary_expression(self, it);
    }

    fn visit_string_literal(&mut self, it: &StringLiteral<'a>) {
        let off = self.off(it.span);
        let raw = self
            .src
            .get(it.span.start as usize + 1..(it.span.end as usize).saturating_sub(1))
            .unwrap_or("");
        let escaped = raw.contains('\\');
        self.note_string(it.value.as_str(), off, escaped);
        // A literal with escapes (`"\\n"` in a hook spliced into other files) is code kept in a
        // string all the same. Not in bundles (200 KB and more): code generators and
        // obfuscators carry runtime templates by the hundred there.
        if escaped && self.src.len() < 200 * 1024 {
            self.analyse_code_string(it.value.as_str(), off);
        }
    }

    fn visit_template_literal(&mut self, it: &TemplateLiteral<'a>) {
        if it.expressions.is_empty()
            && let Some(q) = it.quasis.first()
        {
            let off = self.off(it.span);
            let v = q
                .value
                .cooked
                .as_deref()
                .unwrap_or(&q.value.raw)
                .to_string();
            let escaped = q.value.raw.contains('\\');
            self.note_string_code(&v, off, escaped, true);
        } else if !it.expressions.is_empty()
            && it.span.start >= self.folded_until
            && let Some(v) = self.fold_template(it, 0)
        {
            // `${origin}/${tag}${key}/send`: pieces folded from constants and imports.
            let off = self.off(it.span);
            self.note_string(&v, off, true);
        }
        walk::walk_template_literal(self, it);
    }
}

#[cfg(test)]
#[path = "js_unpack_tests.rs"]
mod unpack_tests;

#[cfg(test)]
#[path = "js_reach_tests.rs"]
mod reach_tests;
