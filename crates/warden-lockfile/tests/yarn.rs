//! yarn.lock fixtures written by the real clients (yarn 1.22.22 and yarn 4.18.1, run with
//! scripts disabled; registry URLs rewritten to the placeholder host). Each case folder holds
//! the lockfile and the package.json files that produced it.

use std::path::{Path, PathBuf};
use warden_lockfile::{
    DepKind, HashAlgorithm, Input, Inventory, LockfileKind, Manifest, NodeId, Package, SourceKind,
    parse,
};

fn dir(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
}

/// The root package.json and every `packages/*/package.json` of a case.
fn manifests(case: &str) -> Vec<Manifest> {
    let d = dir(case);
    let mut out = vec![Manifest {
        path: String::new(),
        bytes: std::fs::read(d.join("package.json")).expect("fixture has a package.json"),
    }];
    if let Ok(rd) = std::fs::read_dir(d.join("packages")) {
        let mut ws: Vec<_> = rd.flatten().map(|e| e.file_name()).collect();
        ws.sort();
        for name in ws {
            let name = name.to_string_lossy().to_string();
            out.push(Manifest {
                path: format!("packages/{name}"),
                bytes: std::fs::read(d.join("packages").join(&name).join("package.json"))
                    .expect("workspace has a package.json"),
            });
        }
    }
    out
}

fn load(case: &str, with_manifests: bool) -> Inventory {
    let bytes = std::fs::read(dir(case).join("yarn.lock")).expect("fixture has a yarn.lock");
    let m = if with_manifests {
        manifests(case)
    } else {
        Vec::new()
    };
    parse(&Input {
        file_name: "yarn.lock",
        bytes: &bytes,
        manifests: &m,
    })
    .unwrap_or_else(|e| panic!("{case}: {e}"))
}

fn pkg<'a>(inv: &'a Inventory, name: &str, version: &str) -> &'a Package {
    inv.packages
        .iter()
        .find(|p| p.name == name && p.version == version)
        .unwrap_or_else(|| panic!("{name}@{version} is in the inventory"))
}

fn pkgs<'a>(inv: &'a Inventory, name: &str) -> Vec<&'a Package> {
    inv.packages.iter().filter(|p| p.name == name).collect()
}

fn target(inv: &Inventory, deps: &[warden_lockfile::Dependency], name: &str) -> NodeId {
    deps.iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("an edge named {name}"))
        .target
        .unwrap_or_else(|| panic!("edge {name} resolves ({})", inv.packages.len()))
}

fn root(inv: &Inventory) -> &warden_lockfile::Importer {
    assert_eq!(inv.importers[0].path, "");
    &inv.importers[0]
}

/// Every edge that is not a peer edge resolves: the lockfile is complete.
fn assert_all_edges_resolve(inv: &Inventory) {
    let importer_edges = inv.importers.iter().flat_map(|i| &i.dependencies);
    let package_edges = inv.packages.iter().flat_map(|p| &p.dependencies);
    let unresolved: Vec<String> = importer_edges
        .chain(package_edges)
        .filter(|d| d.kind != DepKind::Peer && d.target.is_none())
        .map(|d| format!("{}@{}", d.name, d.spec))
        .collect();
    assert!(unresolved.is_empty(), "unresolved edges: {unresolved:?}");
}

fn node_of(inv: &Inventory, p: &Package) -> NodeId {
    NodeId::Package(
        inv.packages
            .iter()
            .position(|q| std::ptr::eq(q, p))
            .expect("package is in the inventory"),
    )
}

