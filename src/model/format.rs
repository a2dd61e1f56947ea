//! Pure formatting and time arithmetic (no browser APIs): instants, usage
//! markers, initials and labels.

/// Days without use after which a token counts as idle.
pub const IDLE_DAYS: i64 = 90;
/// Days after which a token nobody has used is worth a look.
pub const UNUSED_DAYS: i64 = 7;

const MS_PER_DAY: i64 = 86_400_000;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

fn number(s: &str) -> Option<i64> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Milliseconds since the epoch of an RFC 3339 instant such as
/// `2026-01-31T23:00:00.000Z` or `2026-02-01T01:00:00+02:00`; `None` if malformed.
pub fn parse_instant(s: &str) -> Option<i64> {
    let s = s.trim();
    let (date, rest) = s.split_once(['T', 't', ' '])?;
    let mut dp = date.split('-');
    let (y, mo, d) = (number(dp.next()?)?, number(dp.next()?)?, number(dp.next()?)?);
    if dp.next().is_some() || !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return None;
    }
    let (time, offset_min) = if let Some(t) = rest.strip_suffix(['Z', 'z']) {
        (t, 0)
    } else {
        let at = rest.rfind(['+', '-'])?;
        let (t, off) = rest.split_at(at);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let (oh, om) = off.get(1..)?.split_once(':')?;
        (t, sign * (number(oh)? * 60 + number(om)?))
    };
    let (hms, frac) = match time.split_once('.') {
        Some((hms, frac)) => (hms, frac),
        None => (time, ""),
    };
    let mut tp = hms.split(':');
    let (h, mi, sec) = (number(tp.next()?)?, number(tp.next()?)?, number(tp.next()?)?);
    if tp.next().is_some() || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let ms = if frac.is_empty() {
        0
    } else {
        let digits: String = frac.chars().chain("000".chars()).take(3).collect();
        number(&digits)?
    };
    let days = days_from_civil(y, mo, d);
    Some(days * MS_PER_DAY + ((h * 60 + mi - offset_min) * 60 + sec) * 1000 + ms)
}

/// Formats epoch milliseconds as the API writes instants: `2026-01-31T23:00:00.000Z`.
pub fn format_instant(ms: i64) -> String {
    let days = ms.div_euclid(MS_PER_DAY);
    let rem = ms.rem_euclid(MS_PER_DAY);
    let (y, m, d) = civil_from_days(days);
    let (h, mi, s, milli) = (rem / 3_600_000, rem / 60_000 % 60, rem / 1000 % 60, rem % 1000);
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z")
}

/// The instant `days` days before `now_ms`, formatted for RQL.
pub fn days_before(now_ms: i64, days: i64) -> String {
    format_instant(now_ms - days * MS_PER_DAY)
}

/// How recently a token was used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    /// `lastAccessAt` is empty.
    NeverUsed,
    /// Last used more than [`IDLE_DAYS`] days ago.
    Idle {
        /// Whole days since the last use.
        days: i64,
    },
    /// Used within [`IDLE_DAYS`] days (or the date could not be read).
    Recent,
}

/// Classifies a token's `lastAccessAt` at `now_ms`.
pub fn usage(last_access_at: Option<&str>, now_ms: i64) -> Usage {
    let Some(raw) = last_access_at.filter(|s| !s.trim().is_empty()) else {
        return Usage::NeverUsed;
    };
    match parse_instant(raw) {
        Some(at) if now_ms - at > IDLE_DAYS * MS_PER_DAY => Usage::Idle {
            days: (now_ms - at) / MS_PER_DAY,
        },
        _ => Usage::Recent,
    }
}

/// `s` in lower case, for matching and sorting without regard to case.
/// In the browser this is the browser's own Unicode case mapping, so the
/// wasm carries no case tables of its own (about 14 KB); natively, std's.
pub fn lower(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return js_sys::JsString::from(s).to_lower_case().into();
    #[cfg(not(target_arch = "wasm32"))]
    s.to_lowercase()
}

/// `s` in upper case, as [`lower`] does it.
pub fn upper(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return js_sys::JsString::from(s).to_upper_case().into();
    #[cfg(not(target_arch = "wasm32"))]
    s.to_uppercase()
}

/// Up to two initials for an avatar: `Robot 1` → `R1`, `Billing` → `BI`.
pub fn initials(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first: Vec<char> = words.next().map(|w| w.chars().collect()).unwrap_or_default();
    let second = words.next().and_then(|w| w.chars().next());
    let picked: String = match (first.first(), second) {
        (Some(a), Some(b)) => [*a, b].iter().collect(),
        (Some(_), None) => first.iter().take(2).collect(),
        (None, _) => "?".into(),
    };
    upper(&picked)
}

