//! Just enough of bash's grammar to lint add-on scripts: which simple commands
//! a script runs (including inside `$(...)`, conditions and function bodies),
//! with their words unquoted and their lines, and which top-level command
//! comes last. It is not an interpreter and never guesses a variable's value:
//! a word holding an expansion is marked as not literal, and checks skip it.
//! Quotes, escapes, comments, here-documents, `case` patterns, `[[ ]]` and
//! array assignments are understood so that text inside them is not taken
//! for a command. Unbalanced input simply ends; nothing here can panic or
//! recurse without bound.

#![forbid(unsafe_code)]

mod lexer;

use lexer::{Lexer, MAX_NESTING};
pub use lexer::{Tok, Word};

/// What a top-level command of the script is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Simple,
    Compound,
    Loop,
    Function,
}

/// A simple command: its name and arguments (assignments and redirections
/// left out).
#[derive(Clone, Debug)]
pub struct Cmd {
    pub words: Vec<Word>,
    pub line: usize,
    /// Which top-level command it belongs to (an index into `Script::items`).
    pub item: usize,
    pub in_subst: bool,
    pub in_function: bool,
    /// Part of a pipeline (`a | b`): each part runs in a subshell.
    pub piped: bool,
}

impl Cmd {
    /// The command name when it is literal.
    pub fn name(&self) -> Option<&str> {
        let word = self.words.first()?;
        word.literal.then_some(word.text.as_str())
    }
}

#[derive(Debug, Default)]
pub struct Script {
    pub cmds: Vec<Cmd>,
    /// Top-level commands: their kind and first line.
    pub items: Vec<(ItemKind, usize)>,
    /// Functions the script defines.
    pub functions: Vec<String>,
}

pub fn parse(text: &str) -> Script {
    let chars: Vec<char> = text.chars().collect();
    let tokens = Lexer::new(&chars, 1).tokens(0, false);
    let mut script = Script::default();
    Parser::new(&mut script, false, 0, 0).run(tokens);
    script
}

