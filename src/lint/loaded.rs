//! A script s6-overlay executes under a plain shell (`#!/bin/bash`,
//! `#!/usr/bin/with-contenv bash`, or no `#!` at all) has no bashio unless it
//! loads it: its `bashio::` calls are "command not found" at boot. bashio is
//! there only when `bashio` itself reads the script (`#!/usr/bin/with-contenv
//! bashio`, `#!/usr/bin/env bashio`) or the script sources the library
//! (`source /usr/lib/bashio/bashio.sh`, alexbelgium's bashio-standalone.sh).

#![forbid(unsafe_code)]

use super::report::Findings;
use super::shell::Script;

/// Checks one executed script read by `runner` (the program of its `#!`
/// line, or `/bin/sh` when it has none).
pub fn check(script: &Script, runner: &str, file: &str, findings: &mut Findings) {
    let loads = script.cmds.iter().any(|cmd| {
        matches!(cmd.name(), Some("source" | "."))
            && cmd.words.get(1).is_some_and(|w| w.text.contains("bashio"))
    });
    if loads {
        return;
    }
    let Some(call) = script.cmds.iter().find(|cmd| {
        cmd.name().is_some_and(|name| {
            name.starts_with("bashio::") && !script.functions.iter().any(|f| f == name)
        })
    }) else {
        return;
    };
    let name = call.name().unwrap_or("bashio::");
    let message = format!("runs under plain {runner}, which does not load bashio, yet calls {name}: \"command not found\" at boot; start the script with #!/usr/bin/with-contenv bashio (or source /usr/lib/bashio/bashio.sh first)");
    findings.error("bashio-not-loaded", file, call.line, message);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::shell::parse;

    fn lint(text: &str) -> Vec<String> {
        let mut findings = Findings::default();
        check(&parse(text), "bash", "run", &mut findings);
        findings
            .list
            .into_iter()
            .map(|f| format!("{}: {}", f.line, f.check))
            .collect()
    }

    #[test]
    fn lint_loaded_finds_bashio_calls_without_bashio() {
        assert_eq!(
            lint("echo hi\nx=$(bashio::config a)\n"),
            ["2: bashio-not-loaded"]
        );
        assert!(lint("source /usr/lib/bashio/bashio.sh\nbashio::log.info a\n").is_empty());
        assert!(lint(". /usr/local/lib/bashio-standalone.sh\nbashio::log.info a\n").is_empty());
        assert!(lint("bashio::mine() { :; }\nbashio::mine\n").is_empty());
        assert!(lint("echo 'bashio::log.info'\n").is_empty());
    }
}
