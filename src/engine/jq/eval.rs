//! Running a prepared filter: compiling it with the natives it uses, reading
//! the input stream, printing each output, and jq's error messages and exit
//! statuses, on a thread with a large stack when the input or filter is deep.

use super::natives::{jaq_natives, Env, D, NATIVES};
use super::prepare::{prepare, select_prelude};
use super::read::{parse_json_text, Reader};
use super::value::{drop_deep, ObjMap, Str, E, V};
use super::write::{describe, dump_trunc, to_json, write_output};
use super::{failure, is_ignored_option, usage_error, JqOutput, JqVar, EXIT_COMPILE, EXIT_UNKNOWN};
use core::cell::{Cell, RefCell};
use jaq_core::load::{self, Arena, File, Loader};
use jaq_core::native::v;
use jaq_core::{Ctx, Vars};
use jaq_std::input::RcIter;
use std::collections::HashSet;
use std::rc::Rc;

fn env_object() -> V {
    let map: ObjMap = crate::env::vars()
        .into_iter()
        .map(|(k, v)| {
            (
                Str::from(String::from_utf8_lossy(&k).as_ref()),
                V::from(String::from_utf8_lossy(&v).into_owned()),
            )
        })
        .collect();
    V::Obj(Rc::new(map))
}

fn compile_error(filter: &str, messages: Vec<String>) -> JqOutput {
    let mut err = String::new();
    let n = messages.len().max(1);
    let shown: Vec<String> = filter.lines().map(|l| format!("    {l}")).collect();
    for m in messages {
        err.push_str(&format!(
            "jq: error: {m} at <top-level>, line 1:\n{}\n",
            shown.join("\n")
        ));
    }
    if n == 1 {
        err.push_str("jq: 1 compile error\n");
    } else {
        err.push_str(&format!("jq: {n} compile errors\n"));
    }
    failure(err, EXIT_COMPILE)
}

/// jq's message for an error that escaped the filter, and whether jq
/// reports it as "(not a string)".
fn error_message(e: E) -> (String, bool) {
    match e.into_val() {
        V::Str(s) => (
            translate_jaq_message(&s).unwrap_or_else(|| s.to_string()),
            false,
        ),
        v => (to_json(&v), true),
    }
}

/// A few errors come from jaq itself and embed values in its own wording;
/// rephrase them the way jq does.
fn translate_jaq_message(s: &str) -> Option<String> {
    fn value_prefix(s: &str) -> Option<(V, &str)> {
        let mut r = Reader::new(s.as_bytes());
        let v = r.parse_value()?.ok()?;
        Some((v, &s[r.pos..]))
    }
    if let Some(rest) = s.strip_prefix("cannot use ") {
        let (v, rest) = value_prefix(rest)?;
        let what = rest.strip_prefix(" as ")?;
        return Some(if what.starts_with("iterable") {
            format!("Cannot iterate over {}", describe(&v))
        } else {
            format!("{} cannot be used as {what}", describe(&v))
        });
    }
    if let Some(rest) = s.strip_prefix("invalid path expression with input ") {
        let (v, _) = value_prefix(rest)?;
        return Some(format!(
            "Invalid path expression with result {}",
            dump_trunc(&v)
        ));
    }
    None
}

/// Inputs with more brackets than this are evaluated on a thread with a large
/// stack, because evaluation recurses over nested values in places.
const DEEP_INPUT: usize = 256;
/// Filters longer than this are evaluated there too: parsing, compiling and
/// running a filter recurse over its structure (a long `.a|.a|...` chain or
/// deeply nested brackets would otherwise overflow an ordinary stack).
const DEEP_FILTER: usize = 128;
const DEEP_STACK: usize = 512 << 20;
/// The longest filter accepted, so that even the most deeply nested one fits
/// the large stack.
const MAX_FILTER: usize = 16 << 10;

