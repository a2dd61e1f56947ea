//! `sandbox`: serves the Marketplace API stand-in and the built console.

use clap::Parser;
use std::io::Write;

#[tokio::main]
async fn main() {
    let config = sandbox::Config::parse();
    let dist = config.dist.clone();
    let running = match sandbox::start(config).await {
        Ok(r) => r,
        Err(e) => {
            eprintln!("sandbox: could not start: {e}");
            std::process::exit(1);
        }
    };
    // Scripts and tests read these two lines; keep their wording. A closed
    // stdout must not stop the server, so write errors are ignored.
    let mut out = std::io::stdout();
    let _ = writeln!(out, "Sandbox listening on http://{}", running.addr);
    let _ = writeln!(out, "Admin token: {}", running.admin_token);
    if !dist.join("index.html").is_file() {
        let _ = writeln!(
            out,
            "Note: no console build in {}; only the API is served.",
            dist.display()
        );
    }
    let _ = out.flush();
    tokio::select! {
        r = running.task => {
            if let Ok(Err(e)) = r {
                eprintln!("sandbox: server stopped: {e}");
                std::process::exit(1);
            }
        }
        _ = tokio::signal::ctrl_c() => {}
    }
}
