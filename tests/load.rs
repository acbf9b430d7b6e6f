//! Many scripts at once on an empty cache: 8 shells making 200 calls each
//! against the mock Supervisor. Every value is right and every call succeeds;
//! the cache's atomic writes mean no reader ever sees half a file.

use crate::util::*;

const SHELLS: usize = 8;
const ROUNDS: usize = 100; // two calls per round

#[test]
fn eight_shells_two_hundred_calls_each() {
    let mock = MockSupervisor::start(World::default_world()).expect("mock");
    let sandbox = Sandbox::with_supervisor(&mock);
    let script = sandbox.script(&format!(
        r#"
wrong=0
for ((i = 0; i < {ROUNDS}; i++)); do
    host=$(bashio::config 'database.host') || wrong=$((wrong + 1))
    [[ "${{host}}" == "core-mariadb" ]] || wrong=$((wrong + 1))
    port=$(bashio::app.port 80) || wrong=$((wrong + 1))
    [[ "${{port}}" == "8080" ]] || wrong=$((wrong + 1))
done
echo "wrong=${{wrong}}"
"#
    ));
    let handles: Vec<_> = (0..SHELLS)
        .map(|_| {
            let script = script.clone();
            let contenv = sandbox.path("contenv");
            let root = sandbox.root.path().to_path_buf();
            std::thread::spawn(move || {
                let mut command = std::process::Command::new(&script);
                command
                    .env_clear()
                    .env("PATH", "/usr/bin:/bin")
                    .env("BASHIO_CONTENV_DIR", contenv)
                    .current_dir(root);
                run(&mut command)
            })
        })
        .collect();
    for handle in handles {
        let result = handle.join().expect("shell thread");
        assert_eq!(
            (result.stdout.as_str(), result.status),
            ("wrong=0\n", 0),
            "{}",
            result.stderr
        );
    }
    // Each shell asked at most once per document before the cache served it.
    let requests = mock.requests();
    assert!(requests.len() <= 2 * SHELLS, "{} requests", requests.len());
    assert!(requests.iter().all(|r| r.method == "GET"));
}
