//! The publisher identity: Fulcio certificate extensions (OIDs 1.3.6.1.4.1.57264.1.*) first,
//! the SLSA predicate where the certificate is silent (pre-2023 certificates carry only the
//! legacy extensions .1.1-.1.6).

use der::Decode;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use x509_cert::Certificate;
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::ext::pkix::name::GeneralName;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Identity {
    /// The certificate's SAN: the workflow that signed (may be a reusable workflow).
    pub san: String,
    /// The OIDC issuer.
    pub issuer: String,
    /// `https://github.com/OWNER/REPO`.
    pub source_repository: String,
    /// The workflow file in the source repository, e.g. `.github/workflows/release.yml`.
    pub workflow_path: String,
    pub source_ref: String,
    pub source_commit: String,
    /// The build configuration (workflow identity) in the source repository.
    pub build_config: String,
    pub builder: String,
    pub run_invocation: String,
    pub trigger: String,
    pub runner_environment: String,
    pub predicate_type: String,
}

fn ext(leaf: &Certificate, arc: u32) -> Option<String> {
    let oid = format!("1.3.6.1.4.1.57264.1.{arc}");
    let e = leaf
        .tbs_certificate
        .extensions
        .as_ref()?
        .iter()
        .find(|e| e.extn_id.to_string() == oid)?;
    let raw = e.extn_value.as_bytes();
    if arc <= 6 {
        // Legacy extensions hold the raw string.
        return String::from_utf8(raw.to_vec()).ok();
    }
    der::asn1::Utf8StringRef::from_der(raw)
        .ok()
        .map(|s| s.as_str().to_string())
}

fn san(leaf: &Certificate) -> String {
    let Some(exts) = leaf.tbs_certificate.extensions.as_ref() else {
        return String::new();
    };
    for e in exts.iter().filter(|e| e.extn_id.to_string() == "2.5.29.17") {
        if let Ok(names) = SubjectAltName::from_der(e.extn_value.as_bytes()) {
            for n in names.0 {
                match n {
                    GeneralName::UniformResourceIdentifier(u) => return u.to_string(),
                    GeneralName::Rfc822Name(m) => return m.to_string(),
                    _ => {}
                }
            }
        }
    }
    String::new()
}

fn js(v: &Value, path: &[&str]) -> String {
    let mut cur = v;
    for p in path {
        cur = &cur[*p];
    }
    cur.as_str().unwrap_or_default().to_string()
}

fn or(a: Option<String>, b: String) -> String {
    a.filter(|s| !s.is_empty()).unwrap_or(b)
}

pub fn extract(leaf: &Certificate, statement: &Value) -> Identity {
    let pred = &statement["predicate"];
    let v1 = &pred["buildDefinition"]["externalParameters"]["workflow"];
    let env = &pred["invocation"]["environment"];
    let legacy_repo = ext(leaf, 5).map(|r| format!("https://github.com/{r}"));
    let pred_repo = {
        let r = js(v1, &["repository"]);
        if r.is_empty() && !js(env, &["GITHUB_REPOSITORY"]).is_empty() {
            format!("https://github.com/{}", js(env, &["GITHUB_REPOSITORY"]))
        } else {
            r
        }
    };
    // v1: externalParameters.workflow.path; v0.2: configSource.entryPoint, which npm writes as
    // OWNER/REPO/PATH@REF and slsa-github-generator as the bare path.
    let workflow_path = {
        let p = js(v1, &["path"]);
        if !p.is_empty() {
            p
        } else {
            let ep = js(pred, &["invocation", "configSource", "entryPoint"]);
            let ep = ep.split('@').next().unwrap_or_default();
            match ep.find(".github/") {
                Some(i) => ep[i..].to_string(),
                None => ep.to_string(),
            }
        }
    };
    let run_invocation = {
        let id = js(pred, &["runDetails", "metadata", "invocationId"]);
        if !id.is_empty() {
            id
        } else if !js(env, &["GITHUB_RUN_ID"]).is_empty() {
            format!(
                "https://github.com/{}/actions/runs/{}/attempts/{}",
                js(env, &["GITHUB_REPOSITORY"]),
                js(env, &["GITHUB_RUN_ID"]),
                js(env, &["GITHUB_RUN_ATTEMPT"])
            )
        } else {
            String::new()
        }
    };
    Identity {
        san: san(leaf),
        issuer: or(ext(leaf, 8), ext(leaf, 1).unwrap_or_default()),
        source_repository: or(ext(leaf, 12), or(legacy_repo, pred_repo)),
        workflow_path,
        source_ref: or(
            ext(leaf, 14),
            or(
                ext(leaf, 6),
                or(Some(js(v1, &["ref"])), js(env, &["GITHUB_REF"])),
            ),
        ),
        source_commit: or(ext(leaf, 13), or(ext(leaf, 3), js(env, &["GITHUB_SHA"]))),
        build_config: ext(leaf, 18).unwrap_or_default(),
        builder: or(
            Some(js(pred, &["runDetails", "builder", "id"])),
            js(pred, &["builder", "id"]),
        ),
        run_invocation: or(ext(leaf, 21), run_invocation),
        trigger: or(ext(leaf, 20), ext(leaf, 2).unwrap_or_default()),
        runner_environment: ext(leaf, 11).unwrap_or_default(),
        predicate_type: js(statement, &["predicateType"]),
    }
}
