//! `bashio completions bash|zsh|fish`: a completion script for `bashio NAME`,
//! `bashio help NAME`, the tool's own words, and `with-contenv PROGRAM ...`.
//!
//! Each shell's script is a template beside this file, filled by plain
//! replacement from the function table and from `TOOLS` below, so a new
//! function is completed without touching any script. It refuses to grow a
//! template language: placeholders are `!NAME!` and nothing else; words are
//! checked to need no quoting, descriptions are quoted for the shell.

#![forbid(unsafe_code)]

use crate::functions;
use std::ffi::OsString;
use std::io::Write;

const USAGE: &str = "usage: bashio completions bash|zsh|fish";

/// Makes one shell's script.
type Generate = fn() -> String;

/// Each shell, and how its script is made.
const SHELLS: &[(&str, Generate)] = &[("bash", bash), ("zsh", zsh), ("fish", fish)];

/// What a word after a tool word completes to.
#[derive(Clone, Copy)]
enum Arg {
    /// Nothing to offer.
    Nothing,
    /// The tool's own options (`--prefix`).
    Options,
    /// A function name (`bashio help NAME`).
    Function,
    /// A shell that `bashio completions` knows.
    Shell,
    /// A file or a directory.
    Path,
    /// A directory.
    Directory,
    /// One of these words.
    Choice(&'static [&'static str]),
}

/// A word of the tool itself (see `bashio --help`) and what follows it.
struct Tool {
    word: &'static str,
    about: &'static str,
    /// The first argument.
    first: Arg,
    /// Its options, each with what its value completes to.
    options: &'static [(&'static str, Arg)],
}

const TOOLS: &[Tool] = &[
    Tool::new("help", "what a function takes and does", Arg::Function),
    Tool::new("--help", "how to use bashio", Arg::Nothing),
    Tool::new("--version", "the version of bashio", Arg::Nothing),
    Tool::new("--list", "every bashio function name", Arg::Nothing),
    Tool::new(
        "--list-extensions",
        "the functions bashio does not have",
        Arg::Nothing,
    ),
    Tool::new("shim", "print the bash library", Arg::Nothing),
    Tool::new("install", "lay out bashio and its links", Arg::Options)
        .options(&[("--prefix", Arg::Directory)]),
    Tool::new("uninstall", "remove what install laid out", Arg::Options)
        .options(&[("--prefix", Arg::Directory)]),
    Tool::new(
        "validate",
        "check options against an add-on's schema",
        Arg::Directory,
    )
    .options(&[("--options", Arg::Path)]),
    Tool::new("lint", "check an add-on or rootfs for mistakes", Arg::Path)
        .options(&[("--format", Arg::Choice(&["json"]))]),
    Tool::new("completions", "print a shell completion script", Arg::Shell),
];

impl Tool {
    const fn new(word: &'static str, about: &'static str, first: Arg) -> Tool {
        Tool {
            word,
            about,
            first,
            options: &[],
        }
    }

    const fn options(self, options: &'static [(&'static str, Arg)]) -> Tool {
        Tool { options, ..self }
    }

    fn option_words(&self) -> String {
        let words: Vec<&str> = self.options.iter().map(|(option, _)| *option).collect();
        words.join(" ")
    }
}

