//! The proof of a patched build: `warden sbom` (CycloneDX pedigree, SPDX relationships) and
//! `warden vex` (`fixed`) after `warden patch apply`, validated against the official schemas
//! with ../shared/fixtures/schemas/validate.py and signed with `warden attest`. Needs npm (and
//! Python's jsonschema for the schema checks; both say so loudly when missing).

mod patch_support;

use patch_support::*;
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use std::process::Output;

fn have_jsonschema() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        let msg = "python3 cannot import jsonschema: pip install -r ../shared/fixtures/schemas/requirements.txt to run the schema checks";
        if std::env::var_os("WARDEN_REQUIRE_PYTHON").is_some_and(|v| v == "1") {
            panic!("{msg}");
        }
        eprintln!("\n!!!!!!!! SKIPPED: {msg} !!!!!!!!\n");
    }
    found
}

/// Validates `doc` against the official schema `kind` with ../shared/fixtures/schemas/validate.py.
fn validate(kind: &str, doc: &[u8]) {
    if !have_jsonschema() {
        return;
    }
    let tmp = tempfile::NamedTempFile::new().expect("a temp file");
    std::fs::write(tmp.path(), doc).expect("write");
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/schemas/validate.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(kind)
        .arg(tmp.path())
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.trim() == "valid",
        "{kind}: validate.py says:\n{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn stdout(out: &Output) -> Vec<u8> {
    assert!(out.status.success(), "{}", stderr(out));
    out.stdout.clone()
}

fn statement<'a>(vex: &'a Value, id: &str) -> &'a Value {
    vex["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .find(|s| s["vulnerability"]["name"] == id)
        .unwrap_or_else(|| panic!("no statement for {id}: {vex}"))
}

