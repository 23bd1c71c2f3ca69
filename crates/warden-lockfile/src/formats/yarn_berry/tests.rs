use super::*;

const HEAD: &str = "__metadata:\n  version: 8\n  cacheKey: 10c0\n\n";

fn lock(body: &str) -> Result<Inventory, ParseError> {
    parse(&format!("{HEAD}{body}"), &[])
}

#[test]
fn sources_by_protocol() {
    let table = [
        ("a", "npm:1.0.0", SourceKind::Registry),
        (
            "a",
            "patch:a@npm%3A1.0.0#./p.patch::version=1.0.0&hash=abc",
            SourceKind::Registry,
        ),
        (
            "a",
            "patch:a@git+https%3A//h.example/a.git%23commit=abc#./p.patch",
            SourceKind::Git,
        ),
        (
            "a",
            "https://r.example/a/-/a-1.0.0.tgz",
            SourceKind::Registry,
        ),
        (
            "a",
            "https://r.example/other/-/other-1.0.0.tgz",
            SourceKind::Tarball,
        ),
        (
            "a",
            "git+ssh://git@h.example/a.git#commit=abc",
            SourceKind::Git,
        ),
        ("a", "https://h.example/a.git#commit=abc", SourceKind::Git),
        (
            "a",
            "file:./a#./a::hash=1&locator=r%40workspace%3A.",
            SourceKind::File,
        ),
        ("a", "link:./a::locator=r%40workspace%3A.", SourceKind::Link),
        (
            "a",
            "portal:./a::locator=r%40workspace%3A.",
            SourceKind::Link,
        ),
        ("a", "exec:./gen.js", SourceKind::File),
        ("a", "workspace:packages/a", SourceKind::Workspace),
    ];
    for (name, reference, want) in table {
        assert_eq!(source_of(name, reference, "1.0.0"), want, "{reference}");
    }
}

#[test]
fn patch_references_decode() {
    assert_eq!(percent_decode("a@npm%3A1.0.0"), "a@npm:1.0.0");
    assert_eq!(percent_decode("100%"), "100%");
    assert_eq!(percent_decode("%zz%é"), "%zz%é");
    let (inner, patch) =
        patch_parts("patch:typescript@npm%3A5.5.4#optional!builtin<compat/typescript>").unwrap();
    assert_eq!(inner, "typescript@npm:5.5.4");
    assert!(is_builtin_patch(patch));
    assert!(!is_builtin_patch("~/.yarn/patches/x.patch"));
    assert!(patch_parts("npm:1.0.0").is_none());
    // Patches nested past the bound are not taken for the registry, and do not recurse.
    let deep = format!("{}npm:1.0.0", "patch:a@".repeat(1000));
    assert_eq!(source_of("a", &deep, "1.0.0"), SourceKind::File);
    let shallow = format!("{}npm:1.0.0", "patch:a@".repeat(3));
    assert_eq!(source_of("a", &shallow, "1.0.0"), SourceKind::Registry);
}

#[test]
fn legacy_lockfiles_without_npm_prefix_resolve() {
    let text = "__metadata:\n  version: 4\n\n\"a@^1.0.0\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n  dependencies:\n    b: ^2.0.0\n  checksum: abc\n\n\"b@^2.0.0\":\n  version: 2.0.0\n  resolution: \"b@npm:2.0.0\"\n\n\"r@workspace:.\":\n  version: 0.0.0-use.local\n  resolution: \"r@workspace:.\"\n  dependencies:\n    a: ^1.0.0\n";
    let inv = parse(text, &[]).unwrap();
    assert_eq!(inv.lockfile_version, "4");
    assert_eq!(inv.importers[0].name.as_deref(), Some("r"));
    assert_eq!(
        inv.importers[0].version, None,
        "0.0.0-use.local is a placeholder"
    );
    assert_eq!(
        inv.importers[0].dependencies[0].target,
        Some(NodeId::Package(0))
    );
    assert_eq!(
        inv.packages[0].dependencies[0].target,
        Some(NodeId::Package(1))
    );
    assert_eq!(
        inv.packages[0].checksum.as_ref().map(|c| c.value.as_str()),
        Some("abc")
    );
}

#[test]
fn unsupported_and_missing_versions() {
    for v in ["3", "11", "abc"] {
        let e = parse(&format!("__metadata:\n  version: {v}\n"), &[]).unwrap_err();
        assert_eq!((e.kind, e.line), (ErrorKind::UnsupportedVersion, 2), "{v}");
        assert!(e.message.contains("warden reads versions 4 to 10"), "{e}");
    }
    let e = parse("__metadata:\n  cacheKey: 8\n", &[]).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Schema);
    assert!(e.message.contains("has no \"version\""), "{e}");
}

#[test]
fn entries_need_resolution_and_version() {
    let e = lock("\"a@npm:1\":\n  version: 1.0.0\n").unwrap_err();
    assert_eq!((e.kind, e.line), (ErrorKind::Schema, 5));
    let e = lock("\"a@npm:1\":\n  resolution: \"a@npm:1.0.0\"\n").unwrap_err();
    assert!(e.message.contains("has no \"version\""), "{e}");
    let e = lock("\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"nothing\"\n").unwrap_err();
    assert!(e.message.contains("not `name@reference`"), "{e}");
}

#[test]
fn duplicates_are_refused_with_positions() {
    let entry = "\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n";
    let e = lock(&format!("{entry}{entry}")).unwrap_err();
    assert_eq!((e.kind, e.line), (ErrorKind::Invalid, 8));
    let e = lock("\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n  dependencies:\n    b: \"npm:1\"\n    b: \"npm:2\"\n").unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert!(e.message.contains("duplicate key \"b\""), "{e}");
    assert!(e.line >= 9, "{e}");
    let e = lock("\"a@npm:1, b@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n").unwrap_err();
    assert!(
        e.message.contains("descriptor \"a@npm:1\" has two entries"),
        "{e}"
    );
    let e = lock("\"w@workspace:.\":\n  version: 0.0.0-use.local\n  resolution: \"w@workspace:.\"\n\"v@workspace:.\":\n  version: 0.0.0-use.local\n  resolution: \"v@workspace:.\"\n").unwrap_err();
    assert!(
        e.message.contains("two entries resolve to the workspace"),
        "{e}"
    );
}

#[test]
fn conditions_with_ampersands_parse() {
    let inv = lock("\"@esbuild/linux-x64@npm:0.21.5\":\n  version: 0.21.5\n  resolution: \"@esbuild/linux-x64@npm:0.21.5\"\n  conditions: os=linux & cpu=x64\n  languageName: node\n  linkType: hard\n").unwrap();
    assert_eq!(inv.packages[0].name, "@esbuild/linux-x64");
    assert!(
        inv.importers[0].dependencies.is_empty(),
        "a root without a workspace entry"
    );
}
