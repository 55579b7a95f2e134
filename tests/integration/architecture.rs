//! The layers of ARCHITECTURE.md, checked on the source: which file imports which. A file's
//! imports are the paths it names outside its tests (`use` trees and paths in code, read by
//! `syn`), each resolved to the file of the longest module path it starts with: `crate::…`,
//! `super::…`, `self::…` or a child module named bare.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use syn::visit::Visit;

/// Every source file of the library, by module path (`tui::view::layout`), with the paths it
/// names outside `#[cfg(test)]` items.
fn modules() -> BTreeMap<String, Vec<String>> {
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
            let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let mut named = Named::default();
            named.visit_file(&file);
            modules.insert(module, named.paths);
        }
    }
    modules
}

/// The paths a file names: `use a::{b, c::{d}}` gives `a::b` and `a::c::d`; any other path
/// (a type, a call, a macro) as written. Items under `#[cfg(test)]` are left out.
#[derive(Default)]
struct Named {
    paths: Vec<String>,
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg") && attr.parse_args::<syn::Ident>().is_ok_and(|ident| ident == "test")
    })
}

impl<'ast> Visit<'ast> for Named {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Use(u) => &u.attrs,
            _ => return syn::visit::visit_item(self, item),
        };
        if !is_test_only(attrs) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        expand(String::new(), &item.tree, &mut self.paths);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if segments.len() > 1 {
            self.paths.push(segments.join("::"));
        }
        syn::visit::visit_path(self, path);
    }
}

/// Expands a use tree after `prefix`.
fn expand(prefix: String, tree: &syn::UseTree, found: &mut Vec<String>) {
    match tree {
        syn::UseTree::Path(path) => expand(format!("{prefix}{}::", path.ident), &path.tree, found),
        syn::UseTree::Name(name) => found.push(format!("{prefix}{}", name.ident)),
        syn::UseTree::Rename(rename) => found.push(format!("{prefix}{}", rename.ident)),
        syn::UseTree::Glob(_) => found.push(prefix.trim_end_matches(':').to_owned()),
        syn::UseTree::Group(group) => {
            for tree in &group.items {
                expand(prefix.clone(), tree, found);
            }
        }
    }
}

/// The module a path names, from `module`: the longest module it starts with.
fn target(modules: &BTreeMap<String, Vec<String>>, module: &str, path: &str) -> Option<String> {
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
        .map(|(module, paths)| {
            let targets = paths
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
    for (module, paths) in modules() {
        let uses_terminal = paths
            .iter()
            .any(|path| matches!(path.split("::").next(), Some("ratatui" | "crossterm")));
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

/// The checker itself: use trees are read whole, strings and tests are not code, and paths
/// resolve to the file they name.
#[test]
fn the_checker_finds_what_it_is_shown() {
    let source = "use crate::a::{b, c::{d, e as f}};\n\
                  fn f() { let _ = \"crate::q::r\"; crate::x::y(); }\n\
                  #[cfg(test)]\nmod tests { use crate::z::Y; }\n";
    let mut named = Named::default();
    named.visit_file(&syn::parse_file(source).unwrap());
    assert_eq!(
        named.paths,
        ["crate::a::b", "crate::a::c::d", "crate::a::c::e", "crate::x::y"]
    );
    let modules: BTreeMap<String, Vec<String>> = ["a", "a::b", "c"]
        .iter()
        .map(|m| ((*m).to_owned(), Vec::new()))
        .collect();
    assert_eq!(target(&modules, "a", "b::Thing").as_deref(), Some("a::b"));
    assert_eq!(target(&modules, "a::b", "super::X").as_deref(), Some("a"));
    assert_eq!(target(&modules, "c", "crate::a::b::Y").as_deref(), Some("a::b"));
    assert_eq!(target(&modules, "c", "std::io::Write"), None);
}
