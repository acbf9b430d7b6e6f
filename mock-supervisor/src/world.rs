//! The mock's data: everything the Supervisor would know about a system.
//!
//! Tests need to say "the add-on's options are X" or "MQTT is not
//! available" without code changes to the server, and add-on authors need
//! to describe their own system in a file; a [`World`] is that description.
//! Its JSON form is the world file format (see the crate's README).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::response_spec::ResponseSpec;

const DEFAULT_WORLD_JSON: &str = include_str!("../worlds/default.json");

/// Everything the mock serves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct World {
    /// The slug `self` stands for in `/addons/self/...`.
    pub self_slug: String,
    /// Installed add-ons and add-ons only in the store, in listing order.
    #[serde(default)]
    pub addons: Vec<Addon>,
    /// Published service data by service name (`mqtt`, `mysql`).
    #[serde(default)]
    pub services: Map<String, Value>,
    /// Discovery messages: `{"addon","service","uuid","config"}` objects.
    #[serde(default)]
    pub discovery: Vec<Value>,
    /// Home Assistant users `/auth` accepts: name to password.
    #[serde(default)]
    pub auth_users: BTreeMap<String, String>,
    /// `data` of JSON GET endpoints by path (`/info`, `/core/info`, ...).
    #[serde(default)]
    pub resources: Map<String, Value>,
    /// Plain-text GET endpoints by path (`/supervisor/logs`, ...).
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
    /// Canned responses by `"METHOD /path"` (or `"/path"` for GET); these
    /// win over everything else.
    #[serde(default)]
    pub responses: BTreeMap<String, ResponseSpec>,
}

/// One add-on, installed or only available in the store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Addon {
    #[serde(default = "installed_unless_said_otherwise")]
    pub installed: bool,
    /// What `/addons/<slug>/info` returns; must contain `slug`.
    pub info: Map<String, Value>,
    /// What `/addons/<slug>/stats` returns.
    #[serde(default)]
    pub stats: Map<String, Value>,
    /// What `/addons/<slug>/logs` returns.
    #[serde(default)]
    pub logs: String,
    #[serde(default)]
    pub documentation: Option<String>,
    #[serde(default)]
    pub changelog: Option<String>,
}

fn installed_unless_said_otherwise() -> bool {
    true
}

impl World {
    /// A realistic Home Assistant OS system running the add-on
    /// `local_example`; the same data as `worlds/default.json`.
    pub fn default_world() -> Self {
        Self::from_json_str(DEFAULT_WORLD_JSON)
            .unwrap_or_else(|err| panic!("worlds/default.json is not a valid world: {err:#}"))
    }

    /// A world from its JSON form.
    pub fn from_json(value: Value) -> anyhow::Result<Self> {
        let world: Self = serde_json::from_value(value).context("not a valid world")?;
        world.validate()?;
        Ok(world)
    }

