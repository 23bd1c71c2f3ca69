use super::*;
use std::collections::BTreeMap;

fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

struct Dirs {
    _tmp: tempfile::TempDir,
    project: PathBuf,
    home: PathBuf,
    global: PathBuf,
}

fn dirs(project: &str, user: &str, global: &str) -> Dirs {
    let tmp = tempfile::tempdir().unwrap();
    let project_dir = tmp.path().join("project");
    let home = tmp.path().join("home");
    let prefix = tmp.path().join("prefix");
    std::fs::create_dir_all(&project_dir).unwrap();
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(prefix.join("etc")).unwrap();
    if !project.is_empty() {
        std::fs::write(project_dir.join(".npmrc"), project).unwrap();
    }
    if !user.is_empty() {
        std::fs::write(home.join(".npmrc"), user).unwrap();
    }
    let global_path = prefix.join("etc").join("npmrc");
    if !global.is_empty() {
        std::fs::write(&global_path, global).unwrap();
    }
    Dirs {
        _tmp: tmp,
        project: project_dir,
        home,
        global: global_path,
    }
}

fn inputs(d: &Dirs, extra: &[(&str, &str)]) -> ConfigInputs {
    let mut e = env(extra);
    e.insert(
        "NPM_CONFIG_GLOBALCONFIG".into(),
        d.global.display().to_string(),
    );
    ConfigInputs {
        env: e,
        project_dir: d.project.clone(),
        home: Some(d.home.clone()),
    }
}

fn load(d: &Dirs, extra: &[(&str, &str)]) -> Result<NpmConfig> {
    NpmConfig::load(&inputs(d, extra), &NoNpm)
}

#[test]
fn precedence_is_env_over_project_over_user_over_global() {
    let d = dirs(
        "registry=https://project.example/\n",
        "registry=https://user.example/\n",
        "registry=https://global.example/\n",
    );
    let c = load(&d, &[("npm_config_registry", "https://env.example/")]).unwrap();
    assert_eq!(c.registry.as_str(), "https://env.example/");
    assert_eq!(c.registry_origin, Origin::Env);
    let c = load(&d, &[]).unwrap();
    assert_eq!(c.registry.as_str(), "https://project.example/");
    std::fs::remove_file(d.project.join(".npmrc")).unwrap();
    assert_eq!(
        load(&d, &[]).unwrap().registry.as_str(),
        "https://user.example/"
    );
    std::fs::remove_file(d.home.join(".npmrc")).unwrap();
    let c = load(&d, &[]).unwrap();
    assert_eq!(c.registry.as_str(), "https://global.example/");
    assert!(matches!(c.registry_origin, Origin::Global(_)));
}

#[test]
fn env_keys_are_case_insensitive_and_underscores_become_dashes() {
    assert_eq!(
        env_key("NPM_CONFIG_STRICT_SSL").as_deref(),
        Some("strict-ssl")
    );
    assert_eq!(env_key("npm_config__auth").as_deref(), Some("_auth"));
    assert_eq!(env_key("Npm_Config_Registry").as_deref(), Some("registry"));
    assert_eq!(env_key("NPM_CONFIG_"), None);
    assert_eq!(env_key("NODE_OPTIONS"), None);
    let d = dirs("registry=https://r.example/\n", "", "");
    let c = load(&d, &[("NPM_CONFIG_STRICT_SSL", "false")]).unwrap();
    assert!(!c.strict_ssl);
    let c = load(&d, &[]).unwrap();
    assert!(c.strict_ssl);
}

#[test]
fn userconfig_variable_replaces_home_npmrc() {
    let d = dirs("", "registry=https://home.example/\n", "");
    let other = d.home.join("other-npmrc");
    std::fs::write(&other, "registry=https://other.example/\n").unwrap();
    let c = load(&d, &[("NPM_CONFIG_USERCONFIG", other.to_str().unwrap())]).unwrap();
    assert_eq!(c.registry.as_str(), "https://other.example/");
}

#[test]
fn unset_registry_asks_npm_and_says_so_when_npm_is_missing() {
    let d = dirs("", "", "");
    let npm = FixedNpm(
        [(
            "registry".to_string(),
            "https://from-npm.example".to_string(),
        )]
        .into_iter()
        .collect(),
    );
    let c = NpmConfig::load(&inputs(&d, &[]), &npm).unwrap();
    assert_eq!(c.registry.as_str(), "https://from-npm.example/");
    assert_eq!(c.registry_origin, Origin::Npm);
    let e = load(&d, &[]).unwrap_err();
    assert!(matches!(e, Error::NoRegistry));
    assert!(e.help().contains("NPM_CONFIG_REGISTRY"));
}

#[test]
fn env_var_expansion_in_keys_and_values() {
    let d = dirs(
        "registry=https://r.example/\n//r.example/:_authToken=${NPM_TOKEN}\n@corp:registry=${CORP_REG}\nx=${OPTIONAL?}end\n",
        "",
        "",
    );
    let c = load(
        &d,
        &[
            ("NPM_TOKEN", "tok-123"),
            ("CORP_REG", "https://corp.example/npm/"),
        ],
    )
    .unwrap();
    let auth = c
        .auth_for(&Url::parse("https://r.example/pkg").unwrap())
        .unwrap();
    assert_eq!(auth.header_value(), "Bearer tok-123");
    assert_eq!(
        c.registry_for("@corp/lib").as_str(),
        "https://corp.example/npm/"
    );
    assert_eq!(c.registry_for("lib").as_str(), "https://r.example/");
    let e = load(&d, &[("CORP_REG", "https://corp.example/")]).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains(".npmrc:2"), "{msg}");
    assert!(msg.contains("${NPM_TOKEN} is not set"), "{msg}");
}