#[test]
fn sbom_and_vex_prove_the_patched_build_and_validate_and_sign() {
    if !have_npm() {
        return;
    }
    let reg = registry();
    let (p, integrity, _) = applied_nested(&reg);
    let base_hex = {
        let toml = std::fs::read_to_string(
            p.app()
                .join("supply-chain/patches/tinyargs@0.2.1/patch.toml"),
        )
        .expect("patch.toml");
        let sri = toml
            .lines()
            .find_map(|l| l.strip_prefix("base-integrity = \""))
            .and_then(|l| l.strip_suffix('"'))
            .expect("base-integrity")
            .to_string();
        let i = warden_lockfile::Integrity::parse(&sri).expect("sri");
        i.strongest()
            .digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };

    // CycloneDX 1.6 and 1.5: the patched component carries its pedigree.
    let docs = std::time::Instant::now();
    let cdx = stdout(&p.run(&["sbom"]));
    let db = p.tmp.path().join("data/advisories.sqlite3");
    let db = db.to_str().expect("utf-8");
    let first_vex = stdout(&p.run(&["vex", "--advisory-db", db]));
    eprintln!("sbom + vex: {:.2?}", docs.elapsed());
    assert!(!first_vex.is_empty());
    validate("cyclonedx-1.6", &cdx);
    validate(
        "cyclonedx-1.5",
        &stdout(&p.run(&["sbom", "--spec-version", "1.5"])),
    );
    let bom: Value = serde_json::from_slice(&cdx).expect("json");
    let comps = bom["components"].as_array().expect("components");
    let patched = comps
        .iter()
        .find(|c| c["version"] == "0.2.1-warden.1")
        .expect("the patched component");
    let ped = &patched["pedigree"];
    assert_eq!(ped["ancestors"][0]["purl"], "pkg:npm/tinyargs@0.2.1");
    assert_eq!(
        ped["ancestors"][0]["hashes"][0]["content"],
        base_hex.as_str()
    );
    assert_eq!(ped["patches"][0]["type"], "backport");
    assert!(
        ped["patches"][0]["diff"]["text"]["content"]
            .as_str()
            .is_some_and(|d| d.contains("isConstructorOrProto")),
        "{ped}"
    );
    assert_eq!(ped["patches"][0]["resolves"][0]["id"], "GHSA-test-0001");
    let direct = comps
        .iter()
        .find(|c| c["version"] == "1.2.6")
        .expect("tinyargs 1.2.6");
    assert!(
        direct.get("pedigree").is_none(),
        "an upstream release has none"
    );

    // SPDX 2.3: the upstream release as its own element, the patch as a file.
    let spdx_bytes = stdout(&p.run(&["sbom", "--spec", "spdx"]));
    validate("spdx-2.3", &spdx_bytes);
    let spdx: Value = serde_json::from_slice(&spdx_bytes).expect("json");
    let upstream = spdx["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|x| x["SPDXID"] == "SPDXRef-Package-npm-tinyargs-0.2.1-upstream")
        .expect("the upstream element");
    assert_eq!(upstream["versionInfo"], "0.2.1");
    assert_eq!(
        spdx["files"][0]["fileName"],
        "./supply-chain/patches/tinyargs@0.2.1/0001-ghsa-test-0001.patch"
    );
    let rels: Vec<String> = spdx["relationships"]
        .as_array()
        .expect("relationships")
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r["spdxElementId"].as_str().unwrap_or(""),
                r["relationshipType"].as_str().unwrap_or(""),
                r["relatedSpdxElement"].as_str().unwrap_or("")
            )
        })
        .collect();
    for want in [
        "SPDXRef-Package-npm-tinyargs-0.2.1-warden.1 DESCENDANT_OF SPDXRef-Package-npm-tinyargs-0.2.1-upstream",
        "SPDXRef-File-patch-tinyargs-0.2.1-warden.1-1 PATCH_FOR SPDXRef-Package-npm-tinyargs-0.2.1-upstream",
        "SPDXRef-File-patch-tinyargs-0.2.1-warden.1-1 PATCH_APPLIED SPDXRef-Package-npm-tinyargs-0.2.1-warden.1",
    ] {
        assert!(rels.iter().any(|r| r == want), "{want} not in {rels:#?}");
    }

    // OpenVEX: fixed on the patched product; the unfixed advisory is still open there.
    let vex_bytes = stdout(&p.run(&["vex", "--advisory-db", db]));
    validate("openvex-0.2", &vex_bytes);
    let vex: Value = serde_json::from_slice(&vex_bytes).expect("json");
    let fixed = statement(&vex, "GHSA-test-0001");
    assert_eq!(fixed["status"], "fixed");
    let product = fixed["products"][0]["@id"].as_str().expect("product");
    assert!(
        product.starts_with("pkg:npm/tinyargs@0.2.1-warden.1?download_url="),
        "{product}"
    );
    let open = statement(&vex, "GHSA-test-0009");
    assert_eq!(open["status"], "under_investigation");
    validate(
        "cyclonedx-1.6",
        &stdout(&p.run(&["vex", "--spec", "cyclonedx", "--advisory-db", db])),
    );

    // Both can be signed with warden attest and verified.
    let keys = p.tmp.path().join("k");
    stdout(&p.run(&["keygen", "--out", keys.to_str().expect("utf-8")]));
    for (name, bytes) in [("bom.json", &cdx), ("vex.json", &vex_bytes)] {
        let doc = p.tmp.path().join(name);
        std::fs::write(&doc, bytes).expect("write");
        let env = p.tmp.path().join(format!("{name}.intoto.json"));
        stdout(&p.run(&[
            "attest",
            doc.to_str().expect("utf-8"),
            "--key",
            p.tmp.path().join("k.key").to_str().expect("utf-8"),
            "-o",
            env.to_str().expect("utf-8"),
        ]));
        stdout(&p.run(&[
            "verify",
            env.to_str().expect("utf-8"),
            "--key",
            p.tmp.path().join("k.pub").to_str().expect("utf-8"),
            "--subject",
            doc.to_str().expect("utf-8"),
        ]));
    }

    // A lockfile entry with another integrity gets no pedigree and no `fixed`.
    let lockfile = p.app().join("package-lock.json");
    let forged = std::fs::read_to_string(&lockfile).expect("read").replace(
        &integrity,
        "sha512-rODe2a8x+CA/3sh/du/WAjqfdL+dT6Eduuua1bKZiueZbKjYPO02UmKr/EtPcpZcAi21mudSQr/UsLOqs5Dabg==",
    );
    std::fs::write(&lockfile, forged).expect("write");
    let bom: Value = serde_json::from_slice(&stdout(&p.run(&["sbom"]))).expect("json");
    assert!(
        !bom["components"]
            .as_array()
            .expect("components")
            .iter()
            .any(|c| c.get("pedigree").is_some()),
        "no pedigree for a tarball warden did not build"
    );
    let vex: Value =
        serde_json::from_slice(&stdout(&p.run(&["vex", "--advisory-db", db]))).expect("json");
    assert_eq!(
        statement(&vex, "GHSA-test-0001")["status"],
        "under_investigation"
    );
}
