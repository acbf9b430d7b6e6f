//! `tempio`: renders a Go text/template with sprig's functions from a JSON
//! configuration, as home-assistant/tempio does: the same flags (parsed as
//! Go's flag package parses them), input, output and failure lines
//! (`log.Fatal`'s timestamped line and status 1; a template that does not
//! parse ends as Go's panic does, status 2). Unlike tempio, `-out` is
//! written atomically: a failed render leaves an existing file untouched.

mod builtins;
mod encoding;
pub(crate) mod exec;
mod funcs;
mod gofmt;
pub(crate) mod json;
mod lex;
pub(crate) mod node;
pub(crate) mod parse;
mod sprig_dicts;
mod sprig_flow;
mod sprig_lists;
mod sprig_math;
mod sprig_semver;
mod sprig_strings;
pub(crate) mod value;

use std::ffi::OsString;
use std::io::{Read, Write};
use std::os::unix::ffi::OsStrExt;

/// The name tempio gives its template (error messages carry it).
pub const TEMPLATE_NAME: &str = "tempIO";
/// The tempio release whose usage text this prints.
pub const VERSION: &str = "2026.07.0";

const USAGE: &str = "  -conf string
    \tConfig json file, can be omitted if used in a pipe
  -out string
    \tOutput file, if not defined output will be to console
  -template string
    \tTemplate file
";

/// Stack for rendering: `template` may nest 100000 deep before Go stops it.
const STACK_BYTES: usize = 3 << 30;

fn usage() -> String {
    format!(
        "Version: {VERSION}\nDocumentation: https://github.com/home-assistant/tempio\n\n{USAGE}"
    )
}

#[derive(Default)]
struct Flags {
    conf: String,
    template: String,
    out: String,
}

enum FlagError {
    Help,
    Bad(String),
}

/// Go's flag.Parse over tempio's three string flags.
fn parse_flags(args: &[OsString]) -> Result<Flags, FlagError> {
    let mut flags = Flags::default();
    let mut rest = args
        .iter()
        .map(|a| String::from_utf8_lossy(a.as_bytes()).into_owned());
    while let Some(arg) = rest.next() {
        if arg.len() < 2 || !arg.starts_with('-') {
            break;
        }
        let mut minuses = 1;
        if arg.as_bytes()[1] == b'-' {
            minuses = 2;
            if arg.len() == 2 {
                break;
            }
        }
        let mut name = arg[minuses..].to_string();
        if name.is_empty() || name.starts_with('-') || name.starts_with('=') {
            return Err(FlagError::Bad(format!("bad flag syntax: {arg}")));
        }
        let mut value = None;
        if let Some(eq) = name[1..].find('=') {
            value = Some(name[eq + 2..].to_string());
            name.truncate(eq + 1);
        }
        let slot = match name.as_str() {
            "conf" => &mut flags.conf,
            "template" => &mut flags.template,
            "out" => &mut flags.out,
            "h" | "help" => return Err(FlagError::Help),
            _ => {
                return Err(FlagError::Bad(format!(
                    "flag provided but not defined: -{name}"
                )))
            }
        };
        let value = match value.or_else(|| rest.next()) {
            Some(v) => v,
            None => return Err(FlagError::Bad(format!("flag needs an argument: -{name}"))),
        };
        *slot = value;
    }
    Ok(flags)
}

/// `log.Fatal`'s line: local time, the message.
fn fatal(message: &str) -> i32 {
    // The type `time` gives it (libc names it differently on musl).
    let mut now = 0;
    // SAFETY: time and localtime_r write only into the locals given.
    let tm = unsafe {
        libc::time(&mut now);
        let mut tm: libc::tm = std::mem::zeroed();
        libc::localtime_r(&now, &mut tm);
        tm
    };
    eprintln!(
        "{:04}/{:02}/{:02} {:02}:{:02}:{:02} {message}",
        tm.tm_year + 1900,
        tm.tm_mon + 1,
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec
    );
    1
}

/// Go's text for an OS error: `open PATH: no such file or directory`
/// (`read PATH: is a directory`: Go opens a directory, then fails to read).
fn os_error(op: &str, path: &str, e: &std::io::Error) -> String {
    let op = if e.raw_os_error() == Some(libc::EISDIR) && op == "open" {
        "read"
    } else {
        op
    };
    let text = crate::errors::plain(e);
    let mut chars = text.chars();
    let lowered = match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect::<String>(),
        None => text,
    };
    format!("{op} {path}: {lowered}")
}

/// Whether standard input is a character device (a terminal, /dev/null),
/// which tempio does not read.
fn stdin_is_char_device() -> bool {
    // SAFETY: fstat writes only into the zeroed struct given.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        libc::fstat(0, &mut st) == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFCHR
    }
}

