//! A Supervisor that misbehaves: refused connections, answers that never
//! come or stop halfway, errors and garbage. Each ends within its time limit
//! with bashio's log line and exit status, and curl's line on stderr (as
//! bashio's `curl --silent --show-error` prints it), and never repeats an
//! action. Where curl is installed, its lines are compared with ours.

use crate::util::*;
use std::time::{Duration, Instant};

/// STDERR with curl's timings ("after 12 ms", "after 2001 milliseconds")
/// as "after N", and the timings found.
fn loosely(stderr: &str) -> (String, Vec<u64>) {
    let pattern = regex::Regex::new(r"after (\d+) (ms|milliseconds)").expect("pattern");
    let timings = pattern
        .captures_iter(stderr)
        .filter_map(|c| c[1].parse().ok())
        .collect();
    (
        pattern.replace_all(stderr, "after N $2").into_owned(),
        timings,
    )
}

const GET_CONFIG: &str = "host=$(bashio::config 'database.host')\necho \"unreachable ${host}\"\n";

fn supervisor() -> MockSupervisor {
    MockSupervisor::start(World::default_world()).expect("mock supervisor")
}

/// Runs the script against a faulty options endpoint.
fn with_fault(fault: Fault, extra_env: &[(&str, &str)]) -> (Run, Duration, MockSupervisor) {
    let mock = supervisor();
    mock.set_fault("/addons/self/options/config", fault);
    let sandbox = Sandbox::with_supervisor(&mock);
    for (name, value) in extra_env {
        sandbox.env(name, value);
    }
    let started = Instant::now();
    let run = sandbox.run_script(GET_CONFIG);
    (run, started.elapsed(), mock)
}

fn contacting_failed() -> String {
    error("Something went wrong contacting the API")
}

#[test]
fn refused_connection_is_retried_then_reported() {
    let sandbox = Sandbox::new();
    sandbox
        .env("SUPERVISOR_API", "http://127.0.0.1:9")
        .env("SUPERVISOR_TOKEN", "t");
    let started = Instant::now();
    let run = sandbox.run_script(GET_CONFIG);
    assert_eq!(run.stdout, contacting_failed());
    assert_eq!(run.status, 1);
    assert!(
        started.elapsed() >= Duration::from_millis(1500),
        "tried again after 0.5 s and 1 s"
    );
    assert_eq!(
        loosely(&run.stderr).0,
        "curl: (7) Failed to connect to 127.0.0.1 port 9 after N ms: Couldn't connect to server\n"
    );
}

#[test]
fn an_answer_that_never_comes_times_out() {
    let (run, took, mock) = with_fault(Fault::Hang, &[("BASHIO_API_TIMEOUT", "2")]);
    assert_eq!(run.stdout, contacting_failed());
    assert_eq!(run.status, 1);
    assert!(took < Duration::from_secs(15), "took {took:?}");
    let (stderr, timings) = loosely(&run.stderr);
    assert_eq!(
        stderr,
        "curl: (28) Operation timed out after N milliseconds with 0 bytes received\n"
    );
    assert!((2000..2500).contains(&timings[0]), "{timings:?}");
    assert_eq!(
        mock.requests().len(),
        1,
        "a request that reached the Supervisor is not repeated"
    );
}

#[test]
fn a_slow_answer_beyond_the_limit_times_out() {
    let (run, took, _mock) = with_fault(
        Fault::Delay(Duration::from_secs(5)),
        &[("BASHIO_API_TIMEOUT", "1")],
    );
    assert_eq!(run.stdout, contacting_failed());
    assert_eq!(run.status, 1);
    assert!(took < Duration::from_secs(5), "took {took:?}");
    let (stderr, timings) = loosely(&run.stderr);
    assert_eq!(
        stderr,
        "curl: (28) Operation timed out after N milliseconds with 0 bytes received\n"
    );
    assert!((1000..1500).contains(&timings[0]), "{timings:?}");
}

