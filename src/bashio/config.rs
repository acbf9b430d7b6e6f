//! bashio's config.sh: reading the user's add-on options and the checks built
//! on them (has_value, true, require, suggest, SSL files). A key is a jq path
//! (`database.host`, `logins[0].name`, even a filter such as `logins|length`);
//! a key starting with `$` is a JSONPath query.

use super::{apps, exit, fs, jq, log, pwned, var};
use crate::ctx::{status, Args, Ctx, Ret, Stop, NOK, OK};
use crate::table::row::{Body::*, Function};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::config",
        Native(config),
        "KEY [DEFAULT=null]: an option's value, or DEFAULT when it is unset",
    ),
    Function::new(
        "bashio::config.exists",
        Native(exists),
        "KEY: succeed when the option is set, even to an empty value",
    ),
    Function::new(
        "bashio::config.has_value",
        Native(has_value_fn),
        "KEY: succeed when the option has a value",
    ),
    Function::new(
        "bashio::config.is_empty",
        Native(is_empty),
        "KEY: succeed when the option is empty or unset",
    ),
    Function::new(
        "bashio::config.equals",
        Native(equals),
        "KEY VALUE: succeed when the option equals VALUE",
    ),
    Function::new(
        "bashio::config.true",
        Native(is_true_fn),
        "KEY: succeed when the option is true",
    ),
    Function::new(
        "bashio::config.false",
        Native(is_false_fn),
        "KEY: succeed when the option is false",
    ),
    Function::new(
        "bashio::config.is_safe_password",
        Native(is_safe_password),
        "KEY: succeed when the password option is not known to be breached",
    ),
    Function::new(
        "bashio::config.require",
        Native(require),
        "KEY [REASON]: exit when the option has no value",
    ),
    Function::new(
        "bashio::config.suggest",
        Native(suggest),
        "KEY [REASON]: warn when the option has no value",
    ),
    Function::new(
        "bashio::config.suggest.true",
        Native(suggest_true),
        "KEY [REASON]: warn when the option is not true",
    ),
    Function::new(
        "bashio::config.suggest.false",
        Native(suggest_false),
        "KEY [REASON]: warn when the option is not false",
    ),
    Function::new(
        "bashio::config.require.username",
        Native(require_username),
        "[KEY=username]: exit when no username is set",
    ),
    Function::new(
        "bashio::config.suggest.username",
        Native(suggest_username),
        "[KEY=username]: warn when no username is set",
    ),
    Function::new(
        "bashio::config.require.password",
        Native(require_password),
        "[KEY=password]: exit when no password is set",
    ),
    Function::new(
        "bashio::config.suggest.password",
        Native(suggest_password),
        "[KEY=password]: warn when no password is set",
    ),
    Function::new(
        "bashio::config.require.safe_password",
        Native(require_safe_password),
        "[KEY=password]: exit when the password is missing or breached",
    ),
    Function::new(
        "bashio::config.suggest.safe_password",
        Native(suggest_safe_password),
        "[KEY=password]: warn when the password is missing or breached",
    ),
    Function::new(
        "bashio::config.require.ssl",
        Native(require_ssl),
        "[SSL_KEY=ssl] [CERTFILE_KEY=certfile] [KEYFILE_KEY=keyfile]: exit when SSL is on but its files are missing",
    ),
];

/// An option's value as bashio's config query prints it; `indent` lays the
/// query out as the calling bashio function's here-document is indented.
pub fn value_of(ctx: &mut Ctx, options: &[u8], key: &str, indent: usize) -> Ret {
    if key.starts_with('$') {
        return jq::jsonpath(ctx, options, key);
    }
    jq::config_query(ctx, options, key, indent)
}

/// `bashio::config KEY [DEFAULT]`.
pub fn config(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::config", args);
    let key = args.str(0);
    let default = args.or(1, "null");
    let options = ctx.assign(apps::config)?;
    let result = ctx.assign(|c| value_of(c, options.as_bytes(), &key, 8))?;
    if result == "null" {
        ctx.echo(default.as_bytes());
    } else {
        ctx.print(result.as_bytes());
    }
    OK
}

