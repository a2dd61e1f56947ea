//! Rotating a token: the replacement's name. Pure.

use super::validation::NAME_MAX;

const MARK: &str = " (rotated ";

/// The replacement's name: `name (rotated 2026-11-23)` for `today_iso`
/// (an ISO instant or date). A name rotated before has its old mark
/// replaced, and a long name is shortened so the whole fits the limit.
pub fn rotated_name(name: &str, today_iso: &str) -> String {
    let day: String = today_iso.chars().take(10).collect();
    let base = match name.rfind(MARK) {
        Some(at) if name.ends_with(')') => name.get(..at).unwrap_or(name),
        _ => name,
    }
    .trim_end();
    let suffix = format!("{MARK}{day})");
    let room = NAME_MAX.saturating_sub(suffix.chars().count());
    let base: String = base.chars().take(room).collect();
    format!("{}{suffix}", base.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_replacement_is_named_after_the_token_and_the_day() {
        assert_eq!(
            rotated_name("CI robot", "2026-11-23T22:00:00.000Z"),
            "CI robot (rotated 2026-11-23)"
        );
        assert_eq!(
            rotated_name("CI robot (rotated 2026-01-02)", "2026-11-23"),
            "CI robot (rotated 2026-11-23)",
            "the old mark is replaced, not stacked"
        );
        assert_eq!(
            rotated_name("Zürich (EU)", "2026-11-23"),
            "Zürich (EU) (rotated 2026-11-23)"
        );
        let long = "é".repeat(NAME_MAX);
        let rotated = rotated_name(&long, "2026-11-23");
        assert_eq!(rotated.chars().count(), NAME_MAX);
        assert!(rotated.ends_with(" (rotated 2026-11-23)"));
    }
}
