mod common;
use common::*;

#[test]
fn dump() {
    for rel in [
        "pnpm-v5/single-project-peers-aliases-esbuild",
        "pnpm-v6/workspace-links-peer-variants",
        "pnpm-v9/pnpm9-workspace-links-peer-variants",
        "pnpm-v9/pnpm10-single-project-peers-aliases-esbuild",
    ] {
        let inv = load(rel, "pnpm-lock.yaml");
        println!("== {rel}");
        for imp in &inv.importers {
            println!("importer {:?} {:?}", imp.path, imp.name);
            for d in &imp.dependencies {
                println!(
                    "   {} {} {:?} -> {:?}",
                    d.name,
                    d.spec,
                    d.kind,
                    d.target.map(|t| inv.label(t))
                );
            }
        }
        for p in &inv.packages {
            if p.name.starts_with("@esbuild") {
                continue;
            }
            println!(
                "{}@{} {:?} dev={} opt={} peer={} aliases={:?} loc={:?} res={:?}",
                p.name,
                p.version,
                p.source,
                p.dev,
                p.optional,
                p.peer,
                p.aliases,
                p.locations,
                p.resolved
            );
            for d in &p.dependencies {
                if d.name.starts_with("@esbuild") {
                    continue;
                }
                println!(
                    "   {} {:?} -> {:?}",
                    d.name,
                    d.kind,
                    d.target.map(|t| inv.label(t))
                );
            }
        }
        println!("unresolved {:?}", unresolved(&inv));
    }
}