pub(super) fn run_named(input: &[u8], filter: &str, vars: &[JqVar], filename: &str) -> JqOutput {
    // jq reads a program that looks like options as options
    if filter.len() > 1 && filter.starts_with('-') {
        let b = filter.as_bytes();
        if filter == "--" || is_ignored_option(filter) {
            return run_named(input, ".", vars, filename);
        }
        if b[1] == b'-' {
            return usage_error(&format!("Unknown option {filter}"));
        }
        if b[1].is_ascii_alphabetic() {
            let bad = filter[1..]
                .chars()
                .find(|c| !matches!(c, 'r' | 'c' | 'M'))
                .unwrap_or('?');
            return usage_error(&format!("Unknown option -{bad}"));
        }
    }
    if filter.len() > MAX_FILTER {
        return failure(
            format!("jq: error: program longer than {MAX_FILTER} bytes\njq: 1 compile error\n"),
            EXIT_COMPILE,
        );
    }
    let brackets = input.iter().filter(|c| matches!(c, b'[' | b'{')).count();
    if brackets <= DEEP_INPUT && filter.len() <= DEEP_FILTER {
        return evaluate(input, filter, vars, filename);
    }
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(DEEP_STACK)
            .spawn_scoped(scope, || {
                hold_signals();
                evaluate(input, filter, vars, filename)
            })
            .ok()
            .and_then(|h| h.join().ok())
            .unwrap_or_else(|| evaluate(input, filter, vars, filename))
    })
}

/// Keeps signals off the deep-stack thread: run inside bash as a builtin,
/// bash's handlers (SIGCHLD reaps children) must run on bash's own thread.
fn hold_signals() {
    // SAFETY: fills a local set and masks it for the calling thread only.
    unsafe {
        let mut all: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut all);
        libc::pthread_sigmask(libc::SIG_BLOCK, &all, std::ptr::null_mut());
    }
}

