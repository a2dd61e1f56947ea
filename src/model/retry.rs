//! When to try again after the API said it is busy (`429 Too Many Requests`,
//! `503 Service Unavailable`): its `Retry-After` (seconds, or an HTTP date),
//! else a jittered exponential backoff; capped, as SoftwareOne's Python
//! client caps it (120 s). Reads wait and retry by themselves a few times;
//! writes never do (the admin decides).

use super::format::days_from_civil;

/// The longest wait the console accepts from `Retry-After`.
pub const MAX_WAIT_MS: u64 = 120_000;
/// How many times a read is tried again before its error is shown.
pub const READ_RETRIES: u32 = 3;

/// The wait `Retry-After` asks for, from `now_ms` (Unix milliseconds): a
/// number of seconds, or an IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`);
/// `None` when it is neither. A date in the past means now.
pub fn retry_after_ms(header: &str, now_ms: i64) -> Option<u64> {
    let header = header.trim();
    let wait = match header.parse::<u64>() {
        Ok(seconds) => seconds.saturating_mul(1000),
        Err(_) => {
            let at = http_date_ms(header)?;
            u64::try_from(at.saturating_sub(now_ms)).unwrap_or(0)
        }
    };
    Some(wait.min(MAX_WAIT_MS))
}

/// The wait before retry number `attempt` (0 first) without a `Retry-After`:
/// 1 s, 2 s, 4 s … capped, each scaled by `jitter` in [0, 1) to between half
/// and all of it, so that several tabs do not come back at the same instant.
pub fn backoff_ms(attempt: u32, jitter: f64) -> u64 {
    let full = 1000u64.saturating_mul(1 << attempt.min(16)).min(MAX_WAIT_MS);
    let jitter = if jitter.is_finite() {
        jitter.clamp(0.0, 1.0)
    } else {
        0.0
    };
    full / 2 + ((full / 2) as f64 * jitter) as u64
}

/// Whole seconds left of a wait, for "Retrying in 8 s" (never 0 while waiting).
pub fn seconds_left(wait_ms: u64) -> u64 {
    wait_ms.div_ceil(1000).max(1)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An IMF-fixdate as Unix milliseconds.
fn http_date_ms(s: &str) -> Option<i64> {
    let mut parts = s.split_whitespace();
    let _weekday = parts.next()?.strip_suffix(',')?;
    let day: i64 = parts.next()?.parse().ok()?;
    let month = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == month)? as i64 + 1;
    let year: i64 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':').map(str::parse::<i64>);
    let (h, m, sec) = (hms.next()?.ok()?, hms.next()?.ok()?, hms.next()?.ok()?);
    // Four-digit years and fields in range only: the arithmetic below then
    // cannot overflow, whatever the header says.
    let in_range = (1..=31).contains(&day)
        && (1970..=9999).contains(&year)
        && (0..=23).contains(&h)
        && (0..=59).contains(&m)
        && (0..=60).contains(&sec);
    if parts.next()? != "GMT" || parts.next().is_some() || !in_range {
        return None;
    }
    Some(((days_from_civil(year, month, day) * 24 + h) * 60 + m) * 60_000 + sec * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2015-10-21T07:28:00Z in Unix milliseconds.
    const OCT_21: i64 = 1_445_412_480_000;

    #[test]
    fn dates_out_of_range_are_ignored_not_overflowed() {
        assert_eq!(http_date_ms("Mon, 01 Jan 100000000000000000 00:00:00 GMT"), None);
        assert_eq!(http_date_ms("Mon, 01 Jan 2015 -99999999999999999:00:00 GMT"), None);
        assert_eq!(http_date_ms("Mon, 01 Jan 2015 00:-1:00 GMT"), None);
        assert_eq!(retry_after_ms("Mon, 01 Jan 100000000000000000 00:00:00 GMT", 0), None);
    }

    #[test]
    fn seconds_and_http_dates_are_both_read() {
        assert_eq!(retry_after_ms("8", 0), Some(8_000));
        assert_eq!(retry_after_ms(" 0 ", 0), Some(0));
        assert_eq!(http_date_ms("Wed, 21 Oct 2015 07:28:00 GMT"), Some(OCT_21));
        assert_eq!(
            retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", OCT_21 - 5_000),
            Some(5_000)
        );
        assert_eq!(http_date_ms("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(http_date_ms("Tue, 29 Feb 2028 12:00:00 GMT"), Some(1_835_438_400_000));
    }

    #[test]
    fn a_past_date_means_now_and_long_waits_are_capped() {
        assert_eq!(
            retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", OCT_21 + 60_000),
            Some(0)
        );
        assert_eq!(retry_after_ms("86400", 0), Some(MAX_WAIT_MS));
        assert_eq!(retry_after_ms("18446744073709551615", 0), Some(MAX_WAIT_MS));
    }

    #[test]
    fn anything_else_is_no_advice() {
        for junk in [
            "",
            "soon",
            "-5",
            "1.5",
            "Wed, 21 Oct 2015 07:28:00 UTC",
            "21 Oct 2015",
            "Wed, 32 Oct 2015 07:28:00 GMT",
            "Wed, 21 Foo 2015 07:28:00 GMT",
        ] {
            assert_eq!(retry_after_ms(junk, 0), None, "{junk:?}");
        }
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        assert_eq!(backoff_ms(0, 0.0), 500);
        assert_eq!(backoff_ms(0, 0.999), 999);
        assert_eq!(backoff_ms(1, 0.5), 1_500);
        assert_eq!(backoff_ms(3, 1.0), 8_000);
        assert_eq!(backoff_ms(40, 1.0), MAX_WAIT_MS);
        assert_eq!(backoff_ms(2, f64::NAN), 2_000);
        assert_eq!(seconds_left(7_200), 8);
        assert_eq!(seconds_left(0), 1);
    }
}
