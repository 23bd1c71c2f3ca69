//! bun.lock fixtures written by bun 1.1.45 (lockfileVersion 0), 1.2.19 (1) and 1.4.5 (2) from
//! the same two projects.

mod common;
use common::*;
use warden_lockfile::{DepKind, NodeId, SourceKind};

const SINGLE: &[&str] = &[
    "bun/v0-single-project-aliases-esbuild",
    "bun/v1-single-project-aliases-esbuild",
    "bun/v2-single-project-aliases-esbuild",
];
const WORKSPACE: &[&str] = &[
    "bun/v0-workspace-nested-versions",
    "bun/v1-workspace-nested-versions",
    "bun/v2-workspace-nested-versions",
];

#[test]
fn single_project_packages_sources_and_flags() {
    for (n, rel) in SINGLE.iter().enumerate() {
        let inv = load(rel, "bun.lock");
        assert_eq!(inv.lockfile_version, n.to_string());
        assert_eq!(inv.importers.len(), 1);
        assert_eq!(inv.importers[0].name.as_deref(), Some("basic"));
        assert!(unresolved(&inv).is_empty(), "{rel}: {:?}", unresolved(&inv));
        assert_eq!(inv.packages.len(), 51, "{rel}");
        let root = NodeId::Importer(0);

        for (n, v) in [
            ("@types/react", "18.2.0"),
            ("csstype", "3.2.4"),
            ("typescript", "5.4.5"),
        ] {
            assert!(pkg(&inv, n, v).1.dev, "{rel}: {n} should be dev");
        }
        assert!(!pkg(&inv, "react", "18.2.0").1.dev);

        // The alias, and nested keys resolved before hoisted ones.
        assert_eq!(
            targets(&inv, root, "string-width-cjs"),
            vec!["string-width@4.2.3"]
        );
        assert_eq!(
            targets(&inv, root, "string-width"),
            vec!["string-width@5.1.2"]
        );
        let (sw4, p) = pkg(&inv, "string-width", "4.2.3");
        assert_eq!(
            (p.aliases.clone(), p.locations.clone()),
            (
                vec!["string-width-cjs".to_string()],
                vec!["string-width-cjs".to_string()]
            )
        );
        assert_eq!(
            targets(&inv, NodeId::Package(sw4), "strip-ansi"),
            vec!["strip-ansi@6.0.1"]
        );
        assert_eq!(
            targets(&inv, NodeId::Package(sw4), "emoji-regex"),
            vec!["emoji-regex@8.0.0"]
        );
        // Hoisted: string-width@4.2.3 has no nested is-fullwidth-code-point.
        assert_eq!(
            targets(&inv, NodeId::Package(sw4), "is-fullwidth-code-point"),
            vec!["is-fullwidth-code-point@3.0.0"]
        );
        // Two levels deep: string-width-cjs/strip-ansi/ansi-regex.
        let (sa6, _) = pkg(&inv, "strip-ansi", "6.0.1");
        assert_eq!(
            targets(&inv, NodeId::Package(sa6), "ansi-regex"),
            vec!["ansi-regex@5.0.1"]
        );
        let (sa7, _) = pkg(&inv, "strip-ansi", "7.2.0");
        assert_eq!(
            targets(&inv, NodeId::Package(sa7), "ansi-regex"),
            vec!["ansi-regex@6.6.0"]
        );

        let (rd, _) = pkg(&inv, "react-dom", "18.2.0");
        assert_eq!(
            targets(&inv, NodeId::Package(rd), "react"),
            vec!["react@18.2.0"]
        );
        assert_eq!(kind_of(&inv, NodeId::Package(rd), "react"), DepKind::Peer);

        let platforms: Vec<_> = inv
            .packages
            .iter()
            .filter(|p| p.name.starts_with("@esbuild/"))
            .collect();
        assert_eq!(platforms.len(), 23);
        assert!(
            platforms
                .iter()
                .all(|p| p.optional && !p.dev && p.integrity.is_some())
        );
        assert!(!pkg(&inv, "esbuild", "0.19.12").1.optional);
        assert!(pkg(&inv, "is-number", "7.0.0").1.optional);
        assert!(!pkg(&inv, "is-number", "6.0.0").1.optional);
        assert_eq!(inv.find("loose-envify").count(), 1);

        let (lp, l) = pkg(&inv, "local-pkg", "0.1.0");
        assert_eq!(
            (l.source, l.resolved.as_deref()),
            (SourceKind::File, Some("local-pkg"))
        );
        assert_eq!(
            targets(&inv, NodeId::Package(lp), "is-odd"),
            vec!["is-odd@3.0.1"]
        );

        // URL dependencies: registry-shaped, so registry packages; version from the URL.
        let (_, ms) = pkg(&inv, "ms", "2.1.3");
        assert_eq!(ms.source, SourceKind::Registry);
        assert_eq!(
            ms.resolved.as_deref(),
            Some("https://registry.npm.example/ms/-/ms-2.1.3.tgz")
        );
        // lockfileVersion 2 adds the integrity of remote tarballs.
        assert_eq!(ms.integrity.is_some(), n == 2, "{rel}");
        assert_eq!(source(&inv, "left-pad", "1.3.0"), SourceKind::Registry);
        // The default registry is written as "": no resolved URL.
        assert_eq!(pkg(&inv, "react", "18.2.0").1.resolved, None);
    }
}