/// Audit details as prose: any `{{placeholder}}` the API left unfilled
/// becomes `…`, so template syntax never reaches the screen.
pub fn without_placeholders(details: &str) -> String {
    let mut out = String::with_capacity(details.len());
    let mut rest = details;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        match after.find("}}") {
            Some(close) => {
                out.push('…');
                rest = &after[close + 2..];
            }
            None => rest = after,
        }
    }
    out.push_str(rest);
    out.replace("}}", "")
}

/// What the Modules column says: the name for one, a count otherwise.
pub fn modules_label(names: &[&str]) -> String {
    match names {
        [] => "No modules".into(),
        [one] => (*one).to_string(),
        many => format!("{} modules", many.len()),
    }
}

/// A duration in seconds for messages, to a tenth (`30`, `0.2`), by integer
/// arithmetic: formatting an `f64` would bring the float formatter into
/// the first load (6.4 KiB brotli; see FIGURES.md).
pub fn seconds(d: std::time::Duration) -> String {
    let tenths = d.as_millis() / 100;
    match tenths % 10 {
        0 => format!("{}", tenths / 10),
        t => format!("{}.{t}", tenths / 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_written_to_a_tenth_without_floats() {
        use std::time::Duration;
        assert_eq!(seconds(Duration::from_secs(30)), "30");
        assert_eq!(seconds(Duration::from_millis(200)), "0.2");
        assert_eq!(seconds(Duration::from_millis(1_250)), "1.2");
        assert_eq!(seconds(Duration::from_millis(40)), "0");
    }

    #[test]
    fn instants_parse_and_format_round_trip() {
        let ms = parse_instant("2026-01-31T23:00:00.000Z").unwrap();
        assert_eq!(format_instant(ms), "2026-01-31T23:00:00.000Z");
        assert_eq!(parse_instant("2026-02-01T01:00:00+02:00"), Some(ms));
        assert_eq!(parse_instant("2026-01-31T23:00:00.5Z"), Some(ms + 500));
        assert_eq!(parse_instant("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(format_instant(951_782_400_000), "2000-02-29T00:00:00.000Z");
    }

    #[test]
    fn malformed_instants_are_none_not_panics() {
        for bad in [
            "",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-01-01",
            "2026-01-01T25:00:00Z",
            "2026-01-01T00:00:00+0x:00",
            "é-é-éTé",
        ] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
    }

    #[test]
    fn usage_marks_never_used_and_idle_tokens() {
        let now = parse_instant("2026-11-23T12:00:00Z").unwrap();
        assert_eq!(usage(None, now), Usage::NeverUsed);
        assert_eq!(usage(Some(""), now), Usage::NeverUsed);
        assert_eq!(usage(Some("2026-11-20T12:00:00Z"), now), Usage::Recent);
        assert_eq!(
            usage(Some("2026-08-25T12:00:00Z"), now),
            Usage::Recent,
            "exactly 90 days is not idle"
        );
        assert_eq!(usage(Some("2026-08-24T11:00:00Z"), now), Usage::Idle { days: 91 });
        assert_eq!(usage(Some("garbage"), now), Usage::Recent);
        assert_eq!(days_before(now, 90), "2026-08-25T12:00:00.000Z");
    }

    #[test]
    fn audit_details_never_show_template_syntax() {
        assert_eq!(without_placeholders("Sarah disabled Robot."), "Sarah disabled Robot.");
        assert_eq!(
            without_placeholders("{{actor.name}} disabled {{ apiToken.name }}."),
            "… disabled …."
        );
        for odd in ["{{", "}}", "a {{ b", "{{{{x}}}}", "x }} y {{"] {
            let t = without_placeholders(odd);
            assert!(!t.contains("{{") && !t.contains("}}"), "{odd} → {t}");
        }
    }

    #[test]
    fn initials_and_module_labels() {
        assert_eq!(initials("Robot 1"), "R1");
        assert_eq!(initials("ci pipeline bot"), "CP");
        assert_eq!(initials("billing"), "BI");
        assert_eq!(initials("  "), "?");
        assert_eq!(initials("über"), "ÜB");
        assert_eq!(modules_label(&[]), "No modules");
        assert_eq!(modules_label(&["Access management"]), "Access management");
        assert_eq!(modules_label(&["A", "B", "C"]), "3 modules");
    }
}
