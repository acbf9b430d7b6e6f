//! bashio's supervisor.sh: the Supervisor itself. The getters over
//! `/supervisor/info` join this table as rows.

use super::{api, log};
use crate::ctx::{Args, Ctx, Ret};
use crate::table::{Body::*, Function};

pub const FUNCTIONS: &[Function] = &[Function::new(
    "bashio::supervisor.ping",
    Native(ping),
    ": succeed when the Supervisor answers",
)];

fn ping(ctx: &mut Ctx, _args: &Args) -> Ret {
    log::trace_name(ctx, "bashio::supervisor.ping");
    api::supervisor(ctx, "GET", "/supervisor/ping", b"", "")
}
