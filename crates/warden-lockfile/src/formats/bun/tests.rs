//! Unit tests on hand-written snippets: tuple shapes the real fixtures cannot show (git,
//! github, non-registry tarballs, links, a private registry) and every kind of bad input.

use super::*;
use crate::error::ErrorKind;

fn run(text: &str) -> Result<Inventory, ParseError> {
    parse(&Input {
        file_name: "bun.lock",
        bytes: text.as_bytes(),
        manifests: &[],
    })
}

fn err(text: &str) -> ParseError {
    match run(text) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(e) => e,
    }
}

const SHA: &str = "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==";

fn sources_lock() -> String {
    r#"{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "app",
      "dependencies": {
        "gh": "github:u/gh",
        "lab": "git+https://git.example/u/lab.git",
        "tb": "https://files.example/tb-1.0.0.tgz",
        "priv": "^2.0.0",
        "ln": "link:ln",
        "loc": "./vendor/loc-1.0.0.tgz",
      },
    },
  },
  "trustedDependencies": ["gh"],
  "patchedDependencies": { "priv@2.0.0": "patches/priv.patch" },
  "overrides": { "priv": "2.0.0" },
  "packages": {
    "gh": ["gh@github:u/gh#0123abc", { "dependencies": { "priv": "^2.0.0" } }, "u-gh-0123abc"],
    "lab": ["lab@git+https://git.example/u/lab.git#0123abc", {}, "0123abcdef"],
    "tb": ["tb@https://files.example/tb-1.0.0.tgz", {}],
    "priv": ["priv@2.0.0", "https://npm.corp.example/api/priv/-/priv-2.0.0.tgz", {}, "SHA"],
    "ln": ["ln@link:ln", {}],
    "priv/inner": ["inner@1.0.0", "", { "bundled": true }, "SHA"],
    "loc": ["loc@./vendor/loc-1.0.0.tgz", {}],
  },
}
"#
    .replace("SHA", SHA)
}

#[test]
fn git_github_tarball_link_and_private_registry_tuples() {
    let inv = run(&sources_lock()).unwrap();
    let src = |n: &str| {
        let p = inv.packages.iter().find(|p| p.name == n).unwrap();
        (p.version.as_str(), p.source, p.resolved.as_deref())
    };
    assert_eq!(
        src("gh"),
        (
            "github:u/gh#0123abc",
            SourceKind::Git,
            Some("github:u/gh#0123abc (u-gh-0123abc)")
        )
    );
    assert_eq!(src("lab").1, SourceKind::Git);
    assert_eq!(
        src("tb"),
        (
            "https://files.example/tb-1.0.0.tgz",
            SourceKind::Tarball,
            Some("https://files.example/tb-1.0.0.tgz")
        )
    );
    assert_eq!(
        src("priv"),
        (
            "2.0.0",
            SourceKind::Registry,
            Some("https://npm.corp.example/api/priv/-/priv-2.0.0.tgz")
        )
    );
    assert_eq!(src("ln").1, SourceKind::Link);
    assert_eq!(src("loc").1, SourceKind::File);
    let gh = inv.packages.iter().position(|p| p.name == "gh").unwrap();
    let priv_ = inv.packages.iter().position(|p| p.name == "priv").unwrap();
    assert_eq!(
        inv.packages[gh].dependencies[0].target,
        Some(NodeId::Package(priv_))
    );
    assert!(inv.packages[priv_].integrity.is_some());
    assert!(
        inv.packages
            .iter()
            .find(|p| p.name == "inner")
            .unwrap()
            .bundled
    );
    assert!(!inv.packages[priv_].bundled);
    assert!(
        inv.importers[0]
            .dependencies
            .iter()
            .all(|d| d.target.is_some())
    );
}