#[test]
fn a_slow_answer_within_the_limit_is_read() {
    let (run, _, _mock) = with_fault(Fault::Delay(Duration::from_millis(300)), &[]);
    assert_eq!(run.stdout, "unreachable core-mariadb\n");
    assert_eq!(run.status, 0);
}

#[test]
fn a_connection_dropped_mid_body_fails_cleanly() {
    let (run, _, mock) = with_fault(Fault::DropMidBody, &[]);
    assert_eq!(run.stdout, contacting_failed());
    assert_eq!(run.status, 1);
    assert_eq!(mock.requests().len(), 1);
    // The mock sends the head with the whole length, then half the body.
    let whole = options_length();
    assert_eq!(
        run.stderr,
        format!(
            "curl: (18) transfer closed with {} bytes remaining to read\n",
            whole - whole / 2
        )
    );
}

#[test]
fn a_connection_closed_without_answer_fails_cleanly() {
    let (run, _, mock) = with_fault(Fault::DropConnection, &[]);
    assert_eq!(run.stdout, contacting_failed());
    assert_eq!(run.status, 1);
    assert_eq!(mock.requests().len(), 1);
    assert_eq!(run.stderr, "curl: (52) Empty reply from server\n");
}

#[test]
fn supervisor_errors_are_reported_with_their_message() {
    let fault = Fault::ResultError {
        status: 500,
        message: "Database is locked".into(),
    };
    let (run, _, _mock) = with_fault(fault, &[]);
    assert_eq!(
        run.stdout,
        error("Got unexpected response from the API: Database is locked")
    );
    assert_eq!(run.status, 1);
}

#[test]
fn forbidden_is_reported() {
    let (run, _, _mock) = with_fault(Fault::Status(403, String::new()), &[]);
    assert_eq!(run.stdout, error("Unable to access the API, forbidden"));
    assert_eq!(run.status, 1);
    assert_eq!(run.stderr, "", "an answer is no transport failure");
}

#[test]
fn malformed_json_fails_with_jq_status() {
    // bashio hands the body to jq, which rejects it (jq 1.8: status 5); errexit stops there.
    let (run, _, _mock) = with_fault(
        Fault::Malformed("{\"result\": \"ok\", \"data\": {".into()),
        &[],
    );
    assert_eq!(run.stdout, "");
    assert_eq!(run.status, 5);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn actions_are_never_repeated() {
    let mock = supervisor();
    mock.set_fault("/addons/self/restart", Fault::DropConnection);
    let sandbox = Sandbox::with_supervisor(&mock);
    let run = sandbox.run_script("bashio::app.restart || echo \"failed $?\"\n");
    assert_eq!(
        run.stdout,
        [contacting_failed(), "failed 1\n".to_string()].concat()
    );
    assert_eq!(requests(&mock), vec!["POST /addons/self/restart {}"]);
}

/// The length of the add-on's options answer, read with a plain request.
fn options_length() -> usize {
    use std::io::{Read, Write};
    let mock = supervisor();
    let address = mock.url().trim_start_matches("http://").to_string();
    let mut stream = std::net::TcpStream::connect(&address).expect("connect");
    write!(
        stream,
        "GET /addons/self/options/config HTTP/1.0\r\nAuthorization: Bearer {}\r\n\r\n",
        mock.token()
    )
    .expect("request");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answer");
    let (_, body) = answer.split_once("\r\n\r\n").expect("a head");
    body.len()
}

#[test]
fn a_name_that_does_not_resolve_is_curls_error_6() {
    let sandbox = Sandbox::new();
    sandbox
        .env("SUPERVISOR_API", "http://no-such-host.invalid")
        .env("SUPERVISOR_TOKEN", "t")
        .env("BASHIO_API_RETRIES", "0");
    let run = sandbox.run_script(GET_CONFIG);
    assert_eq!(run.stdout, contacting_failed());
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr,
        "curl: (6) Could not resolve host: no-such-host.invalid\n"
    );
}

