//! bashio's network.sh: the host's network. The overview document and its
//! getters are rows; each interface has its own document (cached per
//! interface, `default` unless named), read and changed natively.

#![forbid(unsafe_code)]

use super::blob::{self, blob_get, Blob};
use super::setting::{self, Kind};
use super::{log, var};
use crate::ctx::{Args, Ctx, Ret};
use crate::table::row::{Action, Body::*, Function};

pub static INFO: Blob = Blob {
    function: "bashio::network",
    resource: "/network/info",
    base_key: "network.info",
    what: "network info",
};

macro_rules! info {
    ($field:literal, $filter:literal, $what:literal) => {
        blob_get!("network", INFO, "network.info", $field, $filter, $what)
    };
}

macro_rules! interface {
    ($name:literal, $function:ident, $what:literal) => {
        Function::new(
            concat!("bashio::network.", $name),
            Native($function),
            concat!("[INTERFACE=default]: ", $what),
        )
    };
}

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::network.reload",
        Action(Action::post_flush("/network/reload")),
        ": reload the network configuration",
    ),
    Function::new(
        "bashio::network",
        BlobFetch(&INFO),
        "[CACHE_KEY=network.info] [FILTER]: the host's network information, filtered",
    ),
    info!("host_internet", ".host_internet", "whether the host reaches the internet"),
    info!(
        "supervisor_internet",
        ".supervisor_internet",
        "whether the Supervisor reaches the internet"
    ),
    // bashio caches this one under a longer key than its name.
    Function::new(
        "bashio::network.interfaces",
        BlobGet {
            blob: &INFO,
            key: "network.info.interfaces.interface",
            filter: ".interfaces[] | .interface",
            trace_args: false,
        },
        ": the network interfaces, one a line",
    ),
    Function::new(
        "bashio::network.interface",
        Native(interface),
        "[CACHE_KEY=network.interface.info] [INTERFACE=default] [FILTER]: one interface's information, filtered",
    ),
    interface!("name", name, "an interface's name"),
    interface!("type", kind, "an interface's type"),
    Function::new(
        "bashio::network.enabled",
        Native(enabled),
        "[INTERFACE=default] [true|false]: get or set whether an interface is enabled",
    ),
    interface!("connected", connected, "whether an interface is connected"),
    interface!("ipv4_method", ipv4_method, "an interface's IPv4 method"),
    interface!("ipv6_method", ipv6_method, "an interface's IPv6 method"),
    interface!(
        "ipv4_address",
        ipv4_address,
        "an interface's IPv4 addresses, one a line"
    ),
    interface!(
        "ipv6_address",
        ipv6_address,
        "an interface's IPv6 addresses, one a line"
    ),
    interface!(
        "ipv4_nameservers",
        ipv4_nameservers,
        "an interface's IPv4 name servers, one a line"
    ),
    interface!(
        "ipv6_nameservers",
        ipv6_nameservers,
        "an interface's IPv6 name servers, one a line"
    ),
    interface!("ipv4_gateway", ipv4_gateway, "an interface's IPv4 gateway"),
    interface!("ipv6_gateway", ipv6_gateway, "an interface's IPv6 gateway"),
    Function::new(
        "bashio::network.ipv4",
        Native(ipv4),
        "[INTERFACE=default] [IPV4_JSON]: get or set an interface's IPv4 settings",
    ),
    Function::new(
        "bashio::network.ipv6",
        Native(ipv6),
        "[INTERFACE=default] [IPV6_JSON]: get or set an interface's IPv6 settings",
    ),
];

/// `bashio::network.interface [CACHE_KEY] [INTERFACE] [FILTER]`: like the
/// other documents, with its base key and resource per interface. Its
/// default cache key is not the base key, so an unfiltered call caches the
/// document a second time, as bashio does.
pub fn interface(ctx: &mut Ctx, args: &Args) -> Ret {
    let cache_key = args.or(0, "network.interface.info");
    let interface = args.or(1, "default");
    let filter = args.str(2);
    log::trace(ctx, "bashio::network.interface", args);
    blob::fetch_document(
        ctx,
        &format!("/network/interface/{interface}/info"),
        &format!("network.interface.{interface}.info"),
        "network interface info",
        &cache_key,
        &filter,
    )
}

