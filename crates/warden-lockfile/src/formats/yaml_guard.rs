//! Guards for YAML lockfiles (yarn Berry; pnpm can use them too), applied before and after the
//! YAML parser: refuse what no package manager writes but what makes a parser hang or blow up
//! (deep flow nesting, anchors and aliases), and turn parser errors into [`ParseError`]s with
//! positions.

use crate::error::{ErrorKind, ParseError};

/// Deepest flow nesting (`[[[…`, `{a: {…`) the pre-scan lets through. package managers write
/// block style; the bound is serde_yaml's own recursion limit.
const MAX_FLOW_DEPTH: usize = 128;

/// A linear scan before the YAML parser sees the text. libyaml's simple-key bookkeeping is
/// quadratic in flow depth (200,000 `[` take minutes), so deep input is refused here; and
/// anchors and aliases, which no package manager writes, are refused so no alias can expand. Quoted
/// strings and comments are skipped; brackets, `&` and `*` count only where a node can start
/// (yarn's `conditions: os=linux & cpu=x64` is a plain scalar).
pub fn prescan(text: &str) -> Result<(), ParseError> {
    #[derive(PartialEq)]
    enum S {
        Plain,
        Double,
        Single,
        Comment,
    }
    let mut state = S::Plain;
    let mut depth = 0usize;
    let (mut line, mut col) = (1usize, 0usize);
    // The last non-blank character outside strings on this line, and the one just before.
    let mut last_sig = '\n';
    let mut prev = '\n';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        col += 1;
        if c == '\n' {
            line += 1;
            col = 0;
            if state == S::Comment {
                state = S::Plain;
            }
            last_sig = '\n';
            prev = '\n';
            continue;
        }
        match state {
            S::Comment => {}
            S::Double => {
                if c == '\\' {
                    chars.next();
                    col += 1;
                } else if c == '"' {
                    state = S::Plain;
                }
            }
            S::Single => {
                if c == '\'' {
                    if chars.peek() == Some(&'\'') {
                        chars.next();
                        col += 1;
                    } else {
                        state = S::Plain;
                    }
                }
            }
            S::Plain => {
                let blank_before = matches!(prev, ' ' | '\t' | '\n');
                let node_start = matches!(last_sig, '\n' | '[' | '{' | ',')
                    || (matches!(last_sig, ':' | '-' | '?') && blank_before);
                match c {
                    '#' if blank_before => state = S::Comment,
                    '"' if node_start => state = S::Double,
                    '\'' if node_start => state = S::Single,
                    '[' | '{' if node_start => {
                        depth += 1;
                        if depth > MAX_FLOW_DEPTH {
                            return Err(ParseError::new(
                                ErrorKind::Invalid,
                                format!(
                                    "nesting is deeper than {MAX_FLOW_DEPTH} levels; no lockfile nests this deep"
                                ),
                            )
                            .at(line, col));
                        }
                    }
                    ']' | '}' => depth = depth.saturating_sub(1),
                    '&' | '*' if node_start => {
                        return Err(ParseError::new(
                            ErrorKind::Invalid,
                            "YAML anchors and aliases are not allowed in a lockfile (package managers never write them; alias bombs use them)",
                        )
                        .at(line, col));
                    }
                    _ => {}
                }
                if !matches!(c, ' ' | '\t') {
                    last_sig = c;
                }
            }
        }
        prev = c;
    }
    Ok(())
}

/// Converts a YAML error, keeping its position and naming what the limits refused.
pub fn from_yaml(err: &serde_yaml_ng::Error, help: &str) -> ParseError {
    let full = err.to_string();
    // serde_yaml appends " at line X column Y"; the position goes in the fields.
    let message = match full.find(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full.clone(),
    };
    let (kind, message) = if full.contains("recursion limit exceeded") {
        (
            ErrorKind::Invalid,
            "nesting is deeper than 128 levels; no lockfile nests this deep".to_string(),
        )
    } else if full.contains("repetition limit exceeded") {
        (
            ErrorKind::Invalid,
            "YAML aliases expand too far (an alias bomb); lockfiles never use aliases".to_string(),
        )
    } else if full.contains("duplicate key") || full.contains("duplicate field") {
        (ErrorKind::Invalid, message)
    } else if full.contains("invalid type") || full.contains("missing field") {
        (ErrorKind::Schema, message)
    } else {
        (ErrorKind::Syntax, message)
    };
    let mut e = ParseError::new(kind, message).with_help(help);
    if let Some(loc) = err.location() {
        e = e.at(loc.line(), loc.column());
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_flow_nesting_is_refused_quickly() {
        let text = format!("x: {}{}", "[".repeat(200_000), "]".repeat(200_000));
        let start = std::time::Instant::now();
        let e = prescan(&text).unwrap_err();
        assert!(start.elapsed().as_secs() < 2);
        assert_eq!(
            (e.kind, e.line, e.column),
            (ErrorKind::Invalid, 1, 4 + MAX_FLOW_DEPTH)
        );
        let ok = format!(
            "x: {}{}",
            "[".repeat(MAX_FLOW_DEPTH),
            "]".repeat(MAX_FLOW_DEPTH)
        );
        assert!(prescan(&ok).is_ok());
        // Flow collections closed on the way do not add up.
        assert!(prescan(&"x: [[a], {b: c}]\n".repeat(1000)).is_ok());
    }

    #[test]
    fn anchors_and_aliases_are_refused() {
        for bad in [
            "a: &x [1]\nb: *x\n",
            "- *x\n",
            "a: [*x]\n",
            "a: {k: &y v}\n",
            "&x a: 1\n",
        ] {
            let e = prescan(bad).unwrap_err();
            assert_eq!(e.kind, ErrorKind::Invalid, "{bad}");
            assert!(e.message.contains("aliases"), "{bad}");
        }
    }

    #[test]
    fn ampersands_and_stars_inside_scalars_are_fine() {
        for good in [
            "conditions: os=linux & cpu=x64 & libc=glibc\n",
            "a: \"*\"\n",
            "a: '&x'\n",
            "a: \"npm:*\"\n",
            "a: npm:*\n",
            "# &comment *x [[[[\na: 1\n",
            "a: \"[[[[[[\" # [[[[\n",
            "a: 'it''s [ & * fine'\n",
            "a: \"esc \\\" [ *\"\n",
            "a: b[0]*2\n",
        ] {
            assert!(prescan(good).is_ok(), "{good}");
        }
    }
}
