//! The template parser: tokens into trees (the main template and every
//! `define`/`block`), with Go's grammar, its checks (unknown functions and
//! variables, `break` outside `range`, empty pipelines) and its messages,
//! `template: NAME:LINE: ...`.

#![forbid(unsafe_code)]

use super::lex::{lex, Item, Kind};
use super::node::{Arg, Branch, Command, List, Node, Number, Pipe};
use std::collections::HashMap;
use std::rc::Rc;

pub type Trees = HashMap<String, Rc<List>>;

pub struct Parser<'a> {
    items: Vec<Item>,
    at: usize,
    furthest: usize,
    parse_name: &'a str,
    has_function: &'a dyn Fn(&str) -> bool,
    vars: Vec<String>,
    range_depth: usize,
    action_line: usize,
    trees: &'a mut Trees,
}

type Result<T> = std::result::Result<T, String>;

fn unquote(text: &str) -> Result<String> {
    let bytes = text.as_bytes();
    if bytes.len() < 2 {
        return Err("invalid syntax".into());
    }
    let (first, last) = (bytes[0], bytes[bytes.len() - 1]);
    let body = &text[1..text.len() - 1];
    if first == b'`' && last == b'`' {
        if body.contains('`') {
            return Err("invalid syntax".into());
        }
        return Ok(body.replace('\r', ""));
    }
    if first != last || (first != b'"' && first != b'\'') {
        return Err("invalid syntax".into());
    }
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == first as char || c == '\n' {
            return Err("invalid syntax".into());
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let escaped = chars.next().ok_or("invalid syntax")?;
        let mut hex = |n: usize| -> Result<u32> {
            let digits: String = chars.by_ref().take(n).collect();
            if digits.len() != n {
                return Err("invalid syntax".into());
            }
            u32::from_str_radix(&digits, 16).map_err(|_| "invalid syntax".to_string())
        };
        match escaped {
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\u{b}'),
            '\\' => out.push('\\'),
            '\'' | '"' if escaped as u32 == first as u32 => out.push(escaped),
            'x' => {
                let v = hex(2)?;
                out.push(char::from_u32(v).ok_or("invalid syntax")?);
            }
            'u' | 'U' => {
                let v = hex(if escaped == 'u' { 4 } else { 8 })?;
                out.push(char::from_u32(v).ok_or("invalid syntax")?);
            }
            '0'..='7' => {
                let rest: String = chars.by_ref().take(2).collect();
                let v = u32::from_str_radix(&format!("{escaped}{rest}"), 8)
                    .map_err(|_| "invalid syntax".to_string())?;
                if v > 255 || rest.len() != 2 {
                    return Err("invalid syntax".into());
                }
                out.push(char::from_u32(v).ok_or("invalid syntax")?);
            }
            _ => return Err("invalid syntax".into()),
        }
    }
    if first == b'\'' && out.chars().count() != 1 {
        return Err("invalid syntax".into());
    }
    Ok(out)
}

/// Go's `strconv.ParseInt(text, 0, 64)` / `ParseUint` (base prefixes,
/// underscores): the sign and magnitude, or None for bad syntax or a
/// magnitude beyond u64.
pub fn parse_integer(text: &str) -> Option<(bool, u64)> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits, prefixed) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d.to_string(), true)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d.to_string(), true)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d.to_string(), true)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, lower[1..].to_string(), true)
    } else {
        (10, lower.clone(), false)
    };
    // Underscores only between digits or after a base prefix.
    if digits.contains('_')
        && (digits.ends_with('_')
            || digits.contains("__")
            || (!prefixed && digits.starts_with('_')))
    {
        return None;
    }
    let digits = digits.replace('_', "");
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    u64::from_str_radix(&digits, radix)
        .ok()
        .map(|v| (negative, v))
}

