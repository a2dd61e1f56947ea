//! The selected rows. A selection belongs to the list state it was made in
//! (page, search, filters, sort): under another one it is empty, with
//! nothing to reset. A refresh of the same list keeps it. Each row reads a
//! flag of its own, so checking one row re-runs that row alone; the count,
//! the select-all box and the bulk bar read the set of selected tokens.

use crate::model::bulk::Target;
use crate::model::list_state::ListState;
use leptos::prelude::*;

/// The selected tokens of one list state, in the order of their ids, one
/// per id (a sorted `Vec`: a page of rows needs no map, and the main module
/// then carries no B-tree code).
type Chosen = (ListState, Vec<Target>);
/// The rows' own flags, by token id (sorted), for one list state.
type Flags = (ListState, Vec<(String, ArcRwSignal<bool>)>);

/// The list's selection, shared by the rows, the select-all box and the bulk bar.
#[derive(Clone, Copy)]
pub struct Selection {
    /// The list state shown now.
    state: Signal<ListState>,
    chosen: RwSignal<Chosen>,
    flags: StoredValue<Flags, LocalStorage>,
}

impl Selection {
    /// Nothing selected, in a list whose current state is `state`.
    pub fn new(state: impl Into<Signal<ListState>>) -> Selection {
        let state = state.into();
        let now = state.get_untracked();
        Selection {
            state,
            chosen: RwSignal::new((now.clone(), Vec::new())),
            flags: StoredValue::new_local((now, Vec::new())),
        }
    }

    /// Reads the selected tokens of the current state (tracked).
    fn with_chosen<R>(&self, f: impl FnOnce(&[Target]) -> R) -> R {
        let state = self.state.get();
        self.chosen
            .with(|(made_in, chosen)| if *made_in == state { f(chosen) } else { f(&[]) })
    }

    /// The flag of the row of token `id`: whether it is selected (the row's own signal).
    pub fn flag(&self, id: &str) -> ArcRwSignal<bool> {
        let state = self.state.get_untracked();
        self.flags
            .try_update_value(|(made_in, flags)| {
                if *made_in != state {
                    *made_in = state;
                    flags.clear();
                }
                match flags.binary_search_by(|(flagged, _)| flagged.as_str().cmp(id)) {
                    Ok(at) => flags.get(at).map(|(_, flag)| flag.clone()).unwrap_or_default(),
                    Err(at) => {
                        let flag = ArcRwSignal::new(false);
                        flags.insert(at, (id.to_string(), flag.clone()));
                        flag
                    }
                }
            })
            .unwrap_or_default()
    }

    /// Whether every one of `ids` is selected, and there is one (tracked).
    pub fn has_all(&self, ids: &[String]) -> bool {
        self.with_chosen(|s| !ids.is_empty() && ids.iter().all(|id| position(s, id).is_ok()))
    }

    /// Selects (`on`) or unselects `targets`.
    pub fn set(&self, targets: &[Target], on: bool) {
        let state = self.state.get_untracked();
        self.chosen.update(|(made_in, chosen)| {
            if *made_in != state {
                *made_in = state.clone();
                chosen.clear();
            }
            for t in targets {
                match (position(chosen, &t.id), on) {
                    (Ok(at), true) => {
                        if let Some(kept) = chosen.get_mut(at) {
                            *kept = t.clone();
                        }
                    }
                    (Err(at), true) => chosen.insert(at, t.clone()),
                    (Ok(at), false) => {
                        chosen.remove(at);
                    }
                    (Err(_), false) => {}
                }
            }
        });
        for t in targets {
            self.flag(&t.id).set(on);
        }
    }

    /// How many are selected (tracked).
    pub fn count(&self) -> usize {
        self.with_chosen(<[Target]>::len)
    }

    /// The selected tokens (tracked).
    pub fn targets(&self) -> Vec<Target> {
        self.with_chosen(<[Target]>::to_vec)
    }

    /// The selected tokens, not tracked (when acting on them).
    pub fn targets_untracked(&self) -> Vec<Target> {
        untrack(|| self.targets())
    }

    pub fn clear(&self) {
        let state = self.state.get_untracked();
        self.chosen.set((state, Vec::new()));
        self.flags.with_value(|(_, flags)| {
            for (_, flag) in flags {
                flag.set(false);
            }
        });
    }
}

/// Where token `id` is in `chosen` (sorted by id), or where it would go.
fn position(chosen: &[Target], id: &str) -> Result<usize, usize> {
    chosen.binary_search_by(|t| t.id.as_str().cmp(id))
}
