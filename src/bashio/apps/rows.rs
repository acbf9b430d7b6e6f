//! The rows of apps.sh: add-on getters (a cache key and a jq filter over an
//! add-on's info or stats), actions, the getters that also set, and the
//! shell helper that warns once about a deprecated `bashio::addon.*` name.

#![forbid(unsafe_code)]

use super::protection::{require_protected, require_unprotected};
use super::settings::{
    audio_input, audio_output, auto_update, boot, config_fn, ingress_panel, network, option,
    options, port, port_description, watchdog,
};
use super::store::{apps, installed_list, slug_fn, stats, INSTALLED};
use crate::bashio::blob::with_stats;
use crate::table::deprecated;
use crate::table::row::{Action, Body::*, Function, Then};

macro_rules! get {
    ($name:literal, $key:literal, $filter:literal, $what:literal) => {
        Function::new(
            concat!("bashio::app.", $name),
            AppGet {
                key: $key,
                filter: $filter,
            },
            concat!("[SLUG=self]: ", $what),
        )
    };
}

// A row of an add-on's stats document, for `with_stats!`.
macro_rules! stat {
    ($field:literal, $what:expr) => {
        Function::new(
            concat!("bashio::app.", $field),
            AppGet {
                key: concat!("stats.", $field),
                filter: concat!(".", $field),
            },
            concat!("[SLUG=self]: ", $what),
        )
    };
}