fn new_number(text: &str, kind: Kind) -> Result<Number> {
    let mut n = Number {
        text: text.to_string(),
        ..Number::default()
    };
    if kind == Kind::CharConstant {
        let c = unquote(text)?;
        let c = c.chars().next().unwrap_or('\0') as i64;
        n.int = Some(c);
        n.is_uint = true;
        n.float = Some(c as f64);
        return Ok(n);
    }
    if kind == Kind::Complex || text.ends_with('i') {
        n.is_complex = true;
        return Ok(n);
    }
    if let Some((negative, magnitude)) = parse_integer(text) {
        if !negative {
            n.is_uint = true;
        }
        if negative && magnitude <= 1u64 << 63 {
            n.int = Some((magnitude as i64).wrapping_neg());
            n.is_uint = magnitude == 0;
        } else if !negative && magnitude <= i64::MAX as u64 {
            n.int = Some(magnitude as i64);
        }
        n.float = Some(match n.int {
            Some(i) => i as f64,
            None => magnitude as f64,
        });
    } else {
        let cleaned = text.replace('_', "");
        let is_hex = cleaned
            .to_ascii_lowercase()
            .trim_start_matches(['+', '-'])
            .starts_with("0x");
        let parsed = if is_hex {
            None
        } else {
            cleaned.parse::<f64>().ok().filter(|f| f.is_finite())
        };
        if let Some(f) = parsed {
            if !text.contains(['.', 'e', 'E', 'p', 'P']) {
                return Err(format!("integer overflow: {}", super::gofmt::quote(text)));
            }
            n.float = Some(f);
            if f.fract() == 0.0 && f.abs() < 9.223372036854775e18 {
                n.int = Some(f as i64);
            }
            if f.fract() == 0.0 && (0.0..1.8446744073709552e19).contains(&f) {
                n.is_uint = true;
            }
        }
    }
    if n.int.is_none() && !n.is_uint && n.float.is_none() {
        return Err(format!(
            "illegal number syntax: {}",
            super::gofmt::quote(text)
        ));
    }
    Ok(n)
}

impl<'a> Parser<'a> {
    fn next(&mut self) -> Item {
        let item = self.items[self.at.min(self.items.len() - 1)].clone();
        self.at += 1;
        self.furthest = self.furthest.max(self.at);
        item
    }
    fn backup(&mut self) {
        self.at -= 1;
    }
    fn peek(&mut self) -> Item {
        let item = self.next();
        self.backup();
        item
    }
    fn next_non_space(&mut self) -> Item {
        loop {
            let item = self.next();
            if item.kind != Kind::Space {
                return item;
            }
        }
    }
    fn peek_non_space(&mut self) -> Item {
        let item = self.next_non_space();
        self.backup();
        item
    }
    fn errorf(&self, message: String) -> String {
        let last = self.furthest.saturating_sub(1).min(self.items.len() - 1);
        format!(
            "template: {}:{}: {message}",
            self.parse_name, self.items[last].line
        )
    }
    fn expect(&mut self, kind: Kind, context: &str) -> Result<Item> {
        let token = self.next_non_space();
        if token.kind != kind {
            return Err(self.unexpected(&token, context));
        }
        Ok(token)
    }
    fn unexpected(&self, token: &Item, context: &str) -> String {
        if token.kind == Kind::Error {
            let mut extra = String::new();
            if self.action_line != 0 && self.action_line != token.line {
                extra = format!(
                    " in action started at {}:{}",
                    self.parse_name, self.action_line
                );
                if token.val.ends_with(" action") {
                    extra = extra[" in action".len()..].to_string();
                }
            }
            return self.errorf(format!("{token}{extra}"));
        }
        self.errorf(format!("unexpected {token} in {context}"))
    }

    fn parse(&mut self) -> Result<List> {
        let mut root = List::default();
        while self.peek().kind != Kind::Eof {
            if self.peek().kind == Kind::LeftDelim {
                let mark = self.at;
                self.next();
                if self.next_non_space().kind == Kind::Define {
                    self.parse_definition()?;
                    continue;
                }
                self.at = mark;
            }
            match self.text_or_action()? {
                Node::End(_) => return Err(self.errorf("unexpected {{end}}".into())),
                Node::Else(..) => return Err(self.errorf("unexpected {{else}}".into())),
                node => root.nodes.push(node),
            }
        }
        Ok(root)
    }