#[test]
fn classic_registry_scoped_and_several_versions() {
    let inv = load("yarn-classic/aliases-git-file-link-tarball", true);
    assert_eq!(inv.kind, LockfileKind::YarnClassic);
    assert_eq!(inv.lockfile_version, "1");
    assert_eq!(inv.importers.len(), 1);
    assert_eq!(root(&inv).name.as_deref(), Some("classic-basic"));
    let cf = pkg(&inv, "@babel/code-frame", "7.24.7");
    assert_eq!(cf.source, SourceKind::Registry);
    assert_eq!(
        cf.resolved.as_deref(),
        Some("https://registry.npm.example/@babel/code-frame/-/code-frame-7.24.7.tgz"),
        "the sha1 fragment is split off the URL"
    );
    // integrity sha512 merged with the sha1 from the fragment
    let i = cf.integrity.as_ref().expect("integrity");
    assert_eq!(i.strongest().algorithm, HashAlgorithm::Sha512);
    assert_eq!(i.hashes().len(), 2);
    let chalks: Vec<&str> = pkgs(&inv, "chalk")
        .iter()
        .map(|p| p.version.as_str())
        .collect();
    assert_eq!(chalks, ["2.4.2", "4.1.2"]);
    // edges: @babel/highlight needs chalk ^2.4.2, the root chalk ^4.1.2
    let hl = pkg(&inv, "@babel/highlight", "7.25.9");
    assert_eq!(
        target(&inv, &hl.dependencies, "chalk"),
        node_of(&inv, pkg(&inv, "chalk", "2.4.2"))
    );
    assert_eq!(
        target(&inv, &root(&inv).dependencies, "chalk"),
        node_of(&inv, pkg(&inv, "chalk", "4.1.2"))
    );
    assert_all_edges_resolve(&inv);
}

#[test]
fn classic_npm_alias_is_the_real_package() {
    let inv = load("yarn-classic/aliases-git-file-link-tarball", true);
    let sw4 = pkg(&inv, "string-width", "4.2.3");
    assert_eq!(sw4.aliases, ["string-width-cjs"]);
    assert_eq!(sw4.source, SourceKind::Registry);
    assert!(pkg(&inv, "string-width", "5.1.2").aliases.is_empty());
    assert!(inv.find("string-width-cjs").count() == 1);
    let edge = root(&inv)
        .dependencies
        .iter()
        .find(|d| d.name == "string-width-cjs")
        .expect("alias edge");
    assert_eq!(edge.spec, "npm:string-width@^4.2.0");
    assert_eq!(edge.target, Some(node_of(&inv, sw4)));
}

#[test]
fn classic_git_file_link_and_tarball_sources() {
    let inv = load("yarn-classic/aliases-git-file-link-tarball", true);
    let git = pkg(&inv, "git-pkg", "0.3.0");
    assert_eq!(git.source, SourceKind::Git);
    assert_eq!(
        git.resolved.as_deref(),
        Some("git+http://127.0.0.1:8999/git-pkg.git#cfe3b10d66987af2fbb3da4a90f942425776e3d0"),
        "a git commit is not a sha1 integrity"
    );
    assert!(git.integrity.is_none());
    assert_eq!(
        target(&inv, &git.dependencies, "ms"),
        node_of(&inv, pkg(&inv, "ms", "2.1.3"))
    );
    let tgz = pkg(&inv, "tarball-pkg", "2.0.0");
    assert_eq!(tgz.source, SourceKind::Tarball);
    assert!(
        tgz.integrity.as_ref().is_some_and(|i| i.is_weak()),
        "sha1 fragment becomes an SRI"
    );
    assert_eq!(pkg(&inv, "local-pkg", "0.1.0").source, SourceKind::File);
    assert_eq!(
        pkg(&inv, "local-pkg", "0.1.0").resolved.as_deref(),
        Some("file:./local-pkg")
    );
    assert_eq!(pkg(&inv, "linked-pkg", "0.0.0").source, SourceKind::Link);
    // A URL spec that has the registry's tarball shape is the registry, under any host.
    let odd = pkg(&inv, "is-odd", "3.0.1");
    assert_eq!(odd.source, SourceKind::Registry);
    assert_eq!(
        odd.integrity.as_ref().map(|i| i.to_string()).as_deref(),
        Some("sha1-ZRAbrzcn1yi2b6YvUM2n8tOYlgE=")
    );
}

#[test]
fn classic_dev_and_optional_flags_follow_the_manifest() {
    let inv = load("yarn-classic/aliases-git-file-link-tarball", true);
    assert!(pkg(&inv, "@types/node", "20.14.10").dev);
    assert!(
        pkg(&inv, "undici-types", "5.26.5").dev,
        "only below a dev dependency"
    );
    assert!(pkg(&inv, "react", "18.3.1").dev);
    assert!(
        !pkg(&inv, "loose-envify", "1.4.0").dev,
        "react-dom needs it in production"
    );
    assert!(
        !pkg(&inv, "left-pad", "1.3.0").dev,
        "a dev dependency that local-pkg needs too"
    );
    let n7 = pkg(&inv, "is-number", "7.0.0");
    assert!(n7.optional && !n7.dev);
    let n6 = pkg(&inv, "is-number", "6.0.0");
    assert!(!n6.optional && !n6.dev);
    assert!(!pkg(&inv, "chalk", "2.4.2").dev);
}

