//! pnpm-lock.yaml fixtures written by pnpm 7 (5.4), 8 (6.0), 9 and 10 (9.0) from the same two
//! projects: every version must yield the same inventory, and the cases each project was built
//! for are asserted one by one.

mod common;
use common::*;
use warden_lockfile::{DepKind, NodeId, SourceKind};

const SINGLE: &[&str] = &[
    "pnpm-v5/single-project-peers-aliases-esbuild",
    "pnpm-v6/single-project-peers-aliases-esbuild",
    "pnpm-v9/pnpm9-single-project-peers-aliases-esbuild",
    "pnpm-v9/pnpm10-single-project-peers-aliases-esbuild",
];
const WORKSPACE: &[&str] = &[
    "pnpm-v5/workspace-links-peer-variants",
    "pnpm-v6/workspace-links-peer-variants",
    "pnpm-v9/pnpm9-workspace-links-peer-variants",
    "pnpm-v9/pnpm10-workspace-links-peer-variants",
];

#[test]
fn single_project_packages_sources_and_flags() {
    for rel in SINGLE {
        let inv = load(rel, "pnpm-lock.yaml");
        assert_eq!(inv.importers.len(), 1, "{rel}");
        assert_eq!(inv.importers[0].name.as_deref(), Some("basic"));
        assert!(unresolved(&inv).is_empty(), "{rel}: {:?}", unresolved(&inv));
        // 23 esbuild platform packages + 28 others, each version once.
        assert_eq!(inv.packages.len(), 51, "{rel}");

        // Scoped packages, dev only through the dev dependency @types/react.
        for (n, v) in [
            ("@types/react", "18.2.0"),
            ("@types/prop-types", "15.7.15"),
            ("csstype", "3.2.4"),
            ("typescript", "5.4.5"),
        ] {
            let (_, p) = pkg(&inv, n, v);
            assert!(p.dev && !p.optional, "{rel}: {n} should be dev");
        }
        let (_, is) = pkg(&inv, "@sindresorhus/is", "4.6.0");
        assert!(!is.dev && is.source == SourceKind::Registry && is.integrity.is_some());

        // Two versions of one name; the older through the alias string-width-cjs.
        let root = NodeId::Importer(0);
        assert_eq!(
            targets(&inv, root, "string-width"),
            vec!["string-width@5.1.2"]
        );
        assert_eq!(
            targets(&inv, root, "string-width-cjs"),
            vec!["string-width@4.2.3"]
        );
        let (sw4, p) = pkg(&inv, "string-width", "4.2.3");
        assert_eq!(p.aliases, vec!["string-width-cjs"]);
        assert_eq!(
            targets(&inv, NodeId::Package(sw4), "strip-ansi"),
            vec!["strip-ansi@6.0.1"]
        );
        let spec = &inv.importers[0]
            .dependencies
            .iter()
            .find(|d| d.name == "string-width-cjs")
            .unwrap()
            .spec;
        assert_eq!(spec, "npm:string-width@^4.2.3");

        // Peers: react-dom's peer react resolves, as a peer edge.
        let (rd, _) = pkg(&inv, "react-dom", "18.2.0");
        assert_eq!(
            targets(&inv, NodeId::Package(rd), "react"),
            vec!["react@18.2.0"]
        );
        assert_eq!(kind_of(&inv, NodeId::Package(rd), "react"), DepKind::Peer);
        assert!(
            !pkg(&inv, "react", "18.2.0").1.peer,
            "{rel}: react is also a direct dependency"
        );

        // esbuild's platform packages are optional, esbuild is not.
        let platforms: Vec<_> = inv
            .packages
            .iter()
            .filter(|p| p.name.starts_with("@esbuild/"))
            .collect();
        assert_eq!(platforms.len(), 23, "{rel}");
        assert!(
            platforms
                .iter()
                .all(|p| p.optional && !p.dev && p.version == "0.19.12")
        );
        let (eb, e) = pkg(&inv, "esbuild", "0.19.12");
        assert!(!e.optional);
        assert_eq!(
            kind_of(&inv, NodeId::Package(eb), "@esbuild/linux-x64"),
            DepKind::Optional
        );

        // The root's optional dependency, and the same name reached as a regular one.
        assert!(pkg(&inv, "is-number", "7.0.0").1.optional);
        assert!(!pkg(&inv, "is-number", "6.0.0").1.optional);

        // The override pins loose-envify to one version.
        assert_eq!(inv.find("loose-envify").count(), 1);
        assert_eq!(inv.find("loose-envify").next().unwrap().1.version, "1.4.0");

        // A `file:` directory: version from its package.json, its own dependencies resolved.
        let (lp, l) = pkg(&inv, "local-pkg", "0.1.0");
        assert_eq!(
            (l.source, l.resolved.as_deref()),
            (SourceKind::File, Some("local-pkg"))
        );
        assert_eq!(
            targets(&inv, NodeId::Package(lp), "is-odd"),
            vec!["is-odd@3.0.1"]
        );
        assert_eq!(targets(&inv, root, "local-pkg"), vec!["local-pkg@0.1.0"]);

        // URL dependencies on registry-shaped tarballs are registry packages, under any host.
        assert_eq!(source(&inv, "ms", "2.1.3"), SourceKind::Registry);
        let (_, lpad) = pkg(&inv, "left-pad", "1.3.0");
        assert_eq!(lpad.source, SourceKind::Registry);
        assert_eq!(targets(&inv, root, "left-pad"), vec!["left-pad@1.3.0"]);
        if !rel.contains("pnpm10") {
            // pnpm 7 to 9 keep the URL (with its query) as a tarball resolution.
            assert_eq!(
                lpad.resolved.as_deref(),
                Some("https://registry.npm.example/left-pad/-/left-pad-1.3.0.tgz?x=1")
            );
        }
    }
}