    fn add(&mut self, name: String, root: List) -> Result<()> {
        match self.trees.get(&name) {
            Some(existing) if !existing.is_empty_tree() => {
                if !root.is_empty_tree() {
                    return Err(self.errorf(format!(
                        "template: multiple definition of template {}",
                        super::gofmt::quote(&name)
                    )));
                }
            }
            _ => {
                self.trees.insert(name, Rc::new(root));
            }
        }
        Ok(())
    }

    fn sub_tree(&mut self, context: &str) -> Result<List> {
        let saved_vars = std::mem::replace(&mut self.vars, vec!["$".to_string()]);
        let saved_depth = std::mem::replace(&mut self.range_depth, 0);
        let result = self.item_list();
        self.vars = saved_vars;
        self.range_depth = saved_depth;
        let (list, end) = result?;
        if !matches!(end, Node::End(_)) {
            return Err(self.errorf(format!("unexpected {} in {context}", end.describe())));
        }
        Ok(list)
    }

    fn parse_definition(&mut self) -> Result<()> {
        let context = "define clause";
        let token = self.next_non_space();
        if !matches!(token.kind, Kind::String | Kind::RawString) {
            return Err(self.unexpected(&token, context));
        }
        let name = unquote(&token.val).map_err(|e| self.errorf(e))?;
        self.expect(Kind::RightDelim, context)?;
        let list = self.sub_tree(context)?;
        self.add(name, list)
    }

    fn item_list(&mut self) -> Result<(List, Node)> {
        let mut list = List::default();
        while self.peek_non_space().kind != Kind::Eof {
            let node = self.text_or_action()?;
            if matches!(node, Node::End(_) | Node::Else(..)) {
                return Ok((list, node));
            }
            list.nodes.push(node);
        }
        Err(self.errorf("unexpected EOF".into()))
    }

    fn text_or_action(&mut self) -> Result<Node> {
        let token = self.next_non_space();
        match token.kind {
            Kind::Text => Ok(Node::Text(token.val)),
            Kind::LeftDelim => {
                self.action_line = token.line;
                let result = self.action();
                self.action_line = 0;
                result
            }
            _ => Err(self.unexpected(&token, "input")),
        }
    }

    fn action(&mut self) -> Result<Node> {
        let token = self.next_non_space();
        match token.kind {
            Kind::Block => return self.block_control(),
            Kind::Break | Kind::Continue => {
                let name = if token.kind == Kind::Break {
                    "{{break}}"
                } else {
                    "{{continue}}"
                };
                let next = self.next_non_space();
                if next.kind != Kind::RightDelim {
                    return Err(self.unexpected(&next, name));
                }
                if self.range_depth == 0 {
                    return Err(self.errorf(format!("{name} outside {{{{range}}}}")));
                }
                return Ok(if token.kind == Kind::Break {
                    Node::Break(token.pos)
                } else {
                    Node::Continue(token.pos)
                });
            }
            Kind::Else => {
                let peek = self.peek_non_space();
                if peek.kind == Kind::If {
                    return Ok(Node::Else(peek.pos));
                }
                let token = self.expect(Kind::RightDelim, "else")?;
                return Ok(Node::Else(token.pos));
            }
            Kind::End => {
                let token = self.expect(Kind::RightDelim, "end")?;
                return Ok(Node::End(token.pos));
            }
            Kind::If => return self.control("if"),
            Kind::Range => return self.control("range"),
            Kind::With => return self.control("with"),
            Kind::Template => return self.template_control(),
            _ => {}
        }
        self.backup();
        let token = self.peek();
        let pipe = self.pipeline("command", Kind::RightDelim)?;
        Ok(Node::Action(token.pos, pipe))
    }

    fn control(&mut self, context: &str) -> Result<Node> {
        let mark = self.vars.len();
        let result = self.control_inner(context);
        self.vars.truncate(mark);
        result
    }