#[test]
fn classic_without_manifests_roots_are_the_unrequired_entries() {
    let inv = load("yarn-classic/aliases-git-file-link-tarball", false);
    let names: Vec<&str> = root(&inv)
        .dependencies
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    for direct in [
        "@babel/code-frame",
        "chalk",
        "react",
        "string-width-cjs",
        "git-pkg",
        "linked-pkg",
    ] {
        assert!(names.contains(&direct), "{direct} is direct: {names:?}");
    }
    for transitive in ["ansi-styles", "loose-envify", "ms", "left-pad"] {
        assert!(!names.contains(&transitive), "{transitive} is not direct");
    }
    assert!(
        inv.packages.iter().all(|p| !p.dev),
        "no manifest, no dev flags"
    );
    assert_all_edges_resolve(&inv);
}

#[test]
fn classic_workspaces_become_importers() {
    let inv = load("yarn-classic/workspaces-parser", true);
    let paths: Vec<&str> = inv.importers.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["", "packages/a", "packages/b"]);
    assert_eq!(inv.importers[2].name.as_deref(), Some("@mono/b"));
    assert_eq!(inv.importers[2].version.as_deref(), Some("2.0.0"));
    let b = &inv.importers[2].dependencies;
    assert_eq!(
        target(&inv, b, "@mono/a"),
        NodeId::Importer(1),
        "a workspace dependency links the workspace"
    );
    assert_eq!(
        target(&inv, b, "chalk"),
        node_of(&inv, pkg(&inv, "chalk", "4.1.2"))
    );
    assert!(pkg(&inv, "is-number", "7.0.0").dev);
    assert!(pkg(&inv, "left-pad", "1.3.0").dev);
    assert!(
        !pkg(&inv, "ms", "2.1.3").dev,
        "packages/a needs ms in production"
    );
    assert!(!pkg(&inv, "color-name", "1.1.4").dev);
    assert_all_edges_resolve(&inv);
}

#[test]
fn berry_registry_aliases_and_checksums() {
    let inv = load("yarn-berry/aliases-patch-git-file-portal", true);
    assert_eq!(inv.kind, LockfileKind::YarnBerry);
    assert_eq!(inv.lockfile_version, "10");
    assert_eq!(root(&inv).name.as_deref(), Some("berry-basic"));
    assert_eq!(root(&inv).version.as_deref(), Some("1.0.0"));
    let cf = pkg(&inv, "@babel/code-frame", "7.24.7");
    assert_eq!(cf.source, SourceKind::Registry);
    assert!(
        cf.integrity.is_none(),
        "a Berry checksum is not a tarball integrity"
    );
    let ck = cf.checksum.as_ref().expect("checksum");
    assert_eq!(ck.format, "yarn-berry");
    assert!(ck.value.starts_with("10c0/ab0af539"));
    let sw4 = pkg(&inv, "string-width", "4.2.3");
    assert_eq!(sw4.aliases, ["string-width-cjs"]);
    assert_eq!(
        target(&inv, &root(&inv).dependencies, "string-width-cjs"),
        node_of(&inv, sw4)
    );
    let chalks: Vec<&str> = pkgs(&inv, "chalk")
        .iter()
        .map(|p| p.version.as_str())
        .collect();
    assert_eq!(chalks, ["2.4.2", "4.1.2"]);
    let js = pkg(&inv, "js-tokens", "4.0.0");
    assert_eq!(
        js.locations.len(),
        2,
        "one entry, two descriptors: {:?}",
        js.locations
    );
    assert_all_edges_resolve(&inv);
}

#[test]
fn berry_git_file_link_portal_and_tarball_sources() {
    let inv = load("yarn-berry/aliases-patch-git-file-portal", true);
    let git = pkg(&inv, "git-pkg", "0.3.0");
    assert_eq!(git.source, SourceKind::Git);
    assert!(
        git.resolved
            .as_deref()
            .is_some_and(|r| r.ends_with("#commit=cfe3b10d66987af2fbb3da4a90f942425776e3d0"))
    );
    assert_eq!(
        pkg(&inv, "tarball-pkg", "2.0.0").source,
        SourceKind::Tarball
    );
    assert_eq!(pkg(&inv, "is-odd", "3.0.1").source, SourceKind::Registry);
    assert_eq!(pkg(&inv, "local-pkg", "0.1.0").source, SourceKind::File);
    assert_eq!(
        pkg(&inv, "linked-pkg", "0.0.0-use.local").source,
        SourceKind::Link
    );
    let portal = pkg(&inv, "portal-pkg", "0.0.0-use.local");
    assert_eq!(portal.source, SourceKind::Link);
    assert_eq!(
        target(&inv, &portal.dependencies, "ms"),
        node_of(&inv, pkg(&inv, "ms", "2.1.3"))
    );
}