#[test]
fn keys_split_into_names() {
    assert_eq!(segments("a/@s/b/c"), vec!["a", "@s/b", "c"]);
    assert_eq!(segments("@s/b"), vec!["@s/b"]);
    assert_eq!(parent("a/@s/b/c"), "a/@s/b");
    assert_eq!(parent("@mono/b/react"), "@mono/b");
    assert_eq!(parent("react"), "");
    assert_eq!(last_segment("string-width-cjs/strip-ansi"), "strip-ansi");
}

#[test]
fn nested_keys_win_over_hoisted_ones() {
    let text =
        r#"{"lockfileVersion": 1, "workspaces": {"": {"dependencies": {"a": "1", "c": "1"}}},
      "packages": {
        "a": ["a@1.0.0", "", {"dependencies": {"b": "1"}}, "SHA"],
        "b": ["b@2.0.0", "", {"dependencies": {"c": "2"}}, "SHA"],
        "a/b": ["b@1.0.0", "", {"dependencies": {"c": "2"}}, "SHA"],
        "a/b/c": ["c@2.0.0", "", {}, "SHA"],
        "c": ["c@1.0.0", "", {}, "SHA"],
      }}"#
        .replace("SHA", SHA);
    let inv = run(&text).unwrap();
    let id = |n: &str, v: &str| {
        inv.packages
            .iter()
            .position(|p| p.name == n && p.version == v)
            .unwrap()
    };
    let target = |from: usize, dep: &str| {
        let d = inv.packages[from]
            .dependencies
            .iter()
            .find(|d| d.name == dep)
            .unwrap();
        d.target.map(|t| inv.label(t))
    };
    assert_eq!(target(id("a", "1.0.0"), "b").as_deref(), Some("b@1.0.0"));
    assert_eq!(target(id("b", "1.0.0"), "c").as_deref(), Some("c@2.0.0"));
    // The hoisted b@2.0.0 sees only the hoisted c.
    assert_eq!(target(id("b", "2.0.0"), "c").as_deref(), Some("c@1.0.0"));
}

