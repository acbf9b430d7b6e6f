//! The `envsubst` applet against Debian's `/usr/bin/envsubst` (gettext-base):
//! every case runs both, as the same program name, with the same
//! environment and input, and compares stdout, stderr and status byte for
//! byte. A case is skipped only where the reference is not installed.

use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const REFERENCE: &str = "/usr/bin/envsubst";

fn run(program: &Path, via_bashio: bool, args: &[&[u8]], input: &[u8]) -> Output {
    use std::os::unix::ffi::OsStrExt;
    let mut command = Command::new(program);
    if via_bashio {
        command.arg("envsubst");
    } else {
        command.arg0("envsubst");
    }
    command
        .args(args.iter().map(|a| std::ffi::OsStr::from_bytes(a)))
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("LC_ALL", "C")
        .env("A", "x")
        .env("B", "value with $A and spaces")
        .env("EMPTY", "")
        .env("_u9", "under")
        .env("HIGH", std::ffi::OsStr::from_bytes(b"\xc3\xff"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("start envsubst");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("wait envsubst");
    writer.join().expect("writer");
    output
}

const INPUTS: &[&[u8]] = &[
    b"",
    b"plain text\n",
    b"$A ${A} $B ${B}\n",
    b"a$A $$A ${A} ${A ${1} $ $",
    b"${",
    b"$",
    b"${A",
    b"${A}}${}$}${ A}",
    b"$UNSET|${UNSET}|$EMPTY|${EMPTY}|\n",
    b"$_u9 ${_u9}x $_u9x $A9 $9A $a\n",
    b"\xff$A\xfe${HIGH}\x00$A\n",
    b"server_name ${NGINX_HOST};\nlisten ${NGINX_PORT} default_server;\nroot $$HOME/${A}.d;\n",
    b"$A-$B.$A_$A:${A}${B}\n\n",
];

const ARGS: &[&[&[u8]]] = &[
    &[],
    &[b"$A"],
    &[b"${B}"],
    &[b"$A $B"],
    &[b"${A ${B}"],
    &[b""],
    &[b"-"],
    &[b"A B"],
    &[b"$A", b"--"],
    &[b"--", b"$B"],
    &[b"-v", b"$A ${B} ${C $D $A $ ${}"],
    &[b"$X$Y", b"-v"],
    &[b"--variables", b"${_x1}"],
    &[b"--var", b"$A"],
    &[b"-v"],
    &[b"a", b"b"],
    &[b"-v", b"a", b"b"],
    &[b"-x"],
    &[b"-vx", b"$A"],
    &[b"--foo"],
    &[b"--foo=bar"],
    &[b"--v"],
    &[b"--variables=1"],
    &[b"--help"],
    &[b"-h"],
    &[b"--he"],
    &[b"--version"],
    &[b"-V"],
    &[b"-hV"],
    &[b"-vh"],
];

fn describe(output: &Output) -> String {
    format!(
        "status {:?}\nstdout {:?}\nstderr {:?}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn identical_to_gettext_envsubst() {
    let reference = Path::new(REFERENCE);
    if !reference.exists() {
        eprintln!("skipped: {REFERENCE} is not installed (apt-get install gettext-base)");
        return;
    }
    let ours = Path::new(env!("CARGO_BIN_EXE_bashio"));
    let mut compared = 0;
    for args in ARGS {
        for input in INPUTS {
            let expected = run(reference, false, args, input);
            for via_bashio in [false, true] {
                let got = run(ours, via_bashio, args, input);
                assert_eq!(
                    describe(&got),
                    describe(&expected),
                    "envsubst {args:?} < {:?} (via bashio: {via_bashio})",
                    String::from_utf8_lossy(input)
                );
                compared += 1;
            }
        }
    }
    assert_eq!(compared, ARGS.len() * INPUTS.len() * 2);
}

#[test]
fn write_error_is_one_line_and_status_1() {
    let ours = Path::new(env!("CARGO_BIN_EXE_bashio"));
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    let Ok(full) = full else { return };
    let output = Command::new(ours)
        .arg0("envsubst")
        .stdin(Stdio::null())
        .stdout(full)
        .stderr(Stdio::piped())
        .arg("-V")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "envsubst: write error: No space left on device\n"
    );
}
