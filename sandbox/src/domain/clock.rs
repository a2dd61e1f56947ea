//! Timestamps as the API writes them: UTC ISO 8601 with milliseconds.

use time::{Duration, OffsetDateTime, UtcOffset};

/// Formats an instant as `2026-01-31T23:00:00.000Z`.
pub fn iso(t: OffsetDateTime) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

/// The current instant, formatted.
pub fn now() -> String {
    iso(OffsetDateTime::now_utc())
}

/// Seconds since the epoch, now.
pub fn now_seconds() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// An instant `days` days (and `minutes` minutes) before now, formatted.
pub fn ago(days: i64, minutes: i64) -> String {
    iso(OffsetDateTime::now_utc() - Duration::days(days) - Duration::minutes(minutes))
}

/// Parses an RFC 3339 date-time (any offset) and writes it in the canonical
/// form, so that stored and queried instants compare as text.
pub fn normalize(s: &str) -> Option<String> {
    OffsetDateTime::parse(s.trim(), &time::format_description::well_known::Rfc3339)
        .ok()
        .map(iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_offsets_and_precision() {
        assert_eq!(
            normalize("2026-01-31T23:00:00Z").as_deref(),
            Some("2026-01-31T23:00:00.000Z")
        );
        assert_eq!(
            normalize("2026-02-01T01:00:00.5+02:00").as_deref(),
            Some("2026-01-31T23:00:00.500Z")
        );
        assert_eq!(normalize("yesterday"), None);
    }
}
