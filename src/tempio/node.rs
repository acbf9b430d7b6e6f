//! Parse tree nodes, and their text as Go prints them in error messages
//! (`executing "tempIO" at <.a.b>: ...`).

#![forbid(unsafe_code)]

use std::fmt;

#[derive(Debug, Default)]
pub struct List {
    pub nodes: Vec<Node>,
}

impl List {
    /// Go's IsEmptyTree: only whitespace text (and nothing else).
    pub fn is_empty_tree(&self) -> bool {
        self.nodes.iter().all(|n| match n {
            Node::Text(t) => t.trim().is_empty(),
            _ => false,
        })
    }
}

#[derive(Debug)]
pub struct Branch {
    pub pos: usize,
    pub pipe: Pipe,
    pub list: List,
    pub else_list: Option<List>,
}

#[derive(Debug)]
pub enum Node {
    Text(String),
    Action(usize, Pipe),
    If(Box<Branch>),
    Range(Box<Branch>),
    With(Box<Branch>),
    Template(usize, String, Option<Pipe>),
    Break(usize),
    Continue(usize),
    /// Only while parsing: `{{end}}`.
    End(usize),
    /// Only while parsing: `{{else}}` (the parser looks at what follows).
    Else(usize),
}

impl Node {
    pub fn describe(&self) -> String {
        match self {
            Node::End(_) => "{{end}}".into(),
            Node::Else(..) => "{{else}}".into(),
            other => other.to_string(),
        }
    }
}

#[derive(Debug)]
pub struct Pipe {
    pub pos: usize,
    pub is_assign: bool,
    pub decl: Vec<String>,
    pub cmds: Vec<Command>,
}

#[derive(Debug)]
pub struct Command {
    pub pos: usize,
    pub args: Vec<Arg>,
}

#[derive(Debug, Default, Clone)]
pub struct Number {
    pub text: String,
    pub int: Option<i64>,
    pub is_uint: bool,
    pub float: Option<f64>,
    pub is_complex: bool,
}

#[derive(Debug)]
pub enum Arg {
    Identifier(usize, String),
    Dot(usize),
    Nil(usize),
    Variable(usize, Vec<String>),
    Field(usize, Vec<String>),
    Bool(usize, bool),
    Number(usize, Box<Number>),
    /// The quoted text as written, and its value.
    String(usize, String, String),
    Pipe(usize, Box<Pipe>),
    Chain(usize, Box<Arg>, Vec<String>),
}

impl Arg {
    pub fn pos(&self) -> usize {
        match self {
            Arg::Identifier(p, _)
            | Arg::Dot(p)
            | Arg::Nil(p)
            | Arg::Variable(p, _)
            | Arg::Field(p, _)
            | Arg::Bool(p, _)
            | Arg::Number(p, _)
            | Arg::String(p, ..)
            | Arg::Pipe(p, _)
            | Arg::Chain(p, ..) => *p,
        }
    }
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Arg::Identifier(_, name) => write!(f, "{name}"),
            Arg::Dot(_) => write!(f, "."),
            Arg::Nil(_) => write!(f, "nil"),
            Arg::Variable(_, idents) => write!(f, "{}", idents.join(".")),
            Arg::Field(_, idents) => {
                for id in idents {
                    write!(f, ".{id}")?;
                }
                Ok(())
            }
            Arg::Bool(_, b) => write!(f, "{b}"),
            Arg::Number(_, n) => write!(f, "{}", n.text),
            Arg::String(_, quoted, _) => write!(f, "{quoted}"),
            Arg::Pipe(_, pipe) => write!(f, "{pipe}"),
            Arg::Chain(_, node, fields) => {
                if let Arg::Pipe(..) = **node {
                    write!(f, "({node})")?;
                } else {
                    write!(f, "{node}")?;
                }
                for field in fields {
                    write!(f, ".{field}")?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (i, arg) in self.args.iter().enumerate() {
            if i > 0 {
                write!(f, " ")?;
            }
            if let Arg::Pipe(..) = arg {
                write!(f, "({arg})")?;
            } else {
                write!(f, "{arg}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Pipe {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if !self.decl.is_empty() {
            write!(f, "{} := ", self.decl.join(", "))?;
        }
        for (i, cmd) in self.cmds.iter().enumerate() {
            if i > 0 {
                write!(f, " | ")?;
            }
            write!(f, "{cmd}")?;
        }
        Ok(())
    }
}

impl fmt::Display for List {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for node in &self.nodes {
            write!(f, "{node}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let branch = |f: &mut fmt::Formatter, name: &str, b: &Branch| {
            write!(f, "{{{{{name} {}}}}}{}", b.pipe, b.list)?;
            if let Some(else_list) = &b.else_list {
                write!(f, "{{{{else}}}}{else_list}")?;
            }
            write!(f, "{{{{end}}}}")
        };
        match self {
            Node::Text(t) => write!(f, "{t}"),
            Node::Action(_, pipe) => write!(f, "{{{{{pipe}}}}}"),
            Node::If(b) => branch(f, "if", b),
            Node::Range(b) => branch(f, "range", b),
            Node::With(b) => branch(f, "with", b),
            Node::Template(_, name, pipe) => {
                write!(f, "{{{{template {}", super::gofmt::quote(name))?;
                if let Some(pipe) = pipe {
                    write!(f, " {pipe}")?;
                }
                write!(f, "}}}}")
            }
            Node::Break(_) => write!(f, "{{{{break}}}}"),
            Node::Continue(_) => write!(f, "{{{{continue}}}}"),
            Node::End(_) => write!(f, "{{{{end}}}}"),
            Node::Else(..) => write!(f, "{{{{else}}}}"),
        }
    }
}
