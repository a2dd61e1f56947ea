//! Dates and times in the user's language. Browsers report languages Intl
//! refuses (WebKitGTK says `C` under Debian's `C.UTF-8`; others say `en_US`,
//! or nothing), and a refusal is a JavaScript exception that would unwind
//! through a render. So each candidate is checked, every call into Intl is
//! made through `Reflect` (which turns exceptions into `Err`), and the chain
//! ends in the browser's default, then `en`, then a plain UTC format: a date
//! always renders. Formatters are made once and reused.

use crate::model::format::format_instant;
use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// Whether `tag` has the shape of a BCP 47 language tag (`en`, `de-CH`,
/// `zh-Hant-TW`); `C`, `C.UTF-8`, `en_US` and `` do not.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    let lang_ok = matches!(language.len(), 2 | 3 | 5..=8) && language.bytes().all(|b| b.is_ascii_alphabetic());
    lang_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The languages to try, in order: those the browser reports that look
/// usable, then the browser's default (`None`), then `en`.
pub fn candidates(reported: &[String]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = Vec::new();
    for tag in reported.iter().map(|t| t.trim()).filter(|t| is_language_tag(t)) {
        if !out.iter().any(|c| c.as_deref() == Some(tag)) {
            out.push(Some(tag.to_string()));
        }
    }
    out.push(None);
    out.push(Some("en".into()));
    out
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let obj = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&obj, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    obj.into()
}

/// `new Intl.DateTimeFormat(locale, options).format`, or why not.
fn formatter(locale: Option<&str>, opts: &JsValue) -> Result<Function, JsValue> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into())?;
    let ctor: Function = Reflect::get(&intl, &"DateTimeFormat".into())?.dyn_into()?;
    let locales = match locale {
        Some(l) => Array::of1(&JsValue::from_str(l)).into(),
        None => JsValue::UNDEFINED,
    };
    let fmt = Reflect::construct(&ctor, &Array::of2(&locales, opts))?;
    let format: Function = Reflect::get(&fmt, &"format".into())?.dyn_into()?;
    // A trial run: some engines accept a locale and fail only when formatting.
    format.call1(&JsValue::UNDEFINED, &js_sys::Date::new_0())?;
    Ok(format)
}

/// A date formatter and a time formatter that work, when Intl gives any.
pub struct Formatters {
    day: Option<Function>,
    time: Option<Function>,
    /// The language chosen (`None`: the browser's default, or no Intl at all).
    pub language: Option<String>,
}

impl Formatters {
    /// Formatters for the first of `reported`'s languages Intl accepts.
    pub fn for_languages(reported: &[String]) -> Formatters {
        let day_opts = options(&[("day", "numeric"), ("month", "short"), ("year", "numeric")]);
        let time_opts = options(&[("hour", "2-digit"), ("minute", "2-digit")]);
        for candidate in candidates(reported) {
            let loc = candidate.as_deref();
            if let (Ok(day), Ok(time)) = (formatter(loc, &day_opts), formatter(loc, &time_opts)) {
                return Formatters {
                    day: Some(day),
                    time: Some(time),
                    language: candidate,
                };
            }
        }
        Formatters {
            day: None,
            time: None,
            language: None,
        }
    }

    /// `("15 Apr 2023", "12:34")`; without Intl, the UTC date and time.
    pub fn date_time(&self, ms: i64) -> (String, String) {
        let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
        let run = |f: &Option<Function>| {
            f.as_ref()
                .and_then(|f| f.call1(&JsValue::UNDEFINED, &date).ok())
                .and_then(|v| v.as_string())
        };
        match (run(&self.day), run(&self.time)) {
            (Some(d), Some(t)) => (d, t),
            _ => {
                let iso = format_instant(ms);
                (
                    iso.get(..10).unwrap_or_default().to_string(),
                    format!("{} UTC", iso.get(11..16).unwrap_or_default()),
                )
            }
        }
    }
}

/// The languages the browser reports (`navigator.languages`, `navigator.language`), read without trusting them.
pub fn reported_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Reflect::get(&nav, &"languages".into())
        .ok()
        .filter(Array::is_array)
        .map(|v| Array::from(&v).iter().filter_map(|l| l.as_string()).collect())
        .unwrap_or_default();
    if let Some(l) = Reflect::get(&nav, &"language".into()).ok().and_then(|v| v.as_string()) {
        out.push(l);
    }
    out
}

thread_local! {
    static BROWSER: RefCell<Option<std::rc::Rc<Formatters>>> = const { RefCell::new(None) };
}

/// The formatters for the browser's languages, made once.
pub fn browser_formatters() -> std::rc::Rc<Formatters> {
    BROWSER.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| std::rc::Rc::new(Formatters::for_languages(&reported_languages())))
            .clone()
    })
}

/// Makes the formatters in a task of their own, soon: Intl takes a few
/// milliseconds to build them, better spent while a page waits for the API
/// than in the task that shows the first dates.
pub fn warm_formatters() {
    leptos::prelude::set_timeout(|| drop(browser_formatters()), std::time::Duration::ZERO);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tag_shaped_languages_are_tried_then_the_default_then_en() {
        for good in ["en", "de-CH", "zh-Hant-TW", "es-419", "fil"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "C",
            "C.UTF-8",
            "en_US",
            "",
            "  ",
            "-",
            "en-",
            "e",
            "toolonglanguage",
            "ü",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
        let reported: Vec<String> = ["C", "de-CH", "C.UTF-8", "de-CH", "en_US"].map(String::from).to_vec();
        assert_eq!(
            candidates(&reported),
            [Some("de-CH".to_string()), None, Some("en".to_string())]
        );
        assert_eq!(candidates(&[]), [None, Some("en".to_string())]);
    }
}