/// `value=$(bashio::config KEY)`.
fn value(ctx: &mut Ctx, key: &str) -> Result<String, Stop> {
    ctx.assign(|c| config(c, &Args::of(&[key])))
}

fn exists(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::config.exists", args);
    let value = value(ctx, &args.str(0))?;
    status(value != "null")
}

/// `bashio::config.has_value KEY`.
pub fn has_value(ctx: &mut Ctx, key: &str) -> Ret {
    log::trace(ctx, "bashio::config.has_value", &Args::of(&[key]));
    let value = value(ctx, key)?;
    if value == "null" {
        return NOK;
    }
    status(var::has_value(ctx, value.as_bytes()))
}

fn has_value_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    has_value(ctx, &args.str(0))
}

/// `bashio::config.is_empty KEY`.
fn empty(ctx: &mut Ctx, key: &str) -> Ret {
    log::trace(ctx, "bashio::config.is_empty", &Args::of(&[key]));
    let value = value(ctx, key)?;
    if var::is_empty(ctx, value.as_bytes()) {
        return OK;
    }
    status(value == "null")
}

fn is_empty(ctx: &mut Ctx, args: &Args) -> Ret {
    empty(ctx, &args.str(0))
}

fn equals(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::config.equals", args);
    let value = value(ctx, &args.str(0))?;
    status(var::equals(ctx, value.as_bytes(), args.bytes(1)))
}

/// `bashio::config.true KEY`.
fn is_true(ctx: &mut Ctx, key: &str) -> Ret {
    log::trace(ctx, "bashio::config.true", &Args::of(&[key]));
    let value = value(ctx, key)?;
    status(var::is_true(ctx, value.as_bytes()))
}

fn is_true_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    is_true(ctx, &args.str(0))
}

/// `bashio::config.false KEY`.
fn is_false(ctx: &mut Ctx, key: &str) -> Ret {
    log::trace(ctx, "bashio::config.false", &Args::of(&[key]));
    let value = value(ctx, key)?;
    status(var::is_false(ctx, value.as_bytes()))
}

fn is_false_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    is_false(ctx, &args.str(0))
}

/// `if CHECK; then`: errexit does not reach inside the check.
fn holds(ctx: &mut Ctx, check: impl FnOnce(&mut Ctx) -> Ret) -> Result<bool, Stop> {
    ctx.cond(check)
}

fn is_safe_password(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::config.is_safe_password", args);
    let password = value(ctx, &args.str(0))?;
    if holds(ctx, |c| pwned::is_safe_password(c, password.as_bytes()))? {
        return OK;
    }
    if holds(ctx, |c| is_true(c, "i_like_to_be_pwned"))? {
        log::warning(ctx, "Have I Been Pwned bypass enabled.");
        return OK;
    }
    NOK
}

fn require(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::config.require", args);
    let key = args.str(0);
    let reason = args.str(1);
    if holds(ctx, |c| has_value(c, &key))? {
        return OK;
    }
    log::fatal(ctx, "");
    log::fatal(ctx, "A required app configuration option is missing!");
    log::fatal(ctx, "");
    log::fatal(ctx, format!("Please set a value for the '{key}' option."));
    if var::has_value(ctx, reason.as_bytes()) {
        log::fatal(ctx, "");
        log::fatal(ctx, "This option is required because:");
        log::fatal(ctx, &reason);
    }
    log::fatal(ctx, "");
    log::fatal(ctx, "If unsure, check the app manual for more information.");
    log::fatal(ctx, "");
    exit::nok_silent(ctx)
}

fn suggest(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::config.suggest", args);
    let key = args.str(0);
    let reason = args.str(1);
    if !holds(ctx, |c| has_value(c, &key))? {
        log::warning(ctx, "");
        log::warning(ctx, "A recommended app configuration option is not set.");
        log::warning(ctx, "");
        log::warning(
            ctx,
            format!("The configuration key '{key}' seems to be empty."),
        );
        log::warning(ctx, "");
        if var::has_value(ctx, reason.as_bytes()) {
            log::warning(ctx, "");
            log::warning(ctx, "Consider configuring this because:");
            log::warning(ctx, &reason);
        }
        log::warning(ctx, "Check the app manual for more information.");
        log::warning(ctx, "");
    }
    OK
}

