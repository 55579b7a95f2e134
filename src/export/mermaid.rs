//! The suggested stack as a Mermaid `flowchart`, for the Markdown decision record.
//!
//! Node ids are generated (`L0`, `L0P1`), never taken from the data, so any layer or part
//! name is safe; labels are quoted with Mermaid's entity escapes.

use std::fmt::Write as _;

use crate::score::StackView;

/// The stack as Mermaid source, starting with `flowchart TB`, without the code fence.
///
/// One subgraph per layer with its parts as nodes. Active layers are marked with a `✓` in
/// their title (not by colour alone) and styled `active`; the others are styled `dimmed`.
/// Each option layer is linked to each shared layer (solid when both are active).
pub fn flowchart(stack: &StackView) -> String {
    let mut out = String::from("flowchart TB\n");
    for (i, layer) in stack.layers.iter().enumerate() {
        let title = if layer.active {
            format!("✓ {}", layer.title)
        } else {
            layer.title.clone()
        };
        let _ = writeln!(out, "    subgraph L{i}[\"{}\"]", label(&title));
        let _ = writeln!(out, "        direction LR");
        for (j, part) in layer.parts.iter().enumerate() {
            let _ = writeln!(out, "        L{i}P{j}[\"{}\"]", label(part));
        }
        let _ = writeln!(out, "    end");
    }
    let shared: Vec<usize> = (0..stack.layers.len())
        .filter(|&i| stack.layers[i].option.is_none())
        .collect();
    for (i, layer) in stack
        .layers
        .iter()
        .enumerate()
        .filter(|(_, l)| l.option.is_some())
    {
        for &s in &shared {
            let link = if layer.active && stack.layers[s].active {
                "---"
            } else {
                "-.-"
            };
            let _ = writeln!(out, "    L{i} {link} L{s}");
        }
    }
    out.push_str("    classDef active fill:#dafbe1,stroke:#1a7f37,color:#0b3d1a\n");
    out.push_str("    classDef dimmed fill:#f6f8fa,stroke:#d0d7de,color:#8c959f,stroke-dasharray:4 4\n");
    for (class, active) in [("active", true), ("dimmed", false)] {
        let ids: Vec<String> = stack
            .layers
            .iter()
            .enumerate()
            .filter(|(_, l)| l.active == active)
            .flat_map(|(i, l)| {
                std::iter::once(format!("L{i}")).chain((0..l.parts.len()).map(move |j| format!("L{i}P{j}")))
            })
            .collect();
        if !ids.is_empty() {
            let _ = writeln!(out, "    class {} {class}", ids.join(","));
        }
    }
    out
}

/// Text made safe inside a quoted Mermaid label: `"` and the characters Mermaid or the
/// browser would interpret become entity codes (`#quot;`). `#` goes first, since every
/// escape introduces one.
pub fn label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::LayerView;

    fn layer(title: &str, option: Option<&str>, parts: &[&str], active: bool) -> LayerView {
        LayerView {
            title: title.into(),
            option: option.map(Into::into),
            parts: parts.iter().map(|p| (*p).to_owned()).collect(),
            active,
        }
    }

    #[test]
    fn labels_escape_quotes_and_markup() {
        assert_eq!(
            label(r#"The "Micro" <b>#1</b> & `x`"#),
            "The #quot;Micro#quot; #lt;b#gt;#35;1#lt;/b#gt; #amp; #96;x#96;"
        );
    }

    #[test]
    fn active_layers_are_marked_and_linked_to_the_shared_layer() {
        let stack = StackView {
            title: "Stack".into(),
            caption: String::new(),
            layers: vec![
                layer("A", Some("a"), &["a1"], true),
                layer("B", Some("b"), &["b1", "b2"], false),
                layer("Shared", None, &["auth"], false),
            ],
        };
        let chart = flowchart(&stack);
        assert!(chart.starts_with("flowchart TB\n"));
        assert!(chart.contains("subgraph L0[\"✓ A\"]"), "{chart}");
        assert!(chart.contains("subgraph L1[\"B\"]"), "{chart}");
        assert!(chart.contains("L1P1[\"b2\"]"), "{chart}");
        // The shared layer is inactive, so both links are dotted.
        assert!(
            chart.contains("L0 -.- L2\n") && chart.contains("L1 -.- L2\n"),
            "{chart}"
        );
        assert!(chart.contains("class L0,L0P0 active\n"), "{chart}");
        assert!(chart.contains("class L1,L1P0,L1P1,L2,L2P0 dimmed\n"), "{chart}");
    }

    #[test]
    fn links_are_solid_between_active_layers() {
        let stack = StackView {
            title: "Stack".into(),
            caption: String::new(),
            layers: vec![
                layer("A", Some("a"), &["a1"], true),
                layer("B", Some("b"), &["b1"], true),
                layer("Shared", None, &["auth"], true),
            ],
        };
        let chart = flowchart(&stack);
        assert!(
            chart.contains("L0 --- L2\n") && chart.contains("L1 --- L2\n"),
            "{chart}"
        );
        let dimmed = chart
            .lines()
            .any(|l| l.trim_start().starts_with("class ") && l.ends_with(" dimmed"));
        assert!(!dimmed, "{chart}");
    }
}
