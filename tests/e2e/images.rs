//! Image files for the logo tests, made here rather than stored.

use std::path::{Path, PathBuf};

/// A `w`×`h` PNG with a gradient.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().expect("png header");
        let data: Vec<u8> = (0..w * h)
            .flat_map(|i| [(i % 251) as u8, (i % 241) as u8, 120, 255])
            .collect();
        writer.write_image_data(&data).expect("png data");
    }
    out
}

/// A `w`×`h` JPEG.
pub fn jpeg(w: u16, h: u16) -> Vec<u8> {
    let mut out = Vec::new();
    let data: Vec<u8> = (0..u32::from(w) * u32::from(h))
        .flat_map(|i| [(i % 200) as u8, 90, 160])
        .collect();
    jpeg_encoder::Encoder::new(&mut out, 90)
        .encode(&data, w, h, jpeg_encoder::ColorType::Rgb)
        .expect("jpeg");
    out
}

/// Width and height of PNG bytes.
pub fn png_size(bytes: &[u8]) -> (u32, u32) {
    let reader = png::Decoder::new(bytes).read_info().expect("a PNG");
    let info = reader.info();
    (info.width, info.height)
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}