/// `config.suggest.true` and `config.suggest.false`: the same warning, worded for each.
fn suggest_state(ctx: &mut Ctx, args: &Args, enable: bool) -> Ret {
    let name = if enable {
        "bashio::config.suggest.true"
    } else {
        "bashio::config.suggest.false"
    };
    log::trace(ctx, name, args);
    let key = args.str(0);
    let reason = args.str(1);
    let (state, verb, verb_ing) = if enable {
        ("enabled", "Enable", "enabling")
    } else {
        ("disabled", "Disable", "disabling")
    };
    let satisfied = if enable {
        holds(ctx, |c| is_true(c, &key))?
    } else {
        holds(ctx, |c| is_false(c, &key))?
    };
    if !satisfied {
        log::warning(ctx, "");
        log::warning(
            ctx,
            format!("A recommended app configuration option is not {state}."),
        );
        if var::has_value(ctx, reason.as_bytes()) {
            log::warning(ctx, "");
            log::warning(ctx, format!("Consider {verb_ing} this because:"));
            log::warning(ctx, &reason);
        }
        log::warning(ctx, "");
        log::warning(
            ctx,
            format!("{verb} config option '{key}' to hide this message."),
        );
        log::warning(ctx, "");
        log::warning(ctx, "Check the app manual for more information.");
        log::warning(ctx, "");
    }
    OK
}

fn suggest_true(ctx: &mut Ctx, args: &Args) -> Ret {
    suggest_state(ctx, args, true)
}

fn suggest_false(ctx: &mut Ctx, args: &Args) -> Ret {
    suggest_state(ctx, args, false)
}

/// `config.require.username` and `config.require.password`.
fn require_credential(ctx: &mut Ctx, args: &Args, what: &str) -> Ret {
    log::trace(ctx, &format!("bashio::config.require.{what}"), args);
    let key = args.or(0, what);
    if holds(ctx, |c| has_value(c, &key))? {
        return OK;
    }
    log::fatal(ctx, "");
    log::fatal(ctx, format!("Setting a {what} is required!"));
    log::fatal(ctx, "");
    log::fatal(ctx, format!("Please set a {what} in the '{key}' option."));
    log::fatal(ctx, "");
    log::fatal(ctx, "If unsure, check the app manual for more information.");
    log::fatal(ctx, "");
    exit::nok_silent(ctx)
}

fn require_username(ctx: &mut Ctx, args: &Args) -> Ret {
    require_credential(ctx, args, "username")
}

fn require_password(ctx: &mut Ctx, args: &Args) -> Ret {
    require_credential(ctx, args, "password")
}

fn suggest_username(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::config.suggest.username", args);
    let key = args.or(0, "username");
    if !holds(ctx, |c| has_value(c, &key))? {
        log::warning(ctx, "");
        log::warning(ctx, "Setting a username is highly recommended!");
        log::warning(ctx, "");
        log::warning(ctx, format!("Define a username in the '{key}' option."));
        log::warning(ctx, "");
        log::warning(ctx, "Check the app manual for more information.");
        log::warning(ctx, "");
    }
    OK
}

fn suggest_password(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::config.suggest.password", args);
    let key = args.or(0, "password");
    if holds(ctx, |c| has_value(c, &key))? {
        return OK;
    }
    log::warning_lines(ctx, &["", "Setting a password is highly recommended!", ""]);
    log::warning(ctx, format!("Please set a password in the '{key}' option."));
    log::warning_lines(
        ctx,
        &[
            "",
            "If unsure, check the app manual for more information.",
            "",
        ],
    );
    OK
}

fn require_safe_password(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::config.require.safe_password", args);
    let key = args.or(0, "password");
    let code = require_password(ctx, &Args::of(&[&key]))?;
    ctx.check(code)?;
    let password = value(ctx, &key)?;
    if holds(ctx, |c| pwned::is_safe_password(c, password.as_bytes()))? {
        return OK;
    }
    log::fatal_lines(
        ctx,
        &[
            "",
            "We are trying to help you to protect your system the",
            "best we can. Therefore, this app checks your",
            "configured password against the HaveIBeenPwned database.",
            "",
            "Unfortunately, your configured password is considered",
            "unsafe. We highly recommend you pick a different one.",
            "",
        ],
    );
    log::fatal(
        ctx,
        format!("Please change the password in the '{key}' option."),
    );
    log::fatal_lines(ctx, &["", "Check the app manual for more information.", ""]);
    exit::nok_silent(ctx)
}

