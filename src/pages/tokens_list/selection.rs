//! The selected rows, kept by id until the page, filter or sort changes.

use crate::model::bulk::Target;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The list's selection, shared by the rows, the select-all box and the bulk bar.
#[derive(Clone, Copy)]
pub struct Selection(RwSignal<BTreeMap<String, Target>>);

impl Selection {
    /// Nothing selected.
    pub fn new() -> Selection {
        Selection(RwSignal::new(BTreeMap::new()))
    }

    /// Whether `id` is selected (tracked).
    pub fn contains(&self, id: &str) -> bool {
        self.0.with(|s| s.contains_key(id))
    }

    /// Whether every one of `ids` is selected, and there is one (tracked).
    pub fn has_all(&self, ids: &[String]) -> bool {
        self.0
            .with(|s| !ids.is_empty() && ids.iter().all(|id| s.contains_key(id)))
    }

    /// Selects (`on`) or unselects `targets`.
    pub fn set(&self, targets: &[Target], on: bool) {
        self.0.update(|s| {
            for t in targets {
                if on {
                    s.insert(t.id.clone(), t.clone());
                } else {
                    s.remove(&t.id);
                }
            }
        })
    }

    /// How many are selected (tracked).
    pub fn count(&self) -> usize {
        self.0.with(BTreeMap::len)
    }

    /// The selected tokens (tracked).
    pub fn targets(&self) -> Vec<Target> {
        self.0.with(|s| s.values().cloned().collect())
    }

    /// The selected tokens, not tracked (when acting on them).
    pub fn targets_untracked(&self) -> Vec<Target> {
        self.0.with_untracked(|s| s.values().cloned().collect())
    }

    /// Unselects everything.
    pub fn clear(&self) {
        self.0.set(BTreeMap::new());
    }
}

impl Default for Selection {
    fn default() -> Self {
        Self::new()
    }
}
