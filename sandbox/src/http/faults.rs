//! Fault mode: a share of API requests answered badly, to see the console cope.
//!
//! `--faults rate=0.3,kinds=slow+error+drop+malformed,latency=1500,seed=7` (or
//! `SANDBOX_FAULTS`). Each API request is faulty with probability `rate`; a faulty
//! one gets one of the `kinds`:
//! - `slow`: answered normally after `latency` milliseconds;
//! - `error`: a 500 problem, without being handled;
//! - `drop`: the connection is cut after the status line, without being handled;
//! - `malformed`: a read (`GET`) is handled and its JSON cut in half. Writes
//!   never get this one: a fault never half-applies a change, so retrying is
//!   always what a user may do;
//! - `busy`: `429 Too Many Requests` with `Retry-After: <retry>` seconds,
//!   without being handled;
//! - `unavailable`: `503 Service Unavailable`, likewise.
//!
//! `count=n` ends the mode after `n` faulty answers. Tests switch the mode
//! at run time with `PUT /__sandbox/faults` (the same text; empty: off) and
//! read which API requests reached the sandbox at `GET /__sandbox/requests`.

use super::problem::Problem;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One way of answering badly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Late but correct.
    Slow,
    /// 500 Internal Server Error, nothing done.
    Error,
    /// Connection cut, nothing done.
    Drop,
    /// A read's JSON cut short.
    Malformed,
    /// 429 with `Retry-After`, nothing done.
    Busy,
    /// 503 with `Retry-After`, nothing done.
    Unavailable,
}

impl Kind {
    fn parse(s: &str) -> Result<Kind, String> {
        match s {
            "slow" => Ok(Kind::Slow),
            "error" => Ok(Kind::Error),
            "drop" => Ok(Kind::Drop),
            "malformed" => Ok(Kind::Malformed),
            "busy" => Ok(Kind::Busy),
            "unavailable" => Ok(Kind::Unavailable),
            _ => Err(format!(
                "unknown fault kind {s:?} (slow, error, drop, malformed, busy, unavailable)"
            )),
        }
    }
}

/// The fault mode's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Faults {
    /// Share of requests that are faulty, 0 to 1.
    pub rate: f64,
    /// The kinds to pick from.
    pub kinds: Vec<Kind>,
    /// Delay of a slow answer.
    pub latency: Duration,
    /// Seed of the random choices (reproducible runs).
    pub seed: u64,
    /// `Retry-After` of `busy` and `unavailable`, in seconds.
    pub retry: u64,
    /// How many faulty answers before the mode ends (`None`: never).
    pub count: Option<u64>,
    /// Which requests may be faulty.
    pub on: Target,
}

/// The requests a fault mode touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Every request.
    All,
    /// `GET` only.
    Reads,
    /// Everything but `GET`.
    Writes,
}

impl Faults {
    /// Parses `rate=…,kinds=a+b,latency=ms,seed=n,retry=s,count=n,on=all|reads|writes`;
    /// missing keys take defaults (rate 0.2, the first four kinds, 1500 ms,
    /// seed from the clock, retry 2 s, no count, all requests).
    pub fn parse(spec: &str) -> Result<Faults, String> {
        let mut faults = Faults {
            rate: 0.2,
            kinds: vec![Kind::Slow, Kind::Error, Kind::Drop, Kind::Malformed],
            latency: Duration::from_millis(1500),
            seed: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1),
            retry: 2,
            count: None,
            on: Target::All,
        };
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| format!("fault setting {part:?} is not key=value"))?;
            let bad = |e: &dyn std::fmt::Display| format!("fault setting {key}: {e}");
            match key.trim() {
                "rate" => {
                    faults.rate = value.trim().parse::<f64>().map_err(|e| bad(&e))?;
                    if !(0.0..=1.0).contains(&faults.rate) {
                        return Err(bad(&"must be between 0 and 1"));
                    }
                }
                "kinds" => {
                    faults.kinds = value
                        .split('+')
                        .map(|k| Kind::parse(k.trim()))
                        .collect::<Result<_, _>>()?;
                    if faults.kinds.is_empty() {
                        return Err(bad(&"name at least one kind"));
                    }
                }
                "latency" => {
                    faults.latency = Duration::from_millis(value.trim().parse().map_err(|e| bad(&e))?);
                }
                "seed" => faults.seed = value.trim().parse().map_err(|e| bad(&e))?,
                "retry" => faults.retry = value.trim().parse().map_err(|e| bad(&e))?,
                "count" => faults.count = Some(value.trim().parse().map_err(|e| bad(&e))?),
                "on" => {
                    faults.on = match value.trim() {
                        "all" => Target::All,
                        "reads" => Target::Reads,
                        "writes" => Target::Writes,
                        _ => return Err(bad(&"all, reads or writes")),
                    }
                }
                other => {
                    return Err(format!(
                        "unknown fault setting {other:?} (rate, kinds, latency, seed, retry, count, on)"
                    ))
                }
            }
        }
        Ok(faults)
    }
}

