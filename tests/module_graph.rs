//! The library's modules point one way: no top-level module reaches back to
//! one that reaches it (`table/` names no module of `bashio/`, `ctx` none of
//! either), and no module of `bashio/` reaches back to one that reaches it.
//! Read from the source (`crate::NAME`, `super::NAME` paths in src/**/*.rs),
//! so a new cycle fails here with the cycle printed, before it is compiled.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("a readable source directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// A file's module path from the crate root: `src/bashio/api.rs` is
/// `["bashio", "api"]`, `src/bashio/mod.rs` is `["bashio"]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|last| last == "mod") {
        parts.pop();
    }
    parts
}

/// The text of a file without its comments (line comments and doc comments,
/// which name paths in prose) and without string literals' contents.
fn code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_string = false;
        let mut escaped = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if in_string {
                match (escaped, c) {
                    (false, '\\') => escaped = true,
                    (false, '"') => {
                        in_string = false;
                        out.push('"');
                    }
                    _ => escaped = false,
                }
                continue;
            }
            match c {
                '/' if chars.peek() == Some(&'/') => break,
                '"' => {
                    in_string = true;
                    out.push('"');
                }
                _ => out.push(c),
            }
        }
        out.push('\n');
    }
    out
}

fn identifier(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The first segments of the paths a `{...}` group after `crate::` opens:
/// `crate::{ctx::Ctx, http}` names `ctx` and `http`.
fn group_heads(text: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut start = true;
    for (i, c) in text.char_indices() {
        match c {
            '{' => {
                depth += 1;
                start = depth == 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => start = true,
            c if c.is_whitespace() => {}
            _ if start && depth == 1 => {
                heads.push(identifier(&text[i..]).to_string());
                start = false;
            }
            _ => {}
        }
    }
    heads
}

/// Where each inline module (`mod tests { ... }`) of a file opens and
/// closes, by byte offset, with its name.
fn inline_modules(code: &str) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    let mut open: Vec<(usize, usize, String)> = Vec::new();
    let mut depth = 0usize;
    let bytes = code.as_bytes();
    let mut pending: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        let word_start = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if word_start && code[i..].starts_with("mod ") {
            let name = identifier(code[i + 4..].trim_start()).to_string();
            pending = Some(name);
            i += 4;
            continue;
        }
        match bytes[i] {
            b';' => pending = None,
            b'{' => {
                depth += 1;
                if let Some(name) = pending.take() {
                    open.push((i, depth, name));
                }
            }
            b'}' => {
                if open.last().is_some_and(|(_, d, _)| *d == depth) {
                    if let Some((start, _, name)) = open.pop() {
                        found.push((start, i, name));
                    }
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// The module a byte offset of the file is in.
fn module_at(file_module: &[String], inline: &[(usize, usize, String)], at: usize) -> Vec<String> {
    let mut module = file_module.to_vec();
    let mut enclosing: Vec<&(usize, usize, String)> = inline
        .iter()
        .filter(|(start, end, _)| *start < at && at < *end)
        .collect();
    enclosing.sort_by_key(|(start, _, _)| *start);
    module.extend(enclosing.into_iter().map(|(_, _, name)| name.clone()));
    module
}

/// The absolute module paths (as far as two segments) a file names.
fn references(file_module: &[String], code: &str) -> Vec<Vec<String>> {
    let inline = inline_modules(code);
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let boundary = |i: usize| {
        i == 0
            || !(bytes[i - 1].is_ascii_alphanumeric()
                || bytes[i - 1] == b'_'
                || bytes[i - 1] == b':')
    };
    let heads = |rest: &str| match rest.strip_prefix('{') {
        Some(_) => group_heads(rest),
        None => vec![identifier(rest).to_string()],
    };
    for (i, _) in code.match_indices("crate::") {
        if !boundary(i) {
            continue;
        }
        let rest = &code[i + "crate::".len()..];
        for name in heads(rest) {
            let after = rest
                .strip_prefix(name.as_str())
                .and_then(|r| r.strip_prefix("::"))
                .map(identifier)
                .unwrap_or_default();
            found.push(vec![name, after.to_string()]);
        }
    }
    for (i, _) in code.match_indices("super::") {
        if !boundary(i) {
            continue;
        }
        let module = module_at(file_module, &inline, i);
        let mut rest = &code[i..];
        let mut up = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            up += 1;
            rest = r;
        }
        let Some(base) = module.len().checked_sub(up).map(|keep| &module[..keep]) else {
            continue;
        };
        for name in heads(rest) {
            let mut path = base.to_vec();
            path.push(name);
            path.truncate(2);
            if path.len() == 1 {
                path.push(String::new());
            }
            found.push(path);
        }
    }
    found
}

/// Edges between the library's top-level modules, and between the modules
/// of `bashio/`.
fn graphs() -> (Graph, Graph) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let top: BTreeSet<String> = std::fs::read_dir(&src)
        .expect("src")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.is_dir() || path.extension().is_some_and(|e| e == "rs"))
        .map(|path| {
            module_path(
                &src,
                &path
                    .join("mod.rs")
                    .with_extension(if path.is_dir() { "rs" } else { "" }),
            )
        })
        .filter_map(|parts| parts.first().cloned())
        .filter(|name| name != "main" && name != "lib")
        .collect();
    let inner: BTreeSet<String> = sources(&src.join("bashio"))
        .iter()
        .filter_map(|file| module_path(&src, file).get(1).cloned())
        .collect();
    let mut modules = Graph::new();
    let mut bashio = Graph::new();
    for file in sources(&src) {
        let module = module_path(&src, &file);
        let Some(own) = module.first().filter(|name| top.contains(*name)) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("a readable source file");
        modules.entry(own.clone()).or_default();
        for path in references(&module, &code(&text)) {
            let Some(name) = path.first().filter(|name| top.contains(*name)) else {
                continue;
            };
            if name != own {
                modules.entry(own.clone()).or_default().insert(name.clone());
            }
            if own == "bashio" && name == "bashio" && module.len() > 1 {
                let from = module[1].clone();
                let to = path[1].clone();
                if to != from && inner.contains(&to) {
                    bashio.entry(from).or_default().insert(to);
                }
            }
        }
    }
    (modules, bashio)
}

type Graph = BTreeMap<String, BTreeSet<String>>;

/// A cycle of `graph`, as the names along it, if there is one.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    // Depth first, colouring: 1 on the current path, 2 finished.
    fn visit(
        node: &str,
        graph: &Graph,
        colour: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        colour.insert(node.to_string(), 1);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match colour.get(next.as_str()) {
                Some(1) => {
                    let start = path.iter().position(|n| n == next).unwrap_or(0);
                    let mut found = path[start..].to_vec();
                    found.push(next.clone());
                    return Some(found);
                }
                Some(_) => {}
                None => {
                    if let Some(found) = visit(next, graph, colour, path) {
                        return Some(found);
                    }
                }
            }
        }
        path.pop();
        colour.insert(node.to_string(), 2);
        None
    }
    let mut colour = BTreeMap::new();
    for node in graph.keys() {
        if !colour.contains_key(node) {
            if let Some(found) = visit(node, graph, &mut colour, &mut Vec::new()) {
                return Some(found);
            }
        }
    }
    None
}

