//! A longrun's run script must end by exec'ing its program, as s6-overlay's
//! README shows (`exec mydaemon-in-the-foreground`): otherwise s6 supervises
//! the shell, the program never gets the TERM sent at stop, and its exit
//! status is lost. Only the script's last top-level command is judged, and
//! only in shell scripts (execline chain-loads by nature). To stay clear of
//! false alarms it accepts any `exec PROGRAM` in that last command (in any
//! branch of a final `if` or `case`), a final loop (the script is the long
//! running program), `wait` and `sleep` (the script deliberately stays), and a
//! call to a function the script defines (which may exec). A pipeline is
//! judged as a whole: each of its parts runs in a subshell, so even `exec prog
//! | tee log` leaves the shell in charge. A run-once service, whose finish
//! script halts the container unconditionally, is not judged at all.

#![forbid(unsafe_code)]

use super::report::Findings;
use super::shell::{exec_program, ItemKind, Script};

/// Commands after which the script deliberately stays in the foreground.
const STAYS: &[&str] = &["wait", "sleep"];

/// Whether a finish script halts the container whatever happened: a
/// top-level `halt` (`/run/s6/basedir/bin/halt`) or `s6-svscanctl -t`.
pub fn halts(finish: &Script) -> bool {
    finish.cmds.iter().any(|cmd| {
        if cmd.in_subst || cmd.in_function {
            return false;
        }
        let simple = finish
            .items
            .get(cmd.item)
            .is_some_and(|(kind, _)| *kind == ItemKind::Simple);
        let program = exec_program(cmd).map(|w| w.text.as_str()).or(cmd.name());
        simple
            && match program {
                Some(p) if p == "halt" || p.ends_with("/halt") => true,
                Some(p) if p.ends_with("s6-svscanctl") => cmd
                    .words
                    .iter()
                    .any(|w| w.text.starts_with('-') && w.text.contains('t')),
                _ => false,
            }
    })
}

pub fn check(script: &Script, file: &str, findings: &mut Findings) {
    let Some(last) = script.items.len().checked_sub(1) else {
        let message = "the run script runs no program: the service exits at once and s6 starts it again, forever".to_string();
        return findings.warning("longrun-exec", file, 1, message);
    };
    let (kind, _) = script.items[last];
    if matches!(kind, ItemKind::Loop | ItemKind::Function) {
        return;
    }
    let cmds: Vec<_> = script
        .cmds
        .iter()
        .filter(|c| c.item == last && !c.in_subst && !c.in_function)
        .collect();
    if kind == ItemKind::Simple && cmds.last().is_some_and(|c| c.piped) {
        let parts: Vec<&str> = cmds
            .iter()
            .rev()
            .take_while(|c| c.piped)
            .map(|c| {
                exec_program(c)
                    .map(|w| w.text.as_str())
                    .or(c.name())
                    .unwrap_or("...")
            })
            .collect();
        let shown: Vec<&str> = parts.iter().rev().copied().collect();
        let line = cmds
            .iter()
            .rev()
            .take_while(|c| c.piped)
            .last()
            .map_or(1, |c| c.line);
        let message = format!("the run script ends with a pipeline ({}): each part runs in a subshell, exec or not, so s6 supervises the shell, not {}, which misses the TERM sent at stop; exec the program alone (exec {} > >(tee ...)), or log through a log/ service", shown.join(" | "), shown[0], shown[0]);
        return findings.warning("longrun-exec", file, line, message);
    }
    let accepted = cmds.iter().any(|c| {
        exec_program(c).is_some()
            || c.name().is_some_and(|name| {
                STAYS.contains(&name) || script.functions.iter().any(|f| f == name)
            })
    });
    if accepted {
        return;
    }
    let shown = if kind == ItemKind::Simple {
        cmds.first()
    } else {
        cmds.last()
    };
    let Some(cmd) = shown else {
        return;
    };
    let program = cmd.name().unwrap_or("the program");
    let message = format!("the run script ends with '{program}' without exec: s6 then supervises the shell, not {program}, which misses the TERM sent at stop; write 'exec {program} ...'");
    findings.warning("longrun-exec", file, cmd.line, message);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::shell::parse;

    fn lint(text: &str) -> Vec<String> {
        let mut findings = Findings::default();
        check(&parse(text), "run", &mut findings);
        findings
            .list
            .into_iter()
            .map(|f| format!("{}: {}", f.line, f.message))
            .collect()
    }

    #[test]
    fn lint_longrun_accepts_what_execs_or_stays() {
        for ok in [
            "#!/bin/sh\nexec 2>&1\nexec nginx -g 'daemon off;'\n",
            "exec s6-setuidgid abc /usr/bin/app\n",
            "cmd=(app --x)\nexec \"${cmd[@]}\"\n",
            "if bashio::config.true ssl; then\n  exec app --ssl\nelse\n  exec app\nfi\n",
            "case $x in\n a) exec a ;;\n *) exec b ;;\nesac\n",
            "while true; do\n  app\n  sleep 5\ndone\n",
            "app &\nwait\n",
            "start() {\n  exec app\n}\nstart\n",
            "exec app || bashio::exit.nok 'failed'\n",
            "FOO=1 exec -a name app\n",
        ] {
            assert_eq!(lint(ok), Vec::<String>::new(), "{ok}");
        }
    }

    #[test]
    fn lint_longrun_flags_a_program_left_under_the_shell() {
        assert_eq!(
            lint("bashio::log.info start\napp --port 80\n"),
            ["2: the run script ends with 'app' without exec: s6 then supervises the shell, not app, which misses the TERM sent at stop; write 'exec app ...'"]
        );
        assert_eq!(lint("x=$(exec foo)\nif a; then\n  app\nfi\n").len(), 1);
        assert_eq!(lint("exec 2>&1\n").len(), 1);
        assert_eq!(lint("# nothing\n").len(), 1);
    }

    #[test]
    fn lint_longrun_judges_a_pipeline_whole() {
        assert_eq!(
            lint("exec app --x 2>&1 | tee /var/log/app\n"),
            ["1: the run script ends with a pipeline (app | tee): each part runs in a subshell, exec or not, so s6 supervises the shell, not app, which misses the TERM sent at stop; exec the program alone (exec app > >(tee ...)), or log through a log/ service"]
        );
        assert_eq!(lint("app |\n  exec logger\n").len(), 1);
        assert!(lint("echo start | logger\nexec app\n").is_empty());
    }

    #[test]
    fn lint_longrun_knows_a_finish_that_halts() {
        for text in [
            "#!/bin/sh\n/run/s6/basedir/bin/halt\n",
            "exec /run/s6/basedir/bin/halt\n",
            "s6-svscanctl -t /var/run/s6/services\n",
        ] {
            assert!(halts(&parse(text)), "{text}");
        }
        assert!(!halts(&parse(
            "if [[ $1 -ne 0 ]]; then\n  exec /run/s6/basedir/bin/halt\nfi\n"
        )));
    }
}
