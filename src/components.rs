//! Reusable widgets.

pub mod frame_header;

pub use frame_header::FrameHeader;
