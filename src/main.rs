//! Entry point: mounts the console.

fn main() {
    tokens_console::mount();
}
