//! `bashio completions bash|zsh|fish`: a completion script for `bashio NAME`,
//! `bashio help NAME`, the tool's own words, and `with-contenv PROGRAM ...`.
//!
//! Each shell's script is a template beside this file, filled by plain
//! replacement from the function table and from the subcommands' clap
//! definition (`subcommands`), so a new function, subcommand or flag is
//! completed without touching any script. It refuses to grow a template
//! language: placeholders are `!NAME!` and nothing else; words are checked to
//! need no quoting, descriptions are quoted for the shell.
//!
//! Why not clap_complete's scripts: they complete subcommands and flags only,
//! while `bashio`'s first word is mostly a function name (with or without
//! `bashio::`, which bash splits at the colons) or a script, and
//! `with-contenv` takes a command; and for the subcommands they fall short of
//! these (bash offers flags but no directory for `validate `, fish no shells
//! for `completions `). The tests in tests/completions.rs run each script in
//! its shell.

#![forbid(unsafe_code)]

use crate::functions;
use crate::subcommands::{self as tools, Shell};
use clap::ValueHint;
use std::io::Write;

/// What a word after a tool word completes to.
#[derive(Clone)]
enum Arg {
    /// Nothing to offer.
    Nothing,
    /// The tool's own options (`--prefix`).
    Options,
    /// A function name (`bashio help NAME`).
    Function,
    /// A file or a directory.
    Path,
    /// A directory.
    Directory,
    /// One of these words.
    Choice(Vec<String>),
}

/// A word of the tool itself (see `bashio --help`) and what follows it.
struct Tool {
    word: String,
    about: String,
    /// The first argument.
    first: Arg,
    /// Its options, each with what its value completes to, or `None` for a
    /// flag that takes no value (`--fix`).
    options: Vec<(String, Option<Arg>)>,
}

/// The words `cli::main` answers itself, before any function name: clap
/// parses only the subcommands of `cli::tools`.
const TOP: &[(&str, &str, Arg)] = &[
    ("help", "what a function takes and does", Arg::Function),
    ("--help", "how to use bashio", Arg::Nothing),
    ("--version", "the version of bashio", Arg::Nothing),
    ("--list", "every bashio function name", Arg::Nothing),
    (
        "--list-extensions",
        "the functions bashio does not have",
        Arg::Nothing,
    ),
];

/// Every tool word: those of `TOP`, then the subcommands, in the order of
/// `bashio --help`.
fn tools() -> Vec<Tool> {
    let mut all: Vec<Tool> = TOP
        .iter()
        .map(|(word, about, first)| Tool {
            word: word.to_string(),
            about: about.to_string(),
            first: first.clone(),
            options: Vec::new(),
        })
        .collect();
    all.extend(tools::command().get_subcommands().map(Tool::of));
    all
}

impl Tool {
    /// A subcommand as its clap definition has it.
    fn of(command: &clap::Command) -> Tool {
        let options: Vec<(String, Option<Arg>)> = command
            .get_arguments()
            .filter(|arg| !arg.is_positional() && !arg.is_hide_set())
            .filter_map(|arg| {
                let long = arg.get_long().filter(|long| *long != "help")?;
                let value = arg.get_action().takes_values().then(|| value_of(arg));
                Some((format!("--{long}"), value))
            })
            .collect();
        let first = match command.get_positionals().next() {
            Some(arg) => value_of(arg),
            None if options.is_empty() => Arg::Nothing,
            None => Arg::Options,
        };
        Tool {
            word: command.get_name().to_string(),
            about: command
                .get_about()
                .map(ToString::to_string)
                .unwrap_or_default(),
            first,
            options,
        }
    }

    fn option_words(&self) -> String {
        let words: Vec<&str> = self
            .options
            .iter()
            .map(|(option, _)| option.as_str())
            .collect();
        words.join(" ")
    }
}

