//! The console's modules form layers, each using only those below it:
//! `model` ← `api` ← `app` ← `components` ← `pages` ← `shell`. A `use` of a
//! higher layer (an import cycle in the making) fails this test.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

const LAYERS: [&str; 6] = ["model", "api", "app", "components", "pages", "shell"];

fn rank(layer: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == layer)
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The layer a file under `src/` belongs to (`src/api.rs` and `src/api/…` are `api`).
fn layer_of(src: &Path, file: &Path) -> Option<usize> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    rank(first.trim_end_matches(".rs"))
}

/// Every `crate::<layer>` a file names outside its tests.
fn layers_used(text: &str) -> Vec<usize> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.match_indices("crate::")
        .filter_map(|(i, m)| {
            let rest = &code[i + m.len()..];
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            rank(&name)
        })
        .collect()
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut upward = Vec::new();
    for file in &files {
        let Some(mine) = layer_of(&src, file) else { continue };
        let text = std::fs::read_to_string(file).expect("read");
        for used in layers_used(&text) {
            if used > mine {
                upward.push(format!(
                    "{} ({}) uses {}",
                    file.strip_prefix(&src).unwrap_or(file).display(),
                    LAYERS[mine],
                    LAYERS[used]
                ));
            }
        }
    }
    upward.sort();
    upward.dedup();
    assert!(upward.is_empty(), "imports up the layers:\n{}", upward.join("\n"));
    assert!(files.len() > 50, "found the sources");
}

#[test]
fn the_check_sees_an_upward_import() {
    assert_eq!(layers_used("use crate::pages::x;\nuse crate::model::y;"), [4, 0]);
    assert_eq!(
        layers_used("use crate::pages::x;\n#[cfg(test)]\nuse crate::shell::z;"),
        [4]
    );
}
