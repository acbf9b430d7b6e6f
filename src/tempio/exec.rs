//! The executor: walks a parsed template over the data as Go's
//! text/template does — variables and their scopes, `if`/`with`/`range`
//! (maps in key order, `break`, `continue`), `template` calls with Go's
//! depth limit, pipelines, field chains, function calls with Go's argument
//! checks — and reports errors as Go words them, at the node Go names.

#![forbid(unsafe_code)]

use super::funcs::{self, Func, Param};
use super::node::{Arg, Branch, Command, List, Node, Number, Pipe};
use super::parse::Trees;
use super::value::{Rv, Value};

/// Go's limit on nested `template` calls.
pub const MAX_DEPTH: usize = 100_000;

pub enum Stop {
    Break,
    Continue,
    Error(String),
}

type Res<T> = Result<T, Stop>;

#[derive(Clone, Copy)]
enum At<'a> {
    None,
    Node(&'a Node),
    Arg(&'a Arg),
    Cmd(&'a Command),
    Pipe(&'a Pipe),
}

pub struct State<'a> {
    trees: &'a Trees,
    text: &'a str,
    parse_name: &'a str,
    name: String,
    pub out: String,
    vars: Vec<(String, Rv)>,
    depth: usize,
    /// Nested `template` calls allowed (Go's MAX_DEPTH unless lowered).
    pub max_depth: usize,
    at: At<'a>,
}

fn is_missing(final_: &Option<Rv>) -> bool {
    final_.is_none()
}

impl<'a> State<'a> {
    pub fn new(trees: &'a Trees, text: &'a str, parse_name: &'a str) -> State<'a> {
        State {
            trees,
            text,
            parse_name,
            name: parse_name.to_string(),
            out: String::new(),
            vars: Vec::new(),
            depth: 0,
            max_depth: MAX_DEPTH,
            at: At::None,
        }
    }

    fn position(&self) -> Option<(usize, String)> {
        Some(match self.at {
            At::None => return None,
            At::Node(n) => (node_pos(n), n.to_string()),
            At::Arg(a) => (a.pos(), a.to_string()),
            At::Cmd(c) => (c.pos, c.to_string()),
            At::Pipe(p) => (p.pos, p.to_string()),
        })
    }

    pub fn error(&self, message: String) -> Stop {
        let Some((pos, context)) = self.position() else {
            return Stop::Error(format!("template: {}: {message}", self.name));
        };
        let before = &self.text.as_bytes()[..pos.min(self.text.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = match before.iter().rposition(|&b| b == b'\n') {
            Some(nl) => pos - nl - 1,
            None => pos,
        };
        Stop::Error(format!(
            "template: {}:{line}:{column}: executing {} at <{context}>: {message}",
            self.parse_name,
            super::gofmt::quote(&self.name),
        ))
    }

    fn fail<T>(&self, message: String) -> Res<T> {
        Err(self.error(message))
    }

    /// Runs template `name` with `dot`.
    pub fn execute(&mut self, name: &str, dot: Rv) -> Result<(), String> {
        let Some(list) = self.trees.get(name) else {
            return Err(format!(
                "template: {name}: no template {}",
                super::gofmt::quote(name)
            ));
        };
        self.vars = vec![("$".to_string(), dot.clone())];
        match self.walk_list(&dot, list) {
            Ok(()) => Ok(()),
            Err(Stop::Error(e)) => Err(e),
            Err(_) => Ok(()),
        }
    }

    fn walk_list(&mut self, dot: &Rv, list: &'a List) -> Res<()> {
        for node in &list.nodes {
            self.walk(dot, node)?;
        }
        Ok(())
    }

    fn walk(&mut self, dot: &Rv, node: &'a Node) -> Res<()> {
        self.at = At::Node(node);
        match node {
            Node::Text(text) => self.out.push_str(text),
            Node::Action(_, pipe) => {
                let value = self.eval_pipeline(dot, pipe)?;
                if pipe.decl.is_empty() {
                    self.at = At::Node(node);
                    self.print_value(&value);
                }
            }
            Node::Break(_) => return Err(Stop::Break),
            Node::Continue(_) => return Err(Stop::Continue),
            Node::If(b) => return self.walk_if_with(dot, b, false),
            Node::With(b) => return self.walk_if_with(dot, b, true),
            Node::Range(b) => return self.walk_range(dot, b),
            Node::Template(_, name, pipe) => return self.walk_template(dot, name, pipe.as_ref()),
            Node::End(_) | Node::Else(..) => {}
        }
        Ok(())
    }

    fn print_value(&mut self, v: &Rv) {
        if v.is_invalid() || (v.iface && matches!(v.v, Value::Nil)) {
            self.out.push_str("<no value>");
        } else {
            super::value::sprint_value(&v.v, &mut self.out);
        }
    }

    fn walk_if_with(&mut self, dot: &Rv, b: &'a Branch, with: bool) -> Res<()> {
        let mark = self.vars.len();
        let result = (|| {
            let value = self.eval_pipeline(dot, &b.pipe)?;
            if value.v.truth() {
                if with {
                    self.walk_list(&value, &b.list)
                } else {
                    self.walk_list(dot, &b.list)
                }
            } else if let Some(else_list) = &b.else_list {
                self.walk_list(dot, else_list)
            } else {
                Ok(())
            }
        })();
        self.vars.truncate(mark);
        result
    }

    fn walk_range(&mut self, dot: &Rv, b: &'a Branch) -> Res<()> {
        let outer = self.vars.len();
        let result = self.range_inner(dot, b);
        self.vars.truncate(outer);
        match result {
            Err(Stop::Break) => Ok(()),
            other => other,
        }
    }

    fn range_inner(&mut self, dot: &Rv, b: &'a Branch) -> Res<()> {
        let value = self.eval_pipeline(dot, &b.pipe)?;
        let mark = self.vars.len();
        let one = |state: &mut Self, index: Rv, elem: Rv| -> Res<()> {
            let top = state.vars.len();
            if !b.pipe.decl.is_empty() {
                state.vars[top - 1].1 = elem.clone();
            }
            if b.pipe.decl.len() > 1 {
                state.vars[top - 2].1 = index;
            }
            let result = state.walk_list(&elem, &b.list);
            state.vars.truncate(mark);
            match result {
                Err(Stop::Continue) => Ok(()),
                other => other,
            }
        };
        match &value.v {
            Value::List(items, elem) if !items.is_empty() => {
                for (i, item) in items.iter().enumerate() {
                    one(
                        self,
                        Rv::new(Value::int(i as i64)),
                        Rv::elem(item.clone(), *elem),
                    )?;
                }
                return Ok(());
            }
            Value::Map(map, elem) if !map.borrow().is_empty() => {
                // Go sorts the keys up front: the body may change the map.
                let entries: Vec<(String, Value)> = map
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                for (k, item) in entries {
                    one(self, Rv::new(Value::string(k)), Rv::elem(item, *elem))?;
                }
                return Ok(());
            }
            Value::List(..) | Value::Map(..) | Value::Nil => {}
            other => {
                let shown = super::value::to_string(other);
                return self.fail(format!("range can't iterate over {shown}"));
            }
        }
        if let Some(else_list) = &b.else_list {
            self.walk_list(dot, else_list)?;
        }
        Ok(())
    }

    fn walk_template(&mut self, dot: &Rv, name: &str, pipe: Option<&'a Pipe>) -> Res<()> {
        let Some(tree) = self.trees.get(name) else {
            return self.fail(format!(
                "template {} not defined",
                super::gofmt::quote(name)
            ));
        };
        if self.depth >= self.max_depth {
            let limit = self.max_depth;
            return self.fail(format!("exceeded maximum template depth ({limit})"));
        }
        let new_dot = match pipe {
            Some(pipe) => self.eval_pipeline(dot, pipe)?,
            None => Rv::invalid(),
        };
        let saved_vars = std::mem::replace(&mut self.vars, vec![("$".into(), new_dot.clone())]);
        let saved_name = std::mem::replace(&mut self.name, name.to_string());
        self.depth += 1;
        let result = self.walk_list(&new_dot, tree);
        self.depth -= 1;
        self.name = saved_name;
        self.vars = saved_vars;
        result
    }

    pub fn eval_pipeline(&mut self, dot: &Rv, pipe: &'a Pipe) -> Res<Rv> {
        self.at = At::Pipe(pipe);
        let mut value: Option<Rv> = None;
        for cmd in &pipe.cmds {
            let mut v = self.eval_command(dot, cmd, value)?;
            v.iface = false;
            value = Some(v);
        }
        let value = value.unwrap_or_else(Rv::invalid);
        for name in &pipe.decl {
            if pipe.is_assign {
                match self.vars.iter_mut().rev().find(|(n, _)| n == name) {
                    Some(slot) => slot.1 = value.clone(),
                    None => return self.fail(format!("undefined variable: {name}")),
                }
            } else {
                self.vars.push((name.clone(), value.clone()));
            }
        }
        Ok(value)
    }

    fn not_a_function(&self, args: &[Arg], final_: &Option<Rv>) -> Res<()> {
        if args.len() > 1 || !is_missing(final_) {
            return self.fail(format!("can't give argument to non-function {}", args[0]));
        }
        Ok(())
    }

    fn eval_command(&mut self, dot: &Rv, cmd: &'a Command, final_: Option<Rv>) -> Res<Rv> {
        let first = &cmd.args[0];
        match first {
            Arg::Field(_, idents) => {
                self.at = At::Arg(first);
                return self.eval_field_chain(dot, dot.clone(), idents, &cmd.args, final_);
            }
            Arg::Chain(..) => return self.eval_chain(dot, first, &cmd.args, final_),
            Arg::Identifier(_, name) => {
                return self.eval_function(dot, first, name, Some(cmd), &cmd.args, final_)
            }
            Arg::Pipe(_, pipe) => {
                self.not_a_function(&cmd.args, &final_)?;
                return self.eval_pipeline(dot, pipe);
            }
            Arg::Variable(_, idents) => {
                return self.eval_variable(dot, first, idents, &cmd.args, final_)
            }
            _ => {}
        }
        self.at = At::Arg(first);
        self.not_a_function(&cmd.args, &final_)?;
        match first {
            Arg::Bool(_, b) => Ok(Rv::new(Value::Bool(*b))),
            Arg::Dot(_) => Ok(dot.clone()),
            Arg::Nil(_) => self.fail("nil is not a command".into()),
            Arg::Number(_, n) => self.ideal_constant(first, n),
            Arg::String(_, _, text) => Ok(Rv::new(Value::str(text))),
            _ => self.fail(format!(
                "can't evaluate command {}",
                super::gofmt::quote(&first.to_string())
            )),
        }
    }

    fn ideal_constant(&mut self, node: &'a Arg, n: &Number) -> Res<Rv> {
        self.at = At::Arg(node);
        if n.is_complex {
            return self.fail("complex numbers are not supported".into());
        }
        let text = n.text.to_ascii_lowercase();
        let hex = text.trim_start_matches(['+', '-']).starts_with("0x");
        let rune = text.starts_with('\'');
        if let Some(f) = n.float {
            if !hex && !rune && text.contains(['.', 'e', 'p']) {
                return Ok(Rv::new(Value::Float(f)));
            }
        }
        match n.int {
            Some(i) => Ok(Rv::new(Value::int(i))),
            None if n.is_uint => self.fail(format!("{} overflows int", n.text)),
            None => Ok(Rv::invalid()),
        }
    }

    fn eval_chain(
        &mut self,
        dot: &Rv,
        node: &'a Arg,
        args: &'a [Arg],
        final_: Option<Rv>,
    ) -> Res<Rv> {
        let Arg::Chain(_, inner, fields) = node else {
            return self.fail("internal error: no fields in evalChainNode".into());
        };
        self.at = At::Arg(node);
        if let Arg::Nil(_) = **inner {
            return self.fail(format!("indirection through explicit nil in {node}"));
        }
        let receiver = self.eval_arg(dot, None, inner)?;
        self.eval_field_chain(dot, receiver, fields, args, final_)
    }

    fn eval_variable(
        &mut self,
        dot: &Rv,
        node: &'a Arg,
        idents: &[String],
        args: &'a [Arg],
        final_: Option<Rv>,
    ) -> Res<Rv> {
        self.at = At::Arg(node);
        let Some((_, value)) = self.vars.iter().rev().find(|(n, _)| *n == idents[0]) else {
            return self.fail(format!("undefined variable: {}", idents[0]));
        };
        let value = value.clone();
        if idents.len() == 1 {
            self.not_a_function(args, &final_)?;
            return Ok(value);
        }
        self.eval_field_chain(dot, value, &idents[1..], args, final_)
    }

    fn eval_field_chain(
        &mut self,
        _dot: &Rv,
        mut receiver: Rv,
        idents: &[String],
        args: &'a [Arg],
        final_: Option<Rv>,
    ) -> Res<Rv> {
        let n = idents.len();
        for ident in &idents[..n - 1] {
            receiver = self.eval_field(ident, &[], &None, receiver)?;
        }
        self.eval_field(&idents[n - 1], args, &final_, receiver)
    }

    fn eval_field(
        &mut self,
        name: &str,
        args: &[Arg],
        final_: &Option<Rv>,
        receiver: Rv,
    ) -> Res<Rv> {
        if receiver.is_invalid() {
            return Ok(Rv::invalid());
        }
        let type_name = receiver.type_name();
        if receiver.iface && matches!(receiver.v, Value::Nil) {
            return self.fail(format!("nil pointer evaluating {type_name}.{name}"));
        }
        let has_args = args.len() > 1 || !is_missing(final_);
        if let Value::Map(map, elem) = &receiver.v {
            if has_args {
                return self.fail(format!("{name} is not a method but has arguments"));
            }
            return Ok(match map.borrow().get(name) {
                Some(v) => Rv::elem(v.clone(), *elem),
                None => Rv::invalid(),
            });
        }
        self.fail(format!("can't evaluate field {name} in type {type_name}"))
    }

    fn eval_function(
        &mut self,
        dot: &Rv,
        node: &'a Arg,
        name: &str,
        cmd: Option<&'a Command>,
        args: &'a [Arg],
        final_: Option<Rv>,
    ) -> Res<Rv> {
        self.at = At::Arg(node);
        let Some(func) = funcs::lookup(name) else {
            return self.fail(format!(
                "{} is not a defined function",
                super::gofmt::quote(name)
            ));
        };
        self.eval_call(dot, func, cmd, name, args, final_)
    }

    fn eval_call(
        &mut self,
        dot: &Rv,
        func: &Func,
        cmd: Option<&'a Command>,
        name: &str,
        args: &'a [Arg],
        final_: Option<Rv>,
    ) -> Res<Rv> {
        let args = if args.is_empty() { args } else { &args[1..] };
        let params = func.params;
        let mut num_in = args.len();
        if final_.is_some() {
            num_in += 1;
        }
        let num_fixed = if func.variadic {
            params.len() - 1
        } else {
            args.len()
        };
        if func.variadic {
            if num_in < num_fixed {
                return self.fail(format!(
                    "wrong number of args for {name}: want at least {} got {}",
                    params.len() - 1,
                    args.len()
                ));
            }
        } else if num_in != params.len() {
            return self.fail(format!(
                "wrong number of args for {name}: want {} got {num_in}",
                params.len()
            ));
        }
        if func.short_circuit {
            let want_truth = name == "or";
            let mut value = Rv::invalid();
            for arg in args {
                value = self.eval_arg(dot, Some(Param::Val), arg)?;
                if value.v.truth() == want_truth {
                    return Ok(value);
                }
            }
            if let Some(f) = final_ {
                value = f;
            }
            return Ok(value);
        }
        let mut argv: Vec<Value> = Vec::with_capacity(num_in);
        let mut i = 0;
        let mut nil_pointer = false;
        while i < num_fixed && i < args.len() {
            let v = self.eval_arg(dot, Some(params[i]), &args[i])?;
            nil_pointer |= v.iface && matches!(v.v, Value::Nil);
            argv.push(v.v);
            i += 1;
        }
        if func.variadic {
            let elem = params[params.len() - 1];
            while i < args.len() {
                let v = self.eval_arg(dot, Some(elem), &args[i])?;
                argv.push(v.v);
                i += 1;
            }
        }
        if let Some(f) = final_ {
            let t = if func.variadic && num_in - 1 < num_fixed {
                params[num_in - 1]
            } else {
                params[params.len() - 1]
            };
            argv.push(self.validate_type(f, Some(t))?.v);
        }
        let result = if nil_pointer && name == "len" {
            // Go's len sees the nil interface itself, not a missing value.
            Err("len of nil pointer".to_string())
        } else {
            (func.call)(&argv)
        };
        match result {
            Ok(v) => Ok(Rv::new(v)),
            Err(e) => {
                if let Some(cmd) = cmd {
                    self.at = At::Cmd(cmd);
                }
                self.fail(format!("error calling {name}: {e}"))
            }
        }
    }

    fn validate_type(&mut self, value: Rv, typ: Option<Param>) -> Res<Rv> {
        let Some(typ) = typ else { return Ok(value) };
        if value.is_invalid() {
            return match typ {
                Param::Any | Param::Val => Ok(Rv::invalid()),
                // A nil map: readable as empty, not writable.
                Param::MapAny => Ok(Rv::invalid()),
                _ => self.fail(format!("invalid value; expected {}", typ.go_name())),
            };
        }
        if typ == Param::Val {
            return Ok(value);
        }
        if typ == Param::Any {
            return Ok(Rv::new(value.v));
        }
        let actual = if value.iface && !matches!(value.v, Value::Nil) {
            value.v.type_name()
        } else {
            value.type_name()
        };
        if value.iface && matches!(value.v, Value::Nil) {
            return self.fail(format!(
                "wrong type for value; expected {}; got interface {{}}",
                typ.go_name()
            ));
        }
        if actual == typ.go_name() {
            return Ok(Rv::new(value.v));
        }
        self.fail(format!(
            "wrong type for value; expected {}; got {actual}",
            typ.go_name()
        ))
    }

    fn eval_arg(&mut self, dot: &Rv, typ: Option<Param>, node: &'a Arg) -> Res<Rv> {
        self.at = At::Arg(node);
        match node {
            Arg::Dot(_) => return self.validate_type(dot.clone(), typ),
            Arg::Nil(_) => {
                return match typ {
                    None | Some(Param::Any | Param::Val) => Ok(Rv::invalid()),
                    Some(Param::MapAny) => Ok(Rv::invalid()),
                    Some(t) => self.fail(format!("cannot assign nil to {}", t.go_name())),
                }
            }
            Arg::Field(_, idents) => {
                let v = self.eval_field_chain(
                    dot,
                    dot.clone(),
                    idents,
                    std::slice::from_ref(node),
                    None,
                )?;
                return self.validate_type(v, typ);
            }
            Arg::Variable(_, idents) => {
                let v = self.eval_variable(dot, node, idents, &[], None)?;
                return self.validate_type(v, typ);
            }
            Arg::Pipe(_, pipe) => {
                let v = self.eval_pipeline(dot, pipe)?;
                return self.validate_type(v, typ);
            }
            Arg::Identifier(_, name) => {
                let v =
                    self.eval_function(dot, node, name, None, std::slice::from_ref(node), None)?;
                return self.validate_type(v, typ);
            }
            Arg::Chain(..) => {
                let v = self.eval_chain(dot, node, &[], None)?;
                return self.validate_type(v, typ);
            }
            _ => {}
        }
        let expected = |what: &str| format!("expected {what}; found {node}");
        match typ {
            None | Some(Param::Any | Param::Val) => match node {
                Arg::Bool(_, b) => Ok(Rv::new(Value::Bool(*b))),
                Arg::Number(_, n) => self.ideal_constant(node, n),
                Arg::String(_, _, s) => Ok(Rv::new(Value::str(s))),
                _ => self.fail(format!(
                    "can't handle assignment of {node} to empty interface argument"
                )),
            },
            Some(Param::Bool) => match node {
                Arg::Bool(_, b) => Ok(Rv::new(Value::Bool(*b))),
                _ => self.fail(expected("bool")),
            },
            Some(Param::Str) => match node {
                Arg::String(_, _, s) => Ok(Rv::new(Value::str(s))),
                _ => self.fail(expected("string")),
            },
            Some(Param::Int) => match node {
                Arg::Number(_, n) if n.int.is_some() => Ok(Rv::new(Value::int(n.int.unwrap_or(0)))),
                _ => self.fail(expected("integer")),
            },
            Some(Param::Float) => match node {
                Arg::Number(_, n) if n.float.is_some() => {
                    Ok(Rv::new(Value::Float(n.float.unwrap_or(0.0))))
                }
                _ => self.fail(expected("float")),
            },
            Some(t) => self.fail(format!(
                "can't handle {node} for arg of type {}",
                t.go_name()
            )),
        }
    }
}

fn node_pos(node: &Node) -> usize {
    match node {
        Node::Text(_) => 0,
        Node::Action(p, _)
        | Node::Template(p, ..)
        | Node::Break(p)
        | Node::Continue(p)
        | Node::End(p)
        | Node::Else(p) => *p,
        Node::If(b) | Node::Range(b) | Node::With(b) => b.pos,
    }
}

/// Wraps a JSON document as the template's dot.
pub fn root(value: Value) -> Rv {
    Rv::new(value)
}