#[test]
fn yarn_berry_patch_protocol_is_the_registry_package() {
    let inv = load("yarn-berry/aliases-patch-git-file-portal", true);
    let pads = pkgs(&inv, "left-pad");
    assert_eq!(
        pads.len(),
        2,
        "patched and unpatched are different content: never merged"
    );
    let plain = pads
        .iter()
        .find(|p| p.resolved.as_deref() == Some("npm:1.3.0"))
        .expect("plain entry");
    let patched = pads
        .iter()
        .find(|p| {
            p.resolved
                .as_deref()
                .is_some_and(|r| r.starts_with("patch:left-pad@npm%3A1.3.0#"))
        })
        .expect("patched entry");
    assert_eq!(patched.source, SourceKind::Registry);
    assert_eq!(patched.version, "1.3.0");
    assert_eq!(
        target(&inv, &patched.dependencies, "left-pad"),
        node_of(&inv, plain)
    );
    // The root and local-pkg (through the manifest's `resolutions`) use the patched one.
    assert_eq!(
        target(&inv, &root(&inv).dependencies, "left-pad"),
        node_of(&inv, patched)
    );
    let local = pkg(&inv, "local-pkg", "0.1.0");
    assert_eq!(
        target(&inv, &local.dependencies, "left-pad"),
        node_of(&inv, patched)
    );
    assert!(!plain.dev && !patched.dev, "local-pkg is production");
    // yarn's built-in compat patch replaces the descriptor it wraps.
    let ts = pkgs(&inv, "typescript");
    assert_eq!(ts.len(), 2);
    let ts_patched = ts
        .iter()
        .find(|p| {
            p.resolved
                .as_deref()
                .is_some_and(|r| r.contains("builtin<compat/typescript>"))
        })
        .expect("builtin patch");
    assert_eq!(
        target(&inv, &root(&inv).dependencies, "typescript"),
        node_of(&inv, ts_patched)
    );
    assert!(ts.iter().all(|p| p.dev && p.source == SourceKind::Registry));
}

#[test]
fn berry_patch_without_manifest_still_resolves_to_the_patch() {
    let inv = load("yarn-berry/aliases-patch-git-file-portal", false);
    let local = pkg(&inv, "local-pkg", "0.1.0");
    let t = target(&inv, &local.dependencies, "left-pad");
    let NodeId::Package(i) = t else {
        panic!("a package")
    };
    assert!(
        inv.packages[i]
            .resolved
            .as_deref()
            .is_some_and(|r| r.starts_with("patch:"))
    );
    assert_all_edges_resolve(&inv);
}

#[test]
fn berry_flags_from_manifests_meta_and_peers() {
    let inv = load("yarn-berry/aliases-patch-git-file-portal", true);
    assert!(pkg(&inv, "@types/node", "20.14.10").dev);
    assert!(pkg(&inv, "undici-types", "5.26.5").dev);
    let n7 = pkg(&inv, "is-number", "7.0.0");
    assert!(n7.optional && !n7.dev);
    assert!(!pkg(&inv, "is-number", "6.0.0").optional);
    // react-dom's peer edge reaches react, the root's dev dependency
    let rd = pkg(&inv, "react-dom", "18.3.1");
    let peer = rd
        .dependencies
        .iter()
        .find(|d| d.kind == DepKind::Peer)
        .expect("peer edge");
    assert_eq!(peer.name, "react");
    assert_eq!(
        peer.target,
        Some(node_of(&inv, pkg(&inv, "react", "18.3.1")))
    );
    assert!(
        !pkg(&inv, "react", "18.3.1").dev,
        "a production package's peer is production"
    );

    // Without manifests Berry cannot tell dev from prod: everything counts as production.
    let bare = load("yarn-berry/aliases-patch-git-file-portal", false);
    assert!(!pkg(&bare, "@types/node", "20.14.10").dev);
    assert!(
        pkg(&bare, "is-number", "7.0.0").optional,
        "dependenciesMeta says optional"
    );
}