fn suggest_safe_password(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::config.suggest.safe_password", args);
    let key = args.or(0, "password");
    if !holds(ctx, |c| has_value(c, &key))? {
        let code = suggest_password(ctx, &Args::of(&[&key]))?;
        ctx.check(code)?;
        return OK;
    }
    let password = value(ctx, &key)?;
    if holds(ctx, |c| pwned::is_safe_password(c, password.as_bytes()))? {
        return OK;
    }
    log::warning_lines(
        ctx,
        &[
            "",
            "We are trying to help you to protect your system the",
            "best we can. Therefore, this app checks your",
            "configured password against the HaveIBeenPwned database.",
            "",
            "Unfortunately, your configured password is considered",
            "unsafe. It is recommended to pick a different one.",
            "",
        ],
    );
    log::warning(
        ctx,
        format!("Please change the password in the '{key}' option."),
    );
    log::warning_lines(ctx, &["", "Check the app manual for more information.", ""]);
    OK
}

/// The fatal block of `config.require.ssl` for one missing piece (`what`:
/// `file` for the certificate, `key file` for its key).
fn ssl_failure(ctx: &mut Ctx, key: &str, option: &str, what: &str, file_missing: bool) -> Ret {
    log::fatal(ctx, "");
    log::fatal(
        ctx,
        format!("SSL has been enabled using the '{key}' option,"),
    );
    log::fatal(
        ctx,
        format!("this requires an SSL certificate {what} which is"),
    );
    log::fatal(
        ctx,
        format!("configured using the '{option}' option in the"),
    );
    log::fatal(ctx, "app configuration.");
    log::fatal(ctx, "");
    if !file_missing {
        log::fatal(
            ctx,
            format!("Unfortunately, the '{option}' option is empty."),
        );
        log::fatal(ctx, "");
        log::fatal(ctx, "Consider configuring or getting an SSL certificate");
        log::fatal(
            ctx,
            format!("or setting the '{key}' option to 'false' in case"),
        );
        log::fatal(ctx, "you are not planning on using SSL with this app.");
    } else {
        log::fatal(ctx, "Unfortunately, the file specified in the");
        log::fatal(ctx, format!("'{option}' option does not exist."));
        log::fatal(ctx, "");
        log::fatal(
            ctx,
            format!("Please ensure the certificate {what} exists and"),
        );
        log::fatal(ctx, "is placed in the '/ssl/' directory.");
        log::fatal(ctx, "");
        log::fatal(ctx, "In case you don't have SSL yet, consider getting");
        log::fatal(
            ctx,
            format!("an SSL certificate or setting the '{key}' option"),
        );
        log::fatal(ctx, "to 'false' in case you are not planning on using");
        log::fatal(ctx, "SSL with this app.");
    }
    log::fatal(ctx, "");
    log::fatal(ctx, "Check the app manual for more information.");
    log::fatal(ctx, "");
    exit::nok_silent(ctx)
}

fn require_ssl(ctx: &mut Ctx, args: &Args) -> Ret {
    let key = args.or(0, "ssl");
    let certfile = args.or(1, "certfile");
    let keyfile = args.or(2, "keyfile");
    if !holds(ctx, |c| is_true(c, &key))? {
        return OK;
    }
    let pieces = [(&certfile, "file"), (&keyfile, "key file")];
    for (option, what) in pieces {
        if holds(ctx, |c| empty(c, option))? {
            return ssl_failure(ctx, &key, option, what, false);
        }
    }
    for (option, what) in pieces {
        // `/ssl/$(bashio::config KEY)`: a failing substitution in an argument is not fatal.
        let (name, _) = ctx.capture(|c| config(c, &Args::of(&[option])));
        let path = [&b"/ssl/"[..], &name].concat();
        if !fs::is_file(ctx, &path) {
            return ssl_failure(ctx, &key, option, what, true);
        }
    }
    OK
}
