//! bashio's jobs.sh: the Supervisor's job manager. Jobs change all the time,
//! so the documents are never cached; only a caller's filtered value is.
//! The getters read one job by uuid; the actions reset the manager, set its
//! options or remove a finished job.

#![forbid(unsafe_code)]

use super::{actions, api, apps, cache, log, var};
use crate::ctx::{Args, Ctx, Ret, NOK, OK};
use crate::table::row::{Action, Body::*, Function, Payload};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::jobs.reset",
        Action(Action::post_flush("/jobs/reset")),
        ": reset the job manager",
    ),
    Function::new(
        "bashio::jobs.options",
        Action(Action::post_flush("/jobs/options").with(Payload::Argument)),
        "OPTIONS_JSON: set the job manager's options",
    ),
    Function::new(
        "bashio::jobs",
        Native(jobs),
        "[UUID=false] [CACHE_KEY=false] [FILTER|false]: the jobs or one job, filtered",
    ),
    Function::new("bashio::job.name", Native(name), "UUID: a job's name"),
    Function::new(
        "bashio::job.reference",
        Native(reference),
        "UUID: what a job works on",
    ),
    Function::new(
        "bashio::job.progress",
        Native(progress),
        "UUID: a job's progress",
    ),
    Function::new("bashio::job.stage", Native(stage), "UUID: a job's stage"),
    Function::new(
        "bashio::job.done",
        Native(done),
        "UUID: whether a job is done",
    ),
    Function::new(
        "bashio::job.created",
        Native(created),
        "UUID: when a job was created",
    ),
    Function::new(
        "bashio::job.child_jobs",
        Native(child_jobs),
        "UUID: a job's child jobs",
    ),
    Function::new("bashio::job.errors", Native(errors), "UUID: a job's errors"),
    Function::new(
        "bashio::job.extra",
        Native(extra),
        "UUID: a job's extra details",
    ),
    Function::new(
        "bashio::job.delete",
        Action(Action::delete("/jobs/{1}")),
        "UUID: remove a finished job",
    ),
];

/// `bashio::jobs [UUID] [CACHE_KEY] [FILTER]`. Without a filter it lists the
/// uuids of all jobs, or gives one job whole.
pub fn jobs(ctx: &mut Ctx, args: &Args) -> Ret {
    let uuid = args.or(0, "false");
    let cache_key = args.or(1, "false");
    let mut filter = args.str(2);
    if var::is_empty(ctx, filter.as_bytes()) {
        filter = match var::is_false(ctx, uuid.as_bytes()) {
            true => ".jobs[].uuid".to_string(),
            false => "false".to_string(),
        };
    }
    log::trace(ctx, "bashio::jobs", args);

    if !var::is_false(ctx, cache_key.as_bytes()) && cache::exists(ctx, &cache_key) {
        cache::print(ctx, &cache_key)?;
        return OK;
    }

    let (resource, what) = match var::is_false(ctx, uuid.as_bytes()) {
        true => ("/jobs/info".to_string(), "jobs"),
        false => (format!("/jobs/{uuid}"), "job info"),
    };
    let (info, code) = ctx.capture(|c| api::supervisor(c, "GET", &resource, b"false", ""));
    ctx.check(code)?;
    if code != 0 {
        log::error(ctx, format!("Failed to get {what} from Supervisor API"));
        return NOK;
    }

    apps::filtered(ctx, &info, &filter, &cache_key)
}

/// `bashio::job.FIELD UUID`: a filter over one job; fields that never
/// change are cached per job (`cached`), the others read afresh.
fn job(ctx: &mut Ctx, args: &Args, field: &str, cached: bool, filter: &str) -> Ret {
    let name = format!("bashio::job.{field}");
    actions::require(&name, args, 1)?;
    log::trace(ctx, &name, args);
    let uuid = args.str(0);
    let cache_key = match cached {
        true => format!("jobs.{uuid}.{field}"),
        false => "false".to_string(),
    };
    jobs(ctx, &Args::of(&[&uuid, &cache_key, filter]))
}

fn name(ctx: &mut Ctx, args: &Args) -> Ret {
    job(ctx, args, "name", true, ".name")
}

fn reference(ctx: &mut Ctx, args: &Args) -> Ret {
    job(ctx, args, "reference", true, ".reference // empty")
}

fn progress(ctx: &mut Ctx, args: &Args) -> Ret {
    job(
        ctx,
        args,
        "progress",
        false,
        "if(.progress != null) then .progress else empty end",
    )
}

fn stage(ctx: &mut Ctx, args: &Args) -> Ret {
    job(ctx, args, "stage", false, ".stage // empty")
}

fn done(ctx: &mut Ctx, args: &Args) -> Ret {
    job(ctx, args, "done", false, ".done")
}

fn created(ctx: &mut Ctx, args: &Args) -> Ret {
    job(ctx, args, "created", true, ".created")
}

fn child_jobs(ctx: &mut Ctx, args: &Args) -> Ret {
    job(
        ctx,
        args,
        "child_jobs",
        false,
        "if (.child_jobs | length) > 0 then .child_jobs else empty end",
    )
}

fn errors(ctx: &mut Ctx, args: &Args) -> Ret {
    job(
        ctx,
        args,
        "errors",
        false,
        "if (.errors | length) > 0 then .errors else empty end",
    )
}

fn extra(ctx: &mut Ctx, args: &Args) -> Ret {
    job(ctx, args, "extra", false, ".extra // empty")
}
