//! bashio's repositories.sh: the add-on store's repositories. One function
//! reads the list or one repository (cached per slug) and filters it; the
//! getters pick a field, the actions add, remove or repair a repository.

#![forbid(unsafe_code)]

use super::{actions, api, apps, cache, log, var};
use crate::ctx::{Args, Ctx, Ret, NOK, OK};
use crate::table::row::{Action, Body::*, Function, Payload};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::repositories",
        Native(repositories),
        "[SLUG=false] [CACHE_KEY=false] [FILTER|false]: the store's repositories or one of them, filtered",
    ),
    Function::new(
        "bashio::repository.name",
        Native(name),
        "SLUG: a repository's name",
    ),
    Function::new(
        "bashio::repository.source",
        Native(source),
        "SLUG: a repository's source",
    ),
    Function::new(
        "bashio::repository.url",
        Native(url),
        "SLUG: a repository's URL",
    ),
    Function::new(
        "bashio::repository.maintainer",
        Native(maintainer),
        "SLUG: a repository's maintainer",
    ),
    Function::new(
        "bashio::repository.add",
        Action(Action::post_flush("/store/repositories").with(Payload::Field("repository")).traced()),
        "URL: add a repository to the store",
    ),
    Function::new(
        "bashio::repository.delete",
        Action(Action::delete("/store/repositories/{1}")),
        "SLUG: remove an unused repository from the store",
    ),
    Function::new(
        "bashio::repository.repair",
        Action(Action::post_flush("/store/repositories/{1}/repair").traced()),
        "SLUG: repair a repository of the store",
    ),
];

/// `bashio::repositories [SLUG] [CACHE_KEY] [FILTER]`. Without a filter it
/// lists the slugs (cached as `repositories.list`), or gives one slug; the
/// filter `false` gives the document itself.
pub fn repositories(ctx: &mut Ctx, args: &Args) -> Ret {
    let (slug, cache_key, filter) = apps::listing(ctx, args, ".[].slug", "repositories.list");
    log::trace(ctx, "bashio::repositories", args);

    if !var::is_false(ctx, cache_key.as_bytes()) && cache::exists(ctx, &cache_key) {
        cache::print(ctx, &cache_key)?;
        return OK;
    }

    let (document_key, resource, what) = if var::is_false(ctx, slug.as_bytes()) {
        (
            "repositories.info".to_string(),
            "/store/repositories".to_string(),
            "repositories",
        )
    } else {
        (
            format!("repositories.{slug}.info"),
            format!("/store/repositories/{slug}"),
            "repository info",
        )
    };
    let info = if cache::exists(ctx, &document_key) {
        ctx.assign(|c| cache::print(c, &document_key))?.into_bytes()
    } else {
        let (response, code) = ctx.capture(|c| api::supervisor(c, "GET", &resource, b"false", ""));
        ctx.check(code)?;
        if code != 0 {
            log::error(ctx, format!("Failed to get {what} from Supervisor API"));
            return NOK;
        }
        let code = cache::set(ctx, &document_key, &response)?;
        ctx.check(code)?;
        response
    };

    apps::filtered(ctx, &info, &filter, &cache_key)
}

/// `bashio::repository.FIELD SLUG`: one field, cached per repository.
fn field(ctx: &mut Ctx, args: &Args, field: &str) -> Ret {
    let name = format!("bashio::repository.{field}");
    actions::require(&name, args, 1)?;
    log::trace(ctx, &name, args);
    let slug = args.str(0);
    repositories(
        ctx,
        &Args::of(&[
            &slug,
            &format!("repositories.{slug}.{field}"),
            &format!(".{field}"),
        ]),
    )
}

fn name(ctx: &mut Ctx, args: &Args) -> Ret {
    field(ctx, args, "name")
}

fn source(ctx: &mut Ctx, args: &Args) -> Ret {
    field(ctx, args, "source")
}

fn url(ctx: &mut Ctx, args: &Args) -> Ret {
    field(ctx, args, "url")
}

fn maintainer(ctx: &mut Ctx, args: &Args) -> Ret {
    field(ctx, args, "maintainer")
}
