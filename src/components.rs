//! Reusable widgets, and the primitives every view builds on: [`Modal`]
//! (every dialog), [`Button`] and [`ButtonLink`] (every button),
//! [`Skeleton`] (every placeholder), [`LoadSection`] (every section that
//! loads) and [`lazy::Lazy`] (every part that comes in a chunk).

pub mod actions_menu;
pub mod avatar;
pub mod button;
pub mod confirm_dialog;
pub mod connection_banner;
pub mod copy_button;
pub mod date_time;
pub mod discard_dialog;
pub mod dom_id;
pub mod error_panel;
pub mod frame_header;
pub mod idle_watch;
pub mod lazy;
pub mod leave_dialog;
pub mod load_section;
pub mod logo_picker;
pub mod modal;
pub mod secret_value;
pub mod shortcuts;
pub mod skeleton;
pub mod status_badge;
pub mod toasts;
pub mod token_action_dialog;
pub mod token_menu;
pub mod usage_marker;

pub use actions_menu::{ActionsMenu, MenuItem};
pub use avatar::Avatar;
pub use button::{Appearance, Button, ButtonLink};
pub use confirm_dialog::ConfirmDialog;
pub use connection_banner::ConnectionBanner;
pub use copy_button::CopyButton;
pub use date_time::DateTime;
pub use discard_dialog::DiscardDialog;
pub use dom_id::dom_id;
pub use error_panel::ErrorPanel;
pub use frame_header::FrameHeader;
pub use idle_watch::IdleWatch;
pub use leave_dialog::LeaveDialog;
pub use load_section::LoadSection;
pub use logo_picker::{LogoChoice, LogoPicker};
pub use modal::Modal;
pub use secret_value::SecretValue;
pub use shortcuts::Shortcuts;
pub use skeleton::Skeleton;
pub use status_badge::StatusBadge;
pub use toasts::{provide_toasts, use_toasts, Toasts};
pub use token_action_dialog::{PendingAction, TokenActionDialog};
pub use token_menu::TokenMenu;
pub use usage_marker::UsageMarker;
