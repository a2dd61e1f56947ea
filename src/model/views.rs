//! Saved views of the list: named filters, sort, rows per page and hidden
//! columns, kept per browser. A view holds the list's URL query (never a
//! secret) and the hidden columns as the column chooser stores them. Pure.

use super::json::{self, Value};
use super::list_state::ListState;

/// Most views kept.
pub const MAX_VIEWS: usize = 30;
/// Longest view name, in characters.
pub const MAX_NAME: usize = 60;

/// A named view of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedView {
    pub name: String,
    /// The list's URL query, page left out (empty when not stored).
    pub list: String,
    /// Hidden columns, as the column chooser stores them (empty when not stored).
    pub hidden: String,
}

impl SavedView {
    /// A view named `name` of `state` with `hidden` columns.
    pub fn of(name: &str, state: &ListState, hidden: &str) -> SavedView {
        SavedView {
            name: name.trim().to_string(),
            list: key(state),
            hidden: hidden.to_string(),
        }
    }

    /// The list this view shows, from its first page.
    pub fn state(&self) -> ListState {
        ListState::from_query(&self.list)
    }

    /// A stored view: a text `name`; `list` and `hidden` text or absent.
    fn read(v: &Value) -> Option<SavedView> {
        let text = |key| match v.get(key) {
            None => Some(String::new()),
            Some(found) => found.as_str().map(str::to_string),
        };
        Some(SavedView {
            name: v.get("name")?.as_str()?.to_string(),
            list: text("list")?,
            hidden: text("hidden")?,
        })
    }

    fn write(&self) -> Value {
        Value::object([
            ("name", Value::from(self.name.as_str())),
            ("list", Value::from(self.list.as_str())),
            ("hidden", Value::from(self.hidden.as_str())),
        ])
    }

    /// Whether the list shows this view now.
    pub fn is_shown(&self, state: &ListState, hidden: &str) -> bool {
        self.list == key(state) && self.hidden == hidden
    }
}

fn key(state: &ListState) -> String {
    ListState {
        page: 1,
        ..state.clone()
    }
    .to_query()
}

/// The views kept in storage; anything unreadable is dropped, never an error.
pub fn parse(stored: &str) -> Vec<SavedView> {
    let stored = json::parse(stored).unwrap_or_default();
    let mut views: Vec<SavedView> = match stored.as_array() {
        Some(items) => items.iter().filter_map(SavedView::read).collect(),
        None => Vec::new(),
    };
    let mut seen: Vec<String> = Vec::new();
    views.retain(|v| {
        let name = super::format::lower(v.name.trim());
        let keep = !name.is_empty() && v.name.chars().count() <= MAX_NAME && !seen.contains(&name);
        seen.push(name);
        keep
    });
    views.truncate(MAX_VIEWS);
    views
}

/// The views for storage.
pub fn format(views: &[SavedView]) -> String {
    json::write(&Value::Array(views.iter().map(SavedView::write).collect()))
}

/// The name typed for a view, checked: trimmed, not empty, not too long,
/// and not another view's (case aside). `keeping` is the view being
/// renamed or saved again, whose own name is fine.
pub fn check_name(typed: &str, views: &[SavedView], keeping: Option<&str>) -> Result<String, String> {
    let name = typed.trim();
    if name.is_empty() {
        return Err("Give the view a name.".into());
    }
    if name.chars().count() > MAX_NAME {
        return Err(format!("A view name has at most {MAX_NAME} characters."));
    }
    let taken = views
        .iter()
        .any(|v| v.name.eq_ignore_ascii_case(name) && keeping.is_none_or(|k| !v.name.eq_ignore_ascii_case(k)));
    if taken {
        return Err(format!("There is already a view named {name}."));
    }
    Ok(name.to_string())
}

