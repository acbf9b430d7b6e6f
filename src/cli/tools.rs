//! The tool's own subcommands (`bashio install`, `validate`, `lint`,
//! `completions`, ...), their flags parsed by clap. Only those words come
//! here: a function call or a script never builds a parser. The shell
//! completions read their words, flags and value kinds from `command()`, so a
//! flag added here is completed in every shell without touching a script.

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum, ValueHint};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

/// The words `cli::main` sends here.
pub const WORDS: &[&str] = &[
    "shim",
    "install",
    "uninstall",
    "validate",
    "lint",
    "completions",
];

/// Status of a usage error, as for every other program in this binary.
const EXIT_USAGE: i32 = 100;

#[derive(Parser, Debug, PartialEq)]
#[command(name = "bashio", disable_help_subcommand = true)]
struct Tool {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug, PartialEq)]
pub enum Command {
    /// print the bash library (shims/bashio.sh)
    Shim,
    /// lay out /usr/lib/bashio, /usr/bin links, /command/with-contenv
    Install {
        #[command(flatten)]
        prefix: Prefix,
        /// link envsubst even over an envsubst already there (gettext's)
        #[arg(long)]
        with_envsubst: bool,
    },
    /// remove what install laid out
    Uninstall {
        #[command(flatten)]
        prefix: Prefix,
    },
    /// check options against an add-on's schema
    #[command(
        after_help = "The options are FILE's, or else the config's own defaults.\n\
                            Exits 1 when they are invalid, 100 on a usage error."
    )]
    Validate {
        /// the add-on's directory (config.yaml, config.yml or config.json)
        #[arg(value_name = "ADDON_DIR", value_hint = ValueHint::DirPath)]
        dir: PathBuf,
        /// the options to check, as JSON
        #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
        options: Option<PathBuf>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// check an add-on or rootfs for s6 and bashio mistakes
    #[command(
        after_help = "Prints FILE:LINE: error|warning: MESSAGE per finding and a count on stderr;\n\
                            exits 1 when there is an error, 0 otherwise, 100 on a usage error."
    )]
    Lint {
        /// first turn services.d services into s6-rc.d longruns of the user
        /// bundle (their dependencies.d: base and what services.d listed), then lint
        #[arg(long)]
        fix: bool,
        /// an add-on directory (config.yaml, rootfs/), a repository of add-ons
        /// (each linted on its own), or a rootfs
        #[arg(value_name = "PATH", value_hint = ValueHint::AnyPath)]
        path: PathBuf,
        #[command(flatten)]
        format: FormatArg,
    },
    /// print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
}

/// Where install and uninstall work.
#[derive(Args, Debug, PartialEq)]
pub struct Prefix {
    /// the root to lay out under
    #[arg(long = "prefix", value_name = "DIR", value_hint = ValueHint::DirPath, default_value = "/")]
    pub dir: PathBuf,
}

/// How validate and lint report.
#[derive(Args, Debug, PartialEq)]
pub struct FormatArg {
    /// lines for a person, or one JSON document on stdout
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq)]
pub enum Format {
    Text,
    Json,
}

/// A shell `bashio completions` writes a script for.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// Every subcommand as clap sees it: for the shell completions.
pub fn command() -> clap::Command {
    Tool::command()
}

/// `bashio WORD ARGS...` for a word of `WORDS`.
pub fn main(args: Vec<OsString>) -> i32 {
    let word = args
        .first()
        .map(|w| w.to_string_lossy().into_owned())
        .unwrap_or_default();
    match parse(args) {
        Ok(command) => run(command),
        Err(error) => report(&word, &error),
    }
}

fn parse(args: Vec<OsString>) -> Result<Command, clap::Error> {
    let matches =
        Tool::command().try_get_matches_from(std::iter::once("bashio".into()).chain(args))?;
    Tool::from_arg_matches(&matches).map(|tool| tool.command)
}

fn run(command: Command) -> i32 {
    match command {
        Command::Shim => {
            let _ = writeln!(
                std::io::stdout().lock(),
                "{}",
                crate::shim::generate().trim_end()
            );
            0
        }
        Command::Install {
            prefix,
            with_envsubst,
        } => crate::install::main(true, &prefix.dir, with_envsubst),
        Command::Uninstall { prefix } => crate::install::main(false, &prefix.dir, false),
        Command::Validate {
            dir,
            options,
            format,
        } => crate::validate::main(&dir, options.as_deref(), format.format == Format::Json),
        Command::Lint { fix, path, format } => {
            crate::lint::main(&path, fix, format.format == Format::Json)
        }
        Command::Completions { shell } => crate::completions::main(shell),
    }
}

