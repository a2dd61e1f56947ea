//! Token logos: `data:image/png|jpeg;base64,…` in, stored bytes out.

use base64::Engine;

/// Largest decoded logo accepted.
pub const MAX_ICON_BYTES: usize = 5 * 1024 * 1024;

/// A checked image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Icon {
    /// `image/png` or `image/jpeg`.
    pub content_type: &'static str,
    /// `png` or `jpg`.
    pub ext: &'static str,
    pub data: Vec<u8>,
}

/// What a request body says about the logo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IconChange {
    /// Nothing: leave it as it is.
    Keep,
    /// `null` or `""`: no logo.
    Remove,
    /// A path (the token's current one, sent back to keep it).
    Path(String),
    /// A new image.
    Set(Icon),
}

/// The image type the bytes really hold, by their magic numbers.
pub fn sniff(data: &[u8]) -> Option<(&'static str, &'static str)> {
    if data.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(("image/png", "png"))
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("image/jpeg", "jpg"))
    } else {
        None
    }
}

/// Decodes and checks a data URL; the error is a message for the `icon` field.
pub fn decode_data_url(value: &str) -> Result<Icon, String> {
    let rest = value
        .strip_prefix("data:")
        .ok_or("The logo must be a data URL: data:image/png;base64,… or data:image/jpeg;base64,…")?;
    let (meta, payload) = rest.split_once(',').ok_or("The logo data URL has no data.")?;
    let declared = match meta.to_ascii_lowercase().as_str() {
        "image/png;base64" => "image/png",
        "image/jpeg;base64" | "image/jpg;base64" => "image/jpeg",
        _ => return Err("The logo must be a PNG or JPEG image sent as base64.".into()),
    };
    // base64 of 5 MB is about 6.7 MB: refuse anything clearly larger before decoding.
    if payload.len() > MAX_ICON_BYTES / 3 * 4 + 8 {
        return Err("The logo is larger than 5 MB.".into());
    }
    let data = base64::engine::general_purpose::STANDARD
        .decode(payload.trim())
        .map_err(|_| "The logo data is not valid base64.".to_string())?;
    if data.is_empty() {
        return Err("The logo file is empty.".into());
    }
    if data.len() > MAX_ICON_BYTES {
        return Err("The logo is larger than 5 MB.".into());
    }
    let (content_type, ext) = sniff(&data).ok_or("The logo is not a PNG or JPEG image.")?;
    if content_type != declared {
        return Err(format!(
            "The logo says it is {declared} but its content is {content_type}."
        ));
    }
    Ok(Icon {
        content_type,
        ext,
        data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    fn url(kind: &str, data: &[u8]) -> String {
        format!(
            "data:{kind};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(data)
        )
    }

    #[test]
    fn accepts_png_and_jpeg_by_content() {
        assert_eq!(decode_data_url(&url("image/png", PNG)).unwrap().ext, "png");
        assert_eq!(
            decode_data_url(&url("image/jpeg", &[0xFF, 0xD8, 0xFF, 0xE0]))
                .unwrap()
                .ext,
            "jpg"
        );
    }

    #[test]
    fn refuses_other_types_lies_and_oversize() {
        assert!(decode_data_url(&url("image/png", b"<svg xmlns=...>")).is_err());
        assert!(decode_data_url(&url("image/gif", b"GIF89a....")).is_err());
        assert!(decode_data_url(&url("image/jpeg", PNG))
            .unwrap_err()
            .contains("content"));
        assert!(decode_data_url(&url("image/png", &[])).unwrap_err().contains("empty"));
        let mut big = PNG.to_vec();
        big.resize(MAX_ICON_BYTES + 1, 0);
        assert!(decode_data_url(&url("image/png", &big)).unwrap_err().contains("5 MB"));
        assert!(decode_data_url("/v1/accounts/api-tokens/TKN-1/icon").is_err());
        assert!(decode_data_url("data:image/png;base64,@@@").is_err());
    }
}
