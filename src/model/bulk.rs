//! One change run on several tokens, one after another, with a result per
//! token. Pure: the API call is passed in, so the runner is tested natively.

use super::token_action::{Change, TokenStatus};
use std::future::Future;

/// A selected token, as it was when selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `TKN-…`
    pub id: String,
    /// For the messages.
    pub name: String,
    /// Decides whether the change applies.
    pub status: TokenStatus,
}

/// What happened to one token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Not applicable to the token's status, so not sent.
    Skipped,
    /// Read again right before, the token was already past the change
    /// (someone else made it), so nothing was sent; says so ("Already
    /// disabled by Ana").
    Already(String),
    /// The API refused; the message says why.
    Failed(String),
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkResult {
    pub target: Target,
    /// What happened to it.
    pub outcome: Outcome,
}

impl BulkResult {
    /// The report's line: `Name (TKN-…) — disabled`.
    pub fn line(&self, change: Change) -> String {
        let what = match &self.outcome {
            Outcome::Done => change.done().to_string(),
            Outcome::Skipped => format!("skipped: cannot be {}", change.done()),
            Outcome::Already(said) => lowercase_first(said),
            Outcome::Failed(why) => format!("failed: {why}"),
        };
        format!("{} ({}) — {what}", self.target.name, self.target.id)
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What the call for one token did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acted {
    /// Made the change.
    Done,
    /// Sent nothing: the token was already past it; says so.
    Already(String),
}

/// Why the call for one token did not make the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotDone {
    /// What to tell.
    pub why: String,
    /// The API asked for a pause (busy): the tokens after this one are not
    /// sent, rather than sent into the same refusal.
    pub pause: bool,
}

/// The report's reason for the tokens left unsent after a pause.
const PAUSED: &str = "not sent: the API asked for a pause; try again in a moment";

/// The targets `change` applies to, and those it skips.
pub fn split_applicable(change: Change, targets: &[Target]) -> (Vec<Target>, Vec<Target>) {
    targets.iter().cloned().partition(|t| change.applies_to(t.status))
}

/// What the confirmation says before `change` runs on `targets`.
pub fn confirmation(change: Change, targets: &[Target]) -> String {
    let (apply, skip) = split_applicable(change, targets);
    let names: Vec<&str> = apply.iter().map(|t| t.name.as_str()).collect();
    let mut text = format!("{} {} API token(s): {}.", change.label(), apply.len(), names.join(", "));
    if !skip.is_empty() {
        text.push_str(&format!(
            " {} selected token(s) will be skipped: they cannot be {}.",
            skip.len(),
            change.done()
        ));
    }
    if change.is_destructive() {
        text.push_str(" Deleting cannot be undone.");
    }
    text
}

/// Runs `change` on every applicable target, one at a time, with `act`
/// (for one id: the re-check and the API call); applicable tokens first,
/// then the skipped. After a pause the API asked for, nothing more is sent.
pub async fn run<F, Fut>(change: Change, targets: &[Target], act: F) -> Vec<BulkResult>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<Acted, NotDone>>,
{
    let (apply, skip) = split_applicable(change, targets);
    let mut results = Vec::with_capacity(targets.len());
    let mut paused = false;
    for target in apply {
        let outcome = if paused {
            Outcome::Failed(PAUSED.into())
        } else {
            match act(target.id.clone()).await {
                Ok(Acted::Done) => Outcome::Done,
                Ok(Acted::Already(said)) => Outcome::Already(said),
                Err(NotDone { why, pause }) => {
                    paused = pause;
                    Outcome::Failed(why)
                }
            }
        };
        results.push(BulkResult { target, outcome });
    }
    results.extend(skip.into_iter().map(|target| BulkResult {
        target,
        outcome: Outcome::Skipped,
    }));
    results
}

/// The tokens the change was made to: exactly what an undo changes back.
pub fn changed(results: &[BulkResult]) -> Vec<Target> {
    results
        .iter()
        .filter(|r| r.outcome == Outcome::Done)
        .map(|r| r.target.clone())
        .collect()
}

/// The tokens someone else had already changed, as the report says them.
pub fn already(results: &[BulkResult]) -> usize {
    results
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Already(_)))
        .count()
}

