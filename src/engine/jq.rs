//! Running a jq filter like `jq --raw-output -c -M` (provisional: delegates to a jq binary).
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

pub struct JqOutput {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: i32,
}

pub enum JqVar {
    Arg(String, String),
    ArgJson(String, String),
}

fn command(filter: &str, vars: &[JqVar]) -> Command {
    let mut c = Command::new("jq");
    c.args(["--raw-output", "-c", "-M"]);
    for v in vars {
        match v {
            JqVar::Arg(n, v) => c.args(["--arg", n, v]),
            JqVar::ArgJson(n, v) => c.args(["--argjson", n, v]),
        };
    }
    c.arg(filter);
    c
}

fn finish(out: std::io::Result<std::process::Output>) -> JqOutput {
    match out {
        Ok(o) => JqOutput {
            stdout: o.stdout,
            stderr: o.stderr,
            status: o.status.code().unwrap_or(1),
        },
        Err(e) => JqOutput {
            stdout: vec![],
            stderr: e.to_string().into_bytes(),
            status: 1,
        },
    }
}

pub fn run(input: &[u8], filter: &str, vars: &[JqVar]) -> JqOutput {
    let mut c = command(filter, vars);
    c.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let out = c.spawn().and_then(|mut child| {
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(input);
        }
        child.wait_with_output()
    });
    finish(out)
}

pub fn run_file(path: &Path, filter: &str, vars: &[JqVar]) -> JqOutput {
    let mut c = command(filter, vars);
    c.arg(path);
    finish(c.output())
}
