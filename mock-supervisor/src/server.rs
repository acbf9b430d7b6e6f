//! Starting and stopping the server, in-process or as the binary.
//!
//! Tests want a server they start with one call, talk to over real HTTP
//! and that is gone when the handle drops, even with requests still
//! hanging; the server therefore runs on its own thread with its own
//! runtime, and stopping it drops that runtime and every connection with
//! it. Connections are served with hyper directly (rather than
//! `axum::serve`) because some faults must close a connection without an
//! answer, which only the connection layer can do.

use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::Context;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::fault::{Fault, FaultRule};
use crate::front_door::{self, App};
use crate::recording::RecordedRequest;
use crate::state::Shared;
use crate::world::World;

/// The token the mock accepts unless told otherwise.
pub const DEFAULT_TOKEN: &str = "mock-token";

/// How long stopping waits for in-flight work before dropping it.
const STOP_GRACE: Duration = Duration::from_millis(200);

/// Where to listen and which token to accept.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    pub token: String,
}

impl Default for ServerConfig {
    /// Loopback, a free port, [`DEFAULT_TOKEN`].
    fn default() -> Self {
        Self {
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            token: DEFAULT_TOKEN.to_string(),
        }
    }
}

/// A running mock Supervisor; dropping it (or [`MockSupervisor::stop`])
/// stops the server.
pub struct MockSupervisor {
    url: String,
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: watch::Sender<bool>,
    thread: Option<JoinHandle<()>>,
}

impl MockSupervisor {
    /// Serves `world` on 127.0.0.1 on a free port with [`DEFAULT_TOKEN`].
    pub fn start(world: World) -> anyhow::Result<Self> {
        Self::start_with(world, ServerConfig::default())
    }

    /// Serves `world` as `config` says.
    pub fn start_with(world: World, config: ServerConfig) -> anyhow::Result<Self> {
        let listener = std::net::TcpListener::bind(config.listen)
            .with_context(|| format!("cannot listen on {}", config.listen))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let listener = {
            let _context = runtime.enter();
            TcpListener::from_std(listener)?
        };
        let (stop, stopping) = watch::channel(false);
        let shared = Arc::new(Shared::new(world, config.token, stopping));
        let app = Arc::new(App::new(shared.clone()));
        let thread = std::thread::Builder::new()
            .name(format!("mock-supervisor {addr}"))
            .spawn(move || {
                runtime.block_on(accept_until_stopped(listener, app));
                runtime.shutdown_timeout(STOP_GRACE);
            })?;
        Ok(Self {
            url: url_for(addr),
            addr,
            shared,
            stop,
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The token the server accepts.
    pub fn token(&self) -> &str {
        self.shared.token()
    }

    /// Every request except `/_mock/...` ones, in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.requests()
    }

    pub fn clear_requests(&self) {
        self.shared.clear_requests();
    }

    /// Applies `fault` to every request `path` covers (see [`FaultRule`]),
    /// replacing an earlier fault set for the same path.
    pub fn set_fault(&self, path: &str, fault: Fault) {
        self.shared.set_fault(FaultRule::new(path, fault));
    }

    /// Applies `fault` to the next `times` requests `path` covers.
    pub fn set_fault_times(&self, path: &str, fault: Fault, times: u32) {
        self.shared
            .set_fault(FaultRule::new(path, fault).times(times));
    }

    /// Adds a rule after the existing ones; the first matching rule wins.
    pub fn add_fault(&self, rule: FaultRule) {
        self.shared.add_fault(rule);
    }

    /// The fault rules still in force.
    pub fn faults(&self) -> Vec<FaultRule> {
        self.shared.faults()
    }

    pub fn clear_faults(&self) {
        self.shared.clear_faults();
    }

    /// A copy of the world as it is now, with every change clients made.
    pub fn world(&self) -> World {
        self.shared.world()
    }

    /// Changes the world in place; requests wait while `change` runs.
    pub fn world_mut<R>(&self, change: impl FnOnce(&mut World) -> R) -> R {
        self.shared.with_world(change)
    }

    /// Replaces the world.
    pub fn set_world(&self, world: World) {
        self.shared.set_world(world);
    }

    /// Stops the server and waits until it has stopped.
    pub fn stop(self) {
        drop(self);
    }
}

impl Drop for MockSupervisor {
    fn drop(&mut self) {
        self.stop.send_replace(true);
        if let Some(thread) = self.thread.take() {
            // A panic on the server thread has already been reported there.
            let _ = thread.join();
        }
    }
}

impl std::fmt::Debug for MockSupervisor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockSupervisor")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

/// The URL clients should use for a listening address: `http://IP:PORT`,
/// with an unspecified address (`0.0.0.0`) spelled as loopback.
pub fn url_for(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}", SocketAddr::new(ip, addr.port()))
}

/// Serves `world` on `listener` until `shutdown` resolves; what the binary
/// runs. Requests still in flight are dropped with the caller's runtime.
pub async fn serve_until(
    listener: TcpListener,
    world: World,
    token: String,
    shutdown: impl Future<Output = ()>,
) {
    let (stop, stopping) = watch::channel(false);
    let shared = Arc::new(Shared::new(world, token, stopping));
    let app = Arc::new(App::new(shared));
    tokio::select! {
        () = accept_until_stopped(listener, app) => {}
        () = shutdown => {}
    }
    stop.send_replace(true);
}

async fn accept_until_stopped(listener: TcpListener, app: Arc<App>) {
    loop {
        let accepted = tokio::select! {
            () = app.shared.stopped() => return,
            accepted = listener.accept() => accepted,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors and the like: wait, don't spin.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request| front_door::handle(app.clone(), request));
            // Connection errors are the client's (or a fault's) doing.
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
