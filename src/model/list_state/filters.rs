//! The list's filters with fixed choices, and what every filter choice
//! says about itself (its URL value and label), so one select serves all.

/// A choice of a list filter.
pub trait FilterChoice: Clone + PartialEq + Send + Sync + 'static {
    /// In the URL and the `<option value>`.
    fn value(&self) -> String;
    fn label(&self) -> String;
}

/// A filter whose choices are known in advance.
pub trait FixedChoices: FilterChoice + Copy {
    /// Every choice, in the order shown.
    const ALL: &'static [Self];

    /// The choice whose URL value is `s`.
    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.value() == s)
    }
}

/// Filter on the token's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    /// Only Active tokens.
    Active,
    /// Only Disabled tokens.
    Disabled,
}

impl StatusFilter {
    /// The API's status name (also the URL value).
    pub fn as_str(self) -> &'static str {
        match self {
            StatusFilter::Active => "Active",
            StatusFilter::Disabled => "Disabled",
        }
    }
}

impl FilterChoice for StatusFilter {
    fn value(&self) -> String {
        self.as_str().into()
    }

    fn label(&self) -> String {
        self.as_str().into()
    }
}

impl FixedChoices for StatusFilter {
    const ALL: &'static [Self] = &[StatusFilter::Active, StatusFilter::Disabled];
}

/// Filter on how recently tokens were used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsageFilter {
    /// `lastAccessAt` is empty.
    NeverUsed,
    /// Never used, and created more than 7 days ago: probably forgotten.
    Unused,
    /// Last used more than 90 days ago.
    Idle,
}

impl FilterChoice for UsageFilter {
    fn value(&self) -> String {
        match self {
            UsageFilter::NeverUsed => "never",
            UsageFilter::Unused => "unused",
            UsageFilter::Idle => "idle",
        }
        .into()
    }

    fn label(&self) -> String {
        match self {
            UsageFilter::NeverUsed => "Never used",
            UsageFilter::Unused => "Never used, created > 7 days ago",
            UsageFilter::Idle => "Idle > 90 days",
        }
        .into()
    }
}

impl FixedChoices for UsageFilter {
    const ALL: &'static [Self] = &[UsageFilter::NeverUsed, UsageFilter::Unused, UsageFilter::Idle];
}

/// Filter on what the tokens are granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrantFilter {
    /// Granted every module the account's tokens can be given: the
    /// broadest tokens, worth narrowing.
    EveryModule,
}

impl FilterChoice for GrantFilter {
    fn value(&self) -> String {
        "every".into()
    }

    fn label(&self) -> String {
        "Every module".into()
    }
}

impl FixedChoices for GrantFilter {
    const ALL: &'static [Self] = &[GrantFilter::EveryModule];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_values_parse_back_and_nothing_else_does() {
        for s in StatusFilter::ALL {
            assert_eq!(StatusFilter::parse(&s.value()), Some(*s));
        }
        for u in UsageFilter::ALL {
            assert_eq!(UsageFilter::parse(&u.value()), Some(*u));
        }
        assert_eq!(StatusFilter::parse("Deleted"), None);
        assert_eq!(StatusFilter::parse("active"), None);
        assert_eq!(UsageFilter::parse("Idle > 90 days"), None);
        assert_eq!(GrantFilter::parse("every"), Some(GrantFilter::EveryModule));
        assert_eq!(GrantFilter::parse("all"), None);
    }
}
