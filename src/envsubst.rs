//! `envsubst`, as GNU gettext's: standard input to standard output with
//! `$NAME` and `${NAME}` replaced by the environment's values (unset: empty),
//! only the names a SHELL-FORMAT argument mentions when one is given, and no
//! other expansion. `-v` lists the names a SHELL-FORMAT mentions. Options,
//! messages and exit statuses are gettext-runtime 0.21's (getopt_long's).

#![forbid(unsafe_code)]

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};

const HELP: &str = "Usage: envsubst [OPTION] [SHELL-FORMAT]

Substitutes the values of environment variables.

Operation mode:
  -v, --variables             output the variables occurring in SHELL-FORMAT

Informative output:
  -h, --help                  display this help and exit
  -V, --version               output version information and exit

In normal operation mode, standard input is copied to standard output,
with references to environment variables of the form $VARIABLE or ${VARIABLE}
being replaced with the corresponding values.  If a SHELL-FORMAT is given,
only those environment variables that are referenced in SHELL-FORMAT are
substituted; otherwise all environment variables references occurring in
standard input are substituted.

When --variables is used, standard input is ignored, and the output consists
of the environment variables that are referenced in SHELL-FORMAT, one per line.

Report bugs in the bug tracker at <https://savannah.gnu.org/projects/gettext>
or by email to <bug-gettext@gnu.org>.
";

const VERSION: &str = "envsubst (GNU gettext-runtime) 0.21
Copyright (C) 2003-2020 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
Written by Bruno Haible.
";

/// Long options in getopt's table order (the order ambiguity messages list).
const LONG: &[(&str, u8)] = &[("help", b'h'), ("variables", b'v'), ("version", b'V')];

#[derive(Default)]
struct Options {
    help: bool,
    version: bool,
    variables: bool,
    operands: Vec<OsString>,
}

/// getopt_long's parse of "hvV" plus the long names, operands permuted to
/// the end; `Err` is the message (without the program name) for a bad option.
fn parse(args: &[OsString]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let bytes = arg.as_bytes();
        if bytes == b"--" {
            options.operands.extend(rest.by_ref().cloned());
            break;
        }
        if let Some(long) = bytes.strip_prefix(b"--") {
            let (name, value) = match long.iter().position(|&b| b == b'=') {
                Some(at) => (&long[..at], true),
                None => (long, false),
            };
            let exact = LONG.iter().find(|(n, _)| n.as_bytes() == name);
            let matches: Vec<_> = LONG
                .iter()
                .filter(|(n, _)| n.as_bytes().starts_with(name))
                .collect();
            let (full, flag) = match (exact, matches.as_slice()) {
                (Some(found), _) => *found,
                (None, [one]) => **one,
                (None, []) => {
                    return Err(format!(
                        "unrecognized option '{}'",
                        String::from_utf8_lossy(bytes)
                    ))
                }
                (None, many) => {
                    let names: Vec<String> = many.iter().map(|(n, _)| format!("'--{n}'")).collect();
                    return Err(format!(
                        "option '{}' is ambiguous; possibilities: {}",
                        String::from_utf8_lossy(&bytes[..2 + name.len()]),
                        names.join(" ")
                    ));
                }
            };
            if value {
                return Err(format!("option '--{full}' doesn't allow an argument"));
            }
            options.set(flag);
        } else if bytes.len() > 1 && bytes[0] == b'-' {
            for &flag in &bytes[1..] {
                if !matches!(flag, b'h' | b'v' | b'V') {
                    let shown = String::from_utf8_lossy(&[flag]).into_owned();
                    return Err(format!("invalid option -- '{shown}'"));
                }
                options.set(flag);
            }
        } else {
            options.operands.push(arg.clone());
        }
    }
    Ok(options)
}

impl Options {
    fn set(&mut self, flag: u8) {
        match flag {
            b'h' => self.help = true,
            b'V' => self.version = true,
            _ => self.variables = true,
        }
    }
}

fn is_first(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'_'
}

fn is_rest(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The names a SHELL-FORMAT references, in order, repeats kept.
pub fn variables(format: &[u8]) -> Vec<&[u8]> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < format.len() {
        let byte = format[at];
        at += 1;
        if byte != b'$' {
            continue;
        }
        let braced = format.get(at) == Some(&b'{');
        if braced {
            at += 1;
        }
        let start = at;
        if !format.get(at).is_some_and(|&b| is_first(b)) {
            continue;
        }
        while format.get(at).is_some_and(|&b| is_rest(b)) {
            at += 1;
        }
        let end = at;
        if braced {
            if format.get(at) != Some(&b'}') {
                continue;
            }
            at += 1;
        }
        found.push(&format[start..end]);
    }
    found
}