/// The fault mode at run time: the settings (none: off), the faulty
/// answers left, and the random state.
#[derive(Default)]
pub struct Injector {
    mode: Mutex<Option<(Faults, Option<u64>)>>,
    state: AtomicU64,
}

impl Injector {
    /// An injector for `faults` (`None`: off until [`Injector::set`]).
    pub fn new(faults: Option<Faults>) -> Arc<Injector> {
        let injector = Injector::default();
        injector.set(faults);
        Arc::new(injector)
    }

    /// Switches to `faults` (`None`: off), its random choices from its seed.
    pub fn set(&self, faults: Option<Faults>) {
        if let Some(f) = &faults {
            self.state.store(f.seed | 1, Ordering::Relaxed);
        }
        if let Ok(mut mode) = self.mode.lock() {
            *mode = faults.map(|f| {
                let left = f.count;
                (f, left)
            });
        }
    }

    /// The next pseudo-random number in [0, 1) (xorshift64*).
    fn next(&self) -> f64 {
        let mut x = self.state.load(Ordering::Relaxed);
        loop {
            let mut y = x;
            y ^= y >> 12;
            y ^= y << 25;
            y ^= y >> 27;
            match self
                .state
                .compare_exchange_weak(x, y, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return (y.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64,
                Err(seen) => x = seen,
            }
        }
    }

    /// The fault for a request with `method`, if it gets one, with the
    /// settings it is answered by.
    pub fn pick(&self, method: &Method) -> Option<(Kind, Faults)> {
        let mut mode = self.mode.lock().ok()?;
        let (faults, left) = mode.as_mut()?;
        let read = method == Method::GET;
        let touched = match faults.on {
            Target::All => true,
            Target::Reads => read,
            Target::Writes => !read,
        };
        if !touched || *left == Some(0) || self.next() >= faults.rate {
            return None;
        }
        let kinds: Vec<Kind> = faults
            .kinds
            .iter()
            .copied()
            .filter(|k| read || *k != Kind::Malformed)
            .collect();
        let i = (self.next() * kinds.len() as f64) as usize;
        let kind = kinds.get(i).or(kinds.last()).copied()?;
        if let Some(n) = left {
            *n = n.saturating_sub(1);
        }
        Some((kind, faults.clone()))
    }
}

/// A refusal with `Retry-After`, as a rate limit or an overloaded server sends it.
fn refusal(status: StatusCode, title: &str, detail: &str, retry: u64) -> Response {
    let mut res = Problem::new(status, title, detail).into_response();
    if let Ok(value) = HeaderValue::from_str(&retry.to_string()) {
        res.headers_mut().insert(header::RETRY_AFTER, value);
    }
    res
}

/// Middleware on the API: applies the fault mode to each request.
pub async fn inject(State(injector): State<Arc<Injector>>, req: Request, next: Next) -> Response {
    let Some((kind, faults)) = injector.pick(req.method()) else {
        return next.run(req).await;
    };
    tracing::info!(fault = ?kind, method = %req.method(), path = req.uri().path(), "injected fault");
    match kind {
        Kind::Slow => {
            tokio::time::sleep(faults.latency).await;
            next.run(req).await
        }
        Kind::Busy => refusal(
            StatusCode::TOO_MANY_REQUESTS,
            "Too Many Requests",
            "The rate limit was reached; try again later.",
            faults.retry,
        ),
        Kind::Unavailable => refusal(
            StatusCode::SERVICE_UNAVAILABLE,
            "Service Unavailable",
            "The service is temporarily unavailable; try again later.",
            faults.retry,
        ),
        Kind::Error => Problem::internal("injected fault").into_response(),
        Kind::Drop => {
            let cut = futures_util::stream::once(async {
                Err::<axum::body::Bytes, std::io::Error>(std::io::Error::other("injected fault: connection dropped"))
            });
            (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                Body::from_stream(cut),
            )
                .into_response()
        }
        Kind::Malformed => {
            let res = next.run(req).await;
            let (mut parts, body) = res.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
            let half = bytes.slice(..bytes.len() / 2);
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(half))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_parse_with_defaults_and_refuse_nonsense() {
        let f = Faults::parse("rate=0.5,kinds=error+drop,latency=10,seed=3").unwrap();
        assert_eq!(f.rate, 0.5);
        assert_eq!(f.kinds, [Kind::Error, Kind::Drop]);
        assert_eq!(f.latency, Duration::from_millis(10));
        assert_eq!(f.seed, 3);
        assert_eq!(Faults::parse("").unwrap().kinds.len(), 4);
        let busy = Faults::parse("kinds=busy+unavailable,retry=5,count=1").unwrap();
        assert_eq!(busy.kinds, [Kind::Busy, Kind::Unavailable]);
        assert_eq!((busy.retry, busy.count), (5, Some(1)));
        assert!(Faults::parse("count=-1").is_err());
        assert!(Faults::parse("rate=2").is_err());
        assert!(Faults::parse("kinds=explode").is_err());
        assert!(Faults::parse("speed=1").is_err());
        assert!(Faults::parse("rate").is_err());
    }

    #[test]
    fn the_rate_is_honoured_and_writes_are_never_malformed() {
        let injector = Injector::new(Some(Faults::parse("rate=0.3,kinds=malformed+error,seed=42").unwrap()));
        let picks: Vec<_> = (0..10_000)
            .map(|_| injector.pick(&Method::POST).map(|(k, _)| k))
            .collect();
        let faulty = picks.iter().filter(|p| p.is_some()).count();
        assert!((2_500..3_500).contains(&faulty), "{faulty} faults in 10000");
        assert!(picks.iter().flatten().all(|k| *k == Kind::Error));
        assert!(Injector::new(Some(Faults::parse("rate=0").unwrap()))
            .pick(&Method::GET)
            .is_none());
        let all = Injector::new(Some(Faults::parse("rate=1,kinds=malformed").unwrap()));
        assert_eq!(all.pick(&Method::GET).map(|(k, _)| k), Some(Kind::Malformed));
    }

    #[test]
    fn a_counted_mode_ends_after_its_faults_and_can_be_switched_at_run_time() {
        let injector = Injector::new(None);
        assert!(injector.pick(&Method::GET).is_none(), "off");
        injector.set(Some(Faults::parse("rate=1,kinds=busy,retry=3,count=2").unwrap()));
        let (kind, faults) = injector.pick(&Method::POST).unwrap();
        assert_eq!((kind, faults.retry), (Kind::Busy, 3));
        assert!(injector.pick(&Method::GET).is_some());
        assert!(injector.pick(&Method::GET).is_none(), "two faults, then none");
        injector.set(None);
        assert!(injector.pick(&Method::GET).is_none());
    }

    #[test]
    fn a_mode_on_writes_leaves_reads_alone_and_the_reverse() {
        let writes = Injector::new(Some(
            Faults::parse("rate=1,kinds=unavailable,on=writes,count=1").unwrap(),
        ));
        assert!(
            writes.pick(&Method::GET).is_none(),
            "a read passes and does not use up the count"
        );
        assert_eq!(writes.pick(&Method::POST).map(|(k, _)| k), Some(Kind::Unavailable));
        assert!(writes.pick(&Method::POST).is_none(), "counted");
        let reads = Injector::new(Some(Faults::parse("rate=1,kinds=busy,on=reads").unwrap()));
        assert!(reads.pick(&Method::PUT).is_none());
        assert!(reads.pick(&Method::GET).is_some());
        assert!(Faults::parse("on=sometimes").is_err());
    }
}
