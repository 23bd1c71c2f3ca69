//! A code string that only names a function: `new Function('_', 'return function ' + name +
//! '(){ return _.apply(this, arguments) }')(impl)`, the idiom that gives a wrapper a name chosen
//! at run time, with `name` checked against an identifier pattern just before
//! (`/^[_$a-zA-Z][_$a-zA-Z0-9]*$/.test(name)`, @emnapi/core 1.11.3). The run-time part of that
//! code can only be an identifier, so nothing hidden or fetched can run through it.

/// How far before the call the identifier check must sit.
const CHECK_WINDOW: usize = 1_000;
/// How much of the call's source is read.
const CALL_WINDOW: usize = 600;

/// Whether the code runner called at `off` builds its code from string literals and one
/// variable that an identifier-only pattern tested just before.
pub fn runs_a_checked_name(text: &str, off: u32) -> bool {
    let at = off as usize;
    let Some(call) = text.get(at..(at + CALL_WINDOW).min(text.len())) else {
        return false;
    };
    let Some(names) = call_idents(call) else {
        return false;
    };
    let [name] = names.as_slice() else {
        return false;
    };
    let before = text.get(at.saturating_sub(CHECK_WINDOW)..at).unwrap_or("");
    let check = crate::regex!(r"/\^\[[\w$\\-]+\]\[[\w$\\-]+\]\*\$/[a-z]*\.test\(\s*([\w$]+)\s*\)");
    check
        .captures_iter(before)
        .any(|c| c.get(1).is_some_and(|m| m.as_str() == *name))
}

/// The distinct identifiers of the call's argument list outside string literals (not property
/// names after a dot), or `None` when the list does not close within the window.
fn call_idents(call: &str) -> Option<Vec<&str>> {
    let b = call.as_bytes();
    // The argument list: the first parenthesis right after a name (`Function(`, not the
    // grouping in `(new Function(…))(_)`).
    let open = (1..b.len()).find(|&i| {
        b[i] == b'(' && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] == b'$')
    })?;
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut code = Vec::new();
    let mut i = open;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) => {
                if c == b'\\' {
                    i += 1;
                } else if c == q {
                    quote = None;
                } else if q == b'`' && c == b'$' && b.get(i + 1) == Some(&b'{') {
                    // A template's interpolation is code: read it as such.
                    return None;
                }
            }
            None => match c {
                b'\'' | b'"' | b'`' => quote = Some(c),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        break;
                    }
                }
                _ => code.push(i),
            },
        }
        i += 1;
    }
    if depth != 0 {
        return None;
    }
    let mut out: Vec<&str> = Vec::new();
    let mut k = 0;
    while k < code.len() {
        let s = code[k];
        let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'$';
        if word(b[s]) && !b[s].is_ascii_digit() {
            let mut e = s;
            while e < b.len() && word(b[e]) && code.get(k + (e - s)) == Some(&e) {
                e += 1;
            }
            let dotted = s > 0 && b[s - 1] == b'.';
            let w = &call[s..e];
            if !dotted && !out.contains(&w) {
                out.push(w);
            }
            k += e - s;
        } else {
            k += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::runs_a_checked_name;

    const CHECK: &str =
        "if (!(/^[_$a-zA-Z][_$a-zA-Z0-9]*$/.test(functionName))) return { status: 1 };\n";

    /// @emnapi/core 1.11.3, readable and minified.
    #[test]
    fn a_wrapper_named_after_a_checked_identifier_runs_nothing_hidden() {
        let src = format!(
            "{CHECK}f = (new Function('_', 'return function ' + functionName + '(){{' + '\"use strict\";' + 'return _.apply(this,arguments);' + '}};'))(_);"
        );
        let off = src.find("new Function").unwrap_or(0) as u32;
        assert!(runs_a_checked_name(&src, off));
        let min = "if(!/^[_$a-zA-Z][_$a-zA-Z0-9]*$/.test(s))return{status:1,f:void 0};if(d.feature.supportNewFunction){var l=c(e,u);try{i=new Function(\"_\",\"return function \"+s+'(){\"use strict\";return _.apply(this,arguments);};')(l)}catch(r){}}";
        let off = min.find("new Function").unwrap_or(0) as u32;
        assert!(runs_a_checked_name(min, off));
    }

    /// Another variable in the code, or no check of the name, is code built at run time.
    #[test]
    fn code_with_anything_besides_the_checked_name_is_not_a_name() {
        let src = format!(
            "{CHECK}f = new Function('_', 'return function ' + functionName + '(){{' + body + '}}')(_);"
        );
        let off = src.find("new Function").unwrap_or(0) as u32;
        assert!(!runs_a_checked_name(&src, off));
        let unchecked = "f = new Function('_', 'return function ' + functionName + '(){}')(_);";
        assert!(!runs_a_checked_name(unchecked, 0));
        let tpl = format!(
            "{CHECK}f = new Function(`return function ${{functionName}}(){{ ${{payload}} }}`)();"
        );
        let off = tpl.find("new Function").unwrap_or(0) as u32;
        assert!(!runs_a_checked_name(&tpl, off));
    }
}