/// What a clap argument's value completes to.
fn value_of(arg: &clap::Arg) -> Arg {
    let choices: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_string())
        .collect();
    if !choices.is_empty() {
        return Arg::Choice(choices);
    }
    match arg.get_value_hint() {
        ValueHint::DirPath => Arg::Directory,
        ValueHint::AnyPath | ValueHint::FilePath => Arg::Path,
        _ => Arg::Nothing,
    }
}

/// `bashio completions SHELL`.
pub fn main(shell: Shell) -> i32 {
    let script = match shell {
        Shell::Bash => bash(),
        Shell::Zsh => zsh(),
        Shell::Fish => fish(),
    };
    // A closed pipe (`| head`) is not an error.
    let _ = std::io::stdout().lock().write_all(script.as_bytes());
    0
}

/// Every function, by its full name as `bashio --list` and
/// `bashio --list-extensions` print it, with what it does.
fn functions() -> Vec<(String, String)> {
    functions::public_names()
        .into_iter()
        .chain(functions::extension_names())
        .map(|name| {
            let about = match functions::resolve(&name) {
                Some((function, None)) => function
                    .usage
                    .split_once(':')
                    .map_or(function.usage, |(_, purpose)| purpose)
                    .trim()
                    .to_string(),
                Some((function, Some(_))) => format!("deprecated name of {}", function.name),
                None => String::new(),
            };
            (name, about)
        })
        .collect()
}

/// `text` between single quotes, for bash and zsh.
fn sh_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// `text` between single quotes, for fish.
fn fish_quote(text: &str) -> String {
    format!("'{}'", text.replace('\\', r"\\").replace('\'', r"\'"))
}

fn indent(lines: &[String], by: &str, separator: &str) -> String {
    let lines: Vec<String> = lines.iter().map(|line| format!("{by}{line}")).collect();
    lines.join(separator)
}

/// A tool's arm of the `case` on the first word, in bash or zsh: the
/// value of an option, then any option, then the first argument (after the
/// tool word or a flag).
fn case_arm(tool: &Tool, open: &str, close: &str, arg: fn(&Arg, &Tool) -> String) -> String {
    let mut arms: Vec<String> = tool
        .options
        .iter()
        .filter_map(|(option, value)| {
            let value = value.as_ref()?;
            Some(format!("{open}{option},*{close} {} ;;", arg(value, tool)))
        })
        .collect();
    if !tool.options.is_empty() {
        arms.push(format!("{open}*,-*{close} {} ;;", arg(&Arg::Options, tool)));
    }
    let mut after: Vec<String> = vec![format!("{},*", tool.word)];
    after.extend(
        tool.options
            .iter()
            .filter(|(_, value)| value.is_none())
            .map(|(flag, _)| format!("{flag},*")),
    );
    arms.push(format!(
        "{open}{}{close} {} ;;",
        after.join("|"),
        arg(&tool.first, tool)
    ));
    CASE.replace("!OPEN!", open)
        .replace("!CLOSE!", close)
        .replace("!WORD!", &tool.word)
        .replace("!ARMS!", &indent(&arms, "        ", "\n"))
}

/// The arms of every tool word; those that take nothing share one, which
/// offers nothing (and no files).
fn case_arms(tools: &[Tool], open: &str, close: &str, arg: fn(&Arg, &Tool) -> String) -> String {
    let (bare, rest): (Vec<&Tool>, Vec<&Tool>) = tools
        .iter()
        .partition(|tool| matches!(tool.first, Arg::Nothing) && tool.options.is_empty());
    let words: Vec<&str> = bare.iter().map(|tool| tool.word.as_str()).collect();
    let mut arms: Vec<String> = rest
        .iter()
        .map(|tool| case_arm(tool, open, close, arg))
        .collect();
    arms.push(format!("    {open}{}{close} ;;", words.join(" | ")));
    arms.join("\n")
}

const CASE: &str = "    !OPEN!!WORD!!CLOSE!
        case $prev,$cur in
!ARMS!
        esac
        ;;";