/// Substitutes `input`; `only` restricts the names replaced, `lookup` gives
/// a name's value (`None`: unset, replaced by nothing).
pub fn substitute(
    input: &[u8],
    only: Option<&[&[u8]]>,
    lookup: &dyn Fn(&[u8]) -> Option<Vec<u8>>,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut at = 0;
    while at < input.len() {
        let byte = input[at];
        at += 1;
        if byte != b'$' {
            out.push(byte);
            continue;
        }
        let braced = input.get(at) == Some(&b'{');
        let after_dollar = at;
        if braced {
            at += 1;
        }
        if !input.get(at).is_some_and(|&b| is_first(b)) {
            // "$" or "${" not followed by a name stays as it is; what follows
            // is read again (it may be another "$").
            out.extend_from_slice(&input[after_dollar - 1..at]);
            continue;
        }
        let start = at;
        while input.get(at).is_some_and(|&b| is_rest(b)) {
            at += 1;
        }
        let name = &input[start..at];
        let closed = braced && input.get(at) == Some(&b'}');
        if closed {
            at += 1;
        }
        let valid = (!braced || closed) && only.is_none_or(|names| names.contains(&name));
        if valid {
            if let Some(value) = lookup(name) {
                out.extend_from_slice(&value);
            }
        } else {
            out.extend_from_slice(&input[after_dollar - 1..at]);
        }
    }
    out
}

fn fail(program: &str, message: &str, hint: bool) -> i32 {
    eprintln!("{program}: {message}");
    if hint {
        eprintln!("Try '{program} --help' for more information.");
    }
    1
}

fn write_out(program: &str, bytes: &[u8]) -> i32 {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => 0,
        Err(e) => fail(
            program,
            &format!("write error: {}", crate::errors::plain(&e)),
            false,
        ),
    }
}

/// `envsubst [OPTION] [SHELL-FORMAT]`; `program` is the name it was run
/// under (its messages start with it, as getopt's and gettext's do).
pub fn main(program: &OsStr, args: &[OsString]) -> i32 {
    let program = program.to_string_lossy();
    let options = match parse(args) {
        Ok(options) => options,
        Err(message) => return fail(&program, &message, true),
    };
    if options.version {
        return write_out(&program, VERSION.as_bytes());
    }
    if options.help {
        return write_out(&program, HELP.as_bytes());
    }
    if options.operands.len() > 1 {
        return fail(&program, "too many arguments", false);
    }
    let format = options.operands.first().map(|f| f.as_bytes());
    if options.variables {
        let Some(format) = format else {
            return fail(&program, "missing arguments", false);
        };
        let mut listing = Vec::new();
        for name in variables(format) {
            listing.extend_from_slice(name);
            listing.push(b'\n');
        }
        return write_out(&program, &listing);
    }
    let mut input = Vec::new();
    if let Err(e) = std::io::stdin().lock().read_to_end(&mut input) {
        let message = format!(
            "error while reading \"standard input\": {}",
            crate::errors::plain(&e)
        );
        return fail(&program, &message, false);
    }
    let names = format.map(variables);
    let lookup = |name: &[u8]| std::env::var_os(OsStr::from_bytes(name)).map(OsString::into_vec);
    let out = substitute(&input, names.as_deref(), &lookup);
    write_out(&program, &out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &[u8]) -> Option<Vec<u8>> {
        match name {
            b"A" => Some(b"x".to_vec()),
            b"B" => Some(b"y".to_vec()),
            _ => None,
        }
    }

    #[test]
    fn substitutes_as_gettext_does() {
        let out = substitute(b"a$A $$A ${A} ${A ${1} $ $", None, &env);
        assert_eq!(out, b"ax $x x ${A ${1} $ $");
        assert_eq!(substitute(b"${", None, &env), b"${");
        assert_eq!(substitute(b"$A$B$C.", Some(&[b"B", b"C"]), &env), b"$Ay.");
    }

    #[test]
    fn lists_names() {
        let names = variables(b"$A ${B} ${C $D $A $");
        assert_eq!(names, vec![&b"A"[..], b"B", b"D", b"A"]);
    }
}