/// `bashio::network.FIELD [INTERFACE]`: one fact of an interface, cached
/// under the interface's key plus `key`.
fn fact(ctx: &mut Ctx, args: &Args, name: &str, key: &str, filter: &str) -> Ret {
    let interface = args.or(0, "default");
    log::trace_name(ctx, name);
    let cache_key = format!("network.interface.{interface}.info.{key}");
    self::interface(ctx, &Args::of(&[&cache_key, &interface, filter]))
}

/// `bashio::network.FIELD [INTERFACE] [VALUE]`: sets FIELD through the
/// interface's update resource when VALUE is given, else reads it.
fn set_or_get(ctx: &mut Ctx, args: &Args, field: &str, kind: Kind, filter: &str) -> Ret {
    let interface = args.or(0, "default");
    let value = args.bytes(1);
    log::trace_name(ctx, &format!("bashio::network.{field}"));
    if var::has_value(ctx, value) {
        let resource = format!("/network/interface/{interface}/update");
        setting::set(ctx, &resource, field, value, kind)
    } else {
        let cache_key = format!("network.interface.{interface}.info.{field}");
        self::interface(ctx, &Args::of(&[&cache_key, &interface, filter]))
    }
}

fn name(ctx: &mut Ctx, args: &Args) -> Ret {
    fact(ctx, args, "bashio::network.name", "interface", ".interface")
}

fn kind(ctx: &mut Ctx, args: &Args) -> Ret {
    fact(ctx, args, "bashio::network.type", "type", ".type")
}

fn enabled(ctx: &mut Ctx, args: &Args) -> Ret {
    set_or_get(ctx, args, "enabled", Kind::Flag, ".enabled")
}

fn connected(ctx: &mut Ctx, args: &Args) -> Ret {
    fact(
        ctx,
        args,
        "bashio::network.connected",
        "connected",
        ".connected",
    )
}

fn ipv4_method(ctx: &mut Ctx, args: &Args) -> Ret {
    fact(
        ctx,
        args,
        "bashio::network.ipv4_method",
        "ipv4.method",
        ".ipv4.method",
    )
}

fn ipv6_method(ctx: &mut Ctx, args: &Args) -> Ret {
    fact(
        ctx,
        args,
        "bashio::network.ipv6_method",
        "ipv6.method",
        ".ipv6.method",
    )
}

fn ipv4_address(ctx: &mut Ctx, args: &Args) -> Ret {
    fact(
        ctx,
        args,
        "bashio::network.ipv4_address",
        "ipv4.address",
        ".ipv4.address[]",
    )
}

fn ipv6_address(ctx: &mut Ctx, args: &Args) -> Ret {
    fact(
        ctx,
        args,
        "bashio::network.ipv6_address",
        "ipv6.address",
        ".ipv6.address[]",
    )
}

fn ipv4_nameservers(ctx: &mut Ctx, args: &Args) -> Ret {
    fact(
        ctx,
        args,
        "bashio::network.ipv4_nameservers",
        "ipv4.nameservers",
        ".ipv4.nameservers[]",
    )
}

fn ipv6_nameservers(ctx: &mut Ctx, args: &Args) -> Ret {
    fact(
        ctx,
        args,
        "bashio::network.ipv6_nameservers",
        "ipv6.nameservers",
        ".ipv6.nameservers[]",
    )
}

fn ipv4_gateway(ctx: &mut Ctx, args: &Args) -> Ret {
    fact(
        ctx,
        args,
        "bashio::network.ipv4_gateway",
        "ipv4.gateway",
        ".ipv4.gateway",
    )
}

fn ipv6_gateway(ctx: &mut Ctx, args: &Args) -> Ret {
    fact(
        ctx,
        args,
        "bashio::network.ipv6_gateway",
        "ipv6.gateway",
        ".ipv6.gateway",
    )
}

fn ipv4(ctx: &mut Ctx, args: &Args) -> Ret {
    set_or_get(ctx, args, "ipv4", Kind::Json, ".ipv4")
}

fn ipv6(ctx: &mut Ctx, args: &Args) -> Ret {
    set_or_get(ctx, args, "ipv6", Kind::Json, ".ipv6")
}
