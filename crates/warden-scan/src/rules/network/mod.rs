//! Network rules.

pub mod blockchain_c2;
pub mod cloaked_redirect;
pub mod mail_exfil;
pub mod network_access;
pub mod suspicious_endpoint;

/// Modules that talk to the network.
pub const NET_MODULES: &[&str] = &[
    "http",
    "https",
    "net",
    "dgram",
    "dns",
    "tls",
    "http2",
    "node-fetch",
    "axios",
    "got",
    "undici",
    "request",
    "ws",
    "socket.io-client",
    "superagent",
    "needle",
    "phin",
    "cross-fetch",
    "isomorphic-fetch",
    "dns/promises",
    "nodemailer",
];

/// Global calls and constructors that talk to the network.
pub fn is_net_call(path: &str) -> bool {
    matches!(
        path,
        "fetch"
            | "XMLHttpRequest"
            | "WebSocket"
            | "EventSource"
            | "navigator.sendBeacon"
            | "importScripts"
    ) || path.starts_with("axios.")
        || (path.starts_with("http.") || path.starts_with("https."))
            && (path.ends_with(".get") || path.ends_with(".request"))
        || matches!(
            path,
            "net.Socket"
                | "net.connect"
                | "net.createConnection"
                | "tls.connect"
                | "dgram.createSocket"
        )
        || path.starts_with("dns.")
}