/// `(done, failed)` counts of a report.
pub fn tally(results: &[BulkResult]) -> (usize, usize) {
    let done = results.iter().filter(|r| r.outcome == Outcome::Done).count();
    let failed = results
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
        .count();
    (done, failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    fn target(id: &str, status: TokenStatus) -> Target {
        Target {
            id: id.into(),
            name: format!("Token {id}"),
            status,
        }
    }

    /// Polls a future whose every await is ready (the runner with a stand-in API).
    fn ready<T>(fut: impl Future<Output = T>) -> T {
        let mut fut = pin!(fut);
        match fut.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(v) => v,
            Poll::Pending => panic!("the stand-in API answers at once"),
        }
    }

    /// Disables `targets` against a stand-in API that answers `answer(id)`;
    /// the ids sent, in order, and the report.
    fn disable_recorded(
        targets: &[Target],
        answer: impl Fn(&str) -> Result<Acted, NotDone>,
    ) -> (Vec<String>, Vec<BulkResult>) {
        let sent = RefCell::new(Vec::new());
        let results = ready(run(Change::Disable, targets, |id| {
            sent.borrow_mut().push(id.clone());
            let answer = answer(&id);
            async move { answer }
        }));
        (sent.into_inner(), results)
    }

    #[test]
    fn only_applicable_tokens_are_sent_and_each_gets_its_outcome() {
        let targets = [
            target("A", TokenStatus::Active),
            target("D", TokenStatus::Disabled),
            target("B", TokenStatus::Active),
            target("C", TokenStatus::Active),
        ];
        let (sent, results) = disable_recorded(&targets, |id| match id {
            "B" => Err(NotDone {
                why: "Forbidden: not yours".into(),
                pause: false,
            }),
            "C" => Ok(Acted::Already("Already disabled by Ana".into())),
            _ => Ok(Acted::Done),
        });
        assert_eq!(sent, ["A", "B", "C"], "one at a time, skipped ones never sent");
        let outcomes: Vec<(&str, &Outcome)> = results.iter().map(|r| (r.target.id.as_str(), &r.outcome)).collect();
        assert_eq!(
            outcomes,
            [
                ("A", &Outcome::Done),
                ("B", &Outcome::Failed("Forbidden: not yours".into())),
                ("C", &Outcome::Already("Already disabled by Ana".into())),
                ("D", &Outcome::Skipped)
            ]
        );
        assert_eq!(tally(&results), (1, 1));
        assert_eq!(already(&results), 1);
        // An undo changes back exactly the token that changed (not C, which
        // someone else disabled).
        assert_eq!(changed(&results), [target("A", TokenStatus::Active)]);
        assert_eq!(results[0].line(Change::Disable), "Token A (A) — disabled");
        assert_eq!(
            results[2].line(Change::Disable),
            "Token C (C) — already disabled by Ana"
        );
        assert_eq!(
            results[3].line(Change::Disable),
            "Token D (D) — skipped: cannot be disabled"
        );
    }

    #[test]
    fn after_a_pause_the_api_asked_for_nothing_more_is_sent() {
        let targets = [
            target("A", TokenStatus::Active),
            target("B", TokenStatus::Active),
            target("C", TokenStatus::Active),
        ];
        let (sent, results) = disable_recorded(&targets, |id| match id {
            "B" => Err(NotDone {
                why: "The API is busy".into(),
                pause: true,
            }),
            _ => Ok(Acted::Done),
        });
        assert_eq!(sent, ["A", "B"], "C is not sent into the same refusal");
        assert_eq!(tally(&results), (1, 2));
        assert_eq!(results[2].outcome, Outcome::Failed(PAUSED.into()));
        assert_eq!(changed(&results), [target("A", TokenStatus::Active)]);
    }

    #[test]
    fn the_confirmation_names_the_tokens_the_skipped_and_the_risk() {
        let targets = [target("A", TokenStatus::Active), target("D", TokenStatus::Disabled)];
        assert_eq!(
            confirmation(Change::Enable, &targets),
            "Enable 1 API token(s): Token D. 1 selected token(s) will be skipped: they cannot be enabled."
        );
        assert!(confirmation(Change::Delete, &targets).ends_with("Token A, Token D. Deleting cannot be undone."));
    }
}
