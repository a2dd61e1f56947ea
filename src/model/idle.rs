//! Idle sign-out's rules: when the warning shows, how many seconds it
//! counts down, and what the sign-out says. Pure; the watch itself is
//! `components::idle_watch`.

/// How long before sign-out the warning shows: a minute, or half the
/// timeout when that is shorter.
pub fn warning_lead_ms(timeout_ms: u64) -> u64 {
    (timeout_ms / 2).min(60_000)
}

/// What the watch should show `elapsed_ms` after the last activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    Active,
    /// The warning, with the seconds left.
    Warn(u64),
    /// Sign out now.
    Out,
}

/// The state of the watch; pure.
pub fn idle_state(elapsed_ms: u64, timeout_ms: u64) -> Idle {
    if elapsed_ms >= timeout_ms {
        Idle::Out
    } else if elapsed_ms >= timeout_ms - warning_lead_ms(timeout_ms) {
        Idle::Warn((timeout_ms - elapsed_ms).div_ceil(1000))
    } else {
        Idle::Active
    }
}

pub fn minutes_label(timeout_ms: u64) -> String {
    match timeout_ms.div_ceil(60_000) {
        1 => "a minute".into(),
        n => format!("{n} minutes"),
    }
}

/// What the sign-in dialog says after an idle sign-out.
pub fn signed_out_reason(timeout_ms: u64) -> String {
    format!(
        "You were signed out after {} without activity, and the token was forgotten. Sign in again to continue where you were.",
        minutes_label(timeout_ms)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minutes_warning_then_sign_out() {
        let fifteen = 15 * 60_000;
        assert_eq!(idle_state(0, fifteen), Idle::Active);
        assert_eq!(idle_state(fifteen - 60_001, fifteen), Idle::Active);
        assert_eq!(idle_state(fifteen - 60_000, fifteen), Idle::Warn(60));
        assert_eq!(idle_state(fifteen - 1, fifteen), Idle::Warn(1));
        assert_eq!(idle_state(fifteen, fifteen), Idle::Out);
        // A short timeout (tests) warns for half of it.
        assert_eq!(idle_state(3_000, 6_000), Idle::Warn(3));
        assert_eq!(minutes_label(6_000), "a minute");
        assert_eq!(minutes_label(fifteen), "15 minutes");
    }
}
