//! Identifiers in the platform's shapes, and secrets from the OS CSPRNG.

/// Random bytes from the operating system's CSPRNG.
fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    // The OS generator failing is unrecoverable for a server that mints credentials.
    getrandom::fill(&mut buf).expect("the operating system's random generator is unavailable");
    buf
}

fn digits(n: usize) -> String {
    random_bytes::<16>()
        .iter()
        .take(n)
        .map(|b| char::from(b'0' + b % 10))
        .collect()
}

/// `PREFIX-1234-5678`.
pub fn two_part(prefix: &str) -> String {
    let d = digits(8);
    format!("{prefix}-{}-{}", &d[..4], &d[4..])
}

/// A new API token id, `TKN-1234-5678`.
pub fn token_id() -> String {
    two_part("TKN")
}

/// A new audit record id, `AUD-1234-5678-1234`.
pub fn audit_id() -> String {
    let d = digits(12);
    format!("AUD-{}-{}-{}", &d[..4], &d[4..8], &d[8..])
}

/// A random 256-bit key (for signing user access tokens).
pub fn random_key() -> Vec<u8> {
    random_bytes::<32>().to_vec()
}

/// An entity tag for stored content.
pub fn etag() -> String {
    format!("\"{}\"", hex(&random_bytes::<8>()))
}

/// A trace id for problem details.
pub fn trace_id() -> String {
    format!("00-{}-{}-00", hex(&random_bytes::<16>()), hex(&random_bytes::<8>()))
}

/// A token secret: `idt:TKN-…:` followed by 256 bits from the CSPRNG, base64url.
pub fn token_secret(token_id: &str) -> String {
    use base64::Engine;
    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<32>());
    format!("idt:{token_id}:{secret}")
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_the_platform_shapes() {
        let t = token_id();
        assert_eq!(t.len(), 13);
        assert!(t.starts_with("TKN-") && t.as_bytes()[8] == b'-');
        assert!(t[4..8].chars().chain(t[9..].chars()).all(|c| c.is_ascii_digit()));
        assert!(audit_id().starts_with("AUD-"));
    }

    #[test]
    fn secrets_are_long_and_distinct() {
        let a = token_secret("TKN-1111-2222");
        let b = token_secret("TKN-1111-2222");
        assert_ne!(a, b);
        assert!(a.len() >= "idt:TKN-1111-2222:".len() + 43);
    }
}