#[test]
fn berry_workspaces_are_importers() {
    let inv = load("yarn-berry/workspaces-parser", true);
    let paths: Vec<&str> = inv.importers.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["", "packages/a", "packages/b"]);
    assert_eq!(inv.importers[1].name.as_deref(), Some("@mono/a"));
    assert_eq!(
        inv.importers[1].version.as_deref(),
        Some("1.0.0"),
        "from the manifest"
    );
    let b = &inv.importers[2].dependencies;
    assert_eq!(target(&inv, b, "@mono/a"), NodeId::Importer(1));
    assert!(pkg(&inv, "is-number", "7.0.0").dev);
    assert!(!pkg(&inv, "ms", "2.1.3").dev);
    assert!(
        inv.packages
            .iter()
            .all(|p| p.source == SourceKind::Registry)
    );
    assert_all_edges_resolve(&inv);
}

fn timed(case: &str) -> (Inventory, std::time::Duration) {
    let start = std::time::Instant::now();
    let inv = load(case, true);
    (inv, start.elapsed())
}

#[test]
fn large_toolchain_lockfiles_parse_completely() {
    for case in ["yarn-classic/toolchain-large", "yarn-berry/toolchain-large"] {
        let (inv, took) = timed(case);
        eprintln!("{case}: {} packages in {took:?}", inv.packages.len());
        assert!(inv.packages.len() > 1500, "{case}: {}", inv.packages.len());
        assert_all_edges_resolve(&inv);
        assert!(!pkg(&inv, "lodash", "4.17.21").dev);
        assert!(pkgs(&inv, "jest").iter().all(|p| p.dev));
        assert!(
            inv.packages
                .iter()
                .all(|p| p.source == SourceKind::Registry),
            "{case}: all from the registry"
        );
    }
}

// ---- bad input: a clear, positioned error, never a panic or a hang ----

fn bad(bytes: &[u8]) -> warden_lockfile::ParseError {
    let start = std::time::Instant::now();
    let err = parse(&Input {
        file_name: "yarn.lock",
        bytes,
        manifests: &[],
    })
    .expect_err("bad input is refused");
    assert!(start.elapsed().as_secs() < 5, "refused quickly: {err}");
    assert!(
        !err.message.is_empty() && !err.message.ends_with('.'),
        "{err}"
    );
    assert!(err.message.len() < 400, "bounded message: {err}");
    err
}

const BERRY_HEAD: &str = "__metadata:\n  version: 8\n  cacheKey: 10c0\n\n";

#[test]
fn yarn_bad_input_non_utf8() {
    let e = bad(b"# yarn lockfile v1\n\na@^1:\n  version \"1.0.\xff\"\n");
    assert_eq!((e.kind, e.line), (warden_lockfile::ErrorKind::Encoding, 4));
    let e = bad(format!("{BERRY_HEAD}\"a@npm:1\":\n  version: \u{1}")
        .as_bytes()
        .iter()
        .chain(b"\xc3")
        .copied()
        .collect::<Vec<u8>>()
        .as_slice());
    assert_eq!(e.kind, warden_lockfile::ErrorKind::Encoding);
}

#[test]
fn yarn_bad_input_truncated() {
    let full =
        std::fs::read_to_string(dir("yarn-berry/aliases-patch-git-file-portal").join("yarn.lock"))
            .unwrap();
    let cut = &full[..full.find("checksum: 10c0/ab0af539").unwrap() + 20];
    // Cut inside a plain scalar the YAML still parses; cut inside a quoted one it does not.
    let cut_quoted = &full[..full.find("resolution: \"@babel/code-frame").unwrap() + 20];
    let e = bad(cut_quoted.as_bytes());
    assert_eq!(e.kind, warden_lockfile::ErrorKind::Syntax);
    assert!(e.line > 0, "{e}");
    // A cut at a plain scalar leaves valid YAML: the entries before it are read (a known limit
    // of any YAML lockfile; the oracle and `yarn install --immutable` catch the missing rest).
    let partial = parse(&Input {
        file_name: "yarn.lock",
        bytes: cut.as_bytes(),
        manifests: &[],
    })
    .expect("valid YAML up to the cut");
    assert_eq!(
        partial.packages.len(),
        1,
        "only @babel/code-frame is complete"
    );
    let classic = std::fs::read_to_string(
        dir("yarn-classic/aliases-git-file-link-tarball").join("yarn.lock"),
    )
    .unwrap();
    let cut = &classic[..classic
        .find("resolved \"https://registry.npm.example/@babel/code-frame")
        .unwrap()
        + 30];
    let e = bad(cut.as_bytes());
    assert_eq!((e.kind, e.line), (warden_lockfile::ErrorKind::Syntax, 7));
    assert!(e.message.contains("unterminated"), "{e}");
}

