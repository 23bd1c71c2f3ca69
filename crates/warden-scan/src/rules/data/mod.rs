//! Data-theft rules: environment, secrets on disk, tokens, secret scanners.

pub mod browser_data_theft;
pub mod client_data_theft;
pub mod credential_file_send;
pub mod credential_phishing;
pub mod credential_scanner;
pub mod env_harvest;
pub mod secret_flow;
pub mod sensitive_file_read;
pub mod token_theft;

/// Whether the file can send data out.
pub fn has_network(f: &crate::package::FileCtx) -> bool {
    let Some(js) = &f.js else {
        return crate::rules::all_text(f).contains("http");
    };
    js.modules
        .iter()
        .any(|(m, _)| crate::rules::network::NET_MODULES.contains(&m.as_str()))
        || js
            .calls
            .iter()
            .any(|c| crate::rules::network::is_net_call(&c.path))
}