/// `views` with `view` saved: replacing the one named `replacing` (or one
/// of the same name), otherwise added last. Refused when full.
pub fn save(views: &[SavedView], view: SavedView, replacing: Option<&str>) -> Result<Vec<SavedView>, String> {
    let mut out = views.to_vec();
    let at = out.iter().position(|v| {
        v.name.eq_ignore_ascii_case(&view.name) || replacing.is_some_and(|r| v.name.eq_ignore_ascii_case(r))
    });
    match at {
        Some(i) => out[i] = view,
        None if out.len() >= MAX_VIEWS => {
            return Err(format!("At most {MAX_VIEWS} views can be kept: delete one first."))
        }
        None => out.push(view),
    }
    Ok(out)
}

/// `views` without the one named `name`.
pub fn remove(views: &[SavedView], name: &str) -> Vec<SavedView> {
    views.iter().filter(|v| v.name != name).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::list_state::{Sort, SortField, StatusFilter, UsageFilter};

    fn narrowed() -> ListState {
        ListState {
            search: "bot & co".into(),
            status: Some(StatusFilter::Disabled),
            usage: Some(UsageFilter::Idle),
            sort: Sort {
                field: SortField::LastAccess,
                descending: false,
            },
            page: 3,
            per_page: 50,
            ..ListState::default()
        }
    }

    #[test]
    fn a_view_round_trips_through_storage_and_shows_its_list_from_page_one() {
        let view = SavedView::of(" Idle bots ", &narrowed(), "createdBy");
        assert_eq!(view.name, "Idle bots");
        let stored = format(std::slice::from_ref(&view));
        let back = parse(&stored);
        assert_eq!(back, vec![view.clone()]);
        assert_eq!(back[0].state(), ListState { page: 1, ..narrowed() });
        assert!(view.is_shown(&narrowed(), "createdBy"));
        assert!(view.is_shown(&ListState { page: 1, ..narrowed() }, "createdBy"));
        assert!(!view.is_shown(&narrowed(), ""));
        assert!(!view.is_shown(&ListState::default(), "createdBy"));
    }

    #[test]
    fn storage_junk_is_dropped_not_fatal() {
        assert!(parse("").is_empty());
        assert!(parse("{not json").is_empty());
        assert!(parse(r#"{"name":"x"}"#).is_empty());
        let kept = parse(
            r#"[{"name":"A"},{"name":"a","list":"?status=Active"},{"name":"  "},{"name":"B","extra":1},{"name":"C","list":7},5]"#,
        );
        let names: Vec<&str> = kept.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["A", "B"], "each unreadable view dropped, the readable kept");
        assert_eq!(kept[0].state(), ListState::default());
    }

    #[test]
    fn names_are_checked_and_saving_replaces_or_adds() {
        let views = vec![SavedView::of("Idle", &narrowed(), "")];
        assert_eq!(check_name("  Mine ", &views, None), Ok("Mine".into()));
        assert!(check_name("", &views, None).is_err());
        assert!(check_name(&"x".repeat(61), &views, None).is_err());
        assert!(check_name("idle", &views, None).unwrap_err().contains("already"));
        assert_eq!(check_name("IDLE", &views, Some("Idle")), Ok("IDLE".into()));

        let two = save(&views, SavedView::of("Active", &ListState::default(), ""), None).unwrap();
        assert_eq!(two.len(), 2);
        let renamed = save(&two, SavedView::of("Stale", &narrowed(), ""), Some("Idle")).unwrap();
        let names: Vec<&str> = renamed.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["Stale", "Active"]);
        assert_eq!(remove(&renamed, "Stale").len(), 1);

        let full: Vec<SavedView> = (0..MAX_VIEWS)
            .map(|i| SavedView::of(&format!("v{i}"), &ListState::default(), ""))
            .collect();
        assert!(save(&full, SavedView::of("one more", &narrowed(), ""), None).is_err());
        assert!(save(&full, SavedView::of("v3", &narrowed(), ""), None).is_ok());
    }
}
