//! Add's and Edit's one submit path: check the values, send them, put the
//! API's field errors on their fields and show the step of the first one;
//! anything else is a form-level message. Nothing entered is ever cleared.

use super::{server_errors, step_of, Field, FormErrors, Step, TokenForm};
use crate::api::tokens::TokenDraft;
use crate::api::{ApiError, ApiToken};
use leptos::prelude::*;
use std::future::Future;

/// The messages a failed send leaves on the form; `verb` is the button's
/// label, for the message after the API refused the session's token.
pub fn failure_messages(e: &ApiError, verb: &str) -> FormErrors {
    match e {
        // The sign-in dialog opens over the form; this says what to do after.
        ApiError::Unauthorized(_) => [(Field::Form, format!("Sign in again, then press {verb} once more."))].into(),
        _ => server_errors(e),
    }
}

/// A form's submit: one send at a time.
#[derive(Clone, Copy)]
pub struct Submit {
    action: Action<TokenDraft, ()>,
    form: TokenForm,
    show_step: Callback<Step>,
}

impl Submit {
    /// Sends with `send`; `show_step` moves the form to a step with an
    /// error; `on_saved` gets the token the API answered with. A `send`
    /// that answers `Ok(None)` sent nothing and showed why itself (Edit's
    /// conflict with someone else's change).
    pub fn new<F, Fut>(
        form: TokenForm,
        verb: &'static str,
        send: F,
        show_step: Callback<Step>,
        on_saved: Callback<ApiToken>,
    ) -> Submit
    where
        F: Fn(TokenDraft) -> Fut + 'static,
        Fut: Future<Output = Result<Option<ApiToken>, ApiError>> + 'static,
    {
        let action = Action::new_local(move |draft: &TokenDraft| {
            let sent = send(draft.clone());
            async move {
                match sent.await {
                    // The form may be gone meanwhile (its page loaded again).
                    Ok(Some(token)) => {
                        on_saved.try_run(token);
                    }
                    Ok(None) => {}
                    Err(e) => {
                        let errors = failure_messages(&e, verb);
                        if let Some(step) = step_of(&errors) {
                            show_step.run(step);
                        }
                        form.errors.set(errors);
                    }
                }
            }
        });
        Submit {
            action,
            form,
            show_step,
        }
    }

    /// Checks and sends the values, unless a send is under way.
    pub fn run(&self) {
        if self.action.pending().get_untracked() {
            return;
        }
        match self.form.values().check() {
            Ok(draft) => {
                self.form.errors.set(FormErrors::new());
                self.action.dispatch_local(draft);
            }
            Err(errors) => {
                if let Some(step) = step_of(&errors) {
                    self.show_step.run(step);
                }
                self.form.errors.set(errors);
            }
        }
    }

    /// Whether a send is under way (tracked).
    pub fn pending(&self) -> Memo<bool> {
        self.action.pending()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_session_says_how_to_go_on_and_other_failures_keep_their_words() {
        let refused = ApiError::from_response(401, r#"{"title":"Unauthorized","status":401}"#);
        assert_eq!(
            failure_messages(&refused, "Save")[&Field::Form],
            "Sign in again, then press Save once more."
        );
        let offline = failure_messages(&ApiError::Network("offline".into()), "Add");
        assert!(offline[&Field::Form].contains("could not be reached"));
        let forbidden = ApiError::from_response(403, r#"{"title":"Forbidden","detail":"Operations only."}"#);
        assert!(failure_messages(&forbidden, "Add")[&Field::Form].contains("refused this with these credentials"));
    }
}
