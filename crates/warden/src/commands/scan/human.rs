//! Human output of `warden scan`: findings grouped by severity with file:line:col and an
//! excerpt, the capability set, the verdict and its reasons.

use crate::output::Out;
use anstyle::AnsiColor;
use warden_scan::{ScanReport, Severity, Verdict};

pub fn severity_color(s: Severity) -> AnsiColor {
    match s {
        Severity::Critical | Severity::High => AnsiColor::Red,
        Severity::Medium => AnsiColor::Yellow,
        Severity::Low | Severity::Info => AnsiColor::Blue,
    }
}

pub fn verdict_text(out: &Out, v: Verdict) -> String {
    let c = match v {
        Verdict::Ok => AnsiColor::Green,
        Verdict::Review => AnsiColor::Yellow,
        Verdict::Malicious => AnsiColor::Red,
    };
    out.bold(&out.colored(c, v.as_str()))
}

pub fn print(out: &Out, target: &str, r: &ScanReport) {
    let who = match (&r.name, &r.version) {
        (Some(n), Some(v)) => format!("{n}@{v}"),
        (Some(n), None) => n.clone(),
        _ => target.to_string(),
    };
    out.line(format!(
        "{} ({} files, {} bytes unpacked)",
        out.bold(&who),
        r.files.len(),
        r.unpacked_bytes
    ));
    for sev in [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ] {
        let group: Vec<_> = r.findings.iter().filter(|f| f.severity == sev).collect();
        if group.is_empty() || (sev == Severity::Info && !out.verbose) {
            continue;
        }
        out.line("");
        out.line(out.colored(
            severity_color(sev),
            &format!("{} ({})", sev.as_str(), group.len()),
        ));
        for f in group {
            let loc = if f.line == 0 {
                f.file.clone()
            } else {
                format!("{}:{}:{}", f.file, f.line, f.column)
            };
            out.line(format!(
                "  {} {}  {}",
                out.bold(&f.rule),
                out.dim(&loc),
                f.message
            ));
            if !f.evidence.is_empty() {
                out.line(format!("      {}", out.dim(&f.evidence)));
            }
        }
    }
    out.line("");
    if r.capabilities.is_empty() {
        out.line("capabilities: none");
    } else {
        out.line("capabilities:");
        for (cap, files) in &r.capabilities {
            let shown: Vec<&str> = files.iter().take(3).map(String::as_str).collect();
            let more = if files.len() > 3 {
                format!(" and {} more", files.len() - 3)
            } else {
                String::new()
            };
            out.line(format!("  {:16} {}{more}", cap.as_str(), shown.join(", ")));
        }
    }
    out.line("");
    out.line(format!("verdict: {}", verdict_text(out, r.verdict)));
    for reason in &r.reasons {
        out.line(format!("  - {reason}"));
    }
}
