//! `sandbox`: serves the Marketplace API stand-in and the built console.

use clap::Parser;
use std::io::Write;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_env("SANDBOX_LOG").unwrap_or_else(|_| EnvFilter::new("sandbox=info")))
        .with_writer(std::io::stderr)
        .init();
    let config = sandbox::Config::parse();
    let dist = config.dist.clone();
    let running = match sandbox::start(config).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!("could not start: {e}");
            std::process::exit(1);
        }
    };
    // Scripts and tests read these lines; keep their wording. A closed
    // stdout must not stop the server, so write errors are ignored.
    let c = &running.credentials;
    let mut out = std::io::stdout();
    let _ = writeln!(out, "Sandbox listening on http://{}", running.addr);
    // A secret the operator chose is not echoed to the log; one the sandbox made is.
    if c.admin_given {
        let _ = writeln!(out, "Admin token: (the value of SANDBOX_ADMIN_TOKEN)");
    } else {
        let _ = writeln!(out, "Admin token: {}", c.admin);
    }
    let _ = writeln!(out, "Account token: {}", c.account);
    let _ = writeln!(out, "User token: {}", c.user);
    let _ = writeln!(
        out,
        "(admin: the Operations account, sees every account; account: Stark Industries; user: Sarah Sanderson, member of Stark Industries and Wayne Enterprises, valid 12 hours)"
    );
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
                tracing::error!("server stopped: {e}");
                std::process::exit(1);
            }
        }
        _ = tokio::signal::ctrl_c() => {}
    }
}