const BASH: &str = include_str!("bashio.bash");

/// Bash code replying with what `arg` completes to.
fn bash_arg(arg: &Arg, tool: &Tool) -> String {
    let words = |words: String| format!("_bashio_reply_words '{words}' \"$cur\"");
    match arg {
        Arg::Nothing => ":".to_string(),
        Arg::Options => words(tool.option_words()),
        Arg::Function => "_bashio_reply_functions \"$cur\"".to_string(),
        Arg::Path => "_bashio_reply_paths -f \"$cur\"".to_string(),
        Arg::Directory => "_bashio_reply_paths -d \"$cur\"".to_string(),
        Arg::Choice(choices) => words(choices.join(" ")),
    }
}

fn bash() -> String {
    let names: Vec<String> = functions().into_iter().map(|(name, _)| name).collect();
    let tools = tools();
    let words: Vec<&str> = tools.iter().map(|tool| tool.word.as_str()).collect();
    BASH.replace("!FUNCTIONS!", &indent(&names, "    ", "\n"))
        .replace("!TOOLS!", &words.join(" "))
        .replace("!CASES!", &case_arms(&tools, "", ")", bash_arg))
}

const ZSH: &str = include_str!("bashio.zsh");

/// Zsh code completing what `arg` completes to.
fn zsh_arg(arg: &Arg, tool: &Tool) -> String {
    match arg {
        Arg::Nothing => ":".to_string(),
        Arg::Options => format!("compadd -- {}", tool.option_words()),
        Arg::Function => "_bashio_functions".to_string(),
        Arg::Path => "_files".to_string(),
        Arg::Directory => "_files -/".to_string(),
        Arg::Choice(choices) => format!("compadd -- {}", choices.join(" ")),
    }
}

fn zsh() -> String {
    // `_describe` takes `NAME:DESCRIPTION`; names hold no `:` once the
    // `bashio::` is off (checked by a test).
    let mut qualified = Vec::new();
    let mut other = Vec::new();
    for (name, about) in functions() {
        match name.strip_prefix("bashio::") {
            Some(short) => qualified.push(sh_quote(&format!("{short}:{about}"))),
            None => other.push(sh_quote(&format!("{name}:{about}"))),
        }
    }
    let tools = tools();
    let described: Vec<String> = tools
        .iter()
        .map(|tool| sh_quote(&format!("{}:{}", tool.word, tool.about)))
        .collect();
    ZSH.replace("!QUALIFIED!", &indent(&qualified, "  ", "\n"))
        .replace("!OTHER!", &indent(&other, "  ", "\n"))
        .replace("!TOOLS!", &indent(&described, "    ", "\n"))
        .replace("!CASES!", &case_arms(&tools, "(", ")", zsh_arg))
}

const FISH: &str = include_str!("bashio.fish");

/// What follows `-a`, `-F` and friends in fish's `complete`, or `None`
/// (fish offers a command's `-l` options by itself).
fn fish_arg(arg: &Arg) -> Option<String> {
    match arg {
        Arg::Nothing | Arg::Options => None,
        Arg::Function => Some("-f -a '(__bashio_functions)'".to_string()),
        Arg::Path => Some("-F".to_string()),
        Arg::Directory => {
            Some("-f -a '(__fish_complete_directories (commandline -ct))'".to_string())
        }
        Arg::Choice(words) => Some(format!("-f -a '{}'", words.join(" "))),
    }
}

