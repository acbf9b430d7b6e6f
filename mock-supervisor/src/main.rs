//! The `mock-supervisor` command: the mock as a process, for shell scripts
//! and for add-on authors running their scripts locally.
//!
//! It prints one line, the URL it serves, once it is listening, so a script
//! can read it and point its client there; it serves until SIGTERM or
//! SIGINT, then exits 0.

#![forbid(unsafe_code)]

use std::future::Future;
use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::{bail, Context};
use mock_supervisor::{serve_until, url_for, ServerConfig, World};

const USAGE: &str = "\
Usage: mock-supervisor [--world FILE] [--listen ADDR:PORT] [--token TOKEN]

Serves the Home Assistant Supervisor API from a world file (default: the
built-in example system) and prints its URL on one line once listening.

Options:
  --world FILE        world file to serve (JSON; see the README)
  --listen ADDR:PORT  address to listen on (default 127.0.0.1:0, a free port)
  --token TOKEN       Supervisor token to accept (default mock-token)
  -h, --help          show this help
";

struct Options {
    world: Option<String>,
    config: ServerConfig,
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("mock-supervisor: {err:#}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("mock-supervisor: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// `None` when help was asked for.
fn parse_args(mut args: impl Iterator<Item = String>) -> anyhow::Result<Option<Options>> {
    let mut options = Options {
        world: None,
        config: ServerConfig::default(),
    };
    while let Some(arg) = args.next() {
        let (flag, inline_value) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg, None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        let mut value = || {
            inline_value
                .clone()
                .or_else(|| args.next())
                .with_context(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--world" => options.world = Some(value()?),
            "--listen" => {
                let listen = value()?;
                options.config.listen = listen
                    .parse::<SocketAddr>()
                    .with_context(|| format!("--listen {listen:?} is not ADDR:PORT"))?;
            }
            "--token" => options.config.token = value()?,
            other => bail!("unknown argument {other:?}"),
        }
    }
    if options.config.token.is_empty() {
        bail!("--token must not be empty");
    }
    Ok(Some(options))
}

fn run(options: Options) -> anyhow::Result<()> {
    let world = match &options.world {
        Some(path) => World::from_file(path)?,
        None => World::default_world(),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listen = options.config.listen;
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen}"))?;
        let shutdown = termination()?;
        let url = url_for(listener.local_addr()?);
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{url}").and_then(|()| stdout.flush())?;
        drop(stdout);
        serve_until(listener, world, options.config.token, shutdown).await;
        Ok(())
    })
}

/// A future resolving on SIGTERM or SIGINT. The handlers are installed
/// now, before the URL is printed, so a script that stops the server right
/// after reading the URL still gets a clean exit.
#[cfg(unix)]
fn termination() -> anyhow::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut terminate = signal(SignalKind::terminate()).context("cannot handle SIGTERM")?;
    let mut interrupt = signal(SignalKind::interrupt()).context("cannot handle SIGINT")?;
    Ok(async move {
        tokio::select! {
            _ = terminate.recv() => {}
            _ = interrupt.recv() => {}
        }
    })
}

#[cfg(not(unix))]
fn termination() -> anyhow::Result<impl Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}
