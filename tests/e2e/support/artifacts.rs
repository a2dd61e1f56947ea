//! The sandbox binary and the built consoles, made once per test run.

use super::workspace_root;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// `target/<profile>` of the running test binary (`…/deps/e2e-…`).
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary knows its path");
    exe.parent()
        .and_then(Path::parent)
        .expect("test binary lives in target/<profile>/deps")
        .to_path_buf()
}

fn run(cmd: &mut Command, what: &str) {
    let status = cmd.status().unwrap_or_else(|e| panic!("could not run {what}: {e}"));
    assert!(status.success(), "{what} failed: {status}");
}

pub(super) struct Artifacts {
    pub(super) sandbox: PathBuf,
    pub(super) dist: PathBuf,
}

/// The built console every test serves.
fn console_dist() -> &'static std::path::Path {
    &artifacts().dist
}

/// The chunk files of that build (the split-out wasm, not the main module), sorted.
pub fn chunks_built() -> Vec<String> {
    chunks_in(console_dist())
}

/// The chunk files of the build in `dist`, sorted.
pub fn chunks_in(dist: &Path) -> Vec<String> {
    let mut built: Vec<String> = std::fs::read_dir(dist)
        .expect("dist")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".wasm") && !n.starts_with("tokens-console-"))
        .collect();
    built.sort();
    built
}

/// Builds the sandbox and the console once per test run, unless the test
/// script already did and said where (`E2E_SANDBOX_BIN`, `E2E_DIST`).
pub(super) fn artifacts() -> &'static Artifacts {
    static ARTIFACTS: OnceLock<Artifacts> = OnceLock::new();
    ARTIFACTS.get_or_init(|| {
        let root = workspace_root();
        let sandbox = match std::env::var_os("E2E_SANDBOX_BIN") {
            Some(p) => PathBuf::from(p),
            None => {
                run(
                    Command::new(env!("CARGO"))
                        .current_dir(&root)
                        .args(["build", "-p", "sandbox"]),
                    "cargo build -p sandbox",
                );
                profile_dir().join("sandbox")
            }
        };
        let dist = built_console("E2E_DIST", "e2e-dist", &[]);
        assert!(sandbox.is_file(), "no sandbox binary at {}", sandbox.display());
        assert!(
            dist.join("index.html").is_file(),
            "no console build in {}",
            dist.display()
        );
        Artifacts { sandbox, dist }
    })
}

/// The console built into `target/<profile>/<folder>` with extra trunk
/// arguments, unless the test script already did and named it in `env`.
fn built_console(env: &str, folder: &str, args: &[&str]) -> PathBuf {
    if let Some(p) = std::env::var_os(env) {
        return PathBuf::from(p);
    }
    let dist = profile_dir().join(folder);
    run(
        Command::new("trunk")
            .current_dir(workspace_root())
            .arg("build")
            .arg("--dist")
            .arg(&dist)
            .args(args),
        "trunk build",
    );
    dist
}

/// The console built for deployment under `/console/` (`trunk build --public-url /console/`).
pub fn sub_path_dist() -> &'static Path {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    DIST.get_or_init(|| built_console("E2E_DIST_CONSOLE", "e2e-dist-console", &["--public-url", "/console/"]))
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("dist") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A copy of the built console deployed with `config` as its `config.json`:
/// the build's hook is run again, as the README says to after editing it, so
/// the CSP and host files (a proxy rule included) follow the configuration.
pub fn deployed_with(config: &str) -> tempfile::TempDir {
    deploy(&artifacts().dist, config, &[])
}

/// The release build (`trunk build --release`) for `public_url` (`/` or
/// `/console/`), unless the test script built it and said where
/// (`E2E_RELEASE_DIST`, `E2E_RELEASE_DIST_CONSOLE`).
fn release_dist(public_url: &str) -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    static SUB_PATH: OnceLock<PathBuf> = OnceLock::new();
    match public_url {
        "/" => ROOT.get_or_init(|| built_console("E2E_RELEASE_DIST", "e2e-release", &["--release"])),
        _ => SUB_PATH.get_or_init(|| {
            built_console(
                "E2E_RELEASE_DIST_CONSOLE",
                "e2e-release-console",
                &["--release", "--public-url", public_url],
            )
        }),
    }
}

/// A copy of the release build for `public_url` deployed with `config`, as
/// [`deployed_with`] (the hook run with `--release`, so the precompressed
/// copies are written again too).
pub fn deployed_release(public_url: &str, config: &str) -> tempfile::TempDir {
    deploy(release_dist(public_url), config, &["--release"])
}

fn deploy(from: &Path, config: &str, hook_args: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_tree(from, dir.path());
    std::fs::write(dir.path().join("config.json"), config).expect("config.json");
    run(
        Command::new("node")
            .current_dir(workspace_root())
            .arg("tools/post-build.mjs")
            .arg(dir.path())
            .args(hook_args),
        "the post-build hook",
    );
    dir
}
