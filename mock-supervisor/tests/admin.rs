//! The `/_mock/...` endpoints that let shell scripts drive the mock.

use crate::common::{client, get, json, start};
use serde_json::json;

fn admin(
    mock: &mock_supervisor::MockSupervisor,
    method: reqwest::Method,
    path: &str,
    body: Option<serde_json::Value>,
) -> (u16, String) {
    let mut request = client().request(method, format!("{}{path}", mock.url()));
    if let Some(body) = body {
        request = request.body(body.to_string());
    }
    crate::common::read(request.send().unwrap())
}

#[test]
fn recorded_requests_are_listed_and_cleared_without_a_token() {
    let mock = start();
    get(&mock, "/info");
    let (status, body) = admin(&mock, reqwest::Method::GET, "/_mock/requests", None);
    assert_eq!(status, 200);
    let listed = json(&body);
    assert_eq!(
        listed.as_array().unwrap().len(),
        1,
        "admin calls are not recorded"
    );
    assert_eq!(listed[0]["method"], "GET");
    assert_eq!(listed[0]["path"], "/info");
    assert_eq!(listed[0]["auth_ok"], true);
    assert_eq!(listed[0]["headers"]["authorization"], "Bearer mock-token");

    assert_eq!(
        admin(&mock, reqwest::Method::DELETE, "/_mock/requests", None),
        (200, r#"{"result":"ok","data":{}}"#.into())
    );
    assert!(mock.requests().is_empty());
}

#[test]
fn faults_are_set_listed_and_cleared_as_json() {
    let mock = start();
    let rule = json!({"path": "/addons/self/info", "method": "GET", "times": 1,
                      "fault": {"type": "status", "status": 503, "body": "later"}});
    assert_eq!(
        admin(
            &mock,
            reqwest::Method::POST,
            "/_mock/fault",
            Some(rule.clone())
        ),
        (200, r#"{"result":"ok","data":{}}"#.into())
    );
    assert_eq!(
        json(&admin(&mock, reqwest::Method::GET, "/_mock/fault", None).1),
        json!([rule])
    );
    assert_eq!(get(&mock, "/addons/self/info"), (503, "later".into()));
    assert_eq!(get(&mock, "/addons/self/info").0, 200);

    let many = json!([
        {"path": "/info", "fault": {"type": "result_error", "message": "x"}},
        {"path": "/core/*", "fault": {"type": "delay", "ms": 1}}
    ]);
    assert_eq!(
        admin(&mock, reqwest::Method::POST, "/_mock/fault", Some(many)).0,
        200
    );
    assert_eq!(mock.faults().len(), 2);
    assert_eq!(
        admin(&mock, reqwest::Method::DELETE, "/_mock/fault", None).0,
        200
    );
    assert!(mock.faults().is_empty());
}

#[test]
fn bad_fault_json_is_a_400() {
    let mock = start();
    for bad in [
        json!({"path": "/x"}),
        json!({"path": "/x", "fault": {"type": "explode"}}),
        json!({"path": "", "fault": {"type": "hang"}}),
        json!({"path": "/x", "fault": {"type": "hang"}, "tims": 1}),
    ] {
        let (status, body) = admin(&mock, reqwest::Method::POST, "/_mock/fault", Some(bad));
        assert_eq!(status, 400, "{body}");
        assert_eq!(json(&body)["result"], "error");
    }
    let (status, _) = crate::common::read(
        client()
            .post(format!("{}/_mock/fault", mock.url()))
            .body("{oops")
            .send()
            .unwrap(),
    );
    assert_eq!(status, 400);
    assert!(mock.faults().is_empty());
}

#[test]
fn the_world_can_be_read_and_replaced() {
    let mock = start();
    let (status, body) = admin(&mock, reqwest::Method::GET, "/_mock/world", None);
    assert_eq!(status, 200);
    let mut world = json(&body);
    assert_eq!(world["self_slug"], "local_example");

    world["resources"]["/info"] = json!({"supervisor": "replaced"});
    assert_eq!(
        admin(&mock, reqwest::Method::PUT, "/_mock/world", Some(world)).0,
        200
    );
    assert_eq!(
        crate::common::data(&mock, "/info"),
        json!({"supervisor": "replaced"})
    );

    let (status, body) = admin(
        &mock,
        reqwest::Method::PUT,
        "/_mock/world",
        Some(json!({"addons": []})),
    );
    assert_eq!(status, 400, "self_slug is required: {body}");
    assert_eq!(
        crate::common::data(&mock, "/info"),
        json!({"supervisor": "replaced"})
    );
}

#[test]
fn unknown_admin_paths_and_methods_are_errors() {
    let mock = start();
    assert_eq!(
        admin(&mock, reqwest::Method::GET, "/_mock/nope", None).0,
        404
    );
    assert_eq!(
        admin(&mock, reqwest::Method::POST, "/_mock/world", None).0,
        405
    );
    assert!(mock.requests().is_empty());
}