#[test]
fn workspace_nested_versions() {
    for rel in WORKSPACE {
        let inv = load(rel, "bun.lock");
        let paths: Vec<&str> = inv.importers.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, vec!["", "packages/a", "packages/b"]);
        let names: Vec<_> = inv
            .importers
            .iter()
            .map(|i| (i.name.as_deref(), i.version.as_deref()))
            .collect();
        assert_eq!(
            names,
            vec![
                (Some("mono"), None),
                (Some("@mono/a"), Some("1.0.0")),
                (Some("@mono/b"), Some("2.0.0"))
            ]
        );
        assert!(unresolved(&inv).is_empty(), "{rel}: {:?}", unresolved(&inv));
        let (a, b) = (importer(&inv, "packages/a"), importer(&inv, "packages/b"));
        let dep = inv.importers[2]
            .dependencies
            .iter()
            .find(|d| d.name == "@mono/a")
            .unwrap();
        assert_eq!(dep.target, Some(a));

        // packages/b's own react lives under its package name, `@mono/b/react`.
        assert_eq!(targets(&inv, a, "react"), vec!["react@18.2.0"]);
        assert_eq!(targets(&inv, b, "react"), vec!["react@17.0.2"]);
        assert_eq!(
            pkg(&inv, "react", "17.0.2").1.locations,
            vec!["@mono/b/react"]
        );
        // bun hoists one use-sync-external-store; its peer resolves to the hoisted react.
        let (u, _) = pkg(&inv, "use-sync-external-store", "1.2.0");
        assert_eq!(
            targets(&inv, NodeId::Package(u), "react"),
            vec!["react@18.2.0"]
        );

        let (_, tool) = pkg(&inv, "tool", "0.0.1");
        assert_eq!(
            (tool.source, tool.resolved.as_deref()),
            (SourceKind::File, Some("vendor/tool"))
        );
        assert_eq!(tool.locations, vec!["@mono/a/tool"]);
        assert!(pkg(&inv, "typescript", "5.4.5").1.dev);
        assert!(pkg(&inv, "is-number", "7.0.0").1.dev);
        assert!(!pkg(&inv, "object-assign", "4.1.1").1.dev);
        assert_eq!(inv.packages.len(), 10);
    }
}

/// bun and pnpm were asked for the same project; they must agree on what is in it.
#[test]
fn bun_and_pnpm_agree_on_the_single_project() {
    let ids = |inv: &warden_lockfile::Inventory| {
        let mut v: Vec<(String, bool, bool)> = inv
            .packages
            .iter()
            .map(|p| (p.id(), p.dev, p.optional))
            .collect();
        v.sort();
        v
    };
    let pnpm = load(
        "pnpm-v9/pnpm9-single-project-peers-aliases-esbuild",
        "pnpm-lock.yaml",
    );
    for rel in SINGLE {
        assert_eq!(ids(&load(rel, "bun.lock")), ids(&pnpm), "{rel}");
    }
}

/// The same 1,600-package project as the pnpm large fixtures, written by bun.
#[test]
fn large_real_lockfile_parses_fast_and_resolves() {
    let rel = "bun/v2-large-react-scripts-angular-jest";
    let bytes = std::fs::read(fixture_dir(rel).join("bun.lock")).unwrap();
    let start = std::time::Instant::now();
    let inv = warden_lockfile::parse(&warden_lockfile::Input {
        file_name: "bun.lock",
        bytes: &bytes,
        manifests: &[],
    })
    .unwrap();
    let took = start.elapsed();
    assert!(inv.packages.len() > 1500, "{}", inv.packages.len());
    assert!(unresolved(&inv).is_empty(), "{:?}", unresolved(&inv));
    assert!(took.as_secs() < 10, "{took:?}");
    eprintln!("{rel}: {} packages in {took:?}", inv.packages.len());
}

/// `--lockfile some/other-name`: bun.lock is recognised by its content, whatever its version.
#[test]
fn bun_lock_under_another_name_is_recognised() {
    for rel in [
        "bun/v0-workspace-nested-versions",
        "bun/v1-workspace-nested-versions",
        "bun/v2-workspace-nested-versions",
    ] {
        let bytes = std::fs::read(fixture_dir(rel).join("bun.lock")).unwrap();
        let inv = warden_lockfile::parse(&warden_lockfile::Input {
            file_name: "renamed.lock",
            bytes: &bytes,
            manifests: &[],
        })
        .unwrap();
        assert_eq!(inv.kind, warden_lockfile::LockfileKind::Bun, "{rel}");
    }
    let bytes =
        std::fs::read(fixture_dir("pnpm-v6/workspace-links-peer-variants").join("pnpm-lock.yaml"))
            .unwrap();
    let inv = warden_lockfile::parse(&warden_lockfile::Input {
        file_name: "renamed.yaml",
        bytes: &bytes,
        manifests: &[],
    })
    .unwrap();
    assert_eq!(inv.kind, warden_lockfile::LockfileKind::Pnpm);
}
