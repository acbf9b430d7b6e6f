//! `bashio completions bash|zsh|fish`: the bash script, sourced into a real
//! bash and asked as bash asks it (COMP_LINE, COMP_POINT, COMP_WORDS,
//! COMP_CWORD), replies exactly what the table and the tool's words say;
//! fish's and zsh's are checked in those shells when they are installed.

use crate::util::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The tool's own words, in the order the completion offers them.
const TOOLS: &[&str] = &[
    "help",
    "--help",
    "--version",
    "--list",
    "--list-extensions",
    "shim",
    "install",
    "uninstall",
    "validate",
    "lint",
    "completions",
];

fn bashio(args: &[&str]) -> Run {
    run(Command::new(binary()).args(args))
}

/// Every function name as typed after `bashio`, in table order.
fn function_names() -> Vec<String> {
    let listed = bashio(&["--list"]).stdout + &bashio(&["--list-extensions"]).stdout;
    listed
        .lines()
        .map(|name| name.strip_prefix("bashio::").unwrap_or(name).to_string())
        .collect()
}

fn names_starting(prefix: &str) -> Vec<String> {
    function_names()
        .into_iter()
        .filter(|name| name.starts_with(prefix))
        .collect()
}

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

/// A directory to complete paths in, and the generated scripts.
struct World {
    dir: tempfile::TempDir,
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().expect("temp dir");
        for shell in ["bash", "zsh", "fish"] {
            let result = bashio(&["completions", shell]);
            assert_eq!((result.status, result.stderr.as_str()), (0, ""), "{shell}");
            std::fs::write(dir.path().join(format!("script.{shell}")), result.stdout)
                .expect("write script");
        }
        let work = dir.path().join("work");
        for directory in ["addon/rootfs", "my dir"] {
            std::fs::create_dir_all(work.join(directory)).expect("mkdir");
        }
        for file in ["run.sh", "addon/config.yaml"] {
            std::fs::write(work.join(file), "").expect("write");
        }
        World { dir }
    }

    fn script(&self, shell: &str) -> PathBuf {
        self.dir.path().join(format!("script.{shell}"))
    }

    /// Where paths are completed: `addon/`, `my dir/`, `run.sh`.
    fn work(&self) -> PathBuf {
        self.dir.path().join("work")
    }

    /// COMPREPLY after bash calls `function` for `line`, the cursor at its end.
    fn bash_with(&self, function: &str, line: &str) -> Vec<String> {
        const HARNESS: &str = r#"
            source "$1" || exit 1
            COMP_LINE=$LINE
            COMP_POINT=${#LINE}
            COMP_WORDBREAKS=$' \t\n"'"'"'@><=;|&(:'
            read -ra COMP_WORDS <<<"$LINE"
            [[ $LINE == *' ' ]] && COMP_WORDS+=('')
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMPREPLY=(unset)
            "$2"
            if ((${#COMPREPLY[@]})); then printf '%s\n' "${COMPREPLY[@]}"; fi
        "#;
        let result = run(Command::new("bash")
            .args(["--norc", "--noprofile", "-c", HARNESS, "bash"])
            .arg(self.script("bash"))
            .arg(function)
            .env("LINE", line)
            .env("PATH", path_with_bashio(self.dir.path()))
            .current_dir(self.work()));
        assert_eq!((result.status, result.stderr.as_str()), (0, ""), "{line}");
        result.stdout.lines().map(str::to_string).collect()
    }

    fn bash(&self, line: &str) -> Vec<String> {
        self.bash_with("_bashio", line)
    }

    fn bash_sorted(&self, line: &str) -> Vec<String> {
        let mut reply = self.bash(line);
        reply.sort();
        reply
    }
}

/// PATH with `bashio` in it first, for with-contenv's command completion.
fn path_with_bashio(dir: &Path) -> String {
    let bin = dir.join("bin");
    if !bin.exists() {
        std::fs::create_dir_all(&bin).expect("bin");
        std::os::unix::fs::symlink(binary(), bin.join("bashio")).expect("link");
    }
    format!("{}:/usr/bin:/bin", bin.display())
}

fn installed(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

#[test]
fn bash_completes_function_names_from_the_table() {
    let world = World::new();
    let config = world.bash("bashio config.");
    assert_eq!(config, names_starting("config."));
    assert!(config.contains(&"config.require.username".to_string()));
    assert_eq!(
        world.bash("bashio contenv."),
        strings(&[
            "contenv.set",
            "contenv.get",
            "contenv.unset",
            "contenv.list"
        ])
    );
    assert_eq!(
        world.bash("bashio addon.po"),
        strings(&["addon.port", "addon.port_description"])
    );
    assert_eq!(
        world.bash("bashio hass."),
        strings(&["hass.die_if_true", "hass.die_if_empty"])
    );
}

#[test]
fn bash_offers_the_tool_words_and_every_function_on_an_empty_word() {
    let world = World::new();
    let reply = world.bash("bashio ");
    let mut expected = strings(TOOLS);
    expected.extend(function_names());
    assert_eq!(reply, expected);
    assert!(reply.contains(&"help".to_string()) && reply.contains(&"config".to_string()));
    assert_eq!(
        world.bash("bashio --l"),
        strings(&["--list", "--list-extensions"])
    );
    assert_eq!(world.bash("bashio --v"), strings(&["--version"]));
}

#[test]
fn bash_completes_the_name_after_help() {
    let world = World::new();
    assert_eq!(
        world.bash("bashio help app.po"),
        strings(&["app.port", "app.port_description"])
    );
    assert_eq!(world.bash("bashio help log.i"), strings(&["log.info"]));
    assert_eq!(world.bash("bashio help "), function_names());
    assert_eq!(world.bash("bashio help log.info "), strings(&[]));
}

#[test]
fn bash_completes_the_bashio_prefixed_form_after_the_colons() {
    // bash splits `bashio::config.req` at the colons: the reply replaces
    // what follows the last one.
    let world = World::new();
    let expected: Vec<String> = names_starting("config.req");
    assert_eq!(world.bash("bashio bashio::config.req"), expected);
    assert_eq!(world.bash("bashio help bashio::config.req"), expected);
    assert_eq!(world.bash("bashio bashio::hass."), strings(&[]));
}

#[test]
fn bash_completes_shells_after_completions() {
    let world = World::new();
    assert_eq!(
        world.bash("bashio completions "),
        strings(&["bash", "zsh", "fish"])
    );
    assert_eq!(world.bash("bashio completions z"), strings(&["zsh"]));
    assert_eq!(world.bash("bashio completions zsh "), strings(&[]));
}

#[test]
fn bash_completes_paths_for_validate_lint_and_install() {
    let world = World::new();
    assert_eq!(
        world.bash_sorted("bashio validate "),
        strings(&["addon", "my dir"])
    );
    assert_eq!(
        world.bash("bashio validate addon/"),
        strings(&["addon/rootfs"])
    );
    assert_eq!(
        world.bash("bashio validate addon --"),
        strings(&["--options", "--format"])
    );
    assert_eq!(
        world.bash("bashio validate addon --format "),
        strings(&["text", "json"])
    );
    assert_eq!(
        world.bash("bashio validate addon --options addon/"),
        world.bash("bashio lint addon/")
    );
    assert_eq!(
        world.bash_sorted("bashio lint addon/"),
        strings(&["addon/config.yaml", "addon/rootfs"])
    );
    assert_eq!(
        world.bash_sorted("bashio lint "),
        strings(&["addon", "my dir", "run.sh"])
    );
    assert_eq!(
        world.bash("bashio lint addon --"),
        strings(&["--fix", "--format"])
    );
    assert_eq!(
        world.bash("bashio lint addon --format "),
        strings(&["text", "json"])
    );
    // A flag that takes no value is followed by the first argument.
    assert_eq!(
        world.bash_sorted("bashio lint --fix "),
        strings(&["addon", "my dir", "run.sh"])
    );
    assert_eq!(
        world.bash("bashio install "),
        strings(&["--prefix", "--with-envsubst"])
    );
    assert_eq!(
        world.bash("bashio install --with-envsubst "),
        strings(&["--prefix", "--with-envsubst"])
    );
    assert_eq!(world.bash("bashio uninstall "), strings(&["--prefix"]));
    assert_eq!(
        world.bash_sorted("bashio uninstall --prefix "),
        strings(&["addon", "my dir"])
    );
    assert_eq!(world.bash("bashio shim "), strings(&[]));
    assert_eq!(world.bash("bashio --list "), strings(&[]));
}

#[test]
fn bash_completes_scripts_and_their_arguments_as_files() {
    let world = World::new();
    assert_eq!(world.bash("bashio ./r"), strings(&["./run.sh"]));
    let mut expected = names_starting("ru");
    expected.push("run.sh".to_string());
    assert_eq!(world.bash("bashio ru"), expected);
    assert_eq!(world.bash("bashio my\\ d"), strings(&["my dir"]));
    assert_eq!(
        world.bash_sorted("bashio ./run.sh "),
        strings(&["addon", "my dir", "run.sh"])
    );
    assert_eq!(world.bash("bashio ./run.sh a"), strings(&["addon"]));
    // A function's arguments are its own: no file names.
    assert_eq!(world.bash("bashio config "), strings(&[]));
    assert_eq!(world.bash("bashio bashio::config "), strings(&[]));
}

#[test]
fn bash_completes_with_contenv_as_a_command_prefix() {
    let world = World::new();
    let complete = |line: &str| world.bash_with("_bashio_with_contenv", line);
    assert!(complete("with-contenv bashi").contains(&"bashio".to_string()));
    assert!(complete("with-contenv ").contains(&"bashio".to_string()));
    assert_eq!(
        complete("with-contenv bashio log.i"),
        strings(&["log.info"])
    );
    assert_eq!(
        complete("with-contenv /usr/bin/bashio help app.po"),
        strings(&["app.port", "app.port_description"])
    );
    assert_eq!(complete("with-contenv ls ad"), strings(&["addon"]));
}

#[test]
fn bash_script_registers_both_commands() {
    let world = World::new();
    let result = run(Command::new("bash")
        .args([
            "--norc",
            "--noprofile",
            "-c",
            r#"source "$1" && complete -p"#,
            "bash",
        ])
        .arg(world.script("bash")));
    assert_eq!(
        (
            result.status,
            result.stdout.as_str(),
            result.stderr.as_str()
        ),
        (
            0,
            "complete -F _bashio bashio\ncomplete -F _bashio_with_contenv with-contenv\n",
            ""
        )
    );
}

#[test]
fn completion_tool_words_are_the_usage_words() {
    // Every `bashio WORD` of `bashio --help` is completed, and nothing else.
    let usage = bashio(&["--help"]).stdout;
    let mut from_usage: Vec<String> = usage
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            words.find(|word| *word == "bashio")?;
            let word = words.next()?;
            (word != "SCRIPT" && word != "FUNCTION").then(|| word.to_string())
        })
        .collect();
    from_usage.push("--help".to_string());
    from_usage.sort();
    let mut tools = strings(TOOLS);
    tools.sort();
    assert_eq!(tools, from_usage);
}

#[test]
fn every_script_names_every_function() {
    let world = World::new();
    let names = function_names();
    for shell in ["bash", "zsh", "fish"] {
        let script = std::fs::read_to_string(world.script(shell)).expect("script");
        for name in &names {
            assert!(script.contains(name.as_str()), "{shell}: {name} missing");
        }
        for tool in TOOLS {
            assert!(script.contains(tool), "{shell}: {tool} missing");
        }
    }
}

#[test]
fn bash_script_parses() {
    let world = World::new();
    let result = run(Command::new("bash").arg("-n").arg(world.script("bash")));
    assert_eq!((result.status, result.stderr.as_str()), (0, ""));
}

#[test]
fn zsh_script_parses_and_completes_when_zsh_is_installed() {
    if !installed("zsh") {
        eprintln!(
            "zsh is not installed: skipped (every_script_names_every_function checks its script)"
        );
        return;
    }
    let world = World::new();
    let result = run(Command::new("zsh").arg("-n").arg(world.script("zsh")));
    assert_eq!((result.status, result.stderr.as_str()), (0, ""));

    // An interactive zsh on a pseudo-terminal, compinit loaded, the script
    // sourced, TAB pressed; compadd records what it is asked to offer.
    const CAPTURE: &str = r#"
        zmodload zsh/zpty || exit 1
        zpty z zsh -f -i
        zpty -w z "PS1= ; cd ${(q)PWD}"
        zpty -w z "autoload -U compinit; compinit -u -D"
        zpty -w z "source ${(q)1}"
        zpty -w z "bindkey '^I' complete-word"
        zpty -w z 'compadd () {
          if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
          typeset -a __hits
          builtin compadd -A __hits "$@"
          local ret=$?
          (( $#__hits )) && print -r -l -- "<HIT>"${^__hits}
          return ret
        }'
        zpty -w z 'comppostfuncs=( exit )'
        zpty -w z 'print -- "<START>"'
        zpty -n -w z "$2"$'\t'
        integer started=0
        while zpty -r z; do :; done | while IFS= read -r line; do
          line=${line%$'\r'}
          if [[ $line == *'<START>'* && $line != *print* ]]; then started=1; continue; fi
          if (( started )) && [[ $line == *'<HIT>'* ]]; then print -r -- "${line#*<HIT>}"; fi
        done
        true
    "#;
    let complete = |line: &str| -> Vec<String> {
        let result = run(Command::new("zsh")
            .args(["-f", "-c", CAPTURE, "zsh"])
            .arg(world.script("zsh"))
            .arg(line)
            .current_dir(world.work()));
        assert_eq!(result.status, 0, "{line}: {}", result.stderr);
        let mut hits: Vec<String> = result.stdout.lines().map(str::to_string).collect();
        hits.sort();
        hits.dedup();
        hits
    };
    let mut config = names_starting("config.req");
    config.sort();
    assert_eq!(complete("bashio config.req"), config);
    assert_eq!(complete("bashio bashio::config.req"), config);
    assert_eq!(
        complete("bashio help app.po"),
        strings(&["app.port", "app.port_description"])
    );
    assert_eq!(
        complete("bashio completions "),
        strings(&["bash", "fish", "zsh"])
    );
    assert_eq!(
        complete("bashio lint addon --"),
        strings(&["--fix", "--format"])
    );
    assert_eq!(
        complete("bashio validate addon --format "),
        strings(&["json", "text"])
    );
    assert_eq!(
        complete("with-contenv bashio log.i"),
        strings(&["log.info"])
    );
}

#[test]
fn fish_script_parses_and_completes_when_fish_is_installed() {
    if !installed("fish") {
        eprintln!(
            "fish is not installed: skipped (every_script_names_every_function checks its script)"
        );
        return;
    }
    let world = World::new();
    let result = run(Command::new("fish")
        .arg("--no-execute")
        .arg(world.script("fish")));
    assert_eq!((result.status, result.stderr.as_str()), (0, ""));

    // `complete -C LINE` prints what fish would offer, with descriptions.
    let complete = |line: &str| -> Vec<String> {
        let result = run(Command::new("fish")
            .args([
                "--no-config",
                "-c",
                r#"source $argv[1]; complete -C $argv[2]"#,
            ])
            .arg(world.script("fish"))
            .arg(line)
            .env("PATH", path_with_bashio(world.dir.path()))
            .current_dir(world.work()));
        assert_eq!((result.status, result.stderr.as_str()), (0, ""), "{line}");
        result
            .stdout
            .lines()
            .map(|line| line.split('\t').next().unwrap_or("").to_string())
            .collect()
    };
    let mut config = names_starting("config.");
    config.sort();
    assert_eq!(complete("bashio config."), config);
    let mut prefixed: Vec<String> = names_starting("config.req")
        .iter()
        .map(|name| format!("bashio::{name}"))
        .collect();
    prefixed.sort();
    assert_eq!(complete("bashio bashio::config.req"), prefixed);
    assert_eq!(
        complete("bashio help app.po"),
        strings(&["app.port", "app.port_description"])
    );
    assert_eq!(
        complete("bashio completions "),
        strings(&["bash", "fish", "zsh"])
    );
    assert_eq!(
        complete("bashio validate "),
        strings(&["addon/", "my dir/"])
    );
    assert_eq!(
        complete("bashio lint --format "),
        strings(&["json", "text"])
    );
    assert_eq!(complete("bashio lint --f"), strings(&["--fix", "--format"]));
    assert_eq!(
        complete("bashio validate addon --format "),
        strings(&["json", "text"])
    );
    assert_eq!(complete("bashio config "), strings(&[]));
    assert_eq!(complete("bashio ./r"), strings(&["./run.sh"]));
    assert_eq!(
        complete("bashio ./run.sh "),
        strings(&["addon/", "my dir/", "run.sh"])
    );
    assert_eq!(
        complete("with-contenv bashio log.i"),
        strings(&["log.info"])
    );
    let help = bashio(&["help", "log.info"]).stdout;
    let purpose = help.lines().nth(1).unwrap_or("").trim();
    let described = run(Command::new("fish")
        .args([
            "--no-config",
            "-c",
            r#"source $argv[1]; complete -C 'bashio log.inf'"#,
        ])
        .arg(world.script("fish")));
    assert_eq!(described.stdout, format!("log.info\t{purpose}\n"));
}

#[test]
fn completions_without_a_known_shell_is_a_usage_error() {
    let usage = "Usage: bashio completions <SHELL>\n";
    let none = bashio(&["completions"]);
    assert_eq!(
        (none.status, none.stdout.as_str(), none.stderr.as_str()),
        (
            100,
            "",
            &*format!("bashio completions: the following required arguments were not provided: <SHELL>\n{usage}")
        )
    );
    let two = bashio(&["completions", "bash", "zsh"]);
    assert_eq!(
        (two.status, two.stdout.as_str(), two.stderr.as_str()),
        (
            100,
            "",
            &*format!("bashio completions: unexpected argument 'zsh' found\n{usage}")
        )
    );
    let unknown = bashio(&["completions", "tcsh"]);
    assert_eq!(
        (
            unknown.status,
            unknown.stdout.as_str(),
            unknown.stderr.as_str()
        ),
        (
            100,
            "",
            &*format!("bashio completions: invalid value 'tcsh' for '<SHELL>' [possible values: bash, zsh, fish]\n{usage}")
        )
    );
    let help = bashio(&["completions", "--help"]);
    assert_eq!(
        (help.status, help.stdout.as_str(), help.stderr.as_str()),
        (
            0,
            "print a shell completion script\n\n\
             Usage: bashio completions <SHELL>\n\n\
             Arguments:\n  <SHELL>  [possible values: bash, zsh, fish]\n\n\
             Options:\n  -h, --help  Print help\n",
            ""
        )
    );
}
