//! The tool's own subcommands (`bashio install`, `validate`, `lint`,
//! `completions`, ...) and their flags, defined and parsed with clap; `cli`
//! runs them. Only those words come here: a function call or a script never
//! builds a parser. The shell
//! completions read their words, flags and value kinds from `command()`, so a
//! flag added here is completed in every shell without touching a script.
//!
//! clap's builder rather than its derive: the same help and errors, 15,584
//! bytes less in the static release binary, and no proc-macro to build.

#![forbid(unsafe_code)]

use clap::{value_parser, Arg, ArgAction, ArgMatches, ValueHint};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

/// The words `cli::main` sends here, when no function has the name.
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

/// A subcommand and its arguments.
#[derive(Debug, PartialEq)]
pub enum Command {
    Shim,
    Install {
        prefix: PathBuf,
        with_envsubst: bool,
    },
    Uninstall {
        prefix: PathBuf,
    },
    Validate {
        dir: PathBuf,
        options: Option<PathBuf>,
        json: bool,
    },
    Lint {
        fix: bool,
        path: PathBuf,
        json: bool,
    },
    Completions {
        shell: Shell,
    },
}

/// A shell `bashio completions` writes a script for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

const SHELLS: [(&str, Shell); 3] = [
    ("bash", Shell::Bash),
    ("zsh", Shell::Zsh),
    ("fish", Shell::Fish),
];

fn path_arg(id: &'static str, hint: ValueHint) -> Arg {
    Arg::new(id)
        .value_hint(hint)
        .value_parser(value_parser!(PathBuf))
}

fn prefix() -> Arg {
    path_arg("prefix", ValueHint::DirPath)
        .long("prefix")
        .value_name("DIR")
        .default_value("/")
        .help("the root to lay out under")
}

fn format() -> Arg {
    Arg::new("format")
        .long("format")
        .value_name("FORMAT")
        .value_parser(["text", "json"])
        .default_value("text")
        .help("lines for a person, or one JSON document on stdout")
}

/// Every subcommand as clap sees it: for parsing and the shell completions.
pub fn command() -> clap::Command {
    use clap::Command as C;
    C::new("bashio")
        .disable_help_subcommand(true)
        .subcommand_required(true)
        .subcommand(C::new("shim").about("print the bash library (shims/bashio.sh)"))
        .subcommand(
            C::new("install")
                .about("lay out /usr/lib/bashio, /usr/bin links, /command/with-contenv")
                .arg(prefix())
                .arg(
                    Arg::new("with-envsubst")
                        .long("with-envsubst")
                        .action(ArgAction::SetTrue)
                        .help("link envsubst even over an envsubst already there (gettext's)"),
                ),
        )
        .subcommand(
            C::new("uninstall")
                .about("remove what install laid out")
                .arg(prefix()),
        )
        .subcommand(
            C::new("validate")
                .about("check options against an add-on's schema")
                .after_help(
                    "The options are FILE's, or else the config's own defaults.\n\
                     Exits 1 when they are invalid, 100 on a usage error.",
                )
                .arg(
                    path_arg("dir", ValueHint::DirPath)
                        .value_name("ADDON_DIR")
                        .required(true)
                        .help("the add-on's directory (config.yaml, config.yml or config.json)"),
                )
                .arg(
                    path_arg("options", ValueHint::FilePath)
                        .long("options")
                        .value_name("FILE")
                        .help("the options to check, as JSON"),
                )
                .arg(format()),
        )
        .subcommand(
            C::new("lint")
                .about("check an add-on or rootfs for s6 and bashio mistakes")
                .after_help(
                    "Prints FILE:LINE: error|warning: MESSAGE per finding and a count on stderr;\n\
                     exits 1 when there is an error, 0 otherwise, 100 on a usage error.",
                )
                .arg(Arg::new("fix").long("fix").action(ArgAction::SetTrue).help(
                    "first turn services.d services into s6-rc.d longruns of the user bundle \
                     (their dependencies.d: base and what services.d listed), then lint",
                ))
                .arg(
                    path_arg("path", ValueHint::AnyPath)
                        .value_name("PATH")
                        .required(true)
                        .help(
                            "an add-on directory (config.yaml, rootfs/), a repository of add-ons \
                             (each linted on its own), or a rootfs",
                        ),
                )
                .arg(format()),
        )
        .subcommand(
            C::new("completions")
                .about("print a shell completion script")
                .arg(
                    Arg::new("shell")
                        .value_name("SHELL")
                        .required(true)
                        .value_parser(SHELLS.map(|(name, _)| name)),
                ),
        )
}

