//! Two administrators editing one token: what the form opened with (base),
//! what this one typed (mine) and what the other saved meanwhile (theirs).
//! A field is in question only where both sides moved it apart; a field
//! only one side changed takes that side. Pure.

/// Which value a field in question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// What this administrator typed.
    Mine,
    /// What the other administrator saved.
    Theirs,
}

/// Whether a field is in question, and the side offered first: `None` when
/// both sides agree or only mine changed it (mine is saved), else `Theirs`
/// when only they changed it (nothing of mine is lost by taking it) and
/// `Mine` when both changed it differently (what was just typed stays
/// unless the administrator chooses otherwise).
pub fn question<T: PartialEq>(base: &T, mine: &T, theirs: &T) -> Option<Side> {
    if mine == theirs || theirs == base {
        None
    } else if mine == base {
        Some(Side::Theirs)
    } else {
        Some(Side::Mine)
    }
}

/// The value a field saves with: `side` of a field in question, else mine
/// (which is theirs, or the only change).
pub fn resolve<T: Clone>(mine: &T, theirs: &T, side: Option<Side>) -> T {
    match side {
        Some(Side::Theirs) => theirs.clone(),
        _ => mine.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_fields_moved_apart_by_both_sides_or_by_them_are_in_question() {
        // Nobody changed it, or both made the same change.
        assert_eq!(question(&"a", &"a", &"a"), None);
        assert_eq!(question(&"a", &"b", &"b"), None);
        // Only mine changed it: mine is saved without asking.
        assert_eq!(question(&"a", &"mine", &"a"), None);
        // Only they changed it: offered as theirs, so saving loses nothing of theirs.
        assert_eq!(question(&"a", &"a", &"theirs"), Some(Side::Theirs));
        // Both changed it differently: what was typed is offered first.
        assert_eq!(question(&"a", &"mine", &"theirs"), Some(Side::Mine));
    }

    #[test]
    fn each_side_saves_what_it_says() {
        assert_eq!(resolve(&"mine", &"theirs", Some(Side::Mine)), "mine");
        assert_eq!(resolve(&"mine", &"theirs", Some(Side::Theirs)), "theirs");
        assert_eq!(resolve(&"mine", &"theirs", None), "mine");
    }
}
