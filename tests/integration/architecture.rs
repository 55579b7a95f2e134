//! The layers of ARCHITECTURE.md, checked on the source: which file imports which. A file's
//! imports are the `crate::…`, `super::…` and child-module paths it names outside its tests;
//! each is the file of the longest module path it starts with.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every source file of the library, by module path (`tui::view::layout`), with its code
/// before any `#[cfg(test)]`.
fn modules() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = BTreeMap::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&root).unwrap().with_extension("");
            let module = relative.to_string_lossy().replace('/', "::");
            if module == "main" || module.ends_with("tests") {
                continue;
            }
            let module = if module == "lib" { String::new() } else { module };
            let text = std::fs::read_to_string(&path).expect("read a source file");
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_owned();
            modules.insert(module, code);
        }
    }
    modules
}

/// The code without its comments and string literals, which may mention any path.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    out
}

/// The paths a piece of code names: `use a::{b, c::{d}}` gives `a::b` and `a::c::d`; other
/// code gives each `x::y::z` run as written.
fn paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for statement in code.split(';') {
        let statement = statement.trim();
        let body = statement
            .strip_prefix("pub use ")
            .or_else(|| statement.strip_prefix("pub(crate) use "))
            .or_else(|| statement.strip_prefix("use "));
        if let Some(tree) = body.or_else(|| statement.split_once("\nuse ").map(|(_, t)| t)) {
            expand("", tree, &mut found);
        }
    }
    let mut run = String::new();
    for c in code.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() || c == '_' || c == ':' {
            run.push(c);
        } else {
            if run.contains("::") {
                found.push(run.trim_matches(':').to_owned());
            }
            run.clear();
        }
    }
    found
}

/// Expands a use tree after `prefix`.
fn expand(prefix: &str, tree: &str, found: &mut Vec<String>) {
    let tree = tree.trim();
    match tree.find('{') {
        None => {
            let item = tree.split(" as ").next().unwrap_or("").trim();
            found.push(format!("{prefix}{item}"));
        }
        Some(open) => {
            let head = &tree[..open];
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&format!("{prefix}{head}"), &inner[start..i], found);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            expand(&format!("{prefix}{head}"), &inner[start..], found);
        }
    }
}

/// The module a path names, from `module`: the longest module it starts with.
fn target(modules: &BTreeMap<String, String>, module: &str, path: &str) -> Option<String> {
    let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
    let absolute = if let Some(rest) = path.strip_prefix("crate::") {
        rest.to_owned()
    } else if let Some(rest) = path.strip_prefix("super::") {
        if parent.is_empty() {
            rest.to_owned()
        } else {
            format!("{parent}::{rest}")
        }
    } else if let Some(rest) = path.strip_prefix("self::") {
        join(module, rest)
    } else {
        // A child module named bare (`child::item`, `pub use child::Item`).
        let first = path.split("::").next()?;
        let child = join(module, first);
        if !modules.contains_key(&child) {
            return None;
        }
        join(module, path)
    };
    let parts: Vec<&str> = absolute.split("::").collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("::"))
        .find(|candidate| modules.contains_key(candidate))
        .filter(|found| found != module)
}

fn join(module: &str, rest: &str) -> String {
    if module.is_empty() {
        rest.to_owned()
    } else {
        format!("{module}::{rest}")
    }
}

/// Which files each file imports.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    modules
        .iter()
        .map(|(module, text)| {
            let targets = paths(&code_only(text))
                .iter()
                .filter_map(|path| target(&modules, module, path))
                .collect();
            (module.clone(), targets)
        })
        .collect()
}

/// The top-level module a file belongs to (`""` for `lib.rs`).
fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or("")
}

#[test]
fn no_file_imports_one_that_imports_it_back() {
    let imports = imports();
    let mut cycles: Vec<String> = Vec::new();
    // Everything each file reaches, directly or through others.
    for (start, direct) in &imports {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut stack: Vec<(&str, Vec<&str>)> =
            direct.iter().map(|m| (m.as_str(), vec![m.as_str()])).collect();
        while let Some((module, via)) = stack.pop() {
            if module == start {
                cycles.push(format!("{start} → {}", via.join(" → ")));
                break;
            }
            if !seen.insert(module) {
                continue;
            }
            for next in imports.get(module).into_iter().flatten() {
                let mut path = via.clone();
                path.push(next);
                stack.push((next, path));
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "files that import themselves back: {cycles:#?}"
    );
}

#[test]
fn each_layer_imports_only_the_layers_below_it() {
    // Bottom to top, as ARCHITECTURE.md lists them; modules of one layer may import each other.
    let layers: &[&[&str]] = &[
        &["text", "source", "atomic"],
        &["decision"],
        &["score"],
        &["scorecard"],
        &["session", "state", "team", "report", "identity"],
        &["export"],
        &["cli", "tui"],
        &["commands"],
        &[""],
    ];
    let layer = |module: &str| {
        layers
            .iter()
            .position(|l| l.contains(&top(module)))
            .unwrap_or_else(|| panic!("{module} is in no layer of ARCHITECTURE.md"))
    };
    let mut wrong = Vec::new();
    for (module, targets) in imports() {
        for target in targets {
            let same_top = top(&target) == top(&module);
            if !same_top && layer(&target) > layer(&module) {
                wrong.push(format!("{module} → {target}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports that go up a layer: {wrong:#?}");
}

#[test]
fn the_domain_never_touches_the_terminal_and_the_tui_never_runs_commands() {
    let mut wrong = Vec::new();
    for (module, text) in modules() {
        let code = code_only(&text);
        let uses_terminal = code.contains("ratatui") || code.contains("crossterm");
        if uses_terminal && !module.starts_with("tui") && !module.starts_with("commands") {
            wrong.push(format!("{module} uses ratatui or crossterm"));
        }
    }
    for (module, targets) in imports() {
        for target in &targets {
            let rule = if module.starts_with("tui") && target.starts_with("commands") {
                "the TUI imports a command"
            } else if module.starts_with("tui::terminal") && target.starts_with("tui::view") {
                "the terminal imports the view"
            } else if module.starts_with("tui::view::widgets") && target.starts_with("tui::view::overlays") {
                "a widget imports an overlay"
            } else if module.starts_with("tui::app") && target.starts_with("tui::view") {
                "update imports the view"
            } else {
                continue;
            };
            wrong.push(format!("{rule}: {module} → {target}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The checker itself: a cycle it is shown is found, and a use tree is read whole.
#[test]
fn the_checker_finds_what_it_is_shown() {
    let mut found = Vec::new();
    expand("", "crate::a::{b, c::{d, e as f}}", &mut found);
    assert_eq!(found, ["crate::a::b", "crate::a::c::d", "crate::a::c::e"]);
    assert_eq!(
        code_only("let x = \"crate::a\"; // crate::b\ny"),
        "let x = \"\"; \ny"
    );
    let modules: BTreeMap<String, String> = ["a", "a::b", "c"]
        .iter()
        .map(|m| ((*m).to_owned(), String::new()))
        .collect();
    assert_eq!(target(&modules, "a", "b::Thing").as_deref(), Some("a::b"));
    assert_eq!(target(&modules, "a::b", "super::X").as_deref(), Some("a"));
    assert_eq!(target(&modules, "c", "crate::a::b::Y").as_deref(), Some("a::b"));
    assert_eq!(target(&modules, "c", "std::io::Write"), None);
}
