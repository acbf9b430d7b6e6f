//! The Supervisor API as clients see it over real HTTP: auth, envelopes,
//! the `self` alias, stateful endpoints, text resources and error statuses.

use crate::common::{call, client, data, delete, get, json, post, start};
use mock_supervisor::{MockSupervisor, ResponseSpec, ServerConfig, World};
use reqwest::Method;
use serde_json::json;

#[test]
fn requests_without_the_token_get_401_in_the_error_envelope() {
    let mock = start();
    let unauthorised = |request: reqwest::blocking::RequestBuilder| {
        let response = request.send().unwrap();
        assert_eq!(response.status(), 401);
        assert_eq!(
            response.headers()["content-type"],
            "application/json; charset=utf-8"
        );
        assert_eq!(
            response.text().unwrap(),
            r#"{"result":"error","message":"401: Unauthorized"}"#
        );
    };
    let url = format!("{}/addons/self/info", mock.url());
    unauthorised(client().get(&url));
    unauthorised(client().get(&url).bearer_auth("wrong-token"));
    unauthorised(client().get(&url).header("authorization", "mock-token"));
    unauthorised(client().get(format!("{}/nope", mock.url())));

    let with_header = client()
        .get(&url)
        .header("x-supervisor-token", mock.token())
        .send()
        .unwrap();
    assert_eq!(with_header.status(), 200);
}

#[test]
fn the_token_is_configurable() {
    let config = ServerConfig {
        token: "s3cret".into(),
        ..ServerConfig::default()
    };
    let mock = MockSupervisor::start_with(World::default_world(), config).unwrap();
    assert_eq!(mock.token(), "s3cret");
    assert_eq!(get(&mock, "/supervisor/ping").0, 200);
    let default_token = client()
        .get(format!("{}/supervisor/ping", mock.url()))
        .bearer_auth("mock-token")
        .send()
        .unwrap();
    assert_eq!(default_token.status(), 401);
}