    fn control_inner(&mut self, context: &str) -> Result<Node> {
        let pipe = self.pipeline(context, Kind::RightDelim)?;
        if context == "range" {
            self.range_depth += 1;
        }
        let listed = self.item_list();
        if context == "range" {
            self.range_depth -= 1;
        }
        let (list, next) = listed?;
        let mut else_list = None;
        if let Node::Else(_) = next {
            if context == "if" && self.peek().kind == Kind::If {
                self.next();
                let nested = self.control("if")?;
                else_list = Some(List {
                    nodes: vec![nested],
                });
            } else {
                let (list, next) = self.item_list()?;
                if !matches!(next, Node::End(_)) {
                    return Err(self.errorf(format!("expected end; found {}", next.describe())));
                }
                else_list = Some(list);
            }
        }
        let branch = Box::new(Branch {
            pos: pipe.pos,
            pipe,
            list,
            else_list,
        });
        Ok(match context {
            "if" => Node::If(branch),
            "range" => Node::Range(branch),
            _ => Node::With(branch),
        })
    }

    fn template_name(&mut self, context: &str) -> Result<(String, Item)> {
        let token = self.next_non_space();
        if !matches!(token.kind, Kind::String | Kind::RawString) {
            return Err(self.unexpected(&token, context));
        }
        let name = unquote(&token.val).map_err(|e| self.errorf(e))?;
        Ok((name, token))
    }

    fn template_control(&mut self) -> Result<Node> {
        let context = "template clause";
        let (name, token) = self.template_name(context)?;
        let mut pipe = None;
        if self.next_non_space().kind != Kind::RightDelim {
            self.backup();
            pipe = Some(self.pipeline(context, Kind::RightDelim)?);
        }
        Ok(Node::Template(token.pos, name, pipe))
    }

    fn block_control(&mut self) -> Result<Node> {
        let context = "block clause";
        let (name, token) = self.template_name(context)?;
        let pipe = self.pipeline(context, Kind::RightDelim)?;
        let list = self.sub_tree(context)?;
        self.add(name.clone(), list)?;
        Ok(Node::Template(token.pos, name, Some(pipe)))
    }

    fn pipeline(&mut self, context: &str, end: Kind) -> Result<Pipe> {
        let token = self.peek_non_space();
        let mut pipe = Pipe {
            pos: token.pos,
            is_assign: false,
            decl: Vec::new(),
            cmds: Vec::new(),
        };
        loop {
            let v = self.peek_non_space();
            if v.kind != Kind::Variable {
                break;
            }
            let mark = self.at;
            self.next_non_space();
            let after = self.peek();
            let next = self.peek_non_space();
            if matches!(next.kind, Kind::Assign | Kind::Declare) {
                pipe.is_assign = next.kind == Kind::Assign;
                self.next_non_space();
                pipe.decl.push(v.val.clone());
                self.vars.push(v.val);
                break;
            } else if next.kind == Kind::Char && next.val == "," {
                self.next_non_space();
                pipe.decl.push(v.val.clone());
                self.vars.push(v.val);
                if context == "range" && pipe.decl.len() < 2 {
                    let peek = self.peek_non_space();
                    if matches!(
                        peek.kind,
                        Kind::Variable | Kind::RightDelim | Kind::RightParen
                    ) {
                        continue;
                    }
                    return Err(self.errorf("range can only initialize variables".into()));
                }
                return Err(self.errorf(format!("too many declarations in {context}")));
            } else {
                let _ = after;
                self.at = mark;
                break;
            }
        }
        loop {
            let token = self.next_non_space();
            if token.kind == end {
                self.check_pipeline(&pipe, context)?;
                return Ok(pipe);
            }
            match token.kind {
                Kind::Bool
                | Kind::CharConstant
                | Kind::Complex
                | Kind::Dot
                | Kind::Field
                | Kind::Identifier
                | Kind::Number
                | Kind::Nil
                | Kind::RawString
                | Kind::String
                | Kind::Variable
                | Kind::LeftParen => {
                    self.backup();
                    let command = self.command()?;
                    pipe.cmds.push(command);
                }
                _ => return Err(self.unexpected(&token, context)),
            }
        }
    }

    fn check_pipeline(&self, pipe: &Pipe, context: &str) -> Result<()> {
        if pipe.cmds.is_empty() {
            return Err(self.errorf(format!("missing value for {context}")));
        }
        for (i, cmd) in pipe.cmds.iter().enumerate().skip(1) {
            if matches!(
                cmd.args[0],
                Arg::Bool(..) | Arg::Dot(_) | Arg::Nil(_) | Arg::Number(..) | Arg::String(..)
            ) {
                return Err(self.errorf(format!(
                    "non executable command in pipeline stage {}",
                    i + 1
                )));
            }
        }
        Ok(())
    }