pub fn main(args: &[OsString]) -> i32 {
    let words: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let [shell] = words.as_slice() else {
        eprintln!("{USAGE}");
        return 100;
    };
    if shell == "-h" || shell == "--help" {
        let _ = writeln!(std::io::stdout(), "{USAGE}");
        return 0;
    }
    let Some((_, generate)) = SHELLS.iter().find(|(name, _)| name == shell) else {
        eprintln!("bashio completions: unknown shell '{shell}' (bash, zsh or fish)");
        return 100;
    };
    // A closed pipe (`| head`) is not an error.
    let _ = std::io::stdout().lock().write_all(generate().as_bytes());
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

fn shell_words() -> String {
    let names: Vec<&str> = SHELLS.iter().map(|(name, _)| *name).collect();
    names.join(" ")
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
/// value of an option, then any option, then the first argument.
fn case_arm(tool: &Tool, open: &str, close: &str, arg: fn(Arg, &Tool) -> String) -> String {
    let mut arms: Vec<String> = tool
        .options
        .iter()
        .map(|(option, value)| format!("{open}{option},*{close} {} ;;", arg(*value, tool)))
        .collect();
    if !tool.options.is_empty() {
        arms.push(format!("{open}*,-*{close} {} ;;", arg(Arg::Options, tool)));
    }
    arms.push(format!(
        "{open}{},*{close} {} ;;",
        tool.word,
        arg(tool.first, tool)
    ));
    CASE.replace("!OPEN!", open)
        .replace("!CLOSE!", close)
        .replace("!WORD!", tool.word)
        .replace("!ARMS!", &indent(&arms, "        ", "\n"))
}

/// The arms of every tool word; those that take nothing share one, which
/// offers nothing (and no files).
fn case_arms(open: &str, close: &str, arg: fn(Arg, &Tool) -> String) -> String {
    let (bare, rest): (Vec<&Tool>, Vec<&Tool>) = TOOLS
        .iter()
        .partition(|tool| matches!(tool.first, Arg::Nothing) && tool.options.is_empty());
    let words: Vec<&str> = bare.iter().map(|tool| tool.word).collect();
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
fn bash_arg(arg: Arg, tool: &Tool) -> String {
    let words = |words: String| format!("_bashio_reply_words '{words}' \"$cur\"");
    match arg {
        Arg::Nothing => ":".to_string(),
        Arg::Options => words(tool.option_words()),
        Arg::Function => "_bashio_reply_functions \"$cur\"".to_string(),
        Arg::Shell => words(shell_words()),
        Arg::Path => "_bashio_reply_paths -f \"$cur\"".to_string(),
        Arg::Directory => "_bashio_reply_paths -d \"$cur\"".to_string(),
        Arg::Choice(choices) => words(choices.join(" ")),
    }
}

fn bash() -> String {
    let names: Vec<String> = functions().into_iter().map(|(name, _)| name).collect();
    let tools: Vec<&str> = TOOLS.iter().map(|tool| tool.word).collect();
    BASH.replace("!FUNCTIONS!", &indent(&names, "    ", "\n"))
        .replace("!TOOLS!", &tools.join(" "))
        .replace("!CASES!", &case_arms("", ")", bash_arg))
}

const ZSH: &str = include_str!("bashio.zsh");

/// Zsh code completing what `arg` completes to.
fn zsh_arg(arg: Arg, tool: &Tool) -> String {
    match arg {
        Arg::Nothing => ":".to_string(),
        Arg::Options => format!("compadd -- {}", tool.option_words()),
        Arg::Function => "_bashio_functions".to_string(),
        Arg::Shell => format!("compadd -- {}", shell_words()),
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
    let tools: Vec<String> = TOOLS
        .iter()
        .map(|tool| sh_quote(&format!("{}:{}", tool.word, tool.about)))
        .collect();
    ZSH.replace("!QUALIFIED!", &indent(&qualified, "  ", "\n"))
        .replace("!OTHER!", &indent(&other, "  ", "\n"))
        .replace("!TOOLS!", &indent(&tools, "    ", "\n"))
        .replace("!CASES!", &case_arms("(", ")", zsh_arg))
}

const FISH: &str = include_str!("bashio.fish");

/// What follows `-a`, `-F` and friends in fish's `complete`, or `None`
/// (fish offers a command's `-l` options by itself).
fn fish_arg(arg: Arg) -> Option<String> {
    match arg {
        Arg::Nothing | Arg::Options => None,
        Arg::Function => Some("-f -a '(__bashio_functions)'".to_string()),
        Arg::Shell => Some(format!("-f -a '{}'", shell_words())),
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
    let tools: Vec<String> = TOOLS
        .iter()
        .map(|tool| entry(tool.word, tool.about))
        .collect();
    let mut cases = Vec::new();
    for tool in TOOLS {
        if let Some(arg) = fish_arg(tool.first) {
            cases.push(format!(
                "complete -c bashio -n '__bashio_position 2 {}' {arg}",
                tool.word
            ));
        }
        for (option, arg) in tool.options {
            let long = option.trim_start_matches('-');
            let value = fish_arg(*arg).unwrap_or_default();
            cases.push(format!(
                "complete -c bashio -n '__bashio_tool {}' -l {long} -r {value}",
                tool.word
            ));
        }
    }
    FISH.replace("!FUNCTIONS!", &indent(&names, "        ", " \\\n"))
        .replace("!TOOLS!", &indent(&tools, "        ", " \\\n"))
        .replace("!CASES!", &cases.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for tool in TOOLS {
            assert!(plain(tool.word), "tool word {:?}", tool.word);
            for (option, arg) in tool.options {
                assert!(plain(option) && option.starts_with("--"), "{option}");
                if let Arg::Choice(words) = arg {
                    assert!(words.iter().all(|w| plain(w)));
                }
            }
        }
    }

    #[test]
    fn completions_fill_every_placeholder() {
        for (shell, generate) in SHELLS {
            let script = generate();
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
        for (shell, generate) in SHELLS {
            let script = generate();
            for name in functions::public_names()
                .iter()
                .chain(&functions::extension_names())
            {
                let short = name.strip_prefix("bashio::").unwrap_or(name);
                assert!(script.contains(short), "{shell}: {name} missing");
            }
            for tool in TOOLS {
                assert!(script.contains(tool.word), "{shell}: {} missing", tool.word);
            }
        }
    }

    #[test]
    fn completions_quote_descriptions() {
        assert_eq!(sh_quote("it's"), r"'it'\''s'");
        assert_eq!(fish_quote(r"it's a\b"), r"'it\'s a\\b'");
    }
}
