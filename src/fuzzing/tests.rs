//! Every input that once failed a fuzz target, replayed through its check.

#![forbid(unsafe_code)]

fn replay(target: &str, check: fn(&[u8])) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("a readable directory").path();
        let data = std::fs::read(&path).expect("a readable input");
        check(&data);
    }
}

#[test]
fn jq_filter_inputs() {
    replay("jq_filter", super::jq_filter);
}

#[test]
fn supervisor_response_inputs() {
    replay("supervisor_response", super::supervisor_response);
}

#[test]
fn contenv_inputs() {
    replay("contenv", super::contenv);
}

#[test]
fn log_format_inputs() {
    replay("log_format", super::log_format);
}

#[test]
fn tempio_template_inputs() {
    replay("tempio_template", super::tempio_template);
}

#[test]
fn redact_inputs() {
    replay("redact", super::redact);
}

#[test]
fn lint_shell_inputs() {
    replay("lint_shell", super::lint_shell);
}

#[test]
fn yaml_schema_inputs() {
    replay("yaml_schema", super::yaml_schema);
}

#[test]
fn lint_fix_inputs() {
    replay("lint_fix", super::lint_fix);
}
