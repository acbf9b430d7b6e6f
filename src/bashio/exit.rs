//! bashio's exit.sh: ending the script, with a fatal log line when there is a
//! message. The binary reports the exit; the shim carries it out in the shell.

#![forbid(unsafe_code)]

use super::{log, var};
use crate::ctx::{Args, Ctx, Ret, Stop};
use crate::table::row::{Body::*, Function};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::exit.nok",
        Native(exit_nok),
        "[MESSAGE...]: exit the script with status 1, logging MESSAGE as fatal",
    ),
    Function::new(
        "bashio::exit.ok",
        Native(exit_ok),
        ": exit the script with status 0",
    ),
    Function::new(
        "bashio::exit.die_if_false",
        Native(die_if_false),
        "VALUE [MESSAGE...]: exit with status 1 when VALUE is false",
    ),
    Function::new(
        "bashio::exit.die_if_true",
        Native(die_if_true),
        "VALUE [MESSAGE...]: exit with status 1 when VALUE is true",
    ),
    Function::new(
        "bashio::exit.die_if_empty",
        Native(die_if_empty),
        "VALUE [MESSAGE...]: exit with status 1 when VALUE is empty",
    ),
    Function::new(
        "hass.die_if_true",
        Native(hass_die_if_true),
        "VALUE [MESSAGE...]: deprecated name of bashio::exit.die_if_true",
    ),
    Function::new(
        "hass.die_if_empty",
        Native(hass_die_if_empty),
        "VALUE [MESSAGE...]: deprecated name of bashio::exit.die_if_empty",
    ),
];

/// `bashio::exit.nok MESSAGE`: logs the message (if any) and exits with 1.
pub fn nok(ctx: &mut Ctx, message: &[u8]) -> Ret {
    log::trace(ctx, "bashio::exit.nok", &Args(vec![message.to_vec()]));
    if var::has_value(ctx, message) {
        log::fatal(ctx, message);
    }
    Err(Stop::Exit(1))
}

/// `bashio::exit.nok` without a message.
pub fn nok_silent(ctx: &mut Ctx) -> Ret {
    log::trace_name(ctx, "bashio::exit.nok");
    var::has_value(ctx, b"");
    Err(Stop::Exit(1))
}

fn exit_nok(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::exit.nok", args);
    let message = args.joined(0);
    if var::has_value(ctx, &message) {
        log::fatal(ctx, &message);
    }
    Err(Stop::Exit(1))
}

fn exit_ok(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::exit.ok", args);
    Err(Stop::Exit(0))
}

fn die_if(ctx: &mut Ctx, args: &Args, name: &str, test: fn(&mut Ctx, &[u8]) -> bool) -> Ret {
    log::trace(ctx, name, args);
    let message = args.joined(1);
    if test(ctx, args.bytes(0)) {
        return nok(ctx, &message);
    }
    // An `if` without a taken branch returns 0.
    Ok(0)
}

fn die_if_false(ctx: &mut Ctx, args: &Args) -> Ret {
    die_if(ctx, args, "bashio::exit.die_if_false", var::is_false)
}

fn die_if_true(ctx: &mut Ctx, args: &Args) -> Ret {
    die_if(ctx, args, "bashio::exit.die_if_true", var::is_true)
}

fn die_if_empty(ctx: &mut Ctx, args: &Args) -> Ret {
    die_if(ctx, args, "bashio::exit.die_if_empty", var::is_empty)
}

fn hass_die_if_true(ctx: &mut Ctx, args: &Args) -> Ret {
    log::warning(
        ctx,
        "hass.die_if_true is deprecated, use bashio::exit.die_if_true instead.",
    );
    die_if_true(ctx, args)
}

fn hass_die_if_empty(ctx: &mut Ctx, args: &Args) -> Ret {
    log::warning(
        ctx,
        "hass.die_if_empty is deprecated, use bashio::exit.die_if_empty instead.",
    );
    die_if_empty(ctx, args)
}
