use super::*;
use crate::error::ErrorKind;
use proptest::prelude::*;

const SAMPLE: &str = "# yarn lockfile v1\n\n\n\"@s/a@^1.0.0\", \"@s/a@^1.1.0\":\n  version \"1.1.0\"\n  resolved \"https://r.example/@s/a/-/a-1.1.0.tgz#da39a3ee5e6b4b0d3255bfef95601890afd80709\"\n  dependencies:\n    b \"^2\"\n\nb@^2:\n  version \"2.0.1\"\n  resolved \"https://r.example/b/-/b-2.0.1.tgz\"\n  integrity sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==\n";

fn err(text: &str) -> ParseError {
    parse(text, &[]).expect_err("the input is bad")
}

#[test]
fn syntax_tree_keeps_keys_and_positions() {
    let fields = parse_syntax(SAMPLE).unwrap();
    assert_eq!(fields.len(), 2);
    assert_eq!(fields[0].keys, ["@s/a@^1.0.0", "@s/a@^1.1.0"]);
    assert_eq!((fields[0].line, fields[0].column), (4, 1));
    let Value::Block(inner) = &fields[0].value else {
        panic!("a block")
    };
    assert_eq!(inner[0].keys, ["version"]);
    assert_eq!(inner[0].value, Value::Str("1.1.0".into()));
    assert_eq!((inner[0].line, inner[0].column), (5, 3));
    let Value::Block(deps) = &inner[2].value else {
        panic!("dependencies block")
    };
    assert_eq!(deps[0].keys, ["b"]);
    assert_eq!(deps[0].value, Value::Str("^2".into()));
}

#[test]
fn crlf_and_escapes_are_read() {
    let text = "a@^1:\r\n  version \"1.0.0\"\r\n  resolved \"https://r.example/a/-/a-1.0.0.tgz?x=\\\"y\\\"\"\r\n";
    let inv = parse(text, &[]).unwrap();
    assert_eq!(inv.packages[0].version, "1.0.0");
    assert_eq!(
        inv.packages[0].resolved.as_deref(),
        Some("https://r.example/a/-/a-1.0.0.tgz?x=\"y\"")
    );
}

#[test]
fn sha1_fragment_becomes_integrity_and_merges() {
    let inv = parse(SAMPLE, &[]).unwrap();
    let a = &inv.packages[0];
    assert_eq!(a.name, "@s/a");
    assert_eq!(a.source, SourceKind::Registry);
    assert_eq!(
        a.resolved.as_deref(),
        Some("https://r.example/@s/a/-/a-1.1.0.tgz")
    );
    assert_eq!(
        a.integrity.as_ref().map(ToString::to_string).as_deref(),
        Some("sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=")
    );
    assert_eq!(a.locations.len(), 2);
    assert_eq!(a.dependencies[0].target, Some(NodeId::Package(1)));
    let b = &inv.packages[1];
    assert!(!b.integrity.as_ref().unwrap().is_weak());
    // Only `a` is required by nobody: it is the root's direct dependency.
    assert_eq!(inv.importers[0].dependencies.len(), 1);
    assert_eq!(inv.importers[0].dependencies[0].name, "@s/a");
}

#[test]
fn git_commit_fragment_is_not_a_sha1() {
    assert_eq!(
        split_sha1("git+ssh://git@host.example/a/b.git#da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        (
            "git+ssh://git@host.example/a/b.git#da39a3ee5e6b4b0d3255bfef95601890afd80709",
            None
        )
    );
    assert_eq!(
        split_sha1("https://x.example/a.tgz#abc"),
        ("https://x.example/a.tgz#abc", None)
    );
}

#[test]
fn layout_errors_have_positions() {
    let e = err("a@^1:\n\tversion \"1\"\n");
    assert_eq!((e.kind, e.line), (ErrorKind::Syntax, 2));
    assert!(e.message.contains("tab"), "{e}");
    let e = err("a@^1:\n   version \"1\"\n");
    assert_eq!((e.line, e.column), (2, 4));
    assert!(e.message.contains("multiple of two"), "{e}");
    let e = err("a@^1:\n  version \"1\"\n      x \"y\"\n");
    assert_eq!(e.line, 3);
    assert!(e.message.contains("not inside a block"), "{e}");
    let e = err("a@^1:\n  version \"1.0.0\n");
    assert_eq!((e.line, e.column), (2, 11));
    assert!(e.message.contains("unterminated"), "{e}");
    let e = err("a@^1:\n  version \"1\" extra\n");
    assert!(e.message.contains("third item"), "{e}");
}

