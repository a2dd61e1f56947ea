//! Keyboard-only driving.

use super::Browser;

/// Keyboard-only driving: keys go to whatever has focus, as a person's would.
impl Browser {
    /// Presses and releases each key in turn (`Key` codes or plain characters).
    pub async fn keys(&self, keys: impl IntoIterator<Item = char>) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".into());
        for key in keys {
            actions = actions
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key });
        }
        self.client.perform_actions(actions).await.expect("key actions");
    }

    /// Presses one key.
    pub async fn press(&self, key: fantoccini::key::Key) {
        self.keys([char::from(key)]).await;
    }

    /// Whether the focused element matches `css`.
    pub async fn focused_is(&self, css: &str) -> bool {
        let css = serde_json::to_string(css).expect("selector as JSON");
        self.js(&format!(
            "const a = document.activeElement; return !!a && a.matches({css});"
        ))
        .await
        .as_bool()
        .unwrap_or(false)
    }

    /// Presses Tab until the focused element matches `css` (at most 60 times).
    pub async fn tab_to(&self, css: &str) {
        for _ in 0..60 {
            if self.focused_is(css).await {
                return;
            }
            self.press(fantoccini::key::Key::Tab).await;
        }
        let at = self
            .js("const a = document.activeElement; return a ? a.outerHTML.slice(0, 200) : null")
            .await;
        panic!("Tab never reached {css}; focus is on {at}");
    }
}
