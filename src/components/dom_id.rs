//! Element ids that are unique in the document, for the `for`,
//! `aria-labelledby` and `aria-controls` of widgets that appear many times.

use std::cell::Cell;

thread_local! {
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// A new id starting with `prefix` (`dialog-7`), never the same twice.
pub fn dom_id(prefix: &str) -> String {
    let n = NEXT.with(|c| {
        let n = c.get().wrapping_add(1);
        c.set(n);
        n
    });
    format!("{prefix}-{n}")
}