#[test]
fn success_is_wrapped_in_the_ok_envelope() {
    let mock = start();
    let (status, body) = get(&mock, "/supervisor/ping");
    assert_eq!(
        (status, body.as_str()),
        (200, r#"{"result":"ok","data":{}}"#)
    );

    let info = json(&get(&mock, "/info").1);
    assert_eq!(info["result"], "ok");
    assert_eq!(info["data"]["supervisor"], "2025.06.2");
    assert_eq!(data(&mock, "/core/info")["port"], 8123);
    assert_eq!(
        data(&mock, "/homeassistant/info"),
        data(&mock, "/core/info")
    );
    assert_eq!(
        data(&mock, "/os/info")["boot_slots"]["A"]["state"],
        "booted"
    );
    assert!(data(&mock, "/network/info")["interfaces"].is_array());
}

#[test]
fn self_is_an_alias_of_the_worlds_addon() {
    let mock = start();
    let by_alias = data(&mock, "/addons/self/info");
    assert_eq!(by_alias["slug"], "local_example");
    assert_eq!(by_alias, data(&mock, "/addons/local_example/info"));
    assert_eq!(
        by_alias["network"],
        json!({"80/tcp": 8080, "443/tcp": null})
    );
    assert_eq!(data(&mock, "/addons/self/stats")["memory_usage"], 48234496);
}

#[test]
fn unknown_and_uninstalled_addons_are_refused_like_the_supervisor() {
    let mock = start();
    assert_eq!(
        get(&mock, "/addons/nope/info"),
        (
            404,
            r#"{"result":"error","message":"App nope does not exist"}"#.into()
        )
    );
    assert_eq!(
        get(&mock, "/addons/core_samba/info"),
        (
            400,
            r#"{"result":"error","message":"App is not installed"}"#.into()
        )
    );
}

#[test]
fn options_posted_are_stored_and_read_back() {
    let mock = start();
    let new_options = json!({"port": 9090, "nested": {"a": [1, 2]}, "motd": "hé \"x\""});
    let body = json!({"options": new_options, "watchdog": false, "boot": "manual"});
    assert_eq!(
        post(&mock, "/addons/self/options", &body.to_string()),
        (200, r#"{"result":"ok","data":{}}"#.into())
    );
    assert_eq!(data(&mock, "/addons/self/options/config"), new_options);
    let info = data(&mock, "/addons/self/info");
    assert_eq!(info["options"], new_options);
    assert_eq!(info["watchdog"], false);
    assert_eq!(info["boot"], "manual");
    assert_eq!(
        mock.world().self_addon().unwrap().options(),
        Some(&new_options)
    );
}

#[test]
fn bad_option_bodies_are_400_and_change_nothing() {
    let mock = start();
    let before = data(&mock, "/addons/self/info");
    assert_eq!(
        post(&mock, "/addons/self/options", "{not json"),
        (400, r#"{"result":"error","message":"Invalid json"}"#.into())
    );
    assert_eq!(
        post(
            &mock,
            "/addons/self/options",
            r#"{"options": {}, "colour": 1}"#
        ),
        (
            400,
            r#"{"result":"error","message":"extra keys not allowed @ data['colour']"}"#.into()
        )
    );
    assert_eq!(post(&mock, "/addons/self/options", "[1]").0, 400);
    assert_eq!(post(&mock, "/addons/self/options", r#"{"boot": 1}"#).0, 400);
    assert_eq!(data(&mock, "/addons/self/info"), before);
}

#[test]
fn options_config_is_only_for_self() {
    let mock = start();
    assert_eq!(
        get(&mock, "/addons/core_mosquitto/options/config"),
        (
            403,
            r#"{"result":"error","message":"This can be only read by the app itself!"}"#.into()
        )
    );
    let options = data(&mock, "/addons/self/options/config");
    assert_eq!(options["database"]["host"], "core-mariadb");
    assert_eq!(options["logins"][1]["name"], "bob");
    assert_eq!(
        options["domains"],
        json!(["example.duckdns.org", "home.example.com"])
    );
    assert_eq!(options["empty_value"], "");
    assert_eq!(options["threshold"], 0.75);
}

#[test]
fn services_can_be_published_read_and_withdrawn() {
    let mock = start();
    assert_eq!(data(&mock, "/services/mqtt")["host"], "core-mosquitto");
    assert_eq!(
        get(&mock, "/services/mysql"),
        (
            400,
            r#"{"result":"error","message":"Service not enabled"}"#.into()
        )
    );
    assert_eq!(
        get(&mock, "/services/nope"),
        (
            404,
            r#"{"result":"error","message":"Service does not exist"}"#.into()
        )
    );

    let mysql = json!({"host": "core-mariadb", "port": 3306, "username": "u", "password": "p"});
    assert_eq!(
        post(&mock, "/services/mysql", &mysql.to_string()),
        (200, r#"{"result":"ok","data":{}}"#.into())
    );
    assert_eq!(data(&mock, "/services/mysql"), mysql);
    let listed = data(&mock, "/services");
    assert_eq!(
        listed["services"],
        json!([
            {"slug": "mqtt", "available": true, "providers": ["core_mosquitto"]},
            {"slug": "mysql", "available": true, "providers": []}
        ])
    );

    assert_eq!(
        delete(&mock, "/services/mysql"),
        (200, r#"{"result":"ok","data":{}}"#.into())
    );
    assert_eq!(get(&mock, "/services/mysql").0, 400);
    assert_eq!(post(&mock, "/services/nope", "{}").0, 404);
    assert_eq!(post(&mock, "/services/mqtt", "{bad").0, 400);
}

#[test]
fn text_resources_are_served_as_plain_text() {
    let mock = start();
    let response = crate::common::request(&mock, Method::GET, "/addons/self/logs")
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    let logs = response.text().unwrap();
    assert_eq!(logs, mock.world().self_addon().unwrap().logs);

    let world = mock.world();
    assert_eq!(
        get(&mock, "/supervisor/logs").1,
        world.texts["/supervisor/logs"]
    );
    assert_eq!(get(&mock, "/core/logs/latest").1, world.texts["/core/logs"]);
    assert_eq!(
        get(&mock, "/homeassistant/logs").1,
        world.texts["/core/logs"]
    );
    assert_eq!(
        get(&mock, "/host/logs/boots/0").1,
        world.texts["/host/logs"]
    );
    assert!(get(&mock, "/addons/self/changelog")
        .1
        .starts_with("# Changelog"));
    assert!(get(&mock, "/addons/core_mosquitto/documentation")
        .1
        .contains("Mosquitto"));

    mock.world_mut(|world| world.self_addon_mut().unwrap().changelog = None);
    assert_eq!(
        get(&mock, "/addons/self/changelog"),
        (200, "No changelog found for app local_example!".into())
    );
}

#[test]
fn unknown_paths_are_404_and_wrong_methods_405() {
    let mock = start();
    assert_eq!(
        get(&mock, "/does/not/exist"),
        (
            404,
            r#"{"result":"error","message":"404: Not Found"}"#.into()
        )
    );
    let method_not_allowed = (
        405,
        r#"{"result":"error","message":"405: Method Not Allowed"}"#.to_string(),
    );
    assert_eq!(post(&mock, "/addons/self/info", "{}"), method_not_allowed);
    assert_eq!(get(&mock, "/addons/self/options"), method_not_allowed);
    assert_eq!(get(&mock, "/host/reboot"), method_not_allowed);
    assert_eq!(delete(&mock, "/info"), method_not_allowed);
}

#[test]
fn action_paths_answer_ok() {
    let mock = start();
    for path in [
        "/addons/self/restart",
        "/supervisor/reload",
        "/host/reboot",
        "/core/restart",
        "/addons/reload",
    ] {
        assert_eq!(
            post(&mock, path, ""),
            (200, r#"{"result":"ok","data":{}}"#.into()),
            "{path}"
        );
    }
}

#[test]
fn addon_state_follows_start_and_stop() {
    let mock = start();
    assert_eq!(post(&mock, "/addons/core_mosquitto/stop", "").0, 200);
    assert_eq!(
        data(&mock, "/addons/core_mosquitto/info")["state"],
        "stopped"
    );
    let listed = data(&mock, "/addons");
    let mosquitto = listed["addons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|addon| addon["slug"] == "core_mosquitto")
        .unwrap()
        .clone();
    assert_eq!(mosquitto["state"], "stopped");
    assert_eq!(post(&mock, "/addons/core_mosquitto/start", "").0, 200);
    assert_eq!(
        data(&mock, "/addons/core_mosquitto/info")["state"],
        "started"
    );
}

#[test]
fn the_store_lists_installed_and_available_addons() {
    let mock = start();
    let installed: Vec<String> = data(&mock, "/addons")["addons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|addon| addon["slug"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(installed, ["local_example", "core_mosquitto"]);

    let samba = data(&mock, "/store/addons/core_samba");
    assert_eq!(samba["installed"], false);
    assert_eq!(samba["version"], json!(null));
    assert_eq!(
        data(&mock, "/store/addons")["addons"]
            .as_array()
            .unwrap()
            .len(),
        3
    );

    assert_eq!(post(&mock, "/store/addons/core_samba/install", "").0, 200);
    assert_eq!(data(&mock, "/addons/core_samba/info")["version"], "12.5.1");
    assert_eq!(
        post(&mock, "/addons/self/update", ""),
        (
            403,
            r#"{"result":"error","message":"App local_example can't update itself!"}"#.into()
        )
    );
    let (status, body) = get(&mock, "/store/addons/nope");
    assert_eq!(status, 404);
    assert_eq!(json(&body)["error_key"], "store_app_not_found_error");
}

#[test]
fn part_options_show_in_the_parts_info() {
    let mock = start();
    assert_eq!(
        post(&mock, "/supervisor/options", r#"{"logging": "debug"}"#).0,
        200
    );
    assert_eq!(data(&mock, "/supervisor/info")["logging"], "debug");
    assert_eq!(
        post(&mock, "/homeassistant/options", r#"{"port": 8124}"#).0,
        200
    );
    assert_eq!(data(&mock, "/core/info")["port"], 8124);
    assert_eq!(post(&mock, "/supervisor/options", "nope").0, 400);
}

#[test]
fn discovery_messages_can_be_sent_read_and_removed() {
    let mock = start();
    let (status, body) = post(
        &mock,
        "/discovery",
        r#"{"service": "example", "config": {"port": 8080}}"#,
    );
    assert_eq!(status, 200, "{body}");
    let uuid = json(&body)["data"]["uuid"].as_str().unwrap().to_string();
    assert_eq!(uuid.len(), 32);
    let message = data(&mock, &format!("/discovery/{uuid}"));
    assert_eq!(
        message,
        json!({"addon": "local_example", "service": "example", "uuid": uuid, "config": {"port": 8080}})
    );
    assert_eq!(
        data(&mock, "/discovery")["discovery"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(delete(&mock, &format!("/discovery/{uuid}")).0, 200);
    assert_eq!(get(&mock, &format!("/discovery/{uuid}")).0, 404);
    assert_eq!(post(&mock, "/discovery", r#"{"config": {}}"#).0, 400);
}

#[test]
fn auth_checks_user_credentials() {
    let mock = start();
    let good = r#"{"username": "alice", "password": "wonderland"}"#;
    let bad = r#"{"username": "alice", "password": "nope"}"#;
    assert_eq!(post(&mock, "/auth", good).0, 200);
    assert_eq!(post(&mock, "/auth", bad).0, 401);
    let basic = client()
        .post(format!("{}/auth", mock.url()))
        .header("x-supervisor-token", mock.token())
        .basic_auth("alice", Some("wonderland"))
        .send()
        .unwrap();
    assert_eq!(basic.status(), 200);
}

#[test]
fn canned_responses_serve_anything_and_win_over_builtins() {
    let mock = start();
    mock.world_mut(|world| {
        world.set_response("/custom/thing", ResponseSpec::data(json!({"x": 1})));
        world.set_response(
            "POST /addons/self/restart",
            ResponseSpec::json(500, json!({"result": "error", "message": "nope"})),
        );
        world.set_response(
            "/addons/self/info",
            ResponseSpec::text(200, "plain").with_content_type("text/x-custom"),
        );
    });
    assert_eq!(data(&mock, "/custom/thing"), json!({"x": 1}));
    assert_eq!(
        post(&mock, "/addons/self/restart", ""),
        (500, r#"{"result":"error","message":"nope"}"#.into())
    );
    let response = crate::common::request(&mock, Method::GET, "/addons/local_example/info")
        .send()
        .unwrap();
    assert_eq!(response.headers()["content-type"], "text/x-custom");
    assert_eq!(response.text().unwrap(), "plain");
    // Canned responses still need the token.
    let anonymous = client()
        .get(format!("{}/custom/thing", mock.url()))
        .send()
        .unwrap();
    assert_eq!(anonymous.status(), 401);
}

#[test]
fn world_resources_and_texts_are_served_even_off_the_route_table() {
    let mock = start();
    mock.world_mut(|world| {
        world.set_resource("/addons/self/extra", json!([1, 2]));
        world.set_text("/custom/log", "line\n");
    });
    assert_eq!(data(&mock, "/addons/self/extra"), json!([1, 2]));
    assert_eq!(get(&mock, "/custom/log"), (200, "line\n".into()));
    mock.world_mut(|world| world.resources.shift_remove("/core/info"));
    assert_eq!(get(&mock, "/core/info").0, 404);
}

#[test]
fn a_world_can_be_loaded_from_json() {
    let world = World::from_json(json!({
        "self_slug": "local_tiny",
        "addons": [{"info": {"slug": "local_tiny", "options": {"a": true}}}],
        "resources": {"/info": {"supervisor": "1"}}
    }))
    .unwrap();
    let mock = MockSupervisor::start(world).unwrap();
    assert_eq!(
        data(&mock, "/addons/self/options/config"),
        json!({"a": true})
    );
    assert_eq!(data(&mock, "/info"), json!({"supervisor": "1"}));
    assert_eq!(get(&mock, "/core/info").0, 404);
    assert_eq!(
        call(&mock, Method::GET, "/services/mqtt", None).0,
        400,
        "mqtt is known but not published"
    );
}
