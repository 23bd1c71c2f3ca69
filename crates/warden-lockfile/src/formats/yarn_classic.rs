//! yarn classic (1.x) `yarn.lock`. The syntax is yarn's own, not YAML:
//!
//! ```text
//! # yarn lockfile v1
//!
//! "@babel/code-frame@^7.0.0", "@babel/code-frame@^7.24.7":
//!   version "7.24.7"
//!   resolved "https://registry.npm.example/@babel/code-frame/-/code-frame-7.24.7.tgz#882fd9e0…"
//!   integrity sha512-…
//!   dependencies:
//!     "@babel/highlight" "^7.24.7"
//! ```
//!
//! Indentation is two spaces a level; a line is either `key value` or a header `key, key:` that
//! opens a block. [`parse_syntax`] reads that into a tree with positions; [`parse`] turns the
//! tree into an [`Inventory`].
//!
//! The lockfile records no importers. The root's and the workspaces' direct dependencies come
//! from the manifests the caller hands over; a dependency on a workspace package (not in the
//! lockfile) resolves to that workspace's importer. Without a root manifest, every entry that
//! no other entry requires is taken as a direct dependency of the root (kind `prod`): that
//! over-approximates the production set, which is the safe side for a gate.

use crate::Manifest;
use crate::error::{ErrorKind, ParseError};
use crate::formats::npm::parse_alias;
use crate::formats::yarn::{manifest_importers, shorten, split_descriptor};
use crate::graph;
use crate::integrity::Integrity;
use crate::model::{DepKind, Dependency, Inventory, LockfileKind, NodeId, Package};
use crate::source::{SourceKind, classify_resolved, classify_url};
use std::collections::{HashMap, HashSet};

/// Deepest block nesting the parser accepts. yarn writes three levels (entry, `dependencies`,
/// one dependency); anything far deeper is not a lockfile.
const MAX_DEPTH: usize = 16;

/// A value of the classic syntax: a scalar or a block of fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Str(String),
    Block(Vec<Field>),
}

/// One `key value` line, or one `key, key:` header with its block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// One key for `key value`; one or more for headers (`"a@^1", a@^1.1:`).
    pub keys: Vec<String>,
    pub value: Value,
    /// 1-based position of the first key.
    pub line: usize,
    pub column: usize,
}

impl Field {
    fn key(&self) -> &str {
        self.keys.first().map_or("", String::as_str)
    }
}

enum Tok {
    Str(String, usize),
    Comma(usize),
    Colon(usize),
}

fn syntax(line: usize, column: usize, msg: impl Into<String>) -> ParseError {
    ParseError::new(ErrorKind::Syntax, msg)
        .at(line, column)
        .with_help("the lockfile may be damaged; regenerate it with `yarn install`")
}

/// Splits the content of one line (after its indentation) into tokens. `col0` is the 1-based
/// column of the content's first character.
fn tokenize(content: &str, line: usize, col0: usize) -> Result<Vec<Tok>, ParseError> {
    let b = content.as_bytes();
    let col = |i: usize| col0 + content[..i].chars().count();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' => i += 1,
            b',' => {
                out.push(Tok::Comma(col(i)));
                i += 1;
            }
            b':' => {
                out.push(Tok::Colon(col(i)));
                i += 1;
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                if j >= b.len() {
                    return Err(syntax(
                        line,
                        col(i),
                        "unterminated string: a `\"` is missing",
                    ));
                }
                let s: String = serde_json::from_str(&content[i..=j])
                    .map_err(|e| syntax(line, col(i), format!("invalid string: {e}")))?;
                out.push(Tok::Str(s, col(i)));
                i = j + 1;
            }
            _ => {
                let mut j = i;
                while j < b.len()
                    && !matches!(b[j], b' ' | b'\t' | b',')
                    && !(b[j] == b':' && (j + 1 == b.len() || matches!(b[j + 1], b' ' | b'\t')))
                {
                    j += 1;
                }
                out.push(Tok::Str(content[i..j].to_string(), col(i)));
                i = j;
            }
        }
    }
    Ok(out)
}