    /// A world from a world file.
    pub fn from_file(path: impl AsRef<Path>) -> anyhow::Result<Self> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read world file {}", path.display()))?;
        Self::from_json_str(&text).with_context(|| format!("in world file {}", path.display()))
    }

    fn from_json_str(text: &str) -> anyhow::Result<Self> {
        let world: Self = serde_json::from_str(text).context("not a valid world")?;
        world.validate()?;
        Ok(world)
    }

    /// The JSON form, as read by [`World::from_json`].
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    fn validate(&self) -> anyhow::Result<()> {
        let mut seen = std::collections::BTreeSet::new();
        for (index, addon) in self.addons.iter().enumerate() {
            let Some(slug) = addon.info.get("slug").and_then(Value::as_str) else {
                bail!("addons[{index}].info has no \"slug\" string");
            };
            if !seen.insert(slug) {
                bail!("add-on slug {slug:?} appears twice");
            }
        }
        for key in self.responses.keys() {
            if crate::front_door::parse_response_key(key).is_none() {
                bail!("response key {key:?} is not \"METHOD /path\" or \"/path\"");
            }
        }
        Ok(())
    }

    /// The slug a path segment stands for: `self` is the world's add-on.
    pub fn resolve_slug<'a>(&'a self, slug: &'a str) -> &'a str {
        if slug == "self" {
            &self.self_slug
        } else {
            slug
        }
    }

    /// The add-on with this slug (or `self`), installed or not.
    pub fn addon(&self, slug: &str) -> Option<&Addon> {
        let slug = self.resolve_slug(slug);
        self.addons.iter().find(|addon| addon.slug() == slug)
    }

    /// The add-on with this slug (or `self`), for changing it.
    pub fn addon_mut(&mut self, slug: &str) -> Option<&mut Addon> {
        let slug = self.resolve_slug(slug).to_string();
        self.addons.iter_mut().find(|addon| addon.slug() == slug)
    }

    /// The add-on `self` stands for.
    pub fn self_addon(&self) -> Option<&Addon> {
        self.addon("self")
    }

    /// The add-on `self` stands for, for changing it.
    pub fn self_addon_mut(&mut self) -> Option<&mut Addon> {
        self.addon_mut("self")
    }

    /// Replaces the `self` add-on's options; does nothing if the world has
    /// no such add-on.
    pub fn set_self_options(&mut self, options: Value) {
        if let Some(addon) = self.self_addon_mut() {
            addon.info.insert("options".into(), options);
        }
    }

    /// Publishes (replaces) a service's data.
    pub fn set_service(&mut self, name: &str, data: Value) {
        self.services.insert(name.to_string(), data);
    }

    /// Withdraws a service.
    pub fn remove_service(&mut self, name: &str) {
        self.services.shift_remove(name);
    }

    /// Sets the `data` a JSON GET endpoint returns.
    pub fn set_resource(&mut self, path: &str, data: Value) {
        self.resources.insert(path.to_string(), data);
    }

    /// Sets the body a plain-text GET endpoint returns.
    pub fn set_text(&mut self, path: &str, text: impl Into<String>) {
        self.texts.insert(path.to_string(), text.into());
    }

    /// The key of `resources` that names `path`, whichever way either is
    /// spelled (`self` or the slug, `/homeassistant` or `/core`).
    pub(crate) fn resource_key(&self, path: &str) -> Option<String> {
        matching_key(self.resources.keys(), path, &self.self_slug)
    }

    /// The text `texts` has for `path`, whichever way either is spelled.
    pub(crate) fn text_for(&self, path: &str) -> Option<&String> {
        let key = matching_key(self.texts.keys(), path, &self.self_slug)?;
        self.texts.get(&key)
    }

    /// Serves `response` for `key` (`"METHOD /path"` or `"/path"` for GET),
    /// ahead of every built-in endpoint.
    pub fn set_response(&mut self, key: &str, response: ResponseSpec) {
        self.responses.insert(key.to_string(), response);
    }
}

fn matching_key<'a>(
    mut keys: impl Iterator<Item = &'a String>,
    path: &str,
    self_slug: &str,
) -> Option<String> {
    let wanted = crate::paths::canonical(path, self_slug);
    keys.find(|key| crate::paths::canonical(key, self_slug) == wanted)
        .cloned()
}

impl Addon {
    /// The add-on's slug, from its info.
    pub fn slug(&self) -> &str {
        self.info.get("slug").and_then(Value::as_str).unwrap_or("")
    }

    /// The add-on's options, from its info.
    pub fn options(&self) -> Option<&Value> {
        self.info.get("options")
    }

    /// A string field of the add-on's info.
    pub fn info_str(&self, key: &str) -> Option<&str> {
        self.info.get(key).and_then(Value::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn default_world_loads_and_round_trips() {
        let world = World::default_world();
        assert_eq!(world.self_slug, "local_example");
        assert_eq!(World::from_json(world.to_json()).unwrap(), world);
    }

    #[test]
    fn default_world_has_what_the_docs_promise() {
        let world = World::default_world();
        let this = world.self_addon().expect("self add-on");
        let options = this.options().unwrap();
        assert!(options["database"]["password"].is_string());
        assert!(options["logins"][0]["name"].is_string());
        assert!(options["domains"][0].is_string());
        assert!(world.addon("core_mosquitto").is_some_and(|a| a.installed));
        assert!(world.addons.iter().any(|addon| !addon.installed));
        assert_eq!(world.services["mqtt"]["port"], json!(1883));
        for path in [
            "/info",
            "/supervisor/info",
            "/supervisor/ping",
            "/core/info",
            "/host/info",
            "/os/info",
            "/network/info",
        ] {
            assert!(world.resources.contains_key(path), "{path}");
        }
    }

    #[test]
    fn bad_worlds_are_refused_with_a_reason() {
        let no_slug = json!({"self_slug": "a", "addons": [{"info": {}}]});
        assert!(World::from_json(no_slug).is_err());
        let twice = json!({"self_slug": "a", "addons": [
            {"info": {"slug": "a"}}, {"info": {"slug": "a"}}
        ]});
        assert!(World::from_json(twice).is_err());
        let typo = json!({"self_slug": "a", "resourcez": {}});
        assert!(World::from_json(typo).is_err());
        let bad_key = json!({"self_slug": "a", "responses": {"GET": {}}});
        assert!(World::from_json(bad_key).is_err());
    }

    #[test]
    fn self_resolves_to_the_worlds_addon() {
        let mut world = World::default_world();
        world.set_self_options(json!({"x": 1}));
        assert_eq!(
            world.addon("local_example").unwrap().options(),
            Some(&json!({"x": 1}))
        );
    }
}