#[test]
fn tokens_are_scoped_to_host_port_and_path() {
    let d = dirs(
        "registry=https://r.example/\n//R.Example/:_authToken=root-token\n//priv.example:8443/npm/private/:_authToken=priv-token\n",
        "",
        "",
    );
    let c = load(&d, &[]).unwrap();
    let auth = |u: &str| {
        c.auth_for(&Url::parse(u).unwrap())
            .map(|a| a.header_value())
    };
    assert_eq!(
        auth("https://r.example/lodash").as_deref(),
        Some("Bearer root-token")
    );
    assert_eq!(
        auth("https://r.example/a/-/a-1.0.0.tgz").as_deref(),
        Some("Bearer root-token")
    );
    assert_eq!(auth("https://cdn.example/a/-/a-1.0.0.tgz"), None);
    assert_eq!(auth("https://r.example:444/lodash"), None);
    assert_eq!(auth("https://r.example.evil.example/lodash"), None);
    assert_eq!(
        auth("https://R.EXAMPLE/lodash").as_deref(),
        Some("Bearer root-token")
    );
    assert_eq!(
        auth("https://priv.example:8443/npm/private/@x%2fy").as_deref(),
        Some("Bearer priv-token")
    );
    assert_eq!(auth("https://priv.example:8443/npm/public/x"), None);
    assert_eq!(auth("https://priv.example/npm/private/x"), None);
}

#[test]
fn legacy_auth_and_username_password_become_basic() {
    let d = dirs(
        "registry=https://r.example/\n_auth=dXNlcjpwYXNz\n//other.example/:username=bob\n//other.example/:_password=c2VjcmV0\n",
        "",
        "",
    );
    let c = load(&d, &[]).unwrap();
    let a = c
        .auth_for(&Url::parse("https://r.example/x").unwrap())
        .unwrap();
    assert_eq!(a.header_value(), "Basic dXNlcjpwYXNz");
    let b = c
        .auth_for(&Url::parse("https://other.example/x").unwrap())
        .unwrap();
    // base64("bob:secret")
    assert_eq!(b.header_value(), "Basic Ym9iOnNlY3JldA==");
    // Legacy top-level auth belongs to the default registry only.
    assert!(
        c.auth_for(&Url::parse("https://third.example/x").unwrap())
            .is_none()
    );
}

#[test]
fn tokens_never_appear_in_debug_output() {
    let d = dirs(
        "registry=https://r.example/\n//r.example/:_authToken=super-secret-token\n",
        "",
        "",
    );
    let c = load(&d, &[]).unwrap();
    let dbg = format!("{c:?}");
    assert!(!dbg.contains("super-secret-token"), "{dbg}");
    assert!(dbg.contains("***"));
}

#[test]
fn proxy_noproxy_cafile_and_quoting() {
    let d = dirs(
        "registry = \"https://r.example\"\nproxy=http://proxy.example:3128/\nhttps-proxy=http://sproxy.example:3128/\nnoproxy=localhost, .internal.example\ncafile=/etc/ssl/corp.pem ; trailing comment\n# comment\n; comment\n",
        "",
        "",
    );
    let c = load(&d, &[]).unwrap();
    assert_eq!(c.registry.as_str(), "https://r.example/");
    assert_eq!(
        c.proxy.as_ref().unwrap().as_str(),
        "http://proxy.example:3128/"
    );
    assert_eq!(
        c.https_proxy.as_ref().unwrap().as_str(),
        "http://sproxy.example:3128/"
    );
    assert_eq!(c.noproxy, vec!["localhost", ".internal.example"]);
    assert_eq!(c.cafile.as_deref(), Some(Path::new("/etc/ssl/corp.pem")));
}

#[test]
fn a_bad_registry_url_names_its_source() {
    let d = dirs("registry=ftp://r.example/\n", "", "");
    let e = load(&d, &[]).unwrap_err();
    assert!(e.to_string().contains("project npmrc"), "{e}");
}

#[test]
fn proxy_defaults_to_the_environment_and_npmrc_wins() {
    let d = dirs("registry=https://r.example/\n", "", "");
    let c = load(&d, &[("HTTPS_PROXY", "http://envproxy.example:8080")]).unwrap();
    assert_eq!(
        c.https_proxy.as_ref().unwrap().host_str(),
        Some("envproxy.example")
    );
    assert!(c.proxy.is_none());
    std::fs::write(
        d.project.join(".npmrc"),
        "registry=https://r.example/\nhttps-proxy=http://rcproxy.example:3128/\n",
    )
    .unwrap();
    let c = load(&d, &[("HTTPS_PROXY", "http://envproxy.example:8080")]).unwrap();
    assert_eq!(
        c.https_proxy.as_ref().unwrap().host_str(),
        Some("rcproxy.example")
    );
    let c = load(&d, &[]).unwrap();
    assert_eq!(
        c.https_proxy.as_ref().unwrap().host_str(),
        Some("rcproxy.example")
    );
}