#[test]
fn unknown_lockfile_version_names_the_supported_ones() {
    let e = err(r#"{"lockfileVersion": 3, "workspaces": {"": {}}}"#);
    assert_eq!(e.kind, ErrorKind::UnsupportedVersion);
    assert!(e.message.contains("0, 1 and 2"), "{e}");
    assert_eq!((e.line, e.column), (1, 2));
    let e = err(r#"{"workspaces": {"": {}}}"#);
    assert!(e.message.contains("lockfileVersion"), "{e}");
    let e = err(r#"{"lockfileVersion": "1", "workspaces": {"": {}}}"#);
    assert_eq!(e.kind, ErrorKind::UnsupportedVersion);
}

#[test]
fn truncated_input_is_located() {
    let text = sources_lock();
    let cut = &text[..text.len() / 2];
    let e = err(cut);
    assert_eq!(e.kind, ErrorKind::Syntax);
    assert!(
        e.line > 5 && e.help.as_deref().is_some_and(|h| h.contains("truncated")),
        "{e:?}"
    );
}

#[test]
fn wrong_types_and_shapes_are_schema_errors_with_positions() {
    let e =
        err("{\"lockfileVersion\": 1,\n \"workspaces\": {\"\": {\"dependencies\": {\"a\": 1}}}}");
    assert_eq!((e.kind, e.line), (ErrorKind::Schema, 2), "{e:?}");
    let e = err(
        "{\"lockfileVersion\": 1, \"workspaces\": {\"\": {}},\n \"packages\": {\"a\": \"a@1.0.0\"}}",
    );
    assert_eq!((e.kind, e.line), (ErrorKind::Schema, 2), "{e:?}");
    let e = err(
        "{\"lockfileVersion\": 1, \"workspaces\": {\"\": {}},\n \"packages\": {\"a\": [\"a@1.0.0\", {}]}}",
    );
    assert!(e.message.contains("registry package"), "{e}");
    assert_eq!(e.line, 2);
    let e = err(
        "{\"lockfileVersion\": 1, \"workspaces\": {\"\": {}},\n \"packages\": {\"a\": [\"a@1.0.0\", \"\", {}, \"md5-x\"]}}",
    );
    assert!(e.message.contains("SRI"), "{e}");
    let e = err(
        "{\"lockfileVersion\": 1, \"workspaces\": {\"\": {}},\n \"packages\": {\"a\": [\"a@1.0.0\", \"\", {}, {}, \"x\"]}}",
    );
    assert_eq!(e.kind, ErrorKind::Schema, "{e:?}");
    let e = err("{\"lockfileVersion\": 1, \"workspaces\": {}}");
    assert!(e.message.contains("root"), "{e}");
    let e = err(
        "{\"lockfileVersion\": 1, \"workspaces\": {\"\": {}},\n \"packages\": {\"a\": [\"a@workspace:nowhere\"]}}",
    );
    assert!(e.message.contains("nowhere"), "{e}");
}

#[test]
fn duplicate_keys_are_refused() {
    let e = err(
        "{\"lockfileVersion\": 1, \"workspaces\": {\"\": {}},\n \"packages\": {\"a\": [\"a@1.0.0\", \"\", {}, \"x\"],\n \"a\": [\"a@2.0.0\", \"\", {}, \"x\"]}}",
    );
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert!(e.message.contains("duplicate key \"a\""), "{e}");
    assert_eq!(e.line, 3);
    let e = err(
        "{\"lockfileVersion\": 1, \"workspaces\": {\"\": {\"dependencies\": {\"a\": \"1\", \"a\": \"2\"}}}}",
    );
    assert!(e.message.contains("duplicate"), "{e}");
}

#[test]
fn non_utf8_garbage_nesting_and_size() {
    let e = parse(&Input {
        file_name: "bun.lock",
        bytes: b"{\n\"lockfileVersion\": \xff",
        manifests: &[],
    })
    .unwrap_err();
    assert_eq!((e.kind, e.line), (ErrorKind::Encoding, 2));
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    assert!(
        parse(&Input {
            file_name: "bun.lock",
            bytes: &garbage,
            manifests: &[]
        })
        .is_err()
    );
    let deep = format!(
        "{{\"lockfileVersion\": 1, \"workspaces\": {}",
        "[".repeat(200_000)
    );
    let start = std::time::Instant::now();
    let e = err(&deep);
    assert!(start.elapsed().as_secs() < 5);
    assert_eq!(
        (e.kind, e.line, e.column),
        (ErrorKind::Invalid, 1, 36 + 129),
        "{e:?}"
    );
    let deep = format!(
        "{{\"lockfileVersion\": 1, \"workspaces\": {{\"\": {{}}}}, \"overrides\": {}",
        "{\"a\":".repeat(200_000)
    );
    // Balanced, in a field warden ignores: still refused.
    let deep = format!("{deep}1{}}}", "}".repeat(200_000));
    let e = err(&deep);
    assert_eq!(e.kind, ErrorKind::Invalid, "{e:?}");
    assert!(e.message.contains("nesting"), "{e}");
    let bytes = vec![b' '; crate::error::MAX_LOCKFILE_BYTES + 1];
    let e = parse(&Input {
        file_name: "bun.lock",
        bytes: &bytes,
        manifests: &[],
    })
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
}

proptest::proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512)) {
        let _ = parse(&Input { file_name: "bun.lock", bytes: &bytes, manifests: &[] });
    }

    #[test]
    fn mutated_lockfiles_never_panic(cut in 0usize..700, byte in proptest::prelude::any::<u8>()) {
        let text = sources_lock();
        let mut bytes = text.as_bytes().to_vec();
        let at = cut.min(bytes.len() - 1);
        bytes[at] = byte;
        let _ = parse(&Input { file_name: "bun.lock", bytes: &bytes, manifests: &[] });
        let _ = parse(&Input { file_name: "bun.lock", bytes: &text.as_bytes()[..at], manifests: &[] });
    }
}
