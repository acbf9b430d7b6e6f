//! A mock Home Assistant Supervisor.
//!
//! Add-on scripts talk to the Supervisor over HTTP; testing them needs
//! something that answers with the same shapes, keeps state between calls,
//! records what the client sent and can misbehave on demand. This crate is
//! that server, usable in-process from Rust tests ([`MockSupervisor`]) or as
//! the `mock-supervisor` binary from shell scripts.
//!
//! ```no_run
//! use mock_supervisor::{Fault, MockSupervisor, World};
//!
//! let mock = MockSupervisor::start(World::default_world())?;
//! println!("Supervisor at {} with token {}", mock.url(), mock.token());
//! mock.set_fault("/addons/self/info", Fault::Status(500, "boom".into()));
//! mock.world_mut(|world| world.set_self_options(serde_json::json!({"port": 1})));
//! # Ok::<(), anyhow::Error>(())
//! ```

#![forbid(unsafe_code)]

mod admin;
mod api;
mod envelope;
mod fault;
mod front_door;
mod paths;
mod recording;
mod response_spec;
mod server;
mod state;
mod world;

pub use fault::{Fault, FaultRule};
pub use recording::RecordedRequest;
pub use response_spec::{ResponseBody, ResponseSpec};
pub use server::{serve_until, url_for, MockSupervisor, ServerConfig, DEFAULT_TOKEN};
pub use world::{Addon, World};