/// The configuration: `-conf FILE`, or JSON on stdin unless it is a
/// terminal. Only an object (or null) is accepted, as Go's map is.
fn read_config(conf: &str) -> Result<value::Value, String> {
    let (bytes, stream) = if conf.is_empty() {
        let stdin = std::io::stdin();
        if stdin_is_char_device() {
            return Ok(value::Value::map(Default::default()));
        }
        let mut bytes = Vec::new();
        stdin
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("read /dev/stdin: {}", crate::errors::plain(&e)))?;
        (bytes, true)
    } else {
        let bytes = std::fs::read(conf).map_err(|e| os_error("open", conf, &e))?;
        (bytes, false)
    };
    let value = if stream {
        let mut reader = json::Reader::new(&bytes, true);
        if reader.at_end() {
            return Err("EOF".into());
        }
        reader.value(0)?
    } else {
        json::unmarshal(&bytes)?
    };
    match value {
        value::Value::Map(..) => Ok(value),
        value::Value::Nil => Ok(value::Value::map(Default::default())),
        other => {
            let kind = match other {
                value::Value::List(..) => "array",
                value::Value::Str(_) => "string",
                value::Value::Bool(_) => "bool",
                _ => "number",
            };
            Err(format!(
                "json: cannot unmarshal {kind} into Go value of type map[string]interface {{}}"
            ))
        }
    }
}

/// The outcome of a render: the text, or how it failed.
pub enum Rendered {
    /// The rendered text, written only once the whole template ran.
    Text(String),
    /// A template that does not parse (Go panics).
    Panic(String),
    /// An execution error (Go's log.Fatal).
    Fatal(String),
}

/// Parses and runs `text` over `data`.
pub fn render(text: &str, data: value::Value) -> Rendered {
    render_limited(text, data, exec::MAX_DEPTH)
}

/// `render` with at most `max_depth` nested `template` calls (a small
/// limit lets callers on an ordinary stack run any template).
pub fn render_limited(text: &str, data: value::Value, max_depth: usize) -> Rendered {
    let mut trees = parse::Trees::new();
    let known = |name: &str| funcs::lookup(name).is_some();
    if let Err(e) = parse::parse(TEMPLATE_NAME, text, &known, &mut trees) {
        return Rendered::Panic(e);
    }
    let mut state = exec::State::new(&trees, text, TEMPLATE_NAME);
    state.max_depth = max_depth;
    match state.execute(TEMPLATE_NAME, exec::root(data)) {
        Ok(()) => Rendered::Text(std::mem::take(&mut state.out)),
        Err(e) => Rendered::Fatal(e),
    }
}

/// Every function name templates can call.
pub fn function_names() -> Vec<&'static str> {
    funcs::names()
}

/// Writes `bytes` to `path` atomically: a file already there keeps its
/// mode, and a link there is written through, as Go's os.WriteFile does.
fn write_out(path: &str, bytes: &[u8]) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    let given = std::path::Path::new(path);
    let target = match std::fs::canonicalize(given) {
        Ok(resolved) if given.is_symlink() => resolved,
        _ => given.to_path_buf(),
    };
    if target.is_dir() {
        return Err(format!("open {path}: is a directory"));
    }
    let existing = std::fs::metadata(&target)
        .ok()
        .map(|m| m.permissions().mode() & 0o7777);
    crate::atomic::write(&target, bytes, existing.unwrap_or(0o644))
        .and_then(|()| match existing {
            Some(mode) => std::fs::set_permissions(&target, std::fs::Permissions::from_mode(mode)),
            None => Ok(()),
        })
        .map_err(|e| os_error("open", path, &e))
}

/// `tempio -template FILE [-conf FILE] [-out FILE]`, on a stack deep
/// enough for Go's template depth limit.
pub fn main(args: &[OsString]) -> i32 {
    let args = args.to_vec();
    let worker = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || run(&args));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => code,
        _ => fatal("cannot start the renderer"),
    }
}

fn run(args: &[OsString]) -> i32 {
    let flags = match parse_flags(args) {
        Ok(flags) => flags,
        Err(FlagError::Help) => {
            eprint!("{}", usage());
            return 0;
        }
        Err(FlagError::Bad(message)) => {
            eprint!("{message}\n{}", usage());
            return 2;
        }
    };
    if flags.template.is_empty() {
        return fatal("Missing template argument");
    }
    let config = match read_config(&flags.conf) {
        Ok(config) => config,
        Err(e) => return fatal(&e),
    };
    let text = match std::fs::read(&flags.template) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            let reason = os_error("open", &flags.template, &e);
            return fatal(&format!(
                "Cant read template file {} - {reason}",
                flags.template
            ));
        }
    };
    let rendered = match render(&text, config) {
        Rendered::Text(text) => text,
        Rendered::Panic(message) => {
            eprintln!("panic: {message}\n\ngoroutine 1 [running]:");
            return 2;
        }
        Rendered::Fatal(message) => return fatal(&message),
    };
    if flags.out.is_empty() {
        let mut stdout = std::io::stdout().lock();
        let written = stdout
            .write_all(rendered.as_bytes())
            .and_then(|()| stdout.write_all(b"\n"))
            .and_then(|()| stdout.flush());
        return match written {
            Ok(()) => 0,
            Err(_) => 1,
        };
    }
    match write_out(&flags.out, rendered.as_bytes()) {
        Ok(()) => 0,
        Err(e) => fatal(&e),
    }
}