/// Help on stdout with status 0; a mistake as one line, `bashio WORD: what
/// is wrong` (clap's words), then the subcommand's usage, status 100.
fn report(word: &str, error: &clap::Error) -> i32 {
    let text = error.render().to_string();
    if !error.use_stderr() {
        let _ = write!(std::io::stdout().lock(), "{text}");
        return 0;
    }
    let mut lines = text.lines();
    let mut problem = lines
        .next()
        .map(|first| first.strip_prefix("error: ").unwrap_or(first).to_string())
        .unwrap_or_default();
    // What clap puts on indented lines under the first (the missing
    // arguments, the possible values) belongs to it; its tips do not.
    for line in lines.take_while(|line| line.starts_with("  ")) {
        problem.push(' ');
        problem.push_str(line.trim());
    }
    let mut command = Tool::command();
    command.build();
    let usage = command
        .find_subcommand_mut(word)
        .map(|sub| sub.render_usage().to_string())
        .unwrap_or_default();
    let _ = writeln!(
        std::io::stderr().lock(),
        "bashio {word}: {problem}\n{usage}"
    );
    EXIT_USAGE
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStringExt;

    fn parsed(words: &[&str]) -> Result<Command, String> {
        parse(words.iter().map(OsString::from).collect()).map_err(|e| e.to_string())
    }

    fn validate(dir: &str, options: Option<&str>, format: Format) -> Command {
        Command::Validate {
            dir: dir.into(),
            options: options.map(PathBuf::from),
            format: FormatArg { format },
        }
    }

    #[test]
    fn tools_definition_is_consistent() {
        command().debug_assert();
        let names: Vec<String> = command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        assert_eq!(names, WORDS);
    }

    #[test]
    fn tools_take_arguments_in_any_order() {
        assert_eq!(
            parsed(&["validate", "dir"]),
            Ok(validate("dir", None, Format::Text))
        );
        assert_eq!(
            parsed(&["validate", "--options=o.json", "dir"]),
            Ok(validate("dir", Some("o.json"), Format::Text))
        );
        assert_eq!(
            parsed(&["validate", "dir", "--options", "o.json", "--format", "json"]),
            Ok(validate("dir", Some("o.json"), Format::Json))
        );
        assert_eq!(
            parsed(&["validate", "--", "-dir"]),
            Ok(validate("-dir", None, Format::Text))
        );
        assert_eq!(
            parsed(&["lint", "--format=json", "addon", "--fix"]),
            Ok(Command::Lint {
                fix: true,
                path: "addon".into(),
                format: FormatArg {
                    format: Format::Json
                },
            })
        );
        assert_eq!(
            parsed(&["install"]),
            Ok(Command::Install {
                prefix: Prefix { dir: "/".into() },
                with_envsubst: false
            })
        );
        assert_eq!(
            parsed(&["uninstall", "--prefix", "/tmp/root"]),
            Ok(Command::Uninstall {
                prefix: Prefix {
                    dir: "/tmp/root".into()
                }
            })
        );
        assert_eq!(
            parsed(&["completions", "fish"]),
            Ok(Command::Completions { shell: Shell::Fish })
        );
    }

    #[test]
    fn tools_refuse_bad_arguments() {
        for words in [
            &["validate"][..],
            &["validate", "dir", "--options"],
            &["validate", "dir", "other"],
            &["validate", "dir", "--verbose"],
            &["validate", "dir", "--options", "a", "--options", "b"],
            &["validate", "dir", "--format=xml"],
            &["lint"],
            &["lint", ".", "other"],
            &["uninstall", "--with-envsubst"],
            &["completions", "tcsh"],
            &["completions", "bash", "zsh"],
            &["shim", "extra"],
        ] {
            assert!(parsed(words).is_err(), "{words:?}");
        }
    }

    #[test]
    fn tools_keep_non_utf8_arguments_as_bytes() {
        let args = vec![
            OsString::from("validate"),
            OsString::from_vec(b"caf\xe9".to_vec()),
            OsString::from_vec(b"--options=\xff.json".to_vec()),
        ];
        assert_eq!(
            parse(args).map_err(|e| e.to_string()),
            Ok(Command::Validate {
                dir: PathBuf::from(OsString::from_vec(b"caf\xe9".to_vec())),
                options: Some(PathBuf::from(OsString::from_vec(b"\xff.json".to_vec()))),
                format: FormatArg {
                    format: Format::Text
                },
            })
        );
    }
}
