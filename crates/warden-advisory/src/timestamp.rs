//! OSV timestamps (RFC 3339) normalised to one sortable UTC form,
//! `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ`, so `modified` values compare as strings whatever their
//! fraction digits or offset. Hand-written: a small, fully specified format, and pulling in a
//! date crate for one comparison is not worth the build time.

/// Normalises an RFC 3339 timestamp; `None` when it is not one.
pub fn normalize(text: &str) -> Option<String> {
    let b = text.trim().as_bytes();
    let num = |s: &[u8]| -> Option<i64> {
        if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(s).ok()?.parse().ok()
    };
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let (year, month, day) = (num(&b[0..4])?, num(&b[5..7])?, num(&b[8..10])?);
    let (hour, minute, second) = (num(&b[11..13])?, num(&b[14..16])?, num(&b[17..19])?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = &b[19..];
    let mut nanos: i64 = 0;
    if let Some(frac) = rest.strip_prefix(b".") {
        let digits = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        for i in 0..9 {
            nanos = nanos * 10
                + frac
                    .get(i)
                    .filter(|_| i < digits)
                    .map_or(0, |d| i64::from(d - b'0'));
        }
        rest = &frac[digits..];
    }
    let offset_secs = match rest {
        b"Z" | b"z" => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let off = num(&[*h1, *h2])? * 3600 + num(&[*m1, *m2])? * 60;
            if *sign == b'+' { off } else { -off }
        }
        _ => return None,
    };
    let secs = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
        - offset_secs;
    let (days, sod) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    Some(format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{nanos:09}Z",
        sod / 3600,
        sod % 3600 / 60,
        sod % 60
    ))
}

/// Formats seconds since the Unix epoch as RFC 3339 UTC (`2026-11-24T12:00:00Z`). The caller
/// reads the clock; this module does not.
pub fn from_unix(secs: i64) -> String {
    let (days, sod) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        sod / 3600,
        sod % 3600 / 60,
        sod % 60
    )
}

/// Shortens a normalised timestamp for people: drops a zero fraction.
pub fn display(normalized: &str) -> String {
    normalized.replace(".000000000Z", "Z")
}

// Howard Hinnant's civil-date algorithms.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_normalise_and_order() {
        assert_eq!(
            normalize("2025-09-17T04:01:13Z").as_deref(),
            Some("2025-09-17T04:01:13.000000000Z")
        );
        assert_eq!(
            normalize("2025-06-04T01:35:01.5Z").as_deref(),
            Some("2025-06-04T01:35:01.500000000Z")
        );
        assert_eq!(
            normalize("2024-02-29T23:30:00-01:00").as_deref(),
            Some("2024-03-01T00:30:00.000000000Z")
        );
        assert_eq!(
            normalize("2025-01-01T00:30:00+01:00").as_deref(),
            Some("2024-12-31T23:30:00.000000000Z")
        );
        // the fraction no longer breaks string order
        assert!(normalize("2025-06-04T01:35:01Z") < normalize("2025-06-04T01:35:01.123Z"));
        assert_eq!(
            display("2025-09-17T04:01:13.000000000Z"),
            "2025-09-17T04:01:13Z"
        );
    }

    #[test]
    fn junk_is_rejected() {
        for bad in [
            "",
            "yesterday",
            "2025-13-01T00:00:00Z",
            "2025-01-01T00:00:00",
            "2025-01-01T00:00:00.Z",
            "2025-01-01",
        ] {
            assert_eq!(normalize(bad), None, "{bad}");
        }
    }
}