fn fish() -> String {
    let entry = |name: &str, about: &str| format!("{}\\t{}", fish_quote(name), fish_quote(about));
    let names: Vec<String> = functions()
        .iter()
        .map(|(name, about)| entry(name, about))
        .collect();
    let tools = tools();
    let described: Vec<String> = tools
        .iter()
        .map(|tool| entry(&tool.word, &tool.about))
        .collect();
    let mut cases = Vec::new();
    for tool in &tools {
        if let Some(arg) = fish_arg(&tool.first) {
            cases.push(format!(
                "complete -c bashio -n '__bashio_position 2 {}' {arg}",
                tool.word
            ));
        }
        for (option, value) in &tool.options {
            let long = option.trim_start_matches('-');
            let value = match value {
                Some(value) => match fish_arg(value) {
                    Some(completes) => format!(" -r {completes}"),
                    None => " -r".to_string(),
                },
                None => String::new(),
            };
            cases.push(format!(
                "complete -c bashio -n '__bashio_tool {}' -l {long}{value}",
                tool.word
            ));
        }
    }
    FISH.replace("!FUNCTIONS!", &indent(&names, "        ", " \\\n"))
        .replace("!TOOLS!", &indent(&described, "        ", " \\\n"))
        .replace("!CASES!", &cases.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each shell's script.
    fn scripts() -> [(&'static str, String); 3] {
        [("bash", bash()), ("zsh", zsh()), ("fish", fish())]
    }

    /// Words go into the scripts unquoted: none may need quoting in any shell.
    #[test]
    fn completions_words_need_no_quoting() {
        let plain = |word: &str| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        };
        for (name, about) in functions() {
            let short = name.strip_prefix("bashio::").unwrap_or(&name);
            assert!(plain(short), "function name {name:?}");
            assert!(!about.is_empty(), "{name} has no description");
        }
        for tool in tools() {
            assert!(plain(&tool.word), "tool word {:?}", tool.word);
            assert!(!tool.about.is_empty(), "{} has no description", tool.word);
            let mut values = vec![&tool.first];
            for (option, value) in &tool.options {
                assert!(plain(option) && option.starts_with("--"), "{option}");
                values.extend(value);
            }
            for value in values {
                if let Arg::Choice(words) = value {
                    assert!(words.iter().all(|w| plain(w)), "{words:?}");
                }
            }
        }
    }

    #[test]
    fn completions_fill_every_placeholder() {
        for (shell, script) in scripts() {
            let bytes = script.as_bytes();
            for (at, _) in script.match_indices('!') {
                let rest = &bytes[at + 1..];
                let length = rest
                    .iter()
                    .take_while(|b| b.is_ascii_uppercase() || **b == b'_')
                    .count();
                assert!(
                    length == 0 || rest.get(length) != Some(&b'!'),
                    "{shell}: placeholder left at {:?}",
                    &script[at..at + length + 2]
                );
            }
        }
    }

    #[test]
    fn completions_name_every_function_and_tool() {
        for (shell, script) in scripts() {
            for name in functions::public_names()
                .iter()
                .chain(&functions::extension_names())
            {
                let short = name.strip_prefix("bashio::").unwrap_or(name);
                assert!(script.contains(short), "{shell}: {name} missing");
            }
            for tool in tools() {
                assert!(
                    script.contains(&tool.word),
                    "{shell}: {} missing",
                    tool.word
                );
                for (option, _) in &tool.options {
                    let long = option.trim_start_matches('-');
                    assert!(script.contains(long), "{shell}: {option} missing");
                }
            }
        }
    }

    #[test]
    fn completions_read_the_subcommands_from_their_definition() {
        let tools = tools();
        let lint = tools.iter().find(|tool| tool.word == "lint");
        let lint = lint.map(|tool| (&tool.first, tool.option_words()));
        assert!(matches!(lint, Some((Arg::Path, words)) if words == "--fix --format"));
        let format = tools
            .iter()
            .find(|tool| tool.word == "validate")
            .and_then(|tool| tool.options.iter().find(|(option, _)| option == "--format"));
        assert!(
            matches!(format, Some((_, Some(Arg::Choice(words)))) if words == &["text", "json"])
        );
    }

    #[test]
    fn completions_quote_descriptions() {
        assert_eq!(sh_quote("it's"), r"'it'\''s'");
        assert_eq!(fish_quote(r"it's a\b"), r"'it\'s a\\b'");
    }
}
