//! The `overrides:` map of pnpm-workspace.yaml, where pnpm 10 and later read overrides (pnpm
//! 11+ ignore package.json's `pnpm.overrides`). A line edit rather than a YAML round trip, so
//! the user's comments, order and quoting stay as they were: the entry for a key is replaced in
//! place, a new one goes at the end of the block, and a missing block is appended. Keys and
//! values are written double-quoted.

/// `"text"` as a YAML double-quoted scalar.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The key of a `key: value` mapping line (without quotes), when the line is one.
fn line_key(line: &str) -> Option<String> {
    let t = line.trim_start();
    if t.starts_with('#') || t.is_empty() {
        return None;
    }
    if let Some(rest) = t.strip_prefix('"') {
        let end = rest.find('"')?;
        return Some(rest[..end].to_string());
    }
    if let Some(rest) = t.strip_prefix('\'') {
        let end = rest.find('\'')?;
        return Some(rest[..end].to_string());
    }
    let (k, _) = t.split_once(": ").or_else(|| t.split_once(':'))?;
    Some(k.trim().to_string())
}

/// pnpm-workspace.yaml text (empty for a new file) with `overrides[key] = value`.
pub fn set_override(text: &str, key: &str, value: &str) -> Result<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let entry = |indent: &str| format!("{indent}{}: {}", quote(key), quote(value));
    let start = lines
        .iter()
        .position(|l| l.starts_with("overrides:"))
        .map(|i| (i, lines[i]["overrides:".len()..].trim()));
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    match start {
        None => {
            if out.last().is_some_and(|l| !l.trim().is_empty()) {
                out.push(String::new());
            }
            out.push("overrides:".into());
            out.push(entry("  "));
        }
        Some((i, rest)) if !rest.is_empty() && !rest.starts_with('#') => {
            return Err(format!(
                "line {}: `overrides:` is written inline ({rest}); write it as a block, one entry per line",
                i + 1
            ));
        }
        Some((i, _)) => {
            // The block: the indented (or blank, or comment) lines after `overrides:`.
            let mut end = i + 1;
            let mut indent = "  ".to_string();
            let mut last_entry = i;
            while end < lines.len() {
                let l = lines[end];
                if !l.trim().is_empty() && !l.starts_with(' ') && !l.starts_with('\t') {
                    break;
                }
                if line_key(l).is_some() {
                    indent = l[..l.len() - l.trim_start().len()].to_string();
                    last_entry = end;
                    if line_key(l).as_deref() == Some(key) {
                        out[end] = entry(&indent);
                        return Ok(finish(out, text));
                    }
                }
                end += 1;
            }
            out.insert(last_entry + 1, entry(&indent));
        }
    }
    Ok(finish(out, text))
}

fn finish(lines: Vec<String>, original: &str) -> String {
    let mut s = lines.join("\n");
    if original.is_empty() || original.ends_with('\n') {
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const V: &str = "file:supply-chain/patched/minimist-0.2.1-warden.1.tgz";

    #[test]
    fn a_new_file_gets_a_block() {
        assert_eq!(
            set_override("", "minimist@0.2.1", V).expect("ok"),
            format!("overrides:\n  \"minimist@0.2.1\": \"{V}\"\n")
        );
    }

    #[test]
    fn a_block_is_appended_after_other_settings() {
        let text = "packages:\n  - 'packages/*'\n# keep me\n";
        let out = set_override(text, "minimist@0.2.1", V).expect("ok");
        assert!(
            out.starts_with("packages:\n  - 'packages/*'\n# keep me\n\noverrides:\n"),
            "{out}"
        );
    }

    #[test]
    fn an_entry_is_added_to_the_block_with_its_indent_and_others_kept() {
        let text = "overrides:\n    # pinned\n    lodash: 4.17.21\n    'qs@<6': 6.5.3\nonlyBuiltDependencies: []\n";
        let out = set_override(text, "minimist@0.2.1", V).expect("ok");
        assert_eq!(
            out,
            format!(
                "overrides:\n    # pinned\n    lodash: 4.17.21\n    'qs@<6': 6.5.3\n    \"minimist@0.2.1\": \"{V}\"\nonlyBuiltDependencies: []\n"
            )
        );
    }

    #[test]
    fn an_existing_entry_is_replaced_in_place() {
        let text = "overrides:\n  \"minimist@0.2.1\": file:old.tgz\n  lodash: 4.17.21\n";
        let out = set_override(text, "minimist@0.2.1", V).expect("ok");
        assert_eq!(
            out,
            format!("overrides:\n  \"minimist@0.2.1\": \"{V}\"\n  lodash: 4.17.21\n")
        );
    }

    #[test]
    fn an_inline_map_is_refused() {
        let e = set_override("overrides: {a: b}\n", "k", "v").expect_err("refused");
        assert!(e.contains("line 1"), "{e}");
    }
}