pub const FUNCTIONS: &[Function] = &with_stats!(
    stat,
    [
        Function::new(
            "bashio::apps.reload",
            Action(Action::status("POST", "/addons/reload").then(Then::CheckedFlush)),
            ": reload the add-on store",
        ),
        Function::new(
            "bashio::app.start",
            Action(Action::status("POST", "/addons/{slug}/start")),
            "[SLUG=self]: start an add-on",
        ),
        Function::new(
            "bashio::app.restart",
            Action(Action::status("POST", "/addons/{slug}/restart")),
            "[SLUG=self]: restart an add-on",
        ),
        Function::new(
            "bashio::app.stop",
            Action(Action::status("POST", "/addons/{slug}/stop")),
            "[SLUG=self]: stop an add-on",
        ),
        Function::new(
            "bashio::app.install",
            Action(Action::status("POST", "/store/addons/{1}/install").then(Then::CheckedFlush)),
            "SLUG: install an add-on",
        ),
        Function::new(
            "bashio::app.rebuild",
            Action(Action::status("POST", "/addons/{slug}/rebuild")),
            "[SLUG=self]: rebuild an add-on",
        ),
        Function::new(
            "bashio::app.uninstall",
            Action(Action::status("POST", "/addons/{slug}/uninstall").then(Then::CheckedFlush)),
            "[SLUG=self]: uninstall an add-on",
        ),
        Function::new(
            "bashio::app.update",
            Action(
                Action::status("POST", "/store/addons/{store_slug}/update")
                    .then(Then::CheckedFlush)
            ),
            "[SLUG=self]: update an add-on",
        ),
        Function::new(
            "bashio::app.logs",
            Action(Action::raw("/addons/{slug}/logs")),
            "[SLUG=self]: an add-on's container log",
        ),
        Function::new(
            "bashio::app.documentation",
            Action(Action::raw("/addons/{store_slug}/documentation")),
            "[SLUG=self]: an add-on's documentation",
        ),
        Function::new(
            "bashio::app.changelog",
            Action(Action::raw("/addons/{store_slug}/changelog")),
            "[SLUG=self]: an add-on's changelog",
        ),
        Function::new(
            "bashio::apps",
            Native(apps),
            "[SLUG=false] [CACHE_KEY=false] [FILTER]: add-on info, filtered",
        ),
        Function::new(
            "bashio::apps.installed",
            Native(installed_list),
            "[SLUG=false]: installed add-ons, or whether SLUG is installed",
        ),
        Function::new(
            "bashio::app.installed",
            INSTALLED,
            "[SLUG=self]: whether an add-on is installed",
        ),
        Function::new("bashio::app.slug", Native(slug_fn), ": this add-on's slug"),
        get!("name", "name", ".name", "an add-on's name"),
        get!("hostname", "hostname", ".hostname", "an add-on's hostname"),
        get!("dns", "dns", ".dns // empty | .[]", "an add-on's DNS names"),
        get!(
            "description",
            "description",
            ".description",
            "an add-on's description"
        ),
        get!(
            "long_description",
            "long_description",
            ".long_description",
            "an add-on's long description"
        ),
        Function::new(
            "bashio::app.auto_update",
            Native(auto_update),
            "[SLUG=self] [true|false]: get or set automatic updates",
        ),
        get!("url", "url", ".url", "an add-on's URL"),
        get!(
            "detached",
            "detached",
            ".detached // false",
            "whether an add-on is detached"
        ),
        get!(
            "available",
            "available",
            ".available // false",
            "whether an add-on is available"
        ),
        get!(
            "advanced",
            "advanced",
            ".advanced // false",
            "whether an add-on is advanced"
        ),
        get!("stage", "stage", ".stage", "an add-on's stage"),
        get!(
            "startup",
            "startup",
            ".startup",
            "an add-on's startup phase"
        ),
        get!("arch", "arch", ".arch[]", "an add-on's architectures"),
        get!(
            "machine",
            "machine",
            ".machine[]",
            "an add-on's machine types"
        ),
        get!(
            "repository",
            "repository",
            ".repository",
            "an add-on's repository"
        ),
        get!("version", "version", ".version", "an add-on's version"),
        get!(
            "version_latest",
            "version_latest",
            ".version_latest",
            "an add-on's latest version"
        ),
        get!(
            "update_available",
            "update_available",
            ".update_available // false",
            "whether an update is available"
        ),
        get!("state", "state", ".state", "an add-on's state"),
        Function::new(
            "bashio::app.boot",
            Native(boot),
            "[SLUG=self] [BOOT]: get or set the boot mode",
        ),
        get!(
            "build",
            "build",
            ".build // false",
            "whether an add-on is built locally"
        ),
        Function::new(
            "bashio::app.options",
            Native(options),
            "[SLUG=self] [OPTIONS_JSON={}]: get or set an add-on's options",
        ),
        Function::new(
            "bashio::app.option",
            Native(option),
            "KEY [VALUE] [SLUG=self]: set (or with no VALUE remove) one option",
        ),
        Function::new(
            "bashio::app.config",
            Native(config_fn),
            ": this add-on's options as JSON",
        ),
        Function::new(
            "bashio::app.network",
            Native(network),
            "[SLUG=self] [NETWORK_JSON=null]: get or set the port map",
        ),
        get!(
            "network_description",
            "network_description",
            ".network_description // empty",
            "port descriptions"
        ),
        Function::new(
            "bashio::app.port",
            Native(port),
            "PORT [SLUG=self] [HOST_PORT=null]: get or set the host port of a container port",
        ),
        Function::new(
            "bashio::app.port_description",
            Native(port_description),
            "PORT [SLUG=self]: the description of a port",
        ),
        get!(
            "host_network",
            "host_network",
            ".host_network // false",
            "whether it runs on the host network"
        ),
        get!(
            "host_pid",
            "host_pid",
            ".host_pid // false",
            "whether it shares the host PID namespace"
        ),
        get!(
            "host_ipc",
            "host_ipc",
            ".host_ipc // false",
            "whether it has IPC access"
        ),
        get!(
            "host_dbus",
            "host_dbus",
            ".host_dbus // false",
            "whether it has host D-Bus access"
        ),
        get!(
            "privileged",
            "privileged",
            ".privileged[]",
            "its hardware privileges"
        ),
        get!("apparmor", "apparmor", ".apparmor", "its AppArmor state"),
        get!(
            "devices",
            "devices",
            ".devices // empty | .[]",
            "its devices"
        ),
        get!(
            "udev",
            "udev",
            ".udev // false",
            "whether it has its own udev"
        ),
        get!(
            "uart",
            "uart",
            ".uart // false",
            "whether UART is available"
        ),
        get!("usb", "usb", ".usb // false", "whether USB is available"),
        get!("icon", "icon", ".icon // false", "whether it has an icon"),
        get!("logo", "logo", ".logo // false", "whether it has a logo"),
        get!(
            "has_documentation",
            "documentation",
            ".documentation // false",
            "whether it has documentation"
        ),
        get!(
            "has_changelog",
            "changelog",
            ".changelog // false",
            "whether it has a changelog"
        ),
        get!(
            "hassio_api",
            "hassio_api",
            ".hassio_api // false",
            "whether it may use the Supervisor API"
        ),
        get!(
            "hassio_role",
            "hassio_role",
            ".hassio_role",
            "its Supervisor API role"
        ),
        get!(
            "homeassistant",
            "homeassistant",
            ".homeassistant",
            "the Home Assistant version it needs"
        ),
        get!(
            "homeassistant_api",
            "homeassistant_api",
            ".homeassistant_api // false",
            "whether it may use the Home Assistant API"
        ),
        get!(
            "auth_api",
            "auth_api",
            ".auth_api // false",
            "whether it may use the auth API"
        ),
        get!(
            "protected",
            "protected",
            ".protected // false",
            "whether it runs in protected mode"
        ),
        get!("rating", "rating", ".rating", "its security rating"),
        get!(
            "stdin",
            "stdin",
            ".stdin // false",
            "whether it takes STDIN"
        ),
        get!(
            "full_access",
            "full_access",
            ".full_access // false",
            "whether it has full access"
        ),
        get!("webui", "webui", ".webui // empty", "its web interface URL"),
        get!(
            "gpio",
            "gpio",
            ".gpio // false",
            "whether it can access GPIO"
        ),
        get!(
            "kernel_modules",
            "kernel_modules",
            ".kernel_modules // false",
            "whether it can load kernel modules"
        ),
        get!(
            "devicetree",
            "devicetree",
            ".devicetree // false",
            "whether it can access the device tree"
        ),
        get!(
            "docker_api",
            "docker_api",
            ".docker_api // false",
            "whether it can access Docker"
        ),
        get!(
            "video",
            "video",
            ".video // false",
            "whether it can access video devices"
        ),
        get!(
            "audio",
            "audio",
            ".audio // false",
            "whether it can access audio"
        ),
        Function::new(
            "bashio::app.audio_input",
            Native(audio_input),
            "[SLUG=self] [DEVICE=^null]: get or set the audio input",
        ),
        Function::new(
            "bashio::app.audio_output",
            Native(audio_output),
            "[SLUG=self] [DEVICE=^null]: get or set the audio output",
        ),
        get!(
            "ip_address",
            "ip_address",
            ".ip_address // empty",
            "its IP address"
        ),
        get!(
            "ingress",
            "ingress",
            ".ingress // false",
            "whether it supports ingress"
        ),
        get!(
            "ingress_entry",
            "ingress_entry",
            ".ingress_entry // empty",
            "its ingress entry point"
        ),
        get!(
            "ingress_url",
            "ingress_url",
            ".ingress_url // empty",
            "its ingress URL"
        ),
        get!(
            "ingress_port",
            "ingress_port",
            ".ingress_port // empty",
            "its ingress port"
        ),
        Function::new(
            "bashio::app.ingress_panel",
            Native(ingress_panel),
            "[SLUG=self] [true|false]: get or set the ingress panel",
        ),
        Function::new(
            "bashio::app.watchdog",
            Native(watchdog),
            "[SLUG=self] [true|false]: get or set the watchdog",
        ),
        Function::new(
            "bashio::app.stats",
            Native(stats),
            "[SLUG=self] [CACHE_KEY=addons.SLUG.stats] [FILTER]: resource usage",
        ),
    ],
    [
        Function::new(
            "bashio::require.protected",
            Native(require_protected),
            ": exit unless protection mode is on",
        ),
        Function::new(
            "bashio::require.unprotected",
            Native(require_unprotected),
            ": exit unless protection mode is off",
        ),
        Function::new(
            "bashio::apps.__deprecated",
            Shell(deprecated::SHELL_WARN_ONCE),
            "OLD NEW: warn once that OLD is deprecated",
        ),
    ]
);
