//! A Team row whole (Enter on the Team tab): the question, the team's answer, then each
//! person's answer and note, "no note" where there is none, so a disagreement reads in one
//! place whatever the width of the matrix.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::StatefulWidget;

use crate::score::Answer;
use crate::tui::action::Pane;
use crate::tui::app::{App, YOU};
use crate::tui::view::frame_map::FrameMap;
use crate::tui::view::overlays::frame;
use crate::tui::view::tabs::team::{glyph, person_name};
use crate::tui::view::widgets::doc::Doc;

/// The notes overlay, of the selected Team row.
pub struct TeamNotes<'a> {
    pub app: &'a App,
    pub scroll: usize,
}

/// An answer in words, after its mark.
fn answer_words(answer: Option<Answer>) -> String {
    let words = match answer {
        Some(Answer::Yes) => "yes",
        Some(Answer::No) => "no",
        None => "no answer",
    };
    format!("{} {words}", glyph(answer))
}

impl StatefulWidget for TeamNotes<'_> {
    type State = FrameMap;

    fn render(self, screen: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let app = self.app;
        let theme = app.theme();
        let (Some(team), Some(question)) = (&app.team, app.team_question()) else {
            return;
        };
        let width = screen.width.saturating_sub(4).min(72);
        let mut doc = Doc::new(width.saturating_sub(2));
        doc.heading(&question.text, theme.heading);
        let team_answer = match question.team_answer {
            None if question.is_tie() => "tie".to_owned(),
            None => "— nobody answered".to_owned(),
            answer => answer_words(answer),
        };
        let split = if question.disagreement {
            "≠ split · "
        } else {
            ""
        };
        doc.para(
            &format!(
                "{split}Team: {team_answer} ({} yes, {} no)",
                question.yes, question.no
            ),
            theme.text,
        );
        if let Some(pivot) = question.pivot_words() {
            doc.para(&format!("! pivotal: {pivot}"), theme.highlight);
        }
        if question.agreement() == crate::team::Agreement::One {
            doc.para("Only one person answered it.", theme.muted);
        }
        let names: Vec<String> = team
            .team
            .members
            .iter()
            .enumerate()
            .map(|(member, who)| person_name(who, member == YOU))
            .collect();
        let name_width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        for (member, name) in names.iter().enumerate() {
            doc.blank();
            let answer = question.answers[member];
            doc.line(Line::from(vec![
                Span::styled(format!("{name:<name_width$}"), theme.heading),
                Span::styled(format!("  {}", answer_words(answer)), theme.text),
            ]));
            match &question.notes[member] {
                Some(note) => doc.wrapped("  ", "  ", note, theme.text),
                None => doc.wrapped("  ", "  ", "no note", theme.muted),
            }
        }
        // As tall as the notes, at most the screen: longer ones scroll.
        let height = u16::try_from(doc.len() + 2).unwrap_or(u16::MAX);
        let area = frame::centred(screen, width, height);
        let inner = frame::frame(area, buf, "Notes — Esc closes", theme);
        let extent = doc.render_in(area, inner, self.scroll, buf, theme.border_focus);
        map.overlay = Some(area);
        map.pane_extent(extent.of(Pane::TeamNotes, area));
    }
}
