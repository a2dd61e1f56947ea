//! The tab list: one URL per tab, operable as a WAI-ARIA tab list
//! (arrows move between tabs, Home/End jump).

use super::token_path;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The details page's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Description, endpoint, token value.
    General,
    /// Modules granted.
    Modules,
    /// Dates and people.
    Details,
    /// Audit records.
    Audit,
}

impl Tab {
    /// Tabs in order.
    pub const ALL: [Tab; 4] = [Tab::General, Tab::Modules, Tab::Details, Tab::Audit];

    /// URL segment.
    pub fn slug(self) -> &'static str {
        match self {
            Tab::General => "general",
            Tab::Modules => "modules",
            Tab::Details => "details",
            Tab::Audit => "audit",
        }
    }

    /// Visible name.
    pub fn label(self) -> &'static str {
        match self {
            Tab::General => "General",
            Tab::Modules => "Modules",
            Tab::Details => "Details",
            Tab::Audit => "Audit trail",
        }
    }

    /// The tab a URL segment names; anything else (or none) is General.
    pub fn parse(segment: Option<&str>) -> Tab {
        Tab::ALL
            .into_iter()
            .find(|t| Some(t.slug()) == segment)
            .unwrap_or(Tab::General)
    }

    /// The tab `step` places away, wrapping around.
    pub fn step(self, step: isize) -> Tab {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0) as isize;
        let n = Tab::ALL.len() as isize;
        Tab::ALL
            .get((i + step).rem_euclid(n) as usize)
            .copied()
            .unwrap_or(Tab::General)
    }
}

fn focus_tab(tab: Tab) {
    request_animation_frame(move || {
        let el = document().get_element_by_id(&format!("tab-{}", tab.slug()));
        if let Some(el) = el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = el.focus();
        }
    });
}

/// The tabs of token `id`, `current` selected.
#[component]
pub fn TabList(id: String, #[prop(into)] current: Signal<Tab>) -> impl IntoView {
    let navigate = use_navigate();
    let links = crate::links::use_links();
    let id = StoredValue::new(id);
    let go = move |tab: Tab| {
        navigate(&token_path(&id.get_value(), tab.slug()), Default::default());
        focus_tab(tab);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let target = match ev.key().as_str() {
            "ArrowRight" => current.get_untracked().step(1),
            "ArrowLeft" => current.get_untracked().step(-1),
            "Home" => Tab::General,
            "End" => Tab::Audit,
            _ => return,
        };
        ev.prevent_default();
        go(target);
    };
    view! {
        <div role="tablist" aria-label="API token sections" class="tablist" on:keydown=on_key>
            {Tab::ALL
                .into_iter()
                .map(|tab| {
                    let selected = move || current.get() == tab;
                    view! {
                        <a
                            role="tab"
                            id=format!("tab-{}", tab.slug())
                            href=links.href(&token_path(&id.get_value(), tab.slug()))
                            aria-selected=move || selected().to_string()
                            aria-controls="token-tabpanel"
                            tabindex=move || if selected() { "0" } else { "-1" }
                            class:selected=selected
                            data-testid=format!("tab-{}", tab.slug())
                        >
                            {tab.label()}
                        </a>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_parse_and_wrap() {
        assert_eq!(Tab::parse(Some("audit")), Tab::Audit);
        assert_eq!(Tab::parse(Some("edit")), Tab::General);
        assert_eq!(Tab::parse(None), Tab::General);
        assert_eq!(Tab::General.step(-1), Tab::Audit);
        assert_eq!(Tab::Audit.step(1), Tab::General);
    }
}
