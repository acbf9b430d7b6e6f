//! A row of the function table and the kinds of row there are: what the
//! modules under `bashio/` build their tables from. It depends on nothing of
//! theirs, so the modules, the table that joins them and the tools that read
//! it (the shim, the builtins, help and lint) all point one way, here.

#![forbid(unsafe_code)]

use crate::ctx::{Args, Ctx, Ret};

/// One module's rows, and whether none of them consults errexit (they never
/// stop at a failing inner command): the bash library then calls them
/// without probing for it.
pub struct Module {
    pub rows: &'static [Function],
    pub errexit_free: bool,
}

impl Module {
    pub const fn new(rows: &'static [Function]) -> Module {
        Module {
            rows,
            errexit_free: false,
        }
    }

    /// A module none of whose functions consults errexit.
    pub const fn errexit_free(rows: &'static [Function]) -> Module {
        Module {
            rows,
            errexit_free: true,
        }
    }
}

pub type NativeFn = fn(&mut Ctx, &Args) -> Ret;

/// What a function is made of.
#[derive(Clone, Copy)]
pub enum Body {
    /// Runs in the binary.
    Native(NativeFn),
    /// A function that fetches and filters one Supervisor document (`bashio::info`).
    BlobFetch(&'static Blob),
    /// A getter over such a document: `bashio::info KEY FILTER` behind its own name.
    BlobGet {
        blob: &'static Blob,
        key: &'static str,
        filter: &'static str,
        /// Whether the trace line shows the arguments, as bashio's
        /// `update_available` getters do, or only the name.
        trace_args: bool,
    },
    /// Must run in the calling shell (it exits it, or changes its variables):
    /// the bash body, written into the shim.
    Shell(&'static str),
    /// `bashio::apps SLUG addons.SLUG.<key> <filter>`: one fact of an add-on,
    /// the slug in the first argument (default `self`).
    AppGet {
        key: &'static str,
        filter: &'static str,
    },
    /// One request to the Supervisor and what follows it (`bashio::host.reboot`).
    Action(Action),
}

/// A Supervisor action: `bashio::api.supervisor METHOD RESOURCE [BODY]`,
/// then what bashio does with its status.
#[derive(Clone, Copy)]
pub struct Action {
    pub method: &'static str,
    /// The resource, where `{1}` is the first argument (required), `{slug}`
    /// the first argument or `self`, and `{store_slug}` that with `self`
    /// resolved to this add-on's slug (the store knows real slugs only).
    pub resource: &'static str,
    pub body: Payload,
    pub then: Then,
    /// Whether the trace line shows the arguments or only the name (the
    /// arguments of an options call can be anything the caller chose).
    pub trace_args: bool,
}

/// What goes with an action's request.
#[derive(Clone, Copy)]
pub enum Payload {
    /// A fixed third word: empty, or `true` for the raw answer (logs).
    Word(&'static str),
    /// The first argument, a JSON object as the caller wrote it (required).
    Argument,
    /// `{"KEY": $1}` (required).
    Field(&'static str),
    /// `{"version": $1}` when given, else nothing.
    Version,
}

/// What follows an action's request.
#[derive(Clone, Copy)]
pub enum Then {
    /// The request's status is the function's.
    Status,
    /// `|| return 1`, then `return 0`.
    Ok,
    /// `|| return 1`, then `bashio::cache.flush_all`.
    Flush,
    /// The request as a statement, 1 if it failed, else
    /// `bashio::cache.flush_all`.
    CheckedFlush,
}

impl Action {
    /// An action without a body whose status is the function's.
    pub const fn status(method: &'static str, resource: &'static str) -> Action {
        Action {
            method,
            resource,
            body: Payload::Word(""),
            then: Then::Status,
            trace_args: false,
        }
    }

    /// A GET of a log or text document, answered raw.
    pub const fn raw(resource: &'static str) -> Action {
        Action {
            body: Payload::Word("true"),
            ..Action::status("GET", resource)
        }
    }

    /// A POST without a body, then the cache is emptied.
    pub const fn post_flush(resource: &'static str) -> Action {
        Action {
            then: Then::Flush,
            ..Action::status("POST", resource)
        }
    }

    /// `[VERSION]`: a POST with `{"version": VERSION}` when given, then the
    /// cache is emptied.
    pub const fn update(resource: &'static str) -> Action {
        Action {
            body: Payload::Version,
            then: Then::Flush,
            trace_args: true,
            ..Action::status("POST", resource)
        }
    }

    /// A DELETE, traced with its arguments, then the cache is emptied.
    pub const fn delete(resource: &'static str) -> Action {
        Action {
            then: Then::Flush,
            trace_args: true,
            ..Action::status("DELETE", resource)
        }
    }

    /// The same action with its arguments in the trace line.
    pub const fn traced(self) -> Action {
        Action {
            trace_args: true,
            ..self
        }
    }

    /// The same action with this body.
    pub const fn with(self, body: Payload) -> Action {
        Action { body, ..self }
    }

    /// The same action followed by this.
    pub const fn then(self, then: Then) -> Action {
        Action { then, ..self }
    }

    /// How many arguments the action cannot do without.
    pub fn required(&self) -> usize {
        let takes_first = matches!(self.body, Payload::Argument | Payload::Field(_));
        usize::from(takes_first || self.resource.contains("{1}"))
    }
}

#[derive(Clone, Copy)]
pub struct Function {
    /// The shell function name, e.g. `bashio::config`.
    pub name: &'static str,
    pub body: Body,
    /// Arguments and purpose, for `bashio help NAME`: "ARGS: what it does".
    pub usage: &'static str,
    /// Ours alone, not bashio's: left out of `bashio --list`.
    pub extension: bool,
}

impl Function {
    pub const fn new(name: &'static str, body: Body, usage: &'static str) -> Function {
        Function {
            name,
            body,
            usage,
            extension: false,
        }
    }

    /// A function bashio does not have.
    pub const fn extension(name: &'static str, body: Body, usage: &'static str) -> Function {
        Function {
            name,
            body,
            usage,
            extension: true,
        }
    }

    /// The bash definition of a function that must be bash, as the library
    /// and the builtins define it.
    pub fn shell_definition(&self) -> Option<String> {
        match self.body {
            Body::Shell(body) => Some(format!("{}() {{\n{}\n}}\n", self.name, body)),
            _ => None,
        }
    }

    /// The name without the `bashio::` prefix, as typed after `bashio`.
    pub fn short_name(&self) -> &'static str {
        self.name.strip_prefix("bashio::").unwrap_or(self.name)
    }

    /// Helpers the shim needs but bashio does not publish (`bashio::x.__y`).
    pub fn is_internal(&self) -> bool {
        self.name.contains("__")
    }
}

/// One cached Supervisor document and the function that fetches it.
pub struct Blob {
    /// The fetching function, e.g. `bashio::info`.
    pub function: &'static str,
    /// The API resource, e.g. `/info`.
    pub resource: &'static str,
    /// The cache key of the unfiltered document, also the default key.
    pub base_key: &'static str,
    /// What the document is, for "Failed to get ... from Supervisor API".
    pub what: &'static str,
}