/// The subcommand and its flags, as clap reads them.
pub(crate) fn parse(args: Vec<OsString>) -> Result<Command, clap::Error> {
    let matches = command().try_get_matches_from(std::iter::once("bashio".into()).chain(args))?;
    let path = |m: &ArgMatches, id: &str| m.try_get_one::<PathBuf>(id).ok().flatten().cloned();
    let word = |m: &ArgMatches, id: &str| {
        m.try_get_one::<String>(id)
            .ok()
            .flatten()
            .cloned()
            .unwrap_or_default()
    };
    let flag = |m: &ArgMatches, id: &str| m.try_get_one::<bool>(id).ok().flatten() == Some(&true);
    Ok(match matches.subcommand() {
        Some(("install", m)) => Command::Install {
            prefix: path(m, "prefix").unwrap_or_default(),
            with_envsubst: flag(m, "with-envsubst"),
        },
        Some(("uninstall", m)) => Command::Uninstall {
            prefix: path(m, "prefix").unwrap_or_default(),
        },
        Some(("validate", m)) => Command::Validate {
            dir: path(m, "dir").unwrap_or_default(),
            options: path(m, "options"),
            json: word(m, "format") == "json",
        },
        Some(("lint", m)) => Command::Lint {
            fix: flag(m, "fix"),
            path: path(m, "path").unwrap_or_default(),
            json: word(m, "format") == "json",
        },
        Some(("completions", m)) => {
            let name = word(m, "shell");
            let shell = SHELLS.iter().find(|(known, _)| *known == name);
            Command::Completions {
                shell: shell.map_or(Shell::Bash, |(_, shell)| *shell),
            }
        }
        _ => Command::Shim,
    })
}

/// Help on stdout with status 0; a mistake as one line, `bashio WORD: what
/// is wrong` (clap's words), then the subcommand's usage, status 100.
pub(crate) fn report(word: &str, error: &clap::Error) -> i32 {
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
    let mut command = command();
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

    fn validate(dir: &str, options: Option<&str>, json: bool) -> Command {
        Command::Validate {
            dir: dir.into(),
            options: options.map(PathBuf::from),
            json,
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
        // `cli::main` looks the functions up first.
        for word in WORDS {
            assert!(crate::functions::resolve(word).is_none(), "{word}");
        }
    }

    #[test]
    fn tools_take_arguments_in_any_order() {
        assert_eq!(
            parsed(&["validate", "dir"]),
            Ok(validate("dir", None, false))
        );
        assert_eq!(
            parsed(&["validate", "--options=o.json", "dir"]),
            Ok(validate("dir", Some("o.json"), false))
        );
        assert_eq!(
            parsed(&["validate", "dir", "--options", "o.json", "--format", "json"]),
            Ok(validate("dir", Some("o.json"), true))
        );
        assert_eq!(
            parsed(&["validate", "--", "-dir"]),
            Ok(validate("-dir", None, false))
        );
        assert_eq!(
            parsed(&["lint", "--format=json", "addon", "--fix"]),
            Ok(Command::Lint {
                fix: true,
                path: "addon".into(),
                json: true,
            })
        );
        assert_eq!(
            parsed(&["lint", "addon"]),
            Ok(Command::Lint {
                fix: false,
                path: "addon".into(),
                json: false,
            })
        );
        assert_eq!(
            parsed(&["install", "--with-envsubst"]),
            Ok(Command::Install {
                prefix: "/".into(),
                with_envsubst: true
            })
        );
        assert_eq!(
            parsed(&["uninstall", "--prefix", "/tmp/root"]),
            Ok(Command::Uninstall {
                prefix: "/tmp/root".into()
            })
        );
        for (name, shell) in SHELLS {
            assert_eq!(
                parsed(&["completions", name]),
                Ok(Command::Completions { shell })
            );
        }
        assert_eq!(parsed(&["shim"]), Ok(Command::Shim));
    }

    #[test]
    fn tools_refuse_bad_arguments() {
        for words in [
            &[][..],
            &["validate"],
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
                json: false,
            })
        );
    }
}
