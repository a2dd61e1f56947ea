//! The fault mode's settings and how they are written.

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
}