fn evaluate(input: &[u8], filter: &str, vars: &[JqVar], filename: &str) -> JqOutput {
    // Variables first: jq rejects bad --argjson text before compiling.
    let mut user_names: Vec<String> = Vec::new();
    let mut user_vals: Vec<V> = Vec::new();
    let mut named = ObjMap::default();
    let exit_status = vars.iter().any(|var| matches!(var, JqVar::ExitStatus));
    for var in vars {
        let (name, val) = match var {
            JqVar::ExitStatus => continue,
            JqVar::Arg(n, s) => (n, V::from(s.clone())),
            JqVar::ArgJson(n, text) => match parse_json_text(text.as_bytes()) {
                Ok(v) => (n, v),
                Err(_) => return usage_error("invalid JSON text passed to --argjson"),
            },
        };
        named.insert(Str::from(name.as_str()), val.clone());
        user_names.push(format!("${name}"));
        user_vals.push(val);
    }

    let prepared = prepare(filter);
    let mut needed: HashSet<&str> = prepared.idents.iter().map(String::as_str).collect();
    let mut prelude_text = select_prelude(&mut needed);
    prelude_text.push_str(&prepared.extra_defs);

    // global variables: jq's builtins, then the user's
    let mut names: Vec<String> = Vec::new();
    let mut vals: Vec<V> = Vec::new();
    if prepared.code.contains("$ENV") {
        names.push("$ENV".into());
        vals.push(env_object());
    }
    if prepared.code.contains("$ARGS") {
        let mut args = ObjMap::default();
        args.insert("positional".into(), V::arr(Vec::new()));
        args.insert("named".into(), V::Obj(Rc::new(named)));
        names.push("$ARGS".into());
        vals.push(V::Obj(Rc::new(args)));
    }
    names.extend(user_names);
    vals.extend(user_vals);

    let defs = load::parse(&prelude_text, |p| p.defs()).unwrap_or_default();
    let loader = Loader::new(defs);
    let arena = Arena::default();
    let program = File {
        code: prepared.code.as_str(),
        path: (),
    };
    let modules = match loader.load(&arena, program) {
        Ok(m) => m,
        Err(errs) => {
            let mut msgs = Vec::new();
            for (_file, e) in errs {
                match e {
                    load::Error::Io(v) => {
                        msgs.extend(v.into_iter().map(|(p, e)| format!("{e}: {p}")))
                    }
                    load::Error::Lex(v) => msgs.extend(v.into_iter().map(|(exp, at)| {
                        format!(
                            "syntax error, unexpected {}, expected {}",
                            shorten(at),
                            exp.as_str()
                        )
                    })),
                    load::Error::Parse(v) => msgs.extend(v.into_iter().map(|(exp, at)| {
                        if at.is_empty() {
                            "syntax error, unexpected end of file".to_string()
                        } else {
                            format!(
                                "syntax error, unexpected {}, expected {}",
                                shorten(at),
                                exp.as_str()
                            )
                        }
                    })),
                }
            }
            if let Some(text) = super::error::syntax(filter) {
                return failure(text, EXIT_COMPILE);
            }
            return compile_error(filter, msgs);
        }
    };
    let funs = NATIVES
        .iter()
        .filter(|(name, ..)| needed.contains(name))
        .map(|&(name, arity, f)| jaq_core::native::run::<D>((name, v(arity), f)))
        .chain(jaq_natives(&needed));
    let compiler = jaq_core::Compiler::default()
        .with_funs(funs)
        .with_global_vars(names.iter().map(String::as_str));
    let compiled = match compiler.compile(modules) {
        Ok(f) => f,
        Err(errs) => {
            let mut msgs = Vec::new();
            let mut placed = Vec::new();
            for (_file, list) in errs {
                for (name, undef) in list {
                    let offset =
                        (name.as_ptr() as usize).wrapping_sub(prepared.code.as_ptr() as usize);
                    msgs.push(match undef {
                        jaq_core::compile::Undefined::Filter(arity) => {
                            format!("{name}/{arity} is not defined")
                        }
                        jaq_core::compile::Undefined::Label => {
                            format!("$*label-{} is not defined", name.trim_start_matches('$'))
                        }
                        _ => format!("{name} is not defined"),
                    });
                    if offset < prepared.code.len() {
                        placed.push((offset, msgs[msgs.len() - 1].clone()));
                    }
                }
            }
            if let Some(text) = super::error::syntax(filter)
                .or_else(|| super::error::undefined(filter, &prepared.code, &placed))
            {
                return failure(text, EXIT_COMPILE);
            }
            return compile_error(filter, msgs);
        }
    };

    // Evaluate over the input stream; the last input decides the status.
    let line = Cell::new(0usize);
    let stderr = RefCell::new(Vec::new());
    let mut reader = Reader::new(input);
    let iter = std::iter::from_fn(|| {
        let r = reader.next_value()?;
        Some(r.map(|(v, l)| {
            line.set(l);
            v
        }))
    });
    let rc = RcIter::new(iter);
    let inputs: &RcIter<dyn Iterator<Item = Result<V, String>>> = &rc;
    let env = Env {
        lut: &compiled.lut,
        inputs,
        stderr: &stderr,
        filename,
        line: &line,
    };
    let mut stdout = Vec::new();
    let mut status = 0;
    let mut last_truthy = None;
    // `input` and `inputs` in the filter draw from the same stream
    for item in inputs {
        let value = match item {
            Ok(v) => v,
            Err(msg) => {
                stderr
                    .borrow_mut()
                    .extend_from_slice(format!("jq: parse error: {msg}\n").as_bytes());
                status = EXIT_UNKNOWN;
                break;
            }
        };
        status = 0;
        let keep = value.clone();
        let ctx = Ctx::<D>::new(&env, Vars::new(vals.iter().cloned()));
        let mut halted = None;
        for out in compiled.id.run((ctx, value)) {
            match out {
                Ok(v) => {
                    last_truthy = Some(jaq_core::ValT::as_bool(&v));
                    write_output(&v, &mut stdout);
                    stdout.push(b'\n');
                    drop_deep(v);
                }
                Err(exn) => {
                    match exn.get_err() {
                        Ok(e) => {
                            let (msg, not_string) = error_message(e);
                            let at = format!("{filename}:{}", line.get());
                            let text = if not_string {
                                format!("jq: error (at {at}) (not a string): {msg}\n")
                            } else {
                                format!("jq: error (at {at}): {msg}\n")
                            };
                            stderr.borrow_mut().extend_from_slice(text.as_bytes());
                            status = EXIT_UNKNOWN;
                        }
                        Err(exn) => halted = exn.get_halt().ok(),
                    }
                    break;
                }
            }
        }
        drop_deep(keep);
        if let Some(code) = halted {
            status = if code > 0 { code & 0xff } else { 0 };
            break;
        }
    }
    if exit_status && status == 0 {
        status = match last_truthy {
            Some(true) => 0,
            Some(false) => 1,
            None => 4,
        };
    }
    JqOutput {
        stdout,
        stderr: stderr.into_inner(),
        status,
    }
}

fn shorten(s: &str) -> String {
    let s: String = s.chars().take(20).collect();
    format!("'{s}'")
}
