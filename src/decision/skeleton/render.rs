//! The skeleton's text: every field of the format, in the order of the format's example,
//! each commented where it first appears.

use crate::decision::skeleton::options::{Named, Skeleton};
use crate::decision::skeleton::writer::{Out, lit};

/// The stages every skeleton has: the first picks the first option, the second the second.
const STAGES: [(&str, &str); 2] = [("early", "Early"), ("later", "Later")];

/// The comparison's aspects.
const ASPECTS: usize = 3;

impl Skeleton {
    /// The decision file's text.
    pub fn render(&self) -> String {
        let mut out = Out::default();
        self.header(&mut out);
        out.open("Decision(");
        out.note("The decision's id (lowercase letters, digits, '-', '_'): the app saves your answers under it and sessions name it.");
        out.line(&format!("id: {},", lit(&self.id)));
        out.note("The title: the app's title bar and the heading of the exported records.");
        out.line(&format!("title: {},", lit(&self.names(" or "))));
        out.note("The question being decided: the problem statement of the exported record.");
        out.line(&format!(
            "question: {},",
            lit(&format!("Which should we choose: {}?", self.names(" or ")))
        ));
        self.summary(&mut out);
        out.note("The options. A scored option has a checklist and a threshold; an also-consider one has a trigger instead.");
        out.open("options: [");
        for (i, option) in self.options.iter().enumerate() {
            Skeleton::scored_option(&mut out, option, i == 0);
        }
        self.other_option(&mut out);
        out.close("],");
        self.matrix(&mut out);
        self.comparison(&mut out);
        self.stack(&mut out);
        self.stages(&mut out);
        out.close(")");
        out.text
    }

    fn header(&self, out: &mut Out) {
        out.note("A stackpick decision, made by `stackpick new`. Every text is a placeholder: replace it.");
        out.note("Fields marked optional may go; the format is in docs/decision-format.md.");
        out.note(&format!(
            "Check it with `stackpick check FILE`, open it with `stackpick --data FILE`; question ids are <option>.<question>, e.g. {}.question-1.",
            self.options[0].id
        ));
    }

    /// The option names joined: "A or B", "A, B or C".
    fn names(&self, last: &str) -> String {
        let names: Vec<&str> = self.options.iter().map(|o| o.name.as_str()).collect();
        match names.split_last() {
            Some((tail, rest)) if !rest.is_empty() => format!("{}{last}{tail}", rest.join(", ")),
            _ => names.concat(),
        }
    }

    fn summary(&self, out: &mut Out) {
        out.note("Optional. The TL;DR, first on the Overview tab: a verdict for a typical reader each.");
        out.open("summary: [");
        for (i, option) in self.options.iter().enumerate() {
            let first = i == 0;
            out.open("Summary(");
            if first {
                out.note("Who the line speaks to.");
            }
            out.line(&format!(
                "heading: {},",
                lit(&format!("When {} fits", option.name))
            ));
            if first {
                out.note("The verdict, in a sentence or two.");
            }
            out.line(&format!(
                "text: {},",
                lit(&format!(
                    "Why a reader in that case should choose {}.",
                    option.name
                ))
            ));
            if first {
                out.note("The options it recommends (ids): the record marks the line when the decision picks them.");
            }
            out.line(&format!("picks: [{}],", lit(&option.id)));
            out.close("),");
        }
        out.close("],");
    }

    fn scored_option(out: &mut Out, option: &Named, first: bool) {
        let name = &option.name;
        let note = |out: &mut Out, comment: &str| {
            if first {
                out.note(comment);
            }
        };
        out.open("Choice(");
        note(
            out,
            "The option's id (lowercase letters, digits, '-', '_'): its questions' ids start with it.",
        );
        out.line(&format!("id: {},", lit(&option.id)));
        note(out, "Its name, as every tab and export shows it.");
        out.line(&format!("name: {},", lit(name)));
        note(out, "Optional. A line under the name on the Strengths tab.");
        out.line(&format!("tagline: {},", lit(&format!("{name} in a few words"))));
        note(
            out,
            "Optional. Remarks shown under the tagline on the Strengths tab.",
        );
        out.line(&format!("notes: [{}],", lit(&format!("A remark about {name}"))));
        note(
            out,
            "How many yes answers (counted by weight) make the option qualify: from 1 to the checklist's total weight (here 4).",
        );
        out.line("threshold: 2,");
        note(
            out,
            "Optional. What it is good at (Strengths tab; the record's consequences when it is chosen). A detail is optional.",
        );
        out.line(&format!(
            "strengths: [Point(title: {}, detail: {})],",
            lit(&format!("What {name} is good at")),
            lit("Why it matters")
        ));
        note(
            out,
            "Optional. The uses it suits best (Strengths tab, the record).",
        );
        out.line(&format!(
            "best_for: [Point(title: {}, detail: {})],",
            lit(&format!("A kind of project {name} suits")),
            lit("An example of one")
        ));
        note(out, "Optional. Who uses it (Strengths tab, the record).");
        out.line(&format!("users: [{}],", lit(&format!("A team that uses {name}"))));
        note(out, "Optional. An example of it in use: Some(\"...\"), or None.");
        out.line(&format!(
            "example: Some({}),",
            lit(&format!("A project that chose {name}, and how it went"))
        ));
        note(
            out,
            "The checklist (Checklist tab): yes/no questions; each yes counts its weight toward the threshold.",
        );
        out.open("questions: [");
        for n in 1..=3 {
            let text = lit(&format!("Question {n} for {name}?"));
            if n == 3 {
                note(out, "Optional weight: how much a yes counts (default 1).");
                out.line(&format!(
                    "Question(id: \"question-{n}\", text: {text}, weight: 2),"
                ));
            } else {
                if n == 1 {
                    note(
                        out,
                        "The id is unique in the option: the full id is <option>.<id>, as `score --yes` and sessions write it.",
                    );
                }
                out.line(&format!("Question(id: \"question-{n}\", text: {text}),"));
            }
        }
        out.close("],");
        out.close("),");
    }

