//! State shared by the server's tasks and the handle tests hold.
//!
//! Tests change the world, read recorded requests and set faults from their
//! own thread while the server answers on another; everything mutable lives
//! here behind short-lived locks that are never held across an `.await`.

use std::sync::{Mutex, MutexGuard, PoisonError};

use tokio::sync::watch;

use crate::fault::{Fault, FaultRule};
use crate::recording::RecordedRequest;
use crate::world::World;

pub(crate) struct Shared {
    world: Mutex<World>,
    requests: Mutex<Vec<RecordedRequest>>,
    faults: Mutex<Vec<FaultRule>>,
    token: String,
    stopping: watch::Receiver<bool>,
}

/// A lock that stays usable even if a thread panicked while holding it: the
/// data are plain values that are never left half-updated.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    pub(crate) fn new(world: World, token: String, stopping: watch::Receiver<bool>) -> Self {
        Self {
            world: Mutex::new(world),
            requests: Mutex::new(Vec::new()),
            faults: Mutex::new(Vec::new()),
            token,
            stopping,
        }
    }

    pub(crate) fn token(&self) -> &str {
        &self.token
    }

    pub(crate) fn with_world<R>(&self, change: impl FnOnce(&mut World) -> R) -> R {
        change(&mut lock(&self.world))
    }

    pub(crate) fn world(&self) -> World {
        lock(&self.world).clone()
    }

    pub(crate) fn set_world(&self, world: World) {
        *lock(&self.world) = world;
    }

    pub(crate) fn record(&self, request: RecordedRequest) {
        lock(&self.requests).push(request);
    }

    pub(crate) fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.requests).clone()
    }

    pub(crate) fn clear_requests(&self) {
        lock(&self.requests).clear();
    }

    /// Replaces any rule for the same path and method, keeping the order of
    /// the others.
    pub(crate) fn set_fault(&self, rule: FaultRule) {
        let mut faults = lock(&self.faults);
        match faults
            .iter_mut()
            .find(|existing| existing.path == rule.path && existing.method == rule.method)
        {
            Some(existing) => *existing = rule,
            None => faults.push(rule),
        }
    }

    pub(crate) fn add_fault(&self, rule: FaultRule) {
        lock(&self.faults).push(rule);
    }

    pub(crate) fn faults(&self) -> Vec<FaultRule> {
        lock(&self.faults).clone()
    }

    pub(crate) fn clear_faults(&self) {
        lock(&self.faults).clear();
    }

    /// The fault of the first rule matching this request, using up one of
    /// its remaining times.
    pub(crate) fn take_fault(&self, method: &str, path_and_query: &str) -> Option<Fault> {
        let self_slug = lock(&self.world).self_slug.clone();
        let mut faults = lock(&self.faults);
        let index = faults.iter().position(|rule| {
            rule.times != Some(0) && rule.matches(method, path_and_query, &self_slug)
        })?;
        let rule = &mut faults[index];
        let fault = rule.fault.clone();
        match &mut rule.times {
            Some(times) if *times <= 1 => {
                faults.remove(index);
            }
            Some(times) => *times -= 1,
            None => {}
        }
        Some(fault)
    }

    /// Resolves once the server is stopping.
    pub(crate) async fn stopped(&self) {
        let mut stopping = self.stopping.clone();
        // An error means the handle that stops the server is gone: stopped.
        let _ = stopping.wait_for(|stopping| *stopping).await;
    }
}
