//! Network rules.

pub mod blockchain_c2;
pub mod cloaked_redirect;
pub mod mail_exfil;
pub mod network_access;
pub mod service_worker_hijack;
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

/// Global calls and constructors that talk to the network: the one "network send" the flow
/// pass (secrets leaving, code arriving) and the network rules share.
pub fn is_net_call(path: &str) -> bool {
    // Client modules called directly or through their request methods: undici (request, fetch,
    // stream, Pool, Client, Agent), got, ky, superagent, needle, request, phin, node-fetch.
    let (head, method) = path.rsplit_once('.').unwrap_or((path, ""));
    let root = path.split('.').next().unwrap_or(path);
    if matches!(
        root,
        "undici"
            | "got"
            | "ky"
            | "superagent"
            | "needle"
            | "request"
            | "phin"
            | "node-fetch"
            | "cross-fetch"
            | "isomorphic-fetch"
    ) && (path == root
        || head == root
            && matches!(
                method,
                "request"
                    | "fetch"
                    | "stream"
                    | "get"
                    | "post"
                    | "put"
                    | "patch"
                    | "delete"
                    | "Pool"
                    | "Client"
                    | "Agent"
                    | "default"
            )
        || head.starts_with("undici.") && matches!(method, "request" | "stream" | "dispatch"))
    {
        return true;
    }
    // A connected session or socket sending: `http2.connect(u).request(h)`,
    // `dgram.createSocket('udp4').send(b)`, `net.connect(p).write(b)`, Electron's `net.request`.
    if matches!(
        head,
        "http2.connect"
            | "dgram.createSocket"
            | "net.connect"
            | "net.createConnection"
            | "net.Socket"
            | "tls.connect"
            | "electron.net"
    ) && matches!(method, "request" | "send" | "write" | "end" | "connect")
        || path == "http2.connect"
        || path == "electron.net.request"
        || path == "electron.net.fetch"
    {
        return true;
    }
    matches!(
        path,
        "fetch"
            | "XMLHttpRequest"
            | "WebSocket"
            | "EventSource"
            | "navigator.sendBeacon"
            | "importScripts"
            | "window.navigator.sendBeacon"
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

#[cfg(test)]
mod tests {
    use super::is_net_call;

    #[test]
    fn every_client_spelling_is_a_network_send() {
        for p in [
            "undici.request",
            "undici.fetch",
            "undici.Pool.request",
            "got.post",
            "ky",
            "superagent.post",
            "needle",
            "http2.connect.request",
            "dgram.createSocket.send",
            "net.connect.write",
            "tls.connect",
            "electron.net.request",
            "navigator.sendBeacon",
        ] {
            assert!(is_net_call(p), "{p}");
        }
    }

    #[test]
    fn local_lookalikes_are_not_network_sends() {
        for p in [
            "undici.errors",
            "got.extend.defaults",
            "dgram.createSocket.bind",
            "net.isIP",
            "http2.constants",
            "request.headers",
        ] {
            assert!(!is_net_call(p), "{p}");
        }
    }
}
