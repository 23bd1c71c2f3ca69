//! Unit tests on hand-written snippets: the resolutions real fixtures cannot show (git,
//! codeload, non-registry tarballs) and every kind of bad input.

use super::*;
use crate::error::ErrorKind;

fn run(text: &str) -> Result<Inventory, ParseError> {
    parse(&Input {
        file_name: "pnpm-lock.yaml",
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

const V9_SOURCES: &str = "lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      gh:
        specifier: github:u/gh
        version: https://codeload.github.com/u/gh/tar.gz/0123456789abcdef0123456789abcdef01234567
      lab:
        specifier: git+https://git.example/u/lab.git
        version: git+https://git.example/u/lab.git#0123456789abcdef0123456789abcdef01234567
      tb:
        specifier: https://files.example/tb-1.0.0.tgz
        version: https://files.example/tb-1.0.0.tgz
      priv:
        specifier: ^2.0.0
        version: 2.0.0
      hosted:
        specifier: github:u/hosted
        version: https://codeload.github.com/u/hosted/tar.gz/abc
      local:
        specifier: file:vendor/local.tgz
        version: file:vendor/local.tgz

packages:

  gh@https://codeload.github.com/u/gh/tar.gz/0123456789abcdef0123456789abcdef01234567:
    resolution: {tarball: https://codeload.github.com/u/gh/tar.gz/0123456789abcdef0123456789abcdef01234567}
    version: 1.0.0

  lab@git+https://git.example/u/lab.git#0123456789abcdef0123456789abcdef01234567:
    resolution: {commit: 0123456789abcdef0123456789abcdef01234567, repo: https://git.example/u/lab.git, type: git}
    version: 3.1.0

  tb@https://files.example/tb-1.0.0.tgz:
    resolution: {integrity: sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==, tarball: https://files.example/tb-1.0.0.tgz}
    version: 1.0.0

  priv@2.0.0:
    resolution: {integrity: sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==, tarball: https://npm.corp.example/api/npm/priv/-/priv-2.0.0.tgz}

  hosted@https://codeload.github.com/u/hosted/tar.gz/abc:
    resolution: {gitHosted: true, tarball: https://codeload.github.com/u/hosted/tar.gz/abc}
    version: 0.1.0

  local@file:vendor/local.tgz:
    resolution: {integrity: sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==, tarball: file:vendor/local.tgz}
    version: 0.0.1

snapshots:

  gh@https://codeload.github.com/u/gh/tar.gz/0123456789abcdef0123456789abcdef01234567: {}

  lab@git+https://git.example/u/lab.git#0123456789abcdef0123456789abcdef01234567:
    dependencies:
      priv: 2.0.0

  tb@https://files.example/tb-1.0.0.tgz: {}

  priv@2.0.0: {}

  hosted@https://codeload.github.com/u/hosted/tar.gz/abc: {}

  local@file:vendor/local.tgz: {}
";

#[test]
fn v9_git_tarball_and_private_registry_sources() {
    let inv = run(V9_SOURCES).unwrap();
    let src = |n: &str| {
        let p = inv.packages.iter().find(|p| p.name == n).unwrap();
        (p.version.as_str(), p.source, p.resolved.as_deref())
    };
    let gh = "https://codeload.github.com/u/gh/tar.gz/0123456789abcdef0123456789abcdef01234567";
    assert_eq!(src("gh"), ("1.0.0", SourceKind::Git, Some(gh)));
    assert_eq!(
        src("lab"),
        (
            "3.1.0",
            SourceKind::Git,
            Some("https://git.example/u/lab.git#0123456789abcdef0123456789abcdef01234567")
        )
    );
    assert_eq!(
        src("tb"),
        (
            "1.0.0",
            SourceKind::Tarball,
            Some("https://files.example/tb-1.0.0.tgz")
        )
    );
    assert_eq!(
        src("priv").1,
        SourceKind::Registry,
        "registry-shaped URL under any host and path"
    );
    assert_eq!(src("hosted").1, SourceKind::Git);
    assert_eq!(src("local").1, SourceKind::File);
    let lab = inv.packages.iter().position(|p| p.name == "lab").unwrap();
    let priv_ = inv.packages.iter().position(|p| p.name == "priv").unwrap();
    assert_eq!(
        inv.packages[lab].dependencies[0].target,
        Some(NodeId::Package(priv_))
    );
    assert!(
        inv.importers[0]
            .dependencies
            .iter()
            .all(|d| d.target.is_some())
    );
}

#[test]
fn v5_and_v6_git_host_keys_are_git() {
    for (version, key) in [
        ("5.4", "github.com/u/gh/abc"),
        ("'6.0'", "github.com/u/gh/abc"),
    ] {
        let text = format!(
            "lockfileVersion: {version}\n\ndependencies:\n  gh: {key}\n\npackages:\n\n  {key}:\n    resolution: {{tarball: https://codeload.github.com/u/gh/tar.gz/abc}}\n    name: gh\n    version: 1.0.0\n    dev: false\n"
        );
        let text = if version == "'6.0'" {
            text.replace(
                "  gh: github.com/u/gh/abc",
                "  gh:\n    specifier: github:u/gh\n    version: github.com/u/gh/abc",
            )
        } else {
            text
        };
        let inv = run(&text).unwrap();
        assert_eq!(inv.packages.len(), 1);
        assert_eq!(
            (inv.packages[0].name.as_str(), inv.packages[0].source),
            ("gh", SourceKind::Git)
        );
        assert_eq!(
            inv.importers[0].dependencies[0].target,
            Some(NodeId::Package(0))
        );
    }
}

#[test]
fn unknown_lockfile_version_names_the_supported_ones() {
    let e = err("lockfileVersion: '7.0'\n");
    assert_eq!(e.kind, ErrorKind::UnsupportedVersion);
    assert!(
        e.message.contains("5.x") && e.message.contains("6.0") && e.message.contains("9.0"),
        "{e}"
    );
    assert_eq!((e.line, e.column), (1, 1));
    let e = err("importers: {}\n");
    assert_eq!(e.kind, ErrorKind::Schema);
    assert!(e.message.contains("lockfileVersion"));
}

#[test]
fn truncated_input_is_located() {
    let text =
        "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: sha512-abc";
    let e = err(text);
    assert_eq!(e.kind, ErrorKind::Syntax, "{e}");
    assert!(e.line >= 3, "{e:?}");
}

#[test]
fn wrong_types_are_schema_errors_with_positions() {
    let e = err("lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: 3\n");
    assert_eq!(e.kind, ErrorKind::Schema);
    assert_eq!(e.line, 4, "{e:?}");
    let e = err("lockfileVersion: '9.0'\nimporters: [1, 2]\n");
    assert_eq!((e.kind, e.line), (ErrorKind::Schema, 2), "{e:?}");
    let e = err(
        "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: not-an-sri}\nsnapshots:\n  a@1.0.0: {}\n",
    );
    assert_eq!((e.kind, e.line), (ErrorKind::Schema, 3), "{e:?}");
    let e = err("lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {type: weird}\n");
    assert!(e.message.contains("weird"), "{e}");
}

#[test]
fn duplicate_keys_are_refused() {
    let e = err(
        "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: x}\n  a@1.0.0:\n    resolution: {integrity: y}\n",
    );
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert!(e.message.contains("duplicate"), "{e}");
    assert!(e.line > 0, "{e:?}");
    let e = err("lockfileVersion: '9.0'\nlockfileVersion: '9.0'\n");
    assert!(e.message.contains("duplicate"), "{e}");
    assert_eq!(e.kind, ErrorKind::Invalid);
}

/// A YAML file cut at a line boundary still parses; the dangling reference gives it away.
#[test]
fn a_file_cut_at_a_line_boundary_is_an_error() {
    let at = V9_SOURCES
        .find("\n  tb@https://files.example/tb-1.0.0.tgz: {}")
        .unwrap();
    let e = err(&V9_SOURCES[..at + 1]);
    assert_eq!(e.kind, ErrorKind::Schema);
    assert!(e.message.contains("but the lockfile has no entry"), "{e}");
    assert!(e.help.as_deref().is_some_and(|h| h.contains("cut short")));
    assert!(e.line > 0, "{e:?}");
}

#[test]
fn a_snapshot_without_a_package_is_an_error() {
    let e = err("lockfileVersion: '9.0'\npackages: {}\nsnapshots:\n  a@1.0.0: {}\n");
    assert_eq!((e.kind, e.line), (ErrorKind::Schema, 4), "{e:?}");
}

#[test]
fn non_utf8_and_binary_garbage() {
    let e = parse(&Input {
        file_name: "pnpm-lock.yaml",
        bytes: b"lockfileVersion: '9.0'\n\xff\xfe",
        manifests: &[],
    })
    .unwrap_err();
    assert_eq!((e.kind, e.line), (ErrorKind::Encoding, 2));
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    assert!(
        parse(&Input {
            file_name: "pnpm-lock.yaml",
            bytes: &garbage,
            manifests: &[]
        })
        .is_err()
    );
    let e = err("\u{1}\u{2}\u{3}lockfileVersion");
    assert!(
        matches!(e.kind, ErrorKind::Syntax | ErrorKind::Schema),
        "{e:?}"
    );
}

/// Billion laughs: ten levels of nine aliases each. Wherever the bomb sits (where warden reads
/// values, where it ignores them, as the whole `packages` or `importers`), the answer comes in
/// milliseconds; `crate::yaml` tests that serde_norway's expansion limit maps to a clear error.
#[test]
fn alias_bombs_fail_fast() {
    let mut text = String::from(
        "lockfileVersion: '9.0'\nx0: &a0 {k0: lol, k1: lol, k2: lol, k3: lol, k4: lol, k5: lol, k6: lol, k7: lol, k8: lol}\n",
    );
    for i in 1..10 {
        let p = i - 1;
        text.push_str(&format!(
            "x{i}: &a{i} {{k0: *a{p}, k1: *a{p}, k2: *a{p}, k3: *a{p}, k4: *a{p}, k5: *a{p}, k6: *a{p}, k7: *a{p}, k8: *a{p}}}\n"
        ));
    }
    for tail in [
        "packages: *a9\n",
        "importers: *a9\n",
        "settings: *a9\n",
        "packages:\n  a@1.0.0:\n    resolution: {integrity: x}\n    dependencies: *a9\n",
        "packages:\n  a@1.0.0:\n    resolution: {integrity: x}\n    transitivePeerDependencies: *a9\n",
    ] {
        let start = std::time::Instant::now();
        let _ = run(&format!("{text}{tail}"));
        assert!(
            start.elapsed().as_secs() < 2,
            "{tail}: {:?}",
            start.elapsed()
        );
    }
    let e = err(&format!("{text}packages: *a9\n"));
    assert_eq!((e.kind, e.line), (ErrorKind::Schema, 2), "{e:?}");
}

#[test]
fn deep_nesting_is_refused_quickly() {
    for text in [
        format!("lockfileVersion: '9.0'\npackages: {}", "[".repeat(200_000)),
        format!(
            "lockfileVersion: '9.0'\npackages: {}",
            "{a: ".repeat(200_000)
        ),
        format!(
            "lockfileVersion: '9.0'\npackages:\n  a:\n{}",
            "   - ".repeat(200_000)
        ),
    ] {
        let start = std::time::Instant::now();
        let e = err(&text);
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
        assert!(e.line > 0, "{e:?}");
    }
}

#[test]
fn huge_input_is_refused_before_parsing() {
    let bytes = vec![b' '; crate::error::MAX_LOCKFILE_BYTES + 1];
    let e = parse(&Input {
        file_name: "pnpm-lock.yaml",
        bytes: &bytes,
        manifests: &[],
    })
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
}

#[test]
fn several_documents_are_refused() {
    let e = err("lockfileVersion: '9.0'\n---\nlockfileVersion: '9.0'\n");
    assert_eq!(e.kind, ErrorKind::Syntax, "{e:?}");
}

proptest::proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512)) {
        let _ = parse(&Input { file_name: "pnpm-lock.yaml", bytes: &bytes, manifests: &[] });
    }

    #[test]
    fn mutated_lockfiles_never_panic(cut in 0usize..V9_SOURCES.len(), byte in proptest::prelude::any::<u8>()) {
        let mut bytes = V9_SOURCES.as_bytes().to_vec();
        bytes[cut] = byte;
        let _ = parse(&Input { file_name: "pnpm-lock.yaml", bytes: &bytes, manifests: &[] });
        let _ = parse(&Input { file_name: "pnpm-lock.yaml", bytes: &V9_SOURCES.as_bytes()[..cut], manifests: &[] });
    }
}

/// 5.x and 6.0 record `dev` and `optional`; 9.0's are computed from the graph. On the real
/// fixtures, including a 1,681-package one, computing them must give what pnpm recorded.
#[test]
fn recorded_flags_agree_with_computed_flags() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for rel in [
        "pnpm-v5/single-project-peers-aliases-esbuild",
        "pnpm-v5/workspace-links-peer-variants",
        "pnpm-v6/single-project-peers-aliases-esbuild",
        "pnpm-v6/workspace-links-peer-variants",
        "pnpm-v6/large-react-scripts-angular-jest",
    ] {
        let bytes = std::fs::read(root.join(rel).join("pnpm-lock.yaml")).unwrap();
        let input = Input {
            file_name: "pnpm-lock.yaml",
            bytes: &bytes,
            manifests: &[],
        };
        let recorded = parse_flags(&input, true).unwrap();
        let computed = parse_flags(&input, false).unwrap();
        let differ: Vec<String> = recorded
            .packages
            .iter()
            .zip(&computed.packages)
            .filter(|(r, c)| (r.dev, r.optional) != (c.dev, c.optional))
            .map(|(r, c)| {
                format!(
                    "{}: recorded {:?}, computed {:?}",
                    r.id(),
                    (r.dev, r.optional),
                    (c.dev, c.optional)
                )
            })
            .collect();
        assert!(differ.is_empty(), "{rel}: {differ:#?}");
        let dev = recorded.packages.iter().filter(|p| p.dev).count();
        assert!(dev > 0, "{rel}: the comparison must cover dev packages");
    }
}
