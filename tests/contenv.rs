//! The container-environment helpers (ours, not bashio's): what a cont-init
//! script sets, a service started by with-contenv sees.

use crate::util::*;

#[test]
fn set_get_unset_and_list_reach_the_service() {
    let sandbox = Sandbox::new();
    let init = sandbox.script(
        r#"
bashio::contenv.set DB_HOST 'core-mariadb'
bashio::contenv.set GREETING $'two\nlines'
bashio::contenv.set DOOMED 'x'
bashio::contenv.unset DOOMED
echo "here: ${DB_HOST} ${DOOMED:-unset}"
echo "stored: $(bashio::contenv.get DB_HOST)"
# (the suite's own BASHIO_BUILTINS, when it runs in the functions mode, aside)
bashio::contenv.list | grep -vx BASHIO_BUILTINS | tr '\n' ' '
echo
bashio::contenv.set 'bad-name' 'x' || echo "refused $?"
"#,
    );
    let run = sandbox.exec(&init, &[]);
    assert_eq!(
        run.stdout,
        [
            "here: core-mariadb unset\n",
            "stored: core-mariadb\n",
            "BASHIO_CONTENV_DIR CACHE_DIR DB_HOST GREETING LOG_TIMESTAMP PATH \n",
            &error("Invalid environment variable name: 'bad-name'"),
            "refused 1\n",
        ]
        .concat()
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(sandbox.path("contenv/DB_HOST")).unwrap(),
        "core-mariadb"
    );

    let service = sandbox.file(
        "run",
        &format!(
            "#!{} sh\necho \"$DB_HOST|$GREETING|${{DOOMED-gone}}\"\n",
            sandbox.path("bin/with-contenv").display()
        ),
    );
    let run = sandbox.exec(&service, &[]);
    assert_eq!(run.stdout, "core-mariadb|two\nlines|gone\n");
}

#[test]
fn an_unwritable_directory_is_one_clear_line() {
    let sandbox = Sandbox::new();
    // A file where the directory should be: no write can succeed, even as root.
    sandbox.file("not-a-dir", "");
    sandbox.env(
        "BASHIO_CONTENV_DIR",
        &sandbox.path("not-a-dir").display().to_string(),
    );
    let run = sandbox.run_script("bashio::contenv.set DB_HOST x || echo \"failed $?\"\n");
    assert_eq!(
        run.stdout,
        [
            error(&format!(
                "Cannot write DB_HOST into {}: Not a directory",
                sandbox.path("not-a-dir").display()
            )),
            "failed 1\n".to_string(),
        ]
        .concat()
    );
    assert_eq!(
        std::fs::read_to_string(sandbox.path("not-a-dir")).unwrap(),
        ""
    );
}
