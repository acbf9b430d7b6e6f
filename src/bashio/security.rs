//! bashio's security.sh: the Supervisor's security settings. The document
//! is a row; setting options and the two switches (pwned password checks,
//! forced security) are native.

#![forbid(unsafe_code)]

use super::blob::Blob;
use super::setting::{Kind, Setting};
use crate::ctx::{Args, Ctx, Ret};
use crate::table::row::{Action, Body::*, Function, Payload};

pub static INFO: Blob = Blob {
    function: "bashio::security",
    resource: "/security/info",
    base_key: "security.info",
    what: "security info",
};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::security",
        BlobFetch(&INFO),
        "[CACHE_KEY=security.info] [FILTER]: the security settings, filtered",
    ),
    Function::new(
        "bashio::security.options",
        Action(
            Action::post_flush("/security/options")
                .with(Payload::Argument)
                .traced(),
        ),
        "OPTIONS_JSON: set security options",
    ),
    Function::new(
        "bashio::security.pwned",
        Native(pwned),
        "[true|false]: get or set whether passwords are checked against known leaks",
    ),
    Function::new(
        "bashio::security.force_security",
        Native(force_security),
        "[true|false]: get or set whether security is enforced",
    ),
];

fn pwned(ctx: &mut Ctx, args: &Args) -> Ret {
    Setting {
        name: "bashio::security.pwned",
        resource: "/security/options",
        key: "pwned",
        kind: Kind::Flag,
        blob: &INFO,
        cache_key: "security.info.pwned",
        filter: ".pwned // false",
    }
    .run(ctx, args)
}

fn force_security(ctx: &mut Ctx, args: &Args) -> Ret {
    Setting {
        name: "bashio::security.force_security",
        resource: "/security/options",
        key: "force_security",
        kind: Kind::Flag,
        blob: &INFO,
        cache_key: "security.info.force_security",
        filter: ".force_security // false",
    }
    .run(ctx, args)
}
