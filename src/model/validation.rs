//! Client-side checks that mirror the API's limits, so people learn about a
//! problem at the field before anything is sent. Pure: tested natively.

/// Longest token name, in characters, after trimming.
pub const NAME_MAX: usize = 100;
/// Longest description, in characters, after trimming.
pub const DESCRIPTION_MAX: usize = 500;
/// Largest logo file accepted.
pub const LOGO_MAX_BYTES: usize = 5 * 1024 * 1024;
/// Longest side of a logo after scaling down in the browser.
pub const LOGO_MAX_SIDE: u32 = 256;

/// Characters of `s` (what counters show).
pub fn char_count(s: &str) -> usize {
    s.chars().count()
}

/// A token name: trimmed, required, at most [`NAME_MAX`] characters, one line.
pub fn check_name(raw: &str) -> Result<String, String> {
    let name = raw.trim();
    if name.is_empty() {
        Err("Enter a name for the token.".into())
    } else if char_count(name) > NAME_MAX {
        Err(format!("The name can have at most {NAME_MAX} characters."))
    } else if name.chars().any(char::is_control) {
        Err("The name must be a single line without control characters.".into())
    } else {
        Ok(name.to_string())
    }
}

/// A description: trimmed, optional (`None` when empty), at most [`DESCRIPTION_MAX`] characters.
pub fn check_description(raw: &str) -> Result<Option<String>, String> {
    let d = raw.trim();
    if char_count(d) > DESCRIPTION_MAX {
        Err(format!(
            "The description can have at most {DESCRIPTION_MAX} characters."
        ))
    } else {
        Ok((!d.is_empty()).then(|| d.to_string()))
    }
}

/// Image formats a logo may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoKind {
    Png,
    Jpeg,
}

impl LogoKind {
    /// MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            LogoKind::Png => "image/png",
            LogoKind::Jpeg => "image/jpeg",
        }
    }
}

/// The logo's real format by its first bytes (the name and declared type are not trusted).
pub fn sniff_logo(head: &[u8]) -> Option<LogoKind> {
    if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(LogoKind::Png)
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(LogoKind::Jpeg)
    } else {
        None
    }
}

/// Checks a logo file's size and first bytes; the message is for the field.
pub fn check_logo(size: usize, head: &[u8]) -> Result<LogoKind, String> {
    if size == 0 {
        return Err("The file is empty. Choose a .png or .jpg image.".into());
    }
    if size > LOGO_MAX_BYTES {
        // Tenths of a MB, rounded up so that a file just over the limit never reads "5.0 MB".
        let tenths = (size as u64 * 10).div_ceil(1_048_576);
        return Err(format!(
            "The file is {}.{} MB; the logo can be at most 5 MB.",
            tenths / 10,
            tenths % 10
        ));
    }
    sniff_logo(head).ok_or_else(|| "The file is not a PNG or JPEG image. Choose a .png or .jpg file.".into())
}

/// Size of an image scaled so its longer side is at most `max` (never enlarged).
pub fn scaled_size(width: u32, height: u32, max: u32) -> (u32, u32) {
    let longer = width.max(height);
    if longer <= max || longer == 0 {
        return (width.max(1), height.max(1));
    }
    let scale = f64::from(max) / f64::from(longer);
    let w = (f64::from(width) * scale).round().max(1.0) as u32;
    let h = (f64::from(height) * scale).round().max(1.0) as u32;
    (w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_required_limited_and_single_line() {
        assert_eq!(check_name("  Robot  "), Ok("Robot".into()));
        assert!(check_name("   ").is_err());
        assert!(check_name(&"n".repeat(NAME_MAX)).is_ok());
        assert!(check_name(&"n".repeat(NAME_MAX + 1)).unwrap_err().contains("100"));
        assert!(check_name(&"ü".repeat(NAME_MAX)).is_ok(), "characters, not bytes");
        assert!(check_name("two\nlines").is_err());
    }

    #[test]
    fn descriptions_are_optional_and_limited() {
        assert_eq!(check_description("  "), Ok(None));
        assert_eq!(check_description(" x "), Ok(Some("x".into())));
        assert!(check_description(&"d".repeat(DESCRIPTION_MAX)).is_ok());
        assert!(check_description(&"d".repeat(DESCRIPTION_MAX + 1)).is_err());
        assert!(check_description("line one\nline two").is_ok());
    }

    #[test]
    fn logos_are_judged_by_content_and_size() {
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        assert_eq!(check_logo(10, &png), Ok(LogoKind::Png));
        assert_eq!(check_logo(4, &[0xFF, 0xD8, 0xFF, 0xE0]), Ok(LogoKind::Jpeg));
        assert!(check_logo(10, b"GIF89a....").is_err());
        assert!(check_logo(10, b"<svg xmlns").is_err());
        assert!(check_logo(10, b"hello text").is_err(), "a text file renamed .png");
        assert!(check_logo(0, &[]).unwrap_err().contains("empty"));
        assert!(check_logo(6 * 1024 * 1024, &png).unwrap_err().contains("5 MB"));
        assert!(check_logo(6 * 1024 * 1024, &png)
            .unwrap_err()
            .starts_with("The file is 6.0 MB"));
        assert!(check_logo(5 * 1024 * 1024 + 1, &png)
            .unwrap_err()
            .starts_with("The file is 5.1 MB"));
        assert!(check_logo(LOGO_MAX_BYTES, &png).is_ok());
    }

    #[test]
    fn images_scale_down_to_the_longer_side_and_never_up() {
        assert_eq!(scaled_size(1024, 512, 256), (256, 128));
        assert_eq!(scaled_size(300, 1200, 256), (64, 256));
        assert_eq!(scaled_size(100, 50, 256), (100, 50));
        assert_eq!(scaled_size(5000, 1, 256), (256, 1));
        assert_eq!(scaled_size(0, 0, 256), (1, 1));
    }
}