#[test]
fn yarn_bad_input_garbage_and_wrong_types() {
    let e = bad(b"\x00\x01 not a lockfile at all ]]]\n");
    assert_eq!((e.kind, e.line), (warden_lockfile::ErrorKind::Syntax, 1));
    let e = bad(format!("{BERRY_HEAD}: : : [}}{{\n").as_bytes());
    assert_eq!(e.kind, warden_lockfile::ErrorKind::Syntax);
    let e = bad(format!("{BERRY_HEAD}\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n  dependencies: 5\n").as_bytes());
    assert_eq!((e.kind, e.line), (warden_lockfile::ErrorKind::Schema, 8));
    let e =
        bad(format!("{BERRY_HEAD}\"a@npm:1\":\n  version: 1.0.0\n  resolution: [1]\n").as_bytes());
    assert_eq!((e.kind, e.line), (warden_lockfile::ErrorKind::Schema, 7));
    let e = bad(b"# yarn lockfile v1\n\na@^1:\n  version \"1\"\n  dependencies \"x\"\n");
    assert_eq!((e.kind, e.line), (warden_lockfile::ErrorKind::Schema, 5));
}

#[test]
fn yarn_bad_input_unknown_berry_version_names_the_supported_ones() {
    let e = bad(b"__metadata:\n  version: 12\n  cacheKey: 12c0\n");
    assert_eq!(
        (e.kind, e.line),
        (warden_lockfile::ErrorKind::UnsupportedVersion, 2)
    );
    assert!(e.message.contains("4 to 10"), "{e}");
}

#[test]
fn yarn_bad_input_duplicate_keys() {
    let entry = "\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n";
    let e = bad(format!("{BERRY_HEAD}{entry}{entry}").as_bytes());
    assert_eq!((e.kind, e.line), (warden_lockfile::ErrorKind::Invalid, 8));
    let e =
        bad(b"# yarn lockfile v1\n\na@^1:\n  version \"1.0.0\"\n\na@^1:\n  version \"1.0.0\"\n");
    assert_eq!((e.kind, e.line), (warden_lockfile::ErrorKind::Invalid, 6));
}

#[test]
fn yarn_bad_input_alias_bomb_is_an_error() {
    let mut text = format!(
        "{BERRY_HEAD}\"z@npm:1\":\n  version: 1.0.0\n  resolution: \"z@npm:1.0.0\"\n  bin:\n    a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    );
    let names = ["b", "c", "d", "e", "f", "g", "h", "i", "j", "k"];
    for (i, n) in names.iter().enumerate() {
        let p = if i == 0 { "a" } else { names[i - 1] };
        text.push_str(&format!(
            "    {n}: &{n} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        ));
    }
    let e = bad(text.as_bytes());
    assert_eq!((e.kind, e.line), (warden_lockfile::ErrorKind::Invalid, 9));
    assert!(e.message.contains("aliases"), "{e}");
}

#[test]
fn yarn_bad_input_200000_deep_nesting() {
    let deep = format!(
        "{BERRY_HEAD}x: {}{}",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    let e = bad(deep.as_bytes());
    assert_eq!((e.kind, e.line), (warden_lockfile::ErrorKind::Invalid, 5));
    let deep = format!("{BERRY_HEAD}x: {}", "{a: ".repeat(200_000));
    assert_eq!(
        bad(deep.as_bytes()).kind,
        warden_lockfile::ErrorKind::Invalid
    );
    // Classic nests by indentation: the parser stops at its depth bound on the first deep line.
    let deep: String = (0..200)
        .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
        .collect();
    let e = bad(format!("# yarn lockfile v1\n\n{deep}").as_bytes());
    assert_eq!(e.kind, warden_lockfile::ErrorKind::Invalid);
    let e = bad(format!("# yarn lockfile v1\n\n{}\n", "[".repeat(200_000)).as_bytes());
    assert_eq!(e.kind, warden_lockfile::ErrorKind::Syntax);
}
