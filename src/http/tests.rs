//! The client against real sockets: a signal ending a wait (or not, as the
//! hook says), retries only of connections that never opened, and https
//! against a local TLS server with a test CA (tests/data/tls).

use super::*;
use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

static STOP: AtomicBool = AtomicBool::new(false);

fn stop_flag() -> bool {
    STOP.load(Ordering::SeqCst)
}

extern "C" fn ignore(_: libc::c_int) {}

/// Runs WORK in a thread, signalled with SIGUSR1 every 100 ms from 200 ms
/// on until it ends: its result and how long it took.
fn signalled<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> (T, Duration) {
    // SAFETY: a handler that does nothing, installed without SA_RESTART.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = ignore as extern "C" fn(libc::c_int) as usize;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGUSR1, &action, std::ptr::null_mut());
    }
    let (sender, receiver) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        // SAFETY: pthread_self has no preconditions.
        let _ = sender.send(unsafe { libc::pthread_self() });
        let began = Instant::now();
        let result = work();
        (result, began.elapsed())
    });
    let thread = receiver.recv().expect("worker's id");
    std::thread::sleep(Duration::from_millis(200));
    while !worker.is_finished() {
        // SAFETY: the thread is not joined yet, so its id is valid.
        unsafe { libc::pthread_kill(thread, libc::SIGUSR1) };
        std::thread::sleep(Duration::from_millis(100));
    }
    worker.join().expect("worker")
}

/// GET URL with a time limit, signalled: the error and how long it took.
fn signalled_get(url: &str, total: Duration) -> (Error, Duration) {
    let url = url.to_string();
    let (result, took) = signalled(move || {
        let limits = Limits {
            total: Some(total),
            ..Limits::default()
        };
        Client::new().send("GET", &url, &[], None, &limits)
    });
    match result {
        Ok(response) => panic!("an answer: {}", response.status),
        Err(failure) => (failure.error, took),
    }
}

#[test]
fn a_signal_ends_a_request_only_when_the_hook_says_stop() {
    set_stop_hook(stop_flag);
    // Connecting succeeds (the kernel's backlog), then no answer ever comes.
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/x", listener.local_addr().expect("address"));

    STOP.store(false, Ordering::SeqCst);
    let (error, took) = signalled_get(&url, Duration::from_millis(1500));
    assert!(matches!(error, Error::Deadline { .. }), "{error:?}");
    assert!(took >= Duration::from_millis(1500), "{took:?}");
    let (slept, took) = signalled(|| socket::pause(Duration::from_millis(800)).is_ok());
    assert!(slept && took >= Duration::from_millis(800), "{took:?}");

    STOP.store(true, Ordering::SeqCst);
    let (error, took) = signalled_get(&url, Duration::from_secs(20));
    assert!(matches!(error, Error::Stopped), "{error:?}");
    assert!(took < Duration::from_secs(2), "{took:?}");
    assert_eq!(
        error.curl_line(),
        None,
        "curl would have died of the signal"
    );
    // The pause before a retry, and net.wait_for's, end too.
    let (slept, took) = signalled(|| socket::pause(Duration::from_secs(20)).is_ok());
    assert!(!slept && took < Duration::from_secs(2), "{took:?}");
    STOP.store(false, Ordering::SeqCst);
}

#[test]
fn only_gets_that_never_connected_are_tried_again() {
    let limits = Limits {
        retries: 2,
        ..Limits::default()
    };
    let began = Instant::now();
    let failure = Client::new()
        .send("GET", "http://127.0.0.1:9/x", &[], None, &limits)
        .expect_err("refused");
    assert!(matches!(failure.error, Error::Connect { .. }));
    assert_eq!(failure.tries, 3);
    assert!(began.elapsed() >= Duration::from_millis(1500));
    let failure = Client::new()
        .send("POST", "http://127.0.0.1:9/x", &[], Some(b"{}"), &limits)
        .expect_err("refused");
    assert_eq!(failure.tries, 1);
}

/// A TLS server on loopback with the test CA's certificate for localhost,
/// answering one request with BODY.
fn tls_server(body: &'static str) -> (u16, std::thread::JoinHandle<String>) {
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
    let certificate =
        CertificateDer::from(include_bytes!("../../tests/data/tls/server.der").to_vec());
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
        include_bytes!("../../tests/data/tls/server.key.der").to_vec(),
    ));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(vec![certificate], key)
        .expect("certificate");
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let server = std::thread::spawn(move || {
        let (socket, _) = listener.accept().expect("accept");
        let connection = rustls::ServerConnection::new(Arc::new(config)).expect("connection");
        let mut stream = rustls::StreamOwned::new(connection, socket);
        let mut request = Vec::new();
        let mut byte = [0u8; 1];
        while !request.ends_with(b"\r\n\r\n") {
            match stream.read(&mut byte) {
                Ok(1) => request.push(byte[0]),
                _ => return String::from_utf8_lossy(&request).into_owned(),
            }
        }
        let answer = format!(
            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let _ = stream.write_all(answer.as_bytes());
        stream.conn.send_close_notify();
        let _ = stream.flush();
        String::from_utf8_lossy(&request).into_owned()
    });
    (port, server)
}

#[test]
fn https_with_a_trusted_certificate() {
    link_tls();
    let (port, server) = tls_server("0018A45C4D1DEF81644B54AB7F969B88D65:10\r\n");
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(rustls::pki_types::CertificateDer::from(
            include_bytes!("../../tests/data/tls/ca.der").to_vec(),
        ))
        .expect("test CA");
    let mut client = Client {
        tls: Some(tls::config_with(roots).expect("config")),
    };
    let response = client
        .send(
            "GET",
            &format!("https://localhost:{port}/range/21BD1"),
            &[],
            None,
            &Limits::default(),
        )
        .expect("an answer");
    assert_eq!(response.status, 200);
    assert_eq!(response.body, b"0018A45C4D1DEF81644B54AB7F969B88D65:10\r\n");
    let request = server.join().expect("server");
    assert!(
        request.starts_with(&format!(
            "GET /range/21BD1 HTTP/1.1\r\nHost: localhost:{port}\r\n"
        )),
        "{request}"
    );
}

#[test]
fn https_with_an_unknown_certificate_is_curls_error_60() {
    link_tls();
    let (port, _server) = tls_server("");
    let failure = Client::new()
        .send(
            "GET",
            &format!("https://localhost:{port}/range/21BD1"),
            &[],
            None,
            &Limits::default(),
        )
        .expect_err("refused certificate");
    assert!(
        matches!(
            failure.error,
            Error::Tls {
                certificate: true,
                ..
            }
        ),
        "{:?}",
        failure.error
    );
    let line = failure.error.curl_line().unwrap_or_default();
    assert!(
        line.starts_with("curl: (60) SSL certificate problem: "),
        "{line}"
    );
}
