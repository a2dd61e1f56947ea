//! The code forms layers, each using only those below it, and no two
//! sibling modules use each other (directly or round a longer loop):
//! - the console: `model` ← `api` ← `app` ← `components` ← `pages` ← `shell`;
//! - the sandbox: `domain` ← `store` ← `http`.
//!
//! A `use` of a higher layer, or an import cycle between the modules of one
//! folder, fails these tests.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const CONSOLE: [&str; 6] = ["model", "api", "app", "components", "pages", "shell"];
const SANDBOX: [&str; 3] = ["domain", "store", "http"];

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

/// A file's module path under `src/` (`store/tokens/changes.rs` → `[store, tokens, changes]`).
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file);
    let mut parts: Vec<String> = rel
        .components()
        .filter_map(|c| c.as_os_str().to_str())
        .map(|s| s.trim_end_matches(".rs").to_string())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("lib" | "main" | "mod")) {
        parts.pop();
    }
    parts
}

/// The code of a file outside its tests.
fn code_of(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or_default()
}

fn ident(s: &str) -> String {
    s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

/// The module paths a file names: `crate::a::b…` and `super::…` (each
/// `super` one level up from the file's own module), with `{a, b}` groups.
fn paths_used(own: &[String], code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::").chain(code.match_indices("super::")) {
        // Only the start of a path: `super::super::x` is read once, from its first `super`.
        let before = code[..i].chars().last();
        if before.is_some_and(|c| c == ':' || c.is_alphanumeric() || c == '_') {
            continue;
        }
        let mut rest = &code[i..];
        let mut base: Vec<String> = if rest.starts_with("crate::") {
            rest = &rest["crate::".len()..];
            Vec::new()
        } else {
            let mut b = own.to_vec();
            while let Some(r) = rest.strip_prefix("super::") {
                b.pop();
                rest = r;
            }
            b
        };
        // The segments: `a::b::c`, ending in a name or a `{a, b}` group.
        loop {
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or_default();
                for name in inner.split(',').map(|n| ident(n.trim())).filter(|n| !n.is_empty()) {
                    let mut p = base.clone();
                    p.push(name);
                    out.push(p);
                }
                break;
            }
            let name = ident(rest);
            if name.is_empty() {
                if !base.is_empty() {
                    out.push(base);
                }
                break;
            }
            rest = &rest[name.len()..];
            base.push(name);
            match rest.strip_prefix("::") {
                Some(r) => rest = r,
                None => {
                    out.push(base);
                    break;
                }
            }
        }
    }
    out
}

/// Every file of the crate at `src` with its module path and the module paths it uses.
fn crate_uses(src: &Path) -> Vec<(Vec<String>, Vec<Vec<String>>)> {
    let mut files = Vec::new();
    sources(src, &mut files);
    assert!(files.len() > 5, "found the sources of {}", src.display());
    files
        .iter()
        .map(|f| {
            let own = module_path(src, f);
            let text = std::fs::read_to_string(f).expect("read");
            let used = paths_used(&own, code_of(&text));
            (own, used)
        })
        .collect()
}

/// Uses of a higher layer, as `file (layer) uses layer` lines.
fn upward(uses: &[(Vec<String>, Vec<Vec<String>>)], layers: &[&str]) -> Vec<String> {
    let rank = |m: Option<&String>| m.and_then(|m| layers.iter().position(|l| l == m));
    let mut found = Vec::new();
    for (own, used) in uses {
        let Some(mine) = rank(own.first()) else { continue };
        for u in used {
            if let Some(theirs) = rank(u.first()).filter(|t| *t > mine) {
                found.push(format!("{} ({}) uses {}", own.join("::"), layers[mine], layers[theirs]));
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Loops among sibling modules: for every folder, the graph of which of its
/// children use which, and each cycle found in it.
fn sibling_cycles(uses: &[(Vec<String>, Vec<Vec<String>>)]) -> Vec<String> {
    // parent path → child → children it uses.
    let mut graphs: BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let modules: BTreeSet<Vec<String>> = uses.iter().map(|(own, _)| own.clone()).collect();
    for (own, used) in uses {
        for u in used {
            // The deepest common folder of the user and the used module.
            let common = own.iter().zip(u).take_while(|(a, b)| a == b).count();
            let (Some(from), Some(to)) = (own.get(common), u.get(common)) else {
                continue;
            };
            let parent = own[..common].to_vec();
            let mut target = parent.clone();
            target.push(to.clone());
            if modules.contains(&target) {
                graphs
                    .entry(parent)
                    .or_default()
                    .entry(from.clone())
                    .or_default()
                    .insert(to.clone());
            }
        }
    }
    let mut cycles = Vec::new();
    for (parent, graph) in &graphs {
        for start in graph.keys() {
            // Depth-first from `start`, reporting a path back to it.
            let mut stack = vec![(start.clone(), vec![start.clone()])];
            let mut seen = BTreeSet::new();
            while let Some((node, path)) = stack.pop() {
                for next in graph.get(&node).into_iter().flatten() {
                    if next == start {
                        let mut loop_ = path.clone();
                        loop_.push(start.clone());
                        // Report each loop once, from its smallest member.
                        if path.iter().all(|p| p >= start) {
                            cycles.push(format!("in {}: {}", parent.join("::"), loop_.join(" → ")));
                        }
                    } else if seen.insert(next.clone()) {
                        let mut p = path.clone();
                        p.push(next.clone());
                        stack.push((next.clone(), p));
                    }
                }
            }
        }
    }
    cycles
}

fn src_of(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)
}

#[test]
fn every_console_module_uses_only_the_layers_below_it() {
    let found = upward(&crate_uses(&src_of("src")), &CONSOLE);
    assert!(found.is_empty(), "imports up the layers:\n{}", found.join("\n"));
}

#[test]
fn every_sandbox_module_uses_only_the_layers_below_it() {
    let found = upward(&crate_uses(&src_of("sandbox/src")), &SANDBOX);
    assert!(found.is_empty(), "imports up the layers:\n{}", found.join("\n"));
}

#[test]
fn no_two_sibling_modules_use_each_other() {
    for dir in ["src", "sandbox/src", "rql/src"] {
        let cycles = sibling_cycles(&crate_uses(&src_of(dir)));
        assert!(cycles.is_empty(), "import cycles in {dir}:\n{}", cycles.join("\n"));
    }
}

#[test]
fn the_checks_see_an_upward_import_and_a_cycle() {
    let own = |p: &str| p.split("::").map(String::from).collect::<Vec<_>>();
    assert_eq!(
        paths_used(
            &own("store::query"),
            "use super::resources::X;\nuse super::{schema, StoreError};"
        ),
        [
            own("store::resources::X"),
            own("store::schema"),
            own("store::StoreError")
        ]
    );
    assert_eq!(
        paths_used(&own("store::tokens::event"), "use super::super::caller::Caller;"),
        [own("store::caller::Caller")]
    );
    let uses = vec![
        (own("model::a"), vec![own("pages::x")]),
        (own("store::query"), vec![own("store::resources::Resource")]),
        (own("store::resources"), vec![own("store::query::Column")]),
        (own("store"), vec![own("store::query::where_clause")]),
    ];
    assert_eq!(upward(&uses, &CONSOLE), ["model::a (model) uses pages"]);
    let modules_present = vec![
        (own("store::query"), vec![own("store::resources::Resource")]),
        (own("store::resources"), vec![own("store::query::Column")]),
    ];
    assert_eq!(
        sibling_cycles(&modules_present),
        ["in store: query → resources → query"]
    );
}