#[test]
fn workspace_links_and_peer_variants() {
    for rel in WORKSPACE {
        let inv = load(rel, "pnpm-lock.yaml");
        let paths: Vec<&str> = inv.importers.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, vec!["", "packages/a", "packages/b"], "{rel}");
        let names: Vec<_> = inv.importers.iter().map(|i| i.name.as_deref()).collect();
        assert_eq!(names, vec![Some("mono"), Some("@mono/a"), Some("@mono/b")]);
        assert!(unresolved(&inv).is_empty(), "{rel}: {:?}", unresolved(&inv));

        let (a, b) = (importer(&inv, "packages/a"), importer(&inv, "packages/b"));
        // A workspace dependency targets the other importer.
        let dep = inv.importers[2]
            .dependencies
            .iter()
            .find(|d| d.name == "@mono/a")
            .unwrap();
        assert_eq!((dep.target, dep.spec.as_str()), (Some(a), "workspace:*"));
        // A link to a folder that is not a workspace is a link package.
        assert_eq!(targets(&inv, a, "tool"), vec!["tool@0.0.1"]);
        let (_, tool) = pkg(&inv, "tool", "0.0.1");
        assert_eq!(
            (tool.source, tool.resolved.as_deref()),
            (SourceKind::Link, Some("vendor/tool"))
        );

        // Each workspace gets its own react, and the one peer-dependent package has two
        // variants that are one package whose edges reach both.
        assert_eq!(targets(&inv, a, "react"), vec!["react@18.2.0"]);
        assert_eq!(targets(&inv, b, "react"), vec!["react@17.0.2"]);
        let (u, use_sync) = pkg(&inv, "use-sync-external-store", "1.2.0");
        assert_eq!(use_sync.locations.len(), 2, "{rel}");
        assert_eq!(
            targets(&inv, NodeId::Package(u), "react"),
            vec!["react@17.0.2", "react@18.2.0"]
        );
        assert_eq!(
            targets(&inv, a, "use-sync-external-store"),
            vec!["use-sync-external-store@1.2.0"]
        );
        assert_eq!(
            targets(&inv, b, "use-sync-external-store"),
            vec!["use-sync-external-store@1.2.0"]
        );

        assert!(pkg(&inv, "typescript", "5.4.5").1.dev);
        assert!(pkg(&inv, "is-number", "7.0.0").1.dev);
        assert!(!pkg(&inv, "ms", "2.1.3").1.dev);
        assert!(!pkg(&inv, "object-assign", "4.1.1").1.dev);
        assert_eq!(inv.packages.len(), 10, "{rel}");
    }
}

