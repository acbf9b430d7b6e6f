//! The RomM example add-on runs end to end with no Supervisor: the command
//! README gives a newcomer, checked line by line.

use crate::util::*;
use std::process::Command;

/// Log lines with their clock time masked.
fn without_times(text: &str) -> String {
    text.lines()
        .map(
            |line| match line.strip_prefix('[').and_then(|rest| rest.get(8..)) {
                Some(rest) if rest.starts_with("] ") => format!("[T{rest}"),
                _ => line.to_string(),
            },
        )
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn romm_example_runs_locally() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/run-local.sh");
    let mut command = Command::new(script);
    command.arg(binary());
    let result = run(&mut command);
    assert_eq!(result.stderr, "");
    assert_eq!(result.status, 0);
    let output = without_times(&result.stdout);
    let mut lines = output.lines();
    assert_eq!(
        lines.next(),
        Some("[T] INFO: \x1b[32mSetting up RomM...\x1b[0m")
    );
    assert_eq!(
        lines.next(),
        Some("[T] INFO: \x1b[32mLibrary: /share/romm/library\x1b[0m")
    );
    assert_eq!(
        lines.next(),
        Some("[T] WARNING: \x1b[33mbashio::addon.ingress_port is deprecated, use bashio::app.ingress_port instead.\x1b[0m")
    );
    assert_eq!(
        lines.next(),
        Some("[T] INFO: \x1b[32mRomM is configured for database romm on core-mariadb.\x1b[0m")
    );
    assert_eq!(
        lines.next(),
        Some(
            "[T] INFO: \x1b[32mStarting RomM on port 8095 (database romm@core-mariadb:3306)\x1b[0m"
        )
    );
    let server = lines.next().expect("server line");
    assert!(server.starts_with("romm-server: pid "), "{server}");
    assert!(
        server.ends_with(" db=romm@core-mariadb:3306/romm port=8095 secret=32 chars"),
        "{server}"
    );
    assert_eq!(lines.next(), None);
}
