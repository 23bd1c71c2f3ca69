use super::{Ctx, MetaRule};
use crate::severity::Severity;

/// The name is one or two edits away from a much more popular package's name.
pub static RULE: MetaRule = MetaRule {
    id: "typosquat",
    severity: Severity::High,
    title: "name is a near-miss of a popular package",
    description: "The package name is within a small edit distance of a popular package's name (a swapped, missing, doubled or changed letter, or a changed separator), and is not itself popular. Typosquats exfiltrate environment variables from whoever mistypes the name.",
    incident: "crossenv (2017) impersonated cross-env and stole environment variables",
    check,
};

/// Optimal string alignment distance, capped: returns `cap + 1` as soon as it is exceeded.
pub fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
            row_min = row_min.min(cur[j]);
        }
        if row_min > cap {
            return cap + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '-' | '_' | '.'))
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The popular name that `name` imitates, if any.
pub fn imitated<'a>(name: &str, popular: &[&'a str]) -> Option<&'a str> {
    if popular.contains(&name) {
        return None;
    }
    let short = name.rsplit('/').next().unwrap_or(name);
    let norm = normalise(name);
    for &p in popular {
        let p_short = p.rsplit('/').next().unwrap_or(p);
        // A changed separator (`cross_env`, `crossenv`): same letters, different punctuation.
        if normalise(p) == norm {
            return Some(p);
        }
        // Too short to judge by edits: `ms` and `qs` are both real.
        if p_short.len() < 5 {
            continue;
        }
        let cap = if p_short.len() >= 9 { 2 } else { 1 };
        if name.starts_with('@') == p.starts_with('@') && edit_distance(name, p, cap) <= cap {
            return Some(p);
        }
        // An unscoped copy of a scoped popular package's name is how scope confusion looks,
        // but many scoped packages re-export an unscoped one, so only exact edits count there.
        let _ = short;
    }
    None
}

fn check(ctx: &Ctx<'_>) -> Option<String> {
    imitated(&ctx.history.name, ctx.popular).map(|p| {
        format!(
            "\"{}\" looks like the popular package \"{p}\"",
            ctx.history.name
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("lodash", "lodahs", 2), 1, "transposition");
        assert_eq!(edit_distance("express", "expres", 2), 1);
        assert_eq!(edit_distance("react", "angular", 2), 3, "capped");
    }

    #[test]
    fn flags_near_misses() {
        let popular = ["cross-env", "lodash", "express"];
        assert_eq!(imitated("crossenv", &popular), Some("cross-env"));
        assert_eq!(imitated("lodahs", &popular), Some("lodash"));
        assert_eq!(imitated("expresss", &popular), Some("express"));
        let mut h = history(vec![v("1.0.0", "2025-01-01T00:00:00Z")]);
        h.name = "crossenv".into();
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_some());
    }

    #[test]
    fn passes_real_names() {
        let popular = ["cross-env", "lodash", "express", "ms", "qs"];
        assert_eq!(imitated("lodash", &popular), None, "itself");
        assert_eq!(imitated("js", &popular), None, "too short to judge");
        assert_eq!(imitated("lodash-es", &popular), None);
        assert_eq!(imitated("fastify", &popular), None);
        let h = history(vec![v("1.0.0", "2025-01-01T00:00:00Z")]);
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_none());
    }
}