enum Line {
    Header(Vec<String>, usize),
    Pair(String, String, usize),
}

fn interpret(toks: Vec<Tok>, line: usize, col0: usize) -> Result<Line, ParseError> {
    let expected = "expected `key value` or a header `key:`";
    let mut keys = Vec::new();
    let mut first_col = col0;
    let mut it = toks.into_iter().peekable();
    // keys separated by commas
    loop {
        match it.next() {
            Some(Tok::Str(s, c)) => {
                if keys.is_empty() {
                    first_col = c;
                }
                keys.push(s);
            }
            Some(Tok::Comma(c) | Tok::Colon(c)) => {
                return Err(syntax(
                    line,
                    c,
                    format!("{expected}, found a separator first"),
                ));
            }
            None => return Err(syntax(line, col0, expected)),
        }
        match it.next() {
            Some(Tok::Comma(_)) => continue,
            Some(Tok::Colon(c)) => {
                return match it.next() {
                    None => Ok(Line::Header(keys, first_col)),
                    Some(Tok::Str(v, _)) if keys.len() == 1 && it.peek().is_none() => {
                        Ok(Line::Pair(keys.remove(0), v, first_col))
                    }
                    Some(_) => Err(syntax(line, c, format!("{expected}, found more after `:`"))),
                };
            }
            Some(Tok::Str(v, c)) => {
                if keys.len() != 1 {
                    return Err(syntax(line, c, "a value cannot follow a list of keys"));
                }
                return match it.next() {
                    None => Ok(Line::Pair(keys.remove(0), v, first_col)),
                    Some(Tok::Str(_, c) | Tok::Comma(c) | Tok::Colon(c)) => {
                        Err(syntax(line, c, format!("{expected}, found a third item")))
                    }
                };
            }
            None => {
                return Err(syntax(
                    line,
                    first_col,
                    format!(
                        "{expected}; `{}` has no value",
                        shorten(keys.last().map_or("", |s| s))
                    ),
                ));
            }
        }
    }
}

