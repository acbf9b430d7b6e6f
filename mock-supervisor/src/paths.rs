//! Path spelling rules shared by routing, overrides and faults.
//!
//! The Supervisor lets an add-on call itself `self` and still answers the
//! old `/homeassistant/...` names for `/core/...`; every lookup in the mock
//! must treat those spellings as the same resource.

/// The path with `/addons/self/...` (and the store's equivalent) spelled
/// with the add-on's real slug.
pub(crate) fn resolve_self(path: &str, self_slug: &str) -> String {
    for prefix in ["/addons/", "/store/addons/"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            let (first, tail) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
            if first == "self" {
                return format!("{prefix}{self_slug}{tail}");
            }
        }
    }
    path.to_string()
}

/// The path with the legacy `/homeassistant` prefix spelled `/core`.
pub(crate) fn resolve_core_alias(path: &str) -> String {
    match path.strip_prefix("/homeassistant") {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => format!("/core{rest}"),
        _ => path.to_string(),
    }
}

/// The one spelling of a path used to look up world data.
pub(crate) fn canonical(path: &str, self_slug: &str) -> String {
    resolve_core_alias(&resolve_self(path, self_slug))
}

/// Whether `pattern` names `path`: the same path, a parent of it (whole
/// segments only, so `/addons` covers `/addons/x/info` but not
/// `/addonsx`), or a literal prefix when `pattern` ends with `*`.
pub(crate) fn covers(pattern: &str, path: &str) -> bool {
    if let Some(prefix) = pattern.strip_suffix('*') {
        return path.starts_with(prefix);
    }
    let parent = pattern.trim_end_matches('/');
    path == pattern
        || path
            .strip_prefix(parent)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Splits `"/a/b?x=1"` into `("/a/b", Some("x=1"))`.
pub(crate) fn split_query(path_and_query: &str) -> (&str, Option<&str>) {
    match path_and_query.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (path_and_query, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_alias_is_resolved_only_in_the_slug_position() {
        assert_eq!(
            resolve_self("/addons/self/info", "local_x"),
            "/addons/local_x/info"
        );
        assert_eq!(resolve_self("/addons/self", "local_x"), "/addons/local_x");
        assert_eq!(
            resolve_self("/store/addons/self/changelog", "local_x"),
            "/store/addons/local_x/changelog"
        );
        assert_eq!(
            resolve_self("/addons/selfish/info", "local_x"),
            "/addons/selfish/info"
        );
        assert_eq!(resolve_self("/services/self", "local_x"), "/services/self");
    }

    #[test]
    fn homeassistant_prefix_means_core() {
        assert_eq!(resolve_core_alias("/homeassistant/info"), "/core/info");
        assert_eq!(
            resolve_core_alias("/homeassistantx/info"),
            "/homeassistantx/info"
        );
        assert_eq!(canonical("/homeassistant/logs", "s"), "/core/logs");
    }

    #[test]
    fn covers_whole_segments_and_star_prefixes() {
        assert!(covers("/addons/self/info", "/addons/self/info"));
        assert!(covers("/addons", "/addons/self/info"));
        assert!(covers("/addons/", "/addons/self/info"));
        assert!(!covers("/addons", "/addonsx"));
        assert!(covers("/", "/anything"));
        assert!(covers("/add*", "/addonsx"));
        assert!(!covers("/addons/self/info", "/addons/self"));
    }
}
