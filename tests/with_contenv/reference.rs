//! The directory-reading rules, differential: each directory read by our
//! with-contenv and by `emptyenv -p s6-envdir -Lf`, environments compared.

use super::*;

#[test]
fn reference_trailing_newlines() {
    let sandbox = Sandbox::new();
    sandbox
        .var(b"ONE_NEWLINE", b"value\n")
        .var(b"TWO_NEWLINES", b"value\n\n")
        .var(b"NO_NEWLINE", b"value")
        .var(b"ONLY_NEWLINE", b"\n")
        .var(b"MULTI_LINE", b"first\nsecond\nthird\n")
        .var(b"CRLF", b"value\r\n");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_whitespace_is_kept() {
    let sandbox = Sandbox::new();
    sandbox
        .var(b"SPACES_ONLY", b"   \n")
        .var(b"TABS_ONLY", b"\t\t")
        .var(b"TRAILING_BLANKS", b"value \t \t\n")
        .var(b"LEADING_BLANKS", b"  \tvalue\n")
        .var(b"BLANK_AFTER_NEWLINE", b"value\n  ");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_nul_bytes_become_newlines() {
    let sandbox = Sandbox::new();
    sandbox
        .var(b"EMBEDDED", b"a\0b\0c\n")
        .var(b"ONLY_NUL", b"\0")
        .var(b"NUL_THEN_NEWLINE", b"x\0\n")
        .var(b"NUL_AT_END", b"x\0");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_empty_file_unsets() {
    let sandbox = Sandbox::new();
    sandbox
        .var(b"EMPTY", b"")
        .var(b"JUNK", b"")
        .var(b"KEPT", b"x\n");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_empty_path_file_unsets_path() {
    let sandbox = Sandbox::new();
    sandbox.var(b"PATH", b"").var(b"OTHER", b"x");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_path_file_replaces_path() {
    let sandbox = Sandbox::new();
    sandbox.var(b"PATH", b"/bin:/usr/bin\n");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_non_utf8_bytes() {
    let sandbox = Sandbox::new();
    sandbox
        .var(b"LATIN1", b"caf\xe9\n")
        .var(b"GARBAGE", b"\xff\xfe\x80\x00\xc3\n")
        .var(b"NAME_\xff_BYTES", b"value\n");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_unicode_names_and_values() {
    let sandbox = Sandbox::new();
    sandbox
        .var("ÜNÎCÖDE_名前".as_bytes(), "välue ✓\n".as_bytes())
        .var("😀".as_bytes(), "emoji\n".as_bytes());
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_hidden_and_equals_names_are_ignored() {
    let sandbox = Sandbox::new();
    sandbox
        .var(b".hidden", b"no\n")
        .var(b"..double", b"no\n")
        .var(b"A=B", b"no\n")
        .var(b"=LEADING", b"no\n")
        .var(b"TRAILING=", b"no\n")
        .var(b"VISIBLE.DOT", b"yes\n");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_many_files() {
    // Either side of the 500 variables a script's start before the C
    // library takes (crates/early-start): past them, the binary's own.
    for count in [300, 600] {
        let sandbox = Sandbox::new();
        for index in 0..count {
            let name = format!("VAR_{index:03}");
            let value = format!("value {index}\n");
            sandbox.var(name.as_bytes(), value.as_bytes());
        }
        assert_same_as_reference(&sandbox);
    }
}

#[test]
fn reference_large_value_is_not_clamped() {
    let sandbox = Sandbox::new();
    let mut value = "0123456789abcdef".repeat(8192).into_bytes();
    value.extend_from_slice(b"\nsecond line\n");
    sandbox.var(b"LARGE", &value);
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_symlink_to_file_is_followed() {
    let sandbox = Sandbox::new();
    let target = sandbox.path("outside-value");
    fs::write(&target, b"through a link\n").expect("write target");
    symlink(&target, sandbox.env_dir().join("LINKED")).expect("symlink");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_empty_directory() {
    let sandbox = Sandbox::new();
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_subdirectory_is_fatal() {
    let sandbox = Sandbox::new();
    sandbox.var(b"FINE", b"x\n");
    fs::create_dir(sandbox.env_dir().join("SUBDIR")).expect("create subdir");
    assert_same_as_reference(&sandbox);
    let output = run(sandbox.ours("with-contenv").arg("true"));
    assert_eq!(output.status.code(), Some(111));
    let expected = format!(
        "with-contenv: fatal: unable to envdir {}: Is a directory\n",
        sandbox.env_dir().display()
    );
    assert_eq!(text(&output.stderr), expected);
}

#[test]
fn reference_hidden_subdirectory_is_ignored() {
    let sandbox = Sandbox::new();
    sandbox.var(b"FINE", b"x\n");
    fs::create_dir(sandbox.env_dir().join(".hidden-dir")).expect("create subdir");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_dangling_symlink_is_fatal() {
    let sandbox = Sandbox::new();
    symlink(sandbox.path("nowhere"), sandbox.env_dir().join("DANGLING")).expect("symlink");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_fifo_without_writer_reads_empty() {
    let sandbox = Sandbox::new();
    sandbox.var(b"OTHER", b"x\n");
    let status = run(Command::new("mkfifo").arg(sandbox.env_dir().join("FIFO")));
    assert!(
        status.status.success(),
        "mkfifo failed: {}",
        text(&status.stderr)
    );
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_missing_directory_is_fatal() {
    let sandbox = Sandbox::new();
    fs::remove_dir(sandbox.env_dir()).expect("remove env dir");
    assert_same_as_reference(&sandbox);
    let output = run(sandbox.ours("with-contenv").arg("true"));
    assert_eq!(output.status.code(), Some(111));
    let expected = format!(
        "with-contenv: fatal: unable to envdir {}: No such file or directory\n",
        sandbox.env_dir().display()
    );
    assert_eq!(text(&output.stderr), expected);
    assert!(output.stdout.is_empty());
}

/// The directory is applied in the order it is listed, and the reference
/// merges the same way, so even the unsorted environments agree.
#[test]
fn reference_entry_order_matches() {
    let sandbox = Sandbox::new();
    for name in ["ZETA", "ALPHA", "MID", "BETA"] {
        sandbox.var(name.as_bytes(), b"v\n");
    }
    sandbox.var(b"PATH", format!("{BASE_PATH}\n").as_bytes());
    let ours = run(sandbox.ours("with-contenv").args(["env", "-0"]));
    let reference = run(sandbox.reference().args(["env", "-0"]));
    assert_eq!(text(&ours.stdout), text(&reference.stdout));
}