/// A listener whose accept queue is full: connecting to it hangs, as to a
/// host that drops packets. The returned descriptors close on drop.
fn unanswering_port() -> (u16, Vec<std::os::fd::OwnedFd>) {
    use std::os::fd::FromRawFd;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let listener: std::os::fd::OwnedFd = listener.into();
    let mut fds = vec![listener];
    // SAFETY: listen and connect on descriptors owned here.
    unsafe {
        use std::os::fd::AsRawFd;
        assert_eq!(libc::listen(fds[0].as_raw_fd(), 0), 0);
        for _ in 0..3 {
            let fd = libc::socket(
                libc::AF_INET,
                libc::SOCK_STREAM | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC,
                0,
            );
            assert!(fd >= 0);
            let mut address: libc::sockaddr_in = std::mem::zeroed();
            address.sin_family = libc::AF_INET as libc::sa_family_t;
            address.sin_port = port.to_be();
            address.sin_addr.s_addr = u32::from(std::net::Ipv4Addr::LOCALHOST).to_be();
            libc::connect(
                fd,
                (&address as *const libc::sockaddr_in).cast(),
                std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
            );
            fds.push(std::os::fd::OwnedFd::from_raw_fd(fd));
        }
    }
    std::thread::sleep(Duration::from_millis(100));
    (port, fds)
}

#[test]
fn a_connection_that_never_opens_hits_the_connect_timeout() {
    let (port, _held) = unanswering_port();
    let sandbox = Sandbox::new();
    sandbox
        .env("SUPERVISOR_API", &format!("http://127.0.0.1:{port}"))
        .env("SUPERVISOR_TOKEN", "t")
        .env("BASHIO_API_CONNECT_TIMEOUT", "1")
        .env("BASHIO_API_RETRIES", "0");
    let run = sandbox.run_script(GET_CONFIG);
    assert_eq!(run.stdout, contacting_failed());
    let (stderr, timings) = loosely(&run.stderr);
    assert_eq!(
        stderr,
        format!("curl: (28) Failed to connect to 127.0.0.1 port {port} after N ms: Timeout was reached\n")
    );
    assert!((1000..1500).contains(&timings[0]), "{timings:?}");
}

#[test]
fn the_request_limit_also_bounds_connecting() {
    let (port, _held) = unanswering_port();
    let sandbox = Sandbox::new();
    sandbox
        .env("SUPERVISOR_API", &format!("http://127.0.0.1:{port}"))
        .env("SUPERVISOR_TOKEN", "t")
        .env("BASHIO_API_CONNECT_TIMEOUT", "5")
        .env("BASHIO_API_TIMEOUT", "1");
    let started = Instant::now();
    let run = sandbox.run_script(GET_CONFIG);
    assert!(started.elapsed() < Duration::from_secs(4), "not retried");
    assert_eq!(run.stdout, contacting_failed());
    let (stderr, timings) = loosely(&run.stderr);
    assert_eq!(
        stderr,
        "curl: (28) Connection timed out after N milliseconds\n"
    );
    assert!((1000..1500).contains(&timings[0]), "{timings:?}");
}

#[test]
fn a_post_is_bounded_by_its_own_limit() {
    let mock = supervisor();
    mock.set_fault("/addons/self/restart", Fault::Hang);
    let sandbox = Sandbox::with_supervisor(&mock);
    sandbox.env("BASHIO_API_POST_TIMEOUT", "1");
    let run = sandbox.run_script("bashio::app.restart || echo \"failed $?\"\n");
    assert_eq!(
        run.stdout,
        [contacting_failed(), "failed 1\n".to_string()].concat()
    );
    let (stderr, _) = loosely(&run.stderr);
    assert_eq!(
        stderr,
        "curl: (28) Operation timed out after N milliseconds with 0 bytes received\n"
    );
    assert_eq!(requests(&mock), vec!["POST /addons/self/restart {}"]);
}

