//! bashio's get-or-set option functions (`bashio::supervisor.channel`,
//! `bashio::security.pwned`, ...): given a value they POST `{"KEY": VALUE}`
//! to an options resource and empty the cache, else they read one fact of a
//! cached document. A `Setting` describes one; the logic lives here once.

#![forbid(unsafe_code)]

use super::blob::{self, Blob};
use super::{actions, log, var};
use crate::ctx::{Args, Ctx, Ret};

/// How the value goes into `{"KEY": VALUE}`.
#[derive(Clone, Copy)]
pub enum Kind {
    /// As given (a leading `^` still makes it raw JSON, as in bashio).
    Text,
    /// `true` when the value is `true`, anything else `false`.
    Flag,
    /// Raw JSON (`^VALUE`).
    Json,
}

/// POSTs `{"KEY": VALUE}` to RESOURCE, then empties the cache.
pub fn set(ctx: &mut Ctx, resource: &str, key: &str, value: &[u8], kind: Kind) -> Ret {
    let item = match kind {
        Kind::Text => value.to_vec(),
        Kind::Json => actions::raw(value),
        Kind::Flag if var::is_true(ctx, value) => b"^true".to_vec(),
        Kind::Flag => b"^false".to_vec(),
    };
    actions::set_option(ctx, resource, key, &item)
}

/// One get-or-set function over a cached document.
pub struct Setting {
    pub name: &'static str,
    pub resource: &'static str,
    pub key: &'static str,
    pub kind: Kind,
    pub blob: &'static Blob,
    pub cache_key: &'static str,
    pub filter: &'static str,
}

impl Setting {
    /// `NAME [VALUE]`.
    pub fn run(&self, ctx: &mut Ctx, args: &Args) -> Ret {
        log::trace(ctx, self.name, args);
        let value = args.bytes(0);
        if var::has_value(ctx, value) {
            set(ctx, self.resource, self.key, value, self.kind)
        } else {
            blob::fetch(ctx, self.blob, &Args::of(&[self.cache_key, self.filter]))
        }
    }
}