/// Reads the classic syntax into a tree of fields, with 1-based positions.
pub fn parse_syntax(text: &str) -> Result<Vec<Field>, ParseError> {
    // The stack holds the open blocks: the root, then one per open header.
    struct Open {
        header: Option<(Vec<String>, usize, usize)>,
        fields: Vec<Field>,
    }
    fn close(stack: &mut Vec<Open>) {
        if let Some(done) = stack.pop()
            && let (Some((keys, line, column)), Some(parent)) = (done.header, stack.last_mut())
        {
            parent.fields.push(Field {
                keys,
                value: Value::Block(done.fields),
                line,
                column,
            });
        }
    }
    let mut stack = vec![Open {
        header: None,
        fields: Vec::new(),
    }];
    for (n, raw) in text.split('\n').enumerate() {
        let line_no = n + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let content = raw.trim_start_matches(' ');
        let indent = raw.len() - content.len();
        if content.trim().is_empty() || content.starts_with('#') {
            continue;
        }
        if content.starts_with('\t') {
            return Err(syntax(
                line_no,
                indent + 1,
                "indentation must be spaces, found a tab",
            ));
        }
        if indent % 2 != 0 {
            return Err(syntax(
                line_no,
                indent + 1,
                format!("indentation must be a multiple of two spaces, found {indent}"),
            ));
        }
        let level = indent / 2;
        if level >= MAX_DEPTH {
            return Err(ParseError::new(
                ErrorKind::Invalid,
                format!("nesting is deeper than {MAX_DEPTH} levels; no yarn.lock nests this deep"),
            )
            .at(line_no, indent + 1)
            .with_help(
                "check that this is the yarn.lock yarn wrote; regenerate it with `yarn install`",
            ));
        }
        if level + 1 > stack.len() {
            return Err(syntax(
                line_no,
                indent + 1,
                "unexpected indentation: this line is not inside a block",
            ));
        }
        while stack.len() > level + 1 {
            close(&mut stack);
        }
        let toks = tokenize(content, line_no, indent + 1)?;
        match interpret(toks, line_no, indent + 1)? {
            Line::Header(keys, column) => stack.push(Open {
                header: Some((keys, line_no, column)),
                fields: Vec::new(),
            }),
            Line::Pair(key, value, column) => {
                if let Some(top) = stack.last_mut() {
                    top.fields.push(Field {
                        keys: vec![key],
                        value: Value::Str(value),
                        line: line_no,
                        column,
                    });
                }
            }
        }
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    Ok(stack.pop().map(|o| o.fields).unwrap_or_default())
}

/// One lockfile entry, validated.
struct Entry {
    descriptors: Vec<String>,
    line: usize,
    column: usize,
    version: String,
    resolved: Option<String>,
    integrity: Option<Integrity>,
    deps: Vec<(String, String, DepKind)>,
}

fn schema(f: &Field, msg: impl Into<String>) -> ParseError {
    ParseError::new(ErrorKind::Schema, msg)
        .at(f.line, f.column)
        .with_help("regenerate the lockfile with `yarn install`")
}

fn read_entry(f: &Field) -> Result<Entry, ParseError> {
    let Value::Block(fields) = &f.value else {
        return Err(schema(
            f,
            format!("entry \"{}\" must be a block", shorten(f.key())),
        ));
    };
    let mut seen = HashSet::new();
    let mut version = None;
    let mut resolved = None;
    let mut integrity: Option<Integrity> = None;
    let mut deps = Vec::new();
    for field in fields {
        let key = field.key();
        let k = shorten(key);
        if !seen.insert(key) {
            return Err(ParseError::new(
                ErrorKind::Invalid,
                format!("\"{k}\" appears twice in entry \"{}\"", shorten(f.key())),
            )
            .at(field.line, field.column));
        }
        let string = || match &field.value {
            Value::Str(s) => Ok(s.clone()),
            Value::Block(_) => Err(schema(
                field,
                format!(
                    "\"{k}\" of \"{}\" must be a string, found a block",
                    shorten(f.key())
                ),
            )),
        };
        match key {
            "version" => version = Some(string()?),
            "resolved" => resolved = Some(string()?),
            "integrity" => {
                let s = string()?;
                integrity = Some(Integrity::parse(&s).ok_or_else(|| {
                    schema(
                        field,
                        format!(
                            "\"{}\" has an integrity that is not a valid SRI string: {:?}",
                            shorten(f.key()),
                            shorten(&s)
                        ),
                    )
                })?);
            }
            "dependencies" | "optionalDependencies" => {
                let kind = if key == "dependencies" {
                    DepKind::Prod
                } else {
                    DepKind::Optional
                };
                let Value::Block(list) = &field.value else {
                    return Err(schema(
                        field,
                        format!(
                            "\"{k}\" of \"{}\" must be a block of `name range` lines",
                            shorten(f.key())
                        ),
                    ));
                };
                for d in list {
                    let Value::Str(range) = &d.value else {
                        return Err(schema(
                            d,
                            format!(
                                "dependency \"{}\" must have a range, found a block",
                                shorten(d.key())
                            ),
                        ));
                    };
                    deps.push((d.key().to_string(), range.clone(), kind));
                }
            }
            // `uid`, and fields later yarn versions may add: nothing warden needs.
            _ => {}
        }
    }
    let Some(version) = version else {
        return Err(schema(
            f,
            format!("entry \"{}\" has no \"version\"", shorten(f.key())),
        ));
    };
    // An optional dependency is listed in `optionalDependencies` only, but be safe.
    let optional: HashSet<String> = deps
        .iter()
        .filter(|d| d.2 == DepKind::Optional)
        .map(|d| d.0.clone())
        .collect();
    deps.retain(|d| d.2 == DepKind::Optional || !optional.contains(&d.0));
    Ok(Entry {
        descriptors: f.keys.clone(),
        line: f.line,
        column: f.column,
        version,
        resolved,
        integrity,
        deps,
    })
}

/// Splits a resolved URL's `#<sha1 hex>` fragment off. Git URLs keep their `#commit`.
fn split_sha1(resolved: &str) -> (&str, Option<&str>) {
    if classify_url(resolved) == SourceKind::Git {
        return (resolved, None);
    }
    match resolved.rsplit_once('#') {
        Some((url, frag)) if frag.len() == 40 && frag.bytes().all(|b| b.is_ascii_hexdigit()) => {
            (url, Some(frag))
        }
        _ => (resolved, None),
    }
}

/// `owner/repo` or `owner/repo#ref`: yarn's GitHub shorthand.
fn is_github_shorthand(range: &str) -> bool {
    let path = range.split('#').next().unwrap_or(range);
    match path.split_once('/') {
        Some((owner, repo)) => {
            let ok = |s: &str| {
                !s.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            };
            ok(owner) && ok(repo) && !owner.starts_with('.')
        }
        None => false,
    }
}

/// The package an entry locks. Its real name comes from the descriptors (through an `npm:`
/// alias when there is one); other names it is required under become aliases.
fn package_of(e: &Entry) -> Result<Package, ParseError> {
    let mut names: Vec<(String, String)> = Vec::new(); // (requested name, real name)
    let mut range = "";
    for d in &e.descriptors {
        let Some((name, r)) = split_descriptor(d) else {
            return Err(ParseError::new(
                ErrorKind::Schema,
                format!("\"{}\" is not a descriptor `name@range`", shorten(d)),
            )
            .at(e.line, e.column)
            .with_help("regenerate the lockfile with `yarn install`"));
        };
        let (real, real_range) = parse_alias(r).unwrap_or((name, r));
        if range.is_empty() {
            range = real_range;
        }
        names.push((name.to_string(), real.to_string()));
    }
    let real_name = names
        .iter()
        .find(|(n, r)| n != r)
        .or(names.first())
        .map(|(_, r)| r.clone())
        .unwrap_or_default();
    let mut source = if range.starts_with("file:") {
        SourceKind::File
    } else if range.starts_with("link:") || range.starts_with("portal:") {
        SourceKind::Link
    } else if classify_url(range) == SourceKind::Git || is_github_shorthand(range) {
        SourceKind::Git
    } else if range.starts_with("http://") || range.starts_with("https://") {
        SourceKind::Tarball
    } else {
        SourceKind::Registry
    };
    let mut resolved = None;
    let mut integrity = e.integrity.clone();
    if let Some(r) = &e.resolved {
        let (url, sha1) = split_sha1(r);
        if let Some(sha1) = sha1.and_then(Integrity::from_sha1_hex) {
            match &mut integrity {
                Some(i) => i.merge(&sha1),
                None => integrity = Some(sha1),
            }
        }
        // A git spec stays git even when yarn fetched a host's tarball of the commit.
        if !matches!(source, SourceKind::Link | SourceKind::Git) {
            source = classify_resolved(url, &real_name, &e.version);
        }
        resolved = Some(url.to_string());
    } else if matches!(
        source,
        SourceKind::File | SourceKind::Link | SourceKind::Git
    ) {
        resolved = Some(range.to_string());
    }
    let mut p = Package::new(real_name.clone(), e.version.clone(), source);
    p.integrity = integrity;
    p.resolved = resolved;
    for (n, _) in &names {
        if *n != real_name && !p.aliases.contains(n) {
            p.aliases.push(n.clone());
        }
    }
    p.locations = e.descriptors.clone();
    Ok(p)
}

pub fn parse(text: &str, manifests: &[Manifest]) -> Result<Inventory, ParseError> {
    let fields = parse_syntax(text)?;
    if fields.is_empty() && !text.contains("yarn lockfile v1") {
        return Err(ParseError::new(
            ErrorKind::Syntax,
            "the file holds no entries and no `# yarn lockfile v1` header; it is not a yarn.lock",
        )
        .at(1, 1)
        .with_help("regenerate it with `yarn install`"));
    }
    let mut entries = Vec::with_capacity(fields.len());
    for f in &fields {
        if let Value::Str(_) = f.value {
            return Err(schema(
                f,
                format!(
                    "expected an entry `name@range:` at the top level, found \"{}\" with a value",
                    shorten(f.key())
                ),
            ));
        }
        entries.push(read_entry(f)?);
    }
    let mut by_descriptor: HashMap<&str, usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        for d in &e.descriptors {
            if by_descriptor.insert(d.as_str(), i).is_some() {
                return Err(ParseError::new(
                    ErrorKind::Invalid,
                    format!(
                        "\"{}\" has two entries; yarn writes one entry per descriptor",
                        shorten(d)
                    ),
                )
                .at(e.line, e.column)
                .with_help("regenerate the lockfile with `yarn install`"));
            }
        }
    }
    let mut packages = entries
        .iter()
        .map(package_of)
        .collect::<Result<Vec<_>, _>>()?;

    let mut importers = manifest_importers(manifests);
    let workspaces: HashMap<String, usize> = importers
        .iter()
        .enumerate()
        .filter_map(|(i, m)| Some((m.importer.name.clone()?, i)))
        .collect();
    let resolve = |name: &str, range: &str| -> Option<NodeId> {
        if let Some(&i) = by_descriptor.get(format!("{name}@{range}").as_str()) {
            return Some(NodeId::Package(i));
        }
        // Workspace packages are linked, never locked.
        workspaces.get(name).map(|&i| NodeId::Importer(i))
    };
    for (p, e) in packages.iter_mut().zip(&entries) {
        p.dependencies = e
            .deps
            .iter()
            .map(|(name, range, kind)| Dependency {
                target: resolve(name, range),
                name: name.clone(),
                spec: range.clone(),
                kind: *kind,
            })
            .collect();
    }
    let required: HashSet<usize> = packages
        .iter()
        .flat_map(|p| &p.dependencies)
        .filter_map(|d| match d.target {
            Some(NodeId::Package(t)) => Some(t),
            _ => None,
        })
        .collect();
    for m in &mut importers {
        m.importer.dependencies = match &m.deps {
            Some(deps) => deps
                .iter()
                .map(|(name, spec, kind)| Dependency {
                    target: resolve(name, spec),
                    name: name.clone(),
                    spec: spec.clone(),
                    kind: *kind,
                })
                .collect(),
            None => Vec::new(),
        };
    }
    // Without a root manifest, the root requires what nothing else requires.
    if importers.first().is_some_and(|m| m.deps.is_none()) {
        let by_importers: HashSet<NodeId> = importers
            .iter()
            .flat_map(|m| &m.importer.dependencies)
            .filter_map(|d| d.target)
            .collect();
        let root_deps: Vec<Dependency> = entries
            .iter()
            .enumerate()
            .filter(|(i, _)| !required.contains(i) && !by_importers.contains(&NodeId::Package(*i)))
            .filter_map(|(i, e)| {
                let (name, range) = split_descriptor(e.descriptors.first()?)?;
                Some(Dependency {
                    name: name.to_string(),
                    spec: range.to_string(),
                    kind: DepKind::Prod,
                    target: Some(NodeId::Package(i)),
                })
            })
            .collect();
        if let Some(root) = importers.first_mut() {
            root.importer.dependencies = root_deps;
        }
    }
    let inv = Inventory {
        kind: LockfileKind::YarnClassic,
        lockfile_version: "1".into(),
        importers: importers.into_iter().map(|m| m.importer).collect(),
        packages,
    };
    Ok(graph::finish(inv))
}

#[cfg(test)]
mod tests;