#[test]
fn a_resource_with_whitespace_is_curls_error_3_and_sends_nothing() {
    let mock = supervisor();
    let sandbox = Sandbox::with_supervisor(&mock);
    let run =
        sandbox.run_script("bashio::api.supervisor GET '/no such/thing' || echo \"failed $?\"\n");
    assert_eq!(
        run.stdout,
        [contacting_failed(), "failed 1\n".to_string()].concat()
    );
    assert_eq!(
        run.stderr,
        "curl: (3) URL using bad/illegal format or missing URL\n"
    );
    assert!(mock.requests().is_empty());
}

#[test]
fn at_debug_level_our_own_detail_follows_curls_line() {
    let sandbox = Sandbox::new();
    sandbox
        .env("SUPERVISOR_API", "http://127.0.0.1:9")
        .env("SUPERVISOR_TOKEN", "t")
        .env("BASHIO_API_RETRIES", "1")
        .env("LOG_LEVEL", "debug");
    let run = sandbox.run_script("bashio::api.supervisor GET /info || echo \"failed $?\"\n");
    // bashio's own lines, exactly: curl's output (no body, status 000).
    assert_eq!(
        run.stdout,
        format!("[T] DEBUG: \n000\n{}failed 1\n", contacting_failed())
    );
    assert_eq!(
        loosely(&run.stderr).0,
        "curl: (7) Failed to connect to 127.0.0.1 port 9 after N ms: Couldn't connect to server\n\
         [T] DEBUG: GET http://127.0.0.1:9/info: cannot connect to 127.0.0.1 port 9: Connection refused (2 tries)\n"
    );
}

/// What bashio's curl call prints for GET URL: stdout and stderr.
fn curl(url: &str, token: &str, max_time: &str) -> Option<(String, String)> {
    let curl = std::path::Path::new("/usr/bin/curl");
    if !curl.exists() {
        return None;
    }
    let mut command = std::process::Command::new(curl);
    command
        .args(["--silent", "--show-error", "--write-out", "\n%{http_code}"])
        .args(["--request", "GET", "-H", "Content-Type: application/json"])
        .args(["--data-binary", "{}", "--connect-timeout", "10"])
        .args(["--max-time", max_time, "-H"])
        .arg(format!("Authorization: Bearer {token}"))
        .arg(url);
    let output = command.output().ok()?;
    Some((
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    ))
}

#[test]
fn each_fault_prints_what_curl_prints() {
    let script = "bashio::api.supervisor GET /info || echo \"failed $?\"\n";
    let mut compared = 0;
    for (name, fault) in [
        ("refused", None),
        ("empty reply", Some(Fault::DropConnection)),
        ("cut short", Some(Fault::DropMidBody)),
        ("hang", Some(Fault::Hang)),
        ("slow", Some(Fault::Delay(Duration::from_secs(3)))),
    ] {
        let mock = supervisor();
        let base = match fault {
            Some(fault) => {
                mock.set_fault("/info", fault);
                mock.url().to_string()
            }
            None => "http://127.0.0.1:9".to_string(),
        };
        let Some((curl_out, curl_err)) = curl(&format!("{base}/info"), mock.token(), "1") else {
            eprintln!("no /usr/bin/curl: nothing to compare");
            return;
        };
        let sandbox = Sandbox::with_supervisor(&mock);
        sandbox
            .env("SUPERVISOR_API", &base)
            .env("BASHIO_API_TIMEOUT", "1")
            .env("BASHIO_API_RETRIES", "0")
            .env("LOG_LEVEL", "6");
        let run = sandbox.run_script(script);
        let ours: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.starts_with("curl:"))
            .collect();
        assert_eq!(
            loosely(&ours.join("\n")).0,
            loosely(curl_err.trim_end()).0,
            "{name}"
        );
        // bashio logs curl's output at debug level: the same bytes.
        assert_eq!(
            run.stdout,
            format!("[T] DEBUG: {curl_out}\n{}failed 1\n", contacting_failed()),
            "{name}"
        );
        compared += 1;
    }
    assert_eq!(compared, 5);
}