    fn command(&mut self) -> Result<Command> {
        let pos = self.peek_non_space().pos;
        let mut cmd = Command {
            pos,
            args: Vec::new(),
        };
        loop {
            self.peek_non_space();
            if let Some(operand) = self.operand()? {
                cmd.args.push(operand);
            }
            let token = self.next();
            match token.kind {
                Kind::Space => continue,
                Kind::RightDelim | Kind::RightParen => self.backup(),
                Kind::Pipe => {}
                _ => return Err(self.unexpected(&token, "operand")),
            }
            break;
        }
        if cmd.args.is_empty() {
            return Err(self.errorf("empty command".into()));
        }
        Ok(cmd)
    }

    fn operand(&mut self) -> Result<Option<Arg>> {
        let Some(node) = self.term()? else {
            return Ok(None);
        };
        if self.peek().kind != Kind::Field {
            return Ok(Some(node));
        }
        let pos = self.peek().pos;
        let mut fields = Vec::new();
        while self.peek().kind == Kind::Field {
            let field = self.next().val;
            fields.extend(field[1..].split('.').map(String::from));
        }
        Ok(Some(match node {
            Arg::Field(p, mut idents) => {
                let _ = p;
                idents.extend(fields);
                Arg::Field(pos, idents)
            }
            Arg::Variable(_, mut idents) => {
                idents.extend(fields);
                Arg::Variable(pos, idents)
            }
            Arg::Bool(..) | Arg::String(..) | Arg::Number(..) | Arg::Nil(_) | Arg::Dot(_) => {
                let text = super::gofmt::quote(&node.to_string());
                return Err(self.errorf(format!("unexpected . after term {text}")));
            }
            other => Arg::Chain(pos, Box::new(other), fields),
        }))
    }

    fn term(&mut self) -> Result<Option<Arg>> {
        let token = self.next_non_space();
        Ok(Some(match token.kind {
            Kind::Identifier => {
                if !(self.has_function)(&token.val) {
                    let name = super::gofmt::quote(&token.val);
                    return Err(self.errorf(format!("function {name} not defined")));
                }
                Arg::Identifier(token.pos, token.val)
            }
            Kind::Dot => Arg::Dot(token.pos),
            Kind::Nil => Arg::Nil(token.pos),
            Kind::Variable => {
                let idents: Vec<String> = token.val.split('.').map(String::from).collect();
                if !self.vars.iter().any(|v| *v == idents[0]) {
                    let name = super::gofmt::quote(&idents[0]);
                    return Err(self.errorf(format!("undefined variable {name}")));
                }
                Arg::Variable(token.pos, idents)
            }
            Kind::Field => Arg::Field(
                token.pos,
                token.val[1..].split('.').map(String::from).collect(),
            ),
            Kind::Bool => Arg::Bool(token.pos, token.val == "true"),
            Kind::CharConstant | Kind::Complex | Kind::Number => {
                let number = new_number(&token.val, token.kind).map_err(|e| self.errorf(e))?;
                Arg::Number(token.pos, Box::new(number))
            }
            Kind::LeftParen => {
                let pipe = self.pipeline("parenthesized pipeline", Kind::RightParen)?;
                Arg::Pipe(token.pos, Box::new(pipe))
            }
            Kind::String | Kind::RawString => {
                let text = unquote(&token.val).map_err(|e| self.errorf(e))?;
                Arg::String(token.pos, token.val, text)
            }
            _ => {
                self.backup();
                return Ok(None);
            }
        }))
    }
}

/// Parses `text` as template `name`, adding it and its definitions to
/// `trees`; `has_function` says which function names exist.
pub fn parse(
    name: &str,
    text: &str,
    has_function: &dyn Fn(&str) -> bool,
    trees: &mut Trees,
) -> Result<()> {
    let mut parser = Parser {
        items: lex(text),
        at: 0,
        furthest: 0,
        parse_name: name,
        has_function,
        vars: vec!["$".to_string()],
        range_depth: 0,
        action_line: 0,
        trees,
    };
    let root = parser.parse()?;
    parser.add(name.to_string(), root)
}