#[test]
fn every_version_yields_the_same_inventory() {
    for set in [SINGLE, WORKSPACE] {
        let shape = |rel: &str| {
            let inv = load(rel, "pnpm-lock.yaml");
            let pk: Vec<_> = inv
                .packages
                .iter()
                .map(|p| {
                    let mut deps: Vec<String> = p
                        .dependencies
                        .iter()
                        .map(|d| {
                            format!(
                                "{}:{:?}->{:?}",
                                d.name,
                                d.kind,
                                d.target.map(|t| inv.label(t))
                            )
                        })
                        .collect();
                    deps.sort();
                    (
                        p.id(),
                        p.source,
                        p.dev,
                        p.optional,
                        p.peer,
                        p.aliases.clone(),
                        p.integrity.clone(),
                        deps,
                    )
                })
                .collect();
            let imps: Vec<_> = inv
                .importers
                .iter()
                .map(|i| {
                    i.dependencies
                        .iter()
                        .map(|d| {
                            (
                                d.name.clone(),
                                d.spec.clone(),
                                d.kind,
                                d.target.map(|t| inv.label(t)),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            (pk, imps)
        };
        let first = shape(set[0]);
        for rel in &set[1..] {
            let other = shape(rel);
            // pnpm 10 records the URL dependency left-pad by integrity alone; compare the rest.
            assert_eq!(first.1, other.1, "{rel}: importers differ from {}", set[0]);
            assert_eq!(first.0.len(), other.0.len(), "{rel}");
            for (x, y) in first.0.iter().zip(&other.0) {
                if x.0 == "left-pad@1.3.0" {
                    continue;
                }
                assert_eq!(x, y, "{rel} differs from {}", set[0]);
            }
        }
    }
}

/// A real 1,600-package lockfile (react-scripts, @angular/cli, jest, eslint, webpack, nest,
/// storybook): everything resolves, and it parses fast even in a debug build.
#[test]
fn large_real_lockfiles_parse_fast_and_resolve() {
    for rel in [
        "pnpm-v9/pnpm9-large-react-scripts-angular-jest",
        "pnpm-v6/large-react-scripts-angular-jest",
    ] {
        let bytes = std::fs::read(fixture_dir(rel).join("pnpm-lock.yaml")).unwrap();
        let start = std::time::Instant::now();
        let inv = warden_lockfile::parse(&warden_lockfile::Input {
            file_name: "pnpm-lock.yaml",
            bytes: &bytes,
            manifests: &[],
        })
        .unwrap();
        let took = start.elapsed();
        assert!(inv.packages.len() > 1500, "{rel}: {}", inv.packages.len());
        assert!(unresolved(&inv).is_empty(), "{rel}: {:?}", unresolved(&inv));
        assert!(took.as_secs() < 10, "{rel}: {took:?}");
        eprintln!("{rel}: {} packages in {took:?}", inv.packages.len());
    }
}

/// Parses any lockfile named by `WARDEN_PROBE_LOCKFILE` and checks every non-peer edge
/// resolves: `WARDEN_PROBE_LOCKFILE=/path/pnpm-lock.yaml cargo test -p warden-lockfile --test pnpm -- --ignored probe`
#[test]
#[ignore = "reads a lockfile named by WARDEN_PROBE_LOCKFILE"]
fn probe_external_lockfile() {
    let Ok(path) = std::env::var("WARDEN_PROBE_LOCKFILE") else {
        return;
    };
    let path = std::path::Path::new(&path);
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let start = std::time::Instant::now();
    let inv = warden_lockfile::parse(&warden_lockfile::Input {
        file_name: &name,
        bytes: &bytes,
        manifests: &[],
    })
    .unwrap();
    eprintln!(
        "{}: {} packages in {:?}",
        path.display(),
        inv.packages.len(),
        start.elapsed()
    );
    assert!(unresolved(&inv).is_empty(), "{:?}", unresolved(&inv));
}
