//! axe-core, injected into the page.

use super::{workspace_root, Browser};
use std::sync::OnceLock;

/// axe-core's browser bundle (npm, installed by scripts/setup.sh).
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = workspace_root().join("tools/node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (scripts/setup.sh installs axe-core)", path.display()))
    })
}

impl Browser {
    /// Runs axe-core (WCAG 2.x A and AA rules plus best practices) on the
    /// page as it is now and returns one line per violation.
    pub async fn axe_violations(&self) -> Vec<String> {
        self.client
            .execute(&format!("if (!window.axe) {{ {} }} return true;", axe_source()), vec![])
            .await
            .expect("inject axe-core");
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   axe.run(document, { resultTypes: ["violations"] })
                     .then(r => done(r.violations.map(v =>
                        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)))
                     .catch(e => done(["axe failed: " + e]));"#,
                vec![],
            )
            .await
            .expect("run axe-core");
        result
            .as_array()
            .map(|a| a.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect())
            .unwrap_or_else(|| vec![format!("unexpected axe result {result}")])
    }

    /// Fails the test with axe-core's findings on the page as it is now.
    /// (Not retried: a state caught mid-change is a state users see too.
    /// The loading skeleton's label and a reload's dimmed rows were found so.)
    pub async fn expect_accessible(&self, what: &str) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "{what}: axe-core found\n{}",
            violations.join("\n")
        );
    }
}
