//! What the integration tests share: a sandbox that lays out an add-on the
//! way a container does (with-contenv and bashio on PATH, a container
//! environment directory, a cache directory), writes scripts with real
//! shebangs, runs them as files under a timeout, and talks to a mock
//! Supervisor started in-process.

mod sandbox;

pub use mock_supervisor::{Fault, RecordedRequest};
pub use sandbox::*;
use std::path::PathBuf;

/// Scripts as add-ons write them.
impl Sandbox {
    /// An add-on script with the shebang add-ons use, pointed at our with-contenv.
    pub fn script(&self, body: &str) -> PathBuf {
        let shebang = format!("#!{} bashio\n", self.path("bin/with-contenv").display());
        self.file("script.sh", &format!("{shebang}{body}"))
    }

    /// Writes and runs a script.
    pub fn run_script(&self, body: &str) -> Run {
        let script = self.script(body);
        self.exec(&script, &[])
    }
}

/// A log line as bashio formats it with LOG_TIMESTAMP=T.
pub fn log_line(level: &str, colour: Option<u8>, message: &str) -> String {
    match colour {
        Some(code) => format!("[T] {level}: \x1b[{code}m{message}\x1b[0m\n"),
        None => format!("[T] {level}: {message}\n"),
    }
}

pub fn info(message: &str) -> String {
    log_line("INFO", Some(32), message)
}

pub fn warning(message: &str) -> String {
    log_line("WARNING", Some(33), message)
}

pub fn error(message: &str) -> String {
    log_line("ERROR", Some(35), message)
}

pub fn fatal(message: &str) -> String {
    log_line("FATAL", Some(31), message)
}

/// The fatal block `bashio::config.require KEY [REASON]` ends the script with.
pub fn missing_option(key: &str, reason: Option<&str>) -> String {
    let please = format!("Please set a value for the '{key}' option.");
    let mut lines = vec![
        "",
        "A required app configuration option is missing!",
        "",
        &please,
        "",
    ];
    if let Some(reason) = reason {
        lines.extend(["This option is required because:", reason, ""]);
    }
    lines.extend(["If unsure, check the app manual for more information.", ""]);
    lines.iter().map(|line| fatal(line)).collect()
}

/// `METHOD path body` of each request the mock received.
pub fn requests(mock: &MockSupervisor) -> Vec<String> {
    mock.requests()
        .iter()
        .map(|r| format!("{} {} {}", r.method, r.path, r.body))
        .collect()
}