#[test]
fn deep_nesting_is_refused() {
    let text: String = (0..40)
        .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
        .collect();
    let e = err(&text);
    assert_eq!((e.kind, e.line), (ErrorKind::Invalid, MAX_DEPTH + 1));
    // 200,000 brackets on one line are one long token, not nesting.
    let e = err(&format!("{}:\n", "[".repeat(200_000)));
    assert!(e.message.len() < 300, "messages quote a bounded excerpt");
}

#[test]
fn schema_errors_name_the_entry() {
    let e = err("a@^1:\n  version:\n    x \"1\"\n");
    assert_eq!((e.kind, e.line, e.column), (ErrorKind::Schema, 2, 3));
    assert!(
        e.message
            .contains("\"version\" of \"a@^1\" must be a string"),
        "{e}"
    );
    let e = err("a@^1:\n  resolved \"x\"\n");
    assert!(e.message.contains("has no \"version\""), "{e}");
    let e = err("a@^1:\n  version \"1\"\n  dependencies \"b\"\n");
    assert!(e.message.contains("must be a block"), "{e}");
    let e = err("a@^1:\n  version \"1\"\n  integrity md5-xyz\n");
    assert!(e.message.contains("not a valid SRI"), "{e}");
    let e = err("a@^1 \"1\"\n");
    assert!(e.message.contains("expected an entry"), "{e}");
    let e = err("nodescriptor:\n  version \"1\"\n");
    assert!(e.message.contains("not a descriptor"), "{e}");
}

#[test]
fn duplicates_are_refused() {
    let e = err("a@^1:\n  version \"1.0.0\"\n  version \"1.0.1\"\n");
    assert_eq!((e.kind, e.line), (ErrorKind::Invalid, 3));
    let e = err("a@^1:\n  version \"1.0.0\"\n\na@^2, a@^1:\n  version \"2.0.0\"\n");
    assert_eq!((e.kind, e.line), (ErrorKind::Invalid, 4));
    assert!(e.message.contains("\"a@^1\" has two entries"), "{e}");
}

#[test]
fn github_shorthand_is_git_even_as_a_codeload_tarball() {
    let text = "\"pkg@user/repo#abc\":\n  version \"1.0.0\"\n  resolved \"https://codeload.example/user/repo/tar.gz/abc\"\n";
    let inv = parse(text, &[]).unwrap();
    assert_eq!(inv.packages[0].source, SourceKind::Git);
    assert!(is_github_shorthand("user/repo"));
    assert!(!is_github_shorthand("^1.0.0"));
    assert!(!is_github_shorthand("./local/dir"));
    assert!(!is_github_shorthand("file:../x/y"));
    assert!(!is_github_shorthand("https://h.example/a/b.tgz"));
}

#[test]
fn an_alias_shares_the_entry_of_its_target() {
    let text = "\"sw-cjs@npm:sw@^4\", sw@^4:\n  version \"4.2.3\"\n  resolved \"https://r.example/sw/-/sw-4.2.3.tgz\"\n";
    let inv = parse(text, &[]).unwrap();
    assert_eq!(inv.packages.len(), 1);
    assert_eq!(inv.packages[0].name, "sw");
    assert_eq!(inv.packages[0].aliases, ["sw-cjs"]);
    assert_eq!(inv.packages[0].source, SourceKind::Registry);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,400}") {
        let _ = parse(&text, &[]);
    }

    #[test]
    fn random_yarnish_lines_never_panic(lines in proptest::collection::vec(
        (0usize..5, prop::sample::select(vec![
            "a@^1:", "\"@s/b@npm:c@^2\", b@1:", "version \"1.0.0\"", "version", "resolved \"https://r.example/a/-/a-1.0.0.tgz#da39a3ee5e6b4b0d3255bfef95601890afd80709\"",
            "integrity sha512-AAAA", "dependencies:", "optionalDependencies:", "b \"^1\"", "\"unterminated", "x, y:", ":", ",", "\"\\u00e9\" \"\\q\"", "# comment", "",
        ])),
        0..40,
    )) {
        let text: String = lines.iter().map(|(i, l)| format!("{}{l}\n", "  ".repeat(*i))).collect();
        if let Err(e) = parse(&text, &[]) {
            prop_assert!(e.line >= 1 || e.kind != ErrorKind::Syntax, "syntax errors have a line: {e}");
        }
    }
}
