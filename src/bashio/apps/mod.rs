//! bashio's apps.sh: facts about add-ons (this one, `self`, or another by
//! slug), their settings, actions on them, and the protection-mode checks.
//! `rows.rs` is the table (most getters are a cache key and a jq filter over
//! the add-on's info; actions are rows too), `store.rs` fetches and filters
//! add-on and store documents, `settings.rs` holds the getters that also set,
//! and `protection.rs` the protection-mode checks.

#![forbid(unsafe_code)]

mod protection;
mod rows;
mod settings;
mod store;

pub use rows::FUNCTIONS;
pub use settings::config;
pub use store::{filtered, installed_list as installed, listing, run_row, store_slug};