fn shown(graph: &Graph) -> String {
    graph
        .iter()
        .filter(|(_, to)| !to.is_empty())
        .map(|(from, to)| {
            format!(
                "{from} -> {}\n",
                to.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect()
}

#[test]
fn the_top_level_modules_have_no_cycle() {
    let (modules, _) = graphs();
    // The reader itself: these edges are known to be there.
    assert!(modules["bashio"].contains("table"), "{}", shown(&modules));
    assert!(modules["builtins"].contains("call"), "{}", shown(&modules));
    if let Some(found) = cycle(&modules) {
        panic!(
            "a cycle: {}\nthe edges:\n{}",
            found.join(" -> "),
            shown(&modules)
        );
    }
}

#[test]
fn the_function_table_names_no_module_of_bashio() {
    let (modules, _) = graphs();
    let table = &modules["table"];
    assert!(!table.contains("bashio"), "table -> {table:?}");
}

/// The sets of modules that reach each other (strongly connected
/// components of more than one module), each sorted.
fn knots(graph: &Graph) -> Vec<Vec<String>> {
    // Kosaraju: finish order on the graph, then components on its reverse.
    fn finish(node: &str, graph: &Graph, seen: &mut BTreeSet<String>, order: &mut Vec<String>) {
        if !seen.insert(node.to_string()) {
            return;
        }
        for next in graph.get(node).into_iter().flatten() {
            finish(next, graph, seen, order);
        }
        order.push(node.to_string());
    }
    let mut nodes: BTreeSet<String> = graph.keys().cloned().collect();
    nodes.extend(graph.values().flatten().cloned());
    let mut seen = BTreeSet::new();
    let mut order = Vec::new();
    for node in &nodes {
        finish(node, graph, &mut seen, &mut order);
    }
    let mut reverse = Graph::new();
    for (from, to) in graph {
        for next in to {
            reverse
                .entry(next.clone())
                .or_default()
                .insert(from.clone());
        }
    }
    let mut assigned = BTreeSet::new();
    let mut found = Vec::new();
    for node in order.iter().rev() {
        let mut component = Vec::new();
        finish(node, &reverse, &mut assigned, &mut component);
        if component.len() > 1 {
            component.sort();
            found.push(component);
        }
    }
    found.sort();
    found
}

/// The modules of `bashio/` that call each other both ways, as bashio's own
/// files do (log.sh and exit.sh, var.sh and log.sh, ...): known, and not to
/// grow. Any other cycle among them fails.
const BASHIO_KNOTS: &[&[&str]] = &[&[
    "cache",
    "exit",
    "fs",
    "local",
    "log",
    "log_redact",
    "string",
    "var",
]];

#[test]
fn the_modules_of_bashio_make_no_new_cycle() {
    let (_, bashio) = graphs();
    assert!(bashio["api"].contains("log"), "{}", shown(&bashio));
    let known: Vec<Vec<String>> = BASHIO_KNOTS
        .iter()
        .map(|knot| knot.iter().map(|name| name.to_string()).collect())
        .collect();
    let found = knots(&bashio);
    assert!(
        found.iter().all(|knot| known.contains(knot)),
        "modules of bashio/ that reach each other: {found:?}; known: {known:?}\nthe edges:\n{}",
        shown(&bashio)
    );
}

/// Not a check: prints both graphs
/// (`cargo test --test module_graph -- --ignored --nocapture`).
#[test]
#[ignore = "prints the module graphs"]
fn print_the_graphs() {
    let (modules, bashio) = graphs();
    println!(
        "top-level modules:\n{}\nmodules of bashio/:\n{}",
        shown(&modules),
        shown(&bashio)
    );
}

/// The reader and the cycle finder themselves, on small made-up inputs.
#[test]
fn the_reader_finds_paths_and_cycles() {
    let module = ["bashio".to_string(), "api".to_string()];
    let text = "//! crate::cli in prose\nuse crate::{ctx::Ctx, http};\nuse super::log;\n\
                let s = \"crate::shim\";\nmod tests {\n    use super::super::var;\n}\n";
    let found = references(&module, &code(text));
    let found: Vec<String> = found.iter().map(|path| path.join("::")).collect();
    assert_eq!(found, ["ctx::", "http::", "bashio::log", "bashio::var"]);

    let graph: Graph = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
        .iter()
        .fold(Graph::new(), |mut graph, (from, to)| {
            graph
                .entry(from.to_string())
                .or_default()
                .insert(to.to_string());
            graph
        });
    assert_eq!(
        cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(
        knots(&graph),
        vec![vec!["a".to_string(), "b".into(), "c".into()]]
    );
    let mut acyclic = graph.clone();
    acyclic.remove("c");
    assert_eq!(cycle(&acyclic), None);
}