/// The words of one line of shell text, quotes removed (`ARG A="b c"`).
pub fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    Lexer::new(&chars, 1)
        .tokens(0, false)
        .into_iter()
        .filter_map(|token| match token {
            Tok::Word(word) => Some(word.text),
            _ => None,
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frame {
    If,
    /// `case WORD in`: the subject, then patterns, then a branch's commands.
    Case(CasePhase),
    /// `for`/`select` headers are words; `while`/`until` conditions are commands.
    Loop {
        words_header: bool,
        body: bool,
    },
    Brace,
    Subshell,
    /// `x=(a b c)`: words, not commands.
    Array,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CasePhase {
    Subject,
    Patterns,
    Branch,
}

struct Building2 {
    piped: bool,
    words: Vec<Word>,
    line: usize,
    last_ends_with_eq: bool,
    double_bracket: bool,
}

struct Parser<'s> {
    script: &'s mut Script,
    stack: Vec<(Frame, bool)>,
    cur: Option<Building2>,
    redirect_target: bool,
    /// The next command follows a `|`.
    piped_next: bool,
    function_name_next: bool,
    function_body_next: bool,
    after_function_name: bool,
    close_paren_next: bool,
    item_open: bool,
    in_subst: bool,
    item: usize,
    depth: usize,
}

impl<'s> Parser<'s> {
    fn new(script: &'s mut Script, in_subst: bool, item: usize, depth: usize) -> Parser<'s> {
        Parser {
            script,
            stack: Vec::new(),
            cur: None,
            redirect_target: false,
            piped_next: false,
            function_name_next: false,
            function_body_next: false,
            after_function_name: false,
            close_paren_next: false,
            item_open: false,
            in_subst,
            item,
            depth,
        }
    }

    fn run(mut self, tokens: Vec<Tok>) {
        for token in tokens {
            self.token(token);
        }
        self.end_command();
    }

    /// Replaces the innermost frame (the caller has just seen it is there).
    fn set_top(&mut self, frame: Frame) {
        if let Some(top) = self.stack.last_mut() {
            top.0 = frame;
        }
    }

    fn top(&self) -> Option<Frame> {
        self.stack.last().map(|(frame, _)| *frame)
    }

    fn in_function(&self) -> bool {
        self.stack.iter().any(|(_, function)| *function)
    }

    fn begin_item(&mut self, kind: ItemKind, line: usize) {
        if self.in_subst || !self.stack.is_empty() || self.item_open {
            return;
        }
        self.script.items.push((kind, line));
        self.item = self.script.items.len() - 1;
        self.item_open = true;
    }

    fn end_command(&mut self) {
        let Some(building) = self.cur.take() else {
            return;
        };
        if building.words.is_empty() {
            return;
        }
        let cmd = Cmd {
            line: building.line,
            words: building.words,
            item: self.item,
            in_subst: self.in_subst,
            in_function: self.in_function(),
            piped: building.piped,
        };
        self.script.cmds.push(cmd);
    }

    fn open(&mut self, frame: Frame, line: usize) {
        self.end_command();
        let function = std::mem::take(&mut self.function_body_next);
        let kind = match frame {
            _ if function => ItemKind::Function,
            Frame::Loop { .. } => ItemKind::Loop,
            _ => ItemKind::Compound,
        };
        self.begin_item(kind, line);
        self.stack.push((frame, function));
    }

    /// Closes the innermost frame of this kind (and any left open inside it).
    fn close(&mut self, matches: fn(Frame) -> bool) {
        self.end_command();
        if let Some(at) = self.stack.iter().rposition(|(frame, _)| matches(*frame)) {
            self.stack.truncate(at);
        }
    }

    fn token(&mut self, token: Tok) {
        if std::mem::take(&mut self.after_function_name) && token == Tok::Op("(") {
            // `function name () { ...; }`
            self.close_paren_next = true;
            return;
        }
        match self.top() {
            Some(Frame::Loop {
                words_header: true,
                body: false,
            }) => {
                if let Tok::Word(word) = token {
                    let is_do = word.literal && !word.quoted && word.text == "do";
                    self.subs(&word);
                    if is_do {
                        self.set_top(Frame::Loop {
                            words_header: true,
                            body: true,
                        });
                    }
                }
                return;
            }
            Some(Frame::Case(CasePhase::Subject)) => {
                if let Tok::Word(word) = token {
                    self.subs(&word);
                    if word.literal && !word.quoted && word.text == "in" {
                        self.set_top(Frame::Case(CasePhase::Patterns));
                    }
                }
                return;
            }
            Some(Frame::Case(CasePhase::Patterns)) => {
                match token {
                    Tok::Word(word) => {
                        self.subs(&word);
                        if word.literal && !word.quoted && word.text == "esac" {
                            self.close(|f| matches!(f, Frame::Case(_)));
                        }
                    }
                    Tok::Op(")") => self.set_top(Frame::Case(CasePhase::Branch)),
                    _ => {}
                }
                return;
            }
            Some(Frame::Array) => {
                match token {
                    Tok::Word(word) => self.subs(&word),
                    Tok::Op(")") => {
                        self.stack.pop();
                    }
                    _ => {}
                }
                return;
            }
            _ => {}
        }
        match token {
            Tok::Newline if self.cur.is_none() && self.piped_next => {}
            Tok::Newline | Tok::Op(";") | Tok::Op("&") => {
                self.piped_next = false;
                self.end_command();
                self.redirect_target = false;
                if self.stack.is_empty() && !self.function_body_next {
                    self.item_open = false;
                }
            }
            Tok::Op("&&") | Tok::Op("||") => {
                self.piped_next = false;
                self.end_command();
            }
            Tok::Op("|") | Tok::Op("|&") => {
                if let Some(building) = &mut self.cur {
                    building.piped = true;
                }
                self.piped_next = true;
                self.end_command();
            }
            Tok::Op(";;") | Tok::Op(";&") | Tok::Op(";;&") => {
                self.end_command();
                if let Some((Frame::Case(phase), _)) = self.stack.last_mut() {
                    *phase = CasePhase::Patterns;
                }
            }
            Tok::Op("(") => self.open_paren(),
            Tok::Op(")") => {
                if std::mem::take(&mut self.close_paren_next) {
                    return;
                }
                if self.top() == Some(Frame::Case(CasePhase::Branch)) {
                    return;
                }
                self.close(|f| f == Frame::Subshell);
            }
            Tok::Op(_) => self.redirect_target = true,
            Tok::Word(word) => self.word(word),
        }
    }

    fn open_paren(&mut self) {
        let line = self.cur.as_ref().map(|c| c.line).unwrap_or(0);
        match &mut self.cur {
            Some(building) if building.last_ends_with_eq => {
                self.stack.push((Frame::Array, false));
            }
            Some(building) if building.words.len() == 1 && !building.double_bracket => {
                // `name () { ...; }`
                let name = building.words[0].text.clone();
                self.cur = None;
                self.script.functions.push(name);
                if let Some(item) = self.script.items.last_mut() {
                    if self.stack.is_empty() && !self.in_subst && self.item_open {
                        item.0 = ItemKind::Function;
                    }
                }
                self.close_paren_next = true;
                self.function_body_next = true;
            }
            Some(_) => {}
            None => self.open(Frame::Subshell, line),
        }
    }

    /// Parses the command substitutions of a word as commands of their own.
    fn subs(&mut self, word: &Word) {
        if self.depth >= MAX_NESTING {
            return;
        }
        for tokens in &word.subs {
            Parser::new(self.script, true, self.item, self.depth + 1).run(tokens.clone());
        }
    }

    fn word(&mut self, word: Word) {
        self.subs(&word);
        if std::mem::take(&mut self.redirect_target) {
            return;
        }
        if std::mem::take(&mut self.function_name_next) {
            self.script.functions.push(word.text.clone());
            self.function_body_next = true;
            self.after_function_name = true;
            return;
        }
        if let Some(building) = &mut self.cur {
            if building.double_bracket {
                if word.text == "]]" && !word.quoted {
                    building.double_bracket = false;
                }
                return;
            }
            building.last_ends_with_eq = word.text.ends_with('=');
            if building.words.is_empty() && is_assignment(&word.text) {
                return;
            }
            if building.words.is_empty() {
                building.line = word.line;
            }
            building.words.push(word);
            return;
        }
        let keyword = word.literal && !word.quoted;
        let line = word.line;
        if keyword {
            match word.text.as_str() {
                "if" => return self.open(Frame::If, line),
                "then" | "else" | "elif" | "!" | "time" => return,
                "do" => {
                    if let Some((Frame::Loop { body, .. }, _)) = self.stack.last_mut() {
                        *body = true;
                    }
                    return;
                }
                "fi" => return self.close(|f| f == Frame::If),
                "done" => return self.close(|f| matches!(f, Frame::Loop { .. })),
                "esac" => return self.close(|f| matches!(f, Frame::Case(_))),
                "}" => return self.close(|f| f == Frame::Brace),
                "case" => return self.open(Frame::Case(CasePhase::Subject), line),
                "while" | "until" => {
                    let frame = Frame::Loop {
                        words_header: false,
                        body: false,
                    };
                    return self.open(frame, line);
                }
                "for" | "select" => {
                    let frame = Frame::Loop {
                        words_header: true,
                        body: false,
                    };
                    return self.open(frame, line);
                }
                "{" => return self.open(Frame::Brace, line),
                "function" => {
                    self.begin_item(ItemKind::Function, line);
                    self.function_name_next = true;
                    return;
                }
                _ => {}
            }
        }
        self.function_body_next = false;
        self.begin_item(ItemKind::Simple, line);
        let last_ends_with_eq = word.text.ends_with('=');
        let double_bracket = keyword && word.text == "[[";
        let assignment = is_assignment(&word.text);
        self.cur = Some(Building2 {
            piped: std::mem::take(&mut self.piped_next),
            words: if assignment { Vec::new() } else { vec![word] },
            line,
            last_ends_with_eq,
            double_bracket,
        });
    }
}

/// `NAME=...`, `NAME+=...`, `NAME[i]=...`.
fn is_assignment(text: &str) -> bool {
    let Some(eq) = text.find('=') else {
        return false;
    };
    let name = text[..eq].trim_end_matches('+');
    let name = match name.find('[') {
        Some(open) if name.ends_with(']') => &name[..open],
        _ => name,
    };
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The program an `exec` command runs (`exec -a NAME prog`), if any: `exec
/// 2>&1` runs none.
pub fn exec_program(cmd: &Cmd) -> Option<&Word> {
    if cmd.name() != Some("exec") {
        return None;
    }
    let mut rest = cmd.words[1..].iter();
    while let Some(word) = rest.next() {
        match word.text.as_str() {
            "-a" if word.literal => {
                rest.next();
            }
            "-c" | "-l" | "-cl" | "-lc" if word.literal => {}
            "--" if word.literal => return rest.next(),
            _ => return Some(word),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(script: &Script) -> Vec<(usize, String)> {
        script
            .cmds
            .iter()
            .map(|c| {
                (
                    c.line,
                    c.words
                        .iter()
                        .map(|w| w.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            })
            .collect()
    }

    #[test]
    fn lint_shell_finds_commands_in_every_context() {
        let script = parse(
            "#!/usr/bin/with-contenv bashio\n\
             # bashio::not.a_call in a comment\n\
             port=$(bashio::addon.port 80)\n\
             if bashio::config.true 'ssl'; then echo \"$(bashio::config \"cert\")\"; fi\n\
             bashio::log.info 'bashio::also.not_a_call' `bashio::config x`\n\
             trap 'bashio::quoted.not_a_call' EXIT\n",
        );
        let found = names(&script);
        assert_eq!(
            found,
            vec![
                (3, "bashio::addon.port 80".to_string()),
                (4, "bashio::config.true ssl".to_string()),
                (4, "bashio::config cert".to_string()),
                (4, "echo $".to_string()),
                (5, "bashio::config x".to_string()),
                (5, "bashio::log.info bashio::also.not_a_call $".to_string()),
                (6, "trap bashio::quoted.not_a_call EXIT".to_string()),
            ]
        );
        assert!(script.cmds[0].in_subst && !script.cmds[1].in_subst);
    }

    #[test]
    fn lint_shell_skips_heredocs_case_patterns_and_arrays() {
        let script = parse(
            "cat <<-'EOF' >/tmp/x\n\
             \tbashio::inside.heredoc\n\
             \tEOF\n\
             case \"$1\" in\n  start|bashio::pattern) bashio::log.info a ;;\n  *) exit 1 ;;\nesac\n\
             arr=(bashio::array.item \"x\")\n\
             [[ -n x ]] && bashio::log.info b\n\
             exec 2>&1\n",
        );
        assert_eq!(
            names(&script),
            vec![
                (1, "cat".to_string()),
                (5, "bashio::log.info a".to_string()),
                (6, "exit 1".to_string()),
                (9, "[[".to_string()),
                (9, "bashio::log.info b".to_string()),
                (10, "exec".to_string()),
            ]
        );
        assert!(exec_program(script.cmds.last().unwrap()).is_none());
    }

    #[test]
    fn lint_shell_knows_the_last_top_level_command() {
        let script = parse("main() {\n  exec foo\n}\nif x; then\n  exec a\nelse\n  exec b\nfi\n");
        assert_eq!(script.functions, vec!["main".to_string()]);
        assert_eq!(
            script.items,
            vec![(ItemKind::Function, 1), (ItemKind::Compound, 4)]
        );
        let last: Vec<_> = script.cmds.iter().filter(|c| c.item == 1).collect();
        assert_eq!(last.len(), 3);
        assert!(script.cmds[0].in_function);
        let script = parse("exec -a name \"${cmd[@]}\" --flag\n");
        assert_eq!(
            exec_program(&script.cmds[0]).map(|w| w.literal),
            Some(false)
        );
        let script = parse("while true; do\n  sleep 1\ndone\n");
        assert_eq!(script.items, vec![(ItemKind::Loop, 1)]);
        let script = parse("FOO=1 exec bar && true\nfor x in $(bashio::config list); do :; done");
        assert_eq!(script.items.len(), 2);
        assert_eq!(script.cmds[0].name(), Some("exec"));
        assert_eq!(script.cmds[1].name(), Some("true"));
        assert_eq!(script.cmds[2].name(), Some("bashio::config"));
        let script = parse("function bashio::mine() {\n  :\n}\nfunction other {\n  :\n}\n");
        assert_eq!(
            script.functions,
            vec!["bashio::mine".to_string(), "other".to_string()]
        );
        assert_eq!(script.items[0].0, ItemKind::Function);
    }

    #[test]
    fn lint_shell_survives_hostile_input() {
        for text in [
            "$(((((((",
            "\"unterminated $(foo",
            "`",
            "case",
            ")))}}}fi done esac",
            "<<",
            "cat <<EOF\nno end",
            "x=(",
            "f() ",
            "\\",
            "$",
            "${",
            "$'",
        ] {
            let _ = parse(text);
        }
        let deep = "$(".repeat(10_000) + &")".repeat(10_000);
        let _ = parse(&deep);
        let deep = "`echo \\`".repeat(2_000);
        let _ = parse(&deep);
        let deep = "if x; then ".repeat(10_000);
        let _ = parse(&deep);
    }
}