    fn other_option(&self, out: &mut Out) {
        let first = &self.options[0];
        let name = &self.other.name;
        out.note("An also-consider option: no checklist, no threshold, never scored; its trigger has it suggested beside the verdict. Delete it if there is none.");
        out.open("Choice(");
        out.line(&format!("id: {},", lit(&self.other.id)));
        out.line(&format!("name: {},", lit(name)));
        out.line(&format!("tagline: {},", lit(&format!("{name}, in a few words"))));
        out.note("Optional. When to consider it (\"Consider it when\" on the Strengths tab).");
        out.line(&format!(
            "consider_when: [Point(title: {}, detail: {})],",
            lit("A situation where it is worth a look"),
            lit("Why")
        ));
        out.note("When it is suggested: any of these questions answered yes, or any of these stages chosen.");
        out.open("trigger: Some(Trigger(");
        out.note("Full ids (<option>.<question>) of scored options' questions.");
        out.line(&format!(
            "questions: [{}],",
            lit(&format!("{}.question-1", first.id))
        ));
        out.note("Stage ids.");
        out.line(&format!("stages: [{}],", lit(STAGES[1].0)));
        out.note("Why it is suggested, shown with the suggestion.");
        out.line(&format!("note: {},", lit("Why another option is worth a look")));
        out.close(")),");
        out.close("),");
    }

    fn matrix(&self, out: &mut Out) {
        out.note("Optional. The quick decision matrix (Overview tab, the record): a situation and the option it points to.");
        out.open("matrix: [");
        for option in &self.options {
            out.line(&format!(
                "Situation(situation: {}, pick: {}),",
                lit(&format!("A situation where {} is the clear pick", option.name)),
                lit(&option.id)
            ));
        }
        out.close("],");
    }

    fn comparison(&self, out: &mut Out) {
        out.note("Optional. The detailed comparison (Compare tab, the record's table): an aspect a row, option id: what it offers.");
        out.open("comparison: [");
        for n in 1..=ASPECTS {
            let values: Vec<String> = self
                .options
                .iter()
                .map(|o| {
                    format!(
                        "{}: {}",
                        lit(&o.id),
                        lit(&format!("How {} does on aspect {n}", o.name))
                    )
                })
                .collect();
            out.line(&format!(
                "Aspect(name: {}, values: {{{}}}),",
                lit(&format!("Aspect {n}")),
                values.join(", ")
            ));
        }
        out.close("],");
    }

    fn stack(&self, out: &mut Out) {
        out.note("The stack diagram (Checklist and Decision tabs, the record): a layer per scored option, lit when the decision picks it.");
        out.open("stack: Stack(");
        out.note("Optional. A heading above the diagram on the Decision tab.");
        out.line(&format!("heading: {},", lit("A heading for the diagram")));
        out.note("Optional. A line under that heading.");
        out.line(&format!("note: {},", lit("A note on the diagram")));
        out.note("The diagram's title.");
        out.line(&format!("title: {},", lit("The stack's title")));
        out.note("The layers, drawn top to bottom.");
        out.open("layers: [");
        for (i, option) in self.options.iter().enumerate() {
            if i == 0 {
                out.note("The layer of an option (its id, in Some), and the parts it holds.");
            }
            out.line(&format!(
                "Layer(title: {}, option: Some({}), parts: [{}, {}]),",
                lit(&format!("{} layer", option.name)),
                lit(&option.id),
                lit(&format!("What {} would do", option.name)),
                lit("Another part")
            ));
        }
        out.note("A layer with no option is shared: lit only for a hybrid (two options decided together).");
        out.line(&format!(
            "Layer(title: {}, parts: [{}]),",
            lit("Shared"),
            lit("What they would share")
        ));
        out.close("],");
        out.close("),");
    }

    fn stages(&self, out: &mut Out) {
        out.note("Optional. The line introducing the stages (Overview tab, the stage picker).");
        out.line(&format!("stage_intro: {},", lit("A line introducing the stages")));
        out.note("Optional. \"Where are you now\" (the stage picker, `s`): a stage's advice decides when no option qualifies.");
        out.open("stages: [");
        for (i, ((id, label), option)) in STAGES.iter().zip(self.options.iter()).enumerate() {
            let first = i == 0;
            out.open("Stage(");
            if first {
                out.note(
                    "The stage's id (lowercase letters, digits, '-', '_'), as `score --stage` takes it.",
                );
            }
            out.line(&format!("id: {},", lit(id)));
            if first {
                out.note("Its name in the picker.");
            }
            out.line(&format!("label: {},", lit(label)));
            if first {
                out.note("Optional. When the stage applies, shown with its label.");
            }
            out.line(&format!(
                "when: {},",
                lit(&format!("When a team is at the {} stage", label.to_lowercase()))
            ));
            if first {
                out.note("The advice, shown on the Overview and Decision tabs.");
            }
            out.line(&format!(
                "advice: {},",
                lit(&format!("Why {} suits this stage", option.name))
            ));
            if first {
                out.note("The options the advice points to (ids), as alternatives.");
            }
            out.line(&format!("picks: [{}],", lit(&option.id)));
            out.close("),");
        }
        out.close("],");
    }
}
