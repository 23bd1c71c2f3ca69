//! Human durations in policy files: `7d`, `7 days`, `36h`, `2w`, or a bare number of days.

use jiff::SignedDuration;

/// Parses a policy duration. Returns what went wrong as a sentence.
pub fn parse_duration(s: &str) -> Result<SignedDuration, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: i64 = num.parse().map_err(|_| {
        format!("\"{s}\" is not a duration; write it like \"7d\", \"36h\" or \"2w\"")
    })?;
    let hours = match unit.trim() {
        "" | "d" | "day" | "days" => n.checked_mul(24),
        "h" | "hour" | "hours" => Some(n),
        "w" | "week" | "weeks" => n.checked_mul(24 * 7),
        other => {
            return Err(format!(
                "unknown unit \"{other}\" in \"{s}\"; use h, d or w (hours, days, weeks)"
            ));
        }
    }
    .ok_or_else(|| format!("\"{s}\" is too long a duration"))?;
    if hours > 24 * 365 * 100 {
        return Err(format!("\"{s}\" is too long a duration"));
    }
    Ok(SignedDuration::from_hours(hours))
}

/// Formats a duration the way policy files write it.
pub fn format_duration(d: SignedDuration) -> String {
    let hours = d.as_hours();
    if hours % 24 == 0 {
        format!("{}d", hours / 24)
    } else {
        format!("{hours}h")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_documented_forms() {
        assert_eq!(parse_duration("7d").unwrap().as_hours(), 168);
        assert_eq!(parse_duration("7 days").unwrap().as_hours(), 168);
        assert_eq!(parse_duration("36h").unwrap().as_hours(), 36);
        assert_eq!(parse_duration("2w").unwrap().as_hours(), 336);
        assert_eq!(parse_duration("3").unwrap().as_hours(), 72);
        assert_eq!(format_duration(parse_duration("7d").unwrap()), "7d");
    }

    #[test]
    fn refuses_garbage() {
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("7 fortnights").is_err());
        assert!(parse_duration("99999999999999999d").is_err());
    }
}
