//! The view: a pure function of the model that draws a frame and records what it drew.
//!
//! [`render`] draws the tab bar, the selected tab, the footer and any overlay, and returns the
//! [`FrameMap`](frame_map::FrameMap): where each tab title, question, row and overlay entry
//! went, each pane's scroll extent, the overlay's box and the text cursor. The runtime reads
//! it to turn clicks and page keys into actions. `tabs/` holds one widget per tab,
//! `overlays/` what opens over them, `widgets/` the pieces they are built from, and
//! `layout.rs` the geometry. The view reads `app/` types; `app/` never reads the view.

pub mod frame_data;
pub mod frame_map;
pub mod layout;
pub mod overlays;
pub mod tabs;
pub mod widgets;

pub use crate::tui::theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};

use crate::tui::action::{Action, Tab};
use crate::tui::app::{App, Mode, NoteTarget, choice_entries};
use crate::tui::keys::keymap::Hint;
use crate::tui::view::frame_data::FrameData;
use crate::tui::view::frame_map::FrameMap;
use crate::tui::view::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::view::overlays::choice_picker::ChoicePicker;
use crate::tui::view::overlays::confirm::ConfirmView;
use crate::tui::view::overlays::export_dialog::ExportDialogView;
use crate::tui::view::overlays::help::HelpOverlay;
use crate::tui::view::overlays::line_editor::LineEditorView;
use crate::tui::view::overlays::messages::MessageLog;
use crate::tui::view::overlays::stage_picker::StagePicker;
use crate::tui::view::overlays::team_notes::TeamNotes;
use crate::tui::view::tabs::checklist::ChecklistTab;
use crate::tui::view::tabs::compare::CompareTab;
use crate::tui::view::tabs::decision::DecisionTab;
use crate::tui::view::tabs::overview::OverviewTab;
use crate::tui::view::tabs::strengths::StrengthsTab;
use crate::tui::view::tabs::team::TeamTab;
use crate::tui::view::widgets::doc::{ellipsis, wrap};
use crate::tui::view::widgets::problems::ProblemsPanel;
use crate::tui::view::widgets::prompt::Prompt;

/// Draws one frame of the app and returns the record of what was drawn where. The terminal's
/// cursor is placed at the end of the text being typed, or hidden.
pub fn render(app: &App, frame: &mut Frame) -> FrameMap {
    let mut map = FrameMap::new(frame.area());
    AppView(app).render(frame.area(), frame.buffer_mut(), &mut map);
    if let Some(cursor) = map.cursor {
        frame.set_cursor_position(cursor);
    }
    map
}

/// The whole screen, drawn from the model into a buffer, recording into a `FrameMap`.
pub struct AppView<'a>(pub &'a App);

impl StatefulWidget for AppView<'_> {
    type State = FrameMap;

    fn render(self, area: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let app = self.0;
        if layout::too_small(area) {
            map.too_small = true;
            render_too_small(app, area, buf);
            return;
        }
        render_tab_bar(app, layout::tabs_row(area), buf, map);
        let body = layout::body(area);
        // The followed file's problems take the body's last rows, and stay in view under any
        // overlay: the tab and the overlays have the rest.
        let body = match &app.ui.problems {
            Some(problems) => {
                let panel = ProblemsPanel {
                    problems,
                    theme: app.theme(),
                };
                let [rest, bottom] = layout::split_bottom(body, panel.height(body.width, body.height));
                panel.render(bottom, buf);
                rest
            }
            None => body,
        };
        // A search typed or in force takes the body's last line (the Compare tab has its own).
        let typing = app.ui.mode == Mode::Filter;
        let prompt = app.ui.tab != Tab::Compare && (typing || app.ui.searching());
        let [tab_area, prompt_area] = layout::split_bottom(body, u16::from(prompt));
        // What several widgets draw from is built once here, for this frame.
        let data = FrameData::new(app);
        match app.ui.tab {
            Tab::Overview => OverviewTab(app).render(tab_area, buf, map),
            Tab::Strengths => StrengthsTab(app).render(tab_area, buf, map),
            Tab::Compare => CompareTab(app).render(tab_area, buf, map),
            Tab::Checklist => ChecklistTab { app, data: &data }.render(tab_area, buf, map),
            Tab::Decision => DecisionTab { app, data: &data }.render(tab_area, buf, map),
            Tab::Team => TeamTab { app }.render(tab_area, buf, map),
        }
        if prompt {
            Prompt {
                editor: app.ui.query(),
                typing,
                found: found_text(app, map),
                theme: app.theme(),
            }
            .render(prompt_area, buf, map);
        }
        render_footer(app, layout::footer(area), buf);
        match &app.ui.mode {
            Mode::Help { scroll } => HelpOverlay { app, scroll: *scroll }.render(body, buf, map),
            Mode::Stage { cursor } => StagePicker { app, cursor: *cursor }.render(body, buf, map),
            Mode::Export(dialog) => ExportDialogView { app, dialog }.render(body, buf, map),
            Mode::Choose { cursor } => ChoicePicker { app, cursor: *cursor }.render(body, buf, map),
            Mode::Note { target, editor } => {
                let (title, about) = match target {
                    NoteTarget::Question(index) => (
                        "Note on this question",
                        app.scorecard
                            .question(*index)
                            .map(|(_, q)| q.text.to_string())
                            .unwrap_or_default(),
                    ),
                    NoteTarget::Decision => ("Decision note (context)", String::new()),
                };
                LineEditorView {
                    app,
                    title,
                    about,
                    editor,
                }
                .render(body, buf, map);
            }
            Mode::Because { pick, editor } => {
                let name = choice_entries(app.scorecard.decision())
                    .into_iter()
                    .find(|(p, _)| p == pick)
                    .map(|(_, label)| label)
                    .unwrap_or_default();
                let about = format!("Why {name}? One line; Enter keeps it.");
                let title = "Justification";
                LineEditorView {
                    app,
                    title,
                    about,
                    editor,
                }
                .render(body, buf, map);
            }
            Mode::ConfirmReset { question } => ConfirmView {
                app,
                title: "Start over",
                question,
            }
            .render(body, buf, map),
            Mode::Messages { scroll } => MessageLog { app, scroll: *scroll }.render(body, buf, map),
            Mode::TeamNotes { scroll } => TeamNotes { app, scroll: *scroll }.render(body, buf, map),
            Mode::Normal | Mode::Filter => {}
        }
    }
}

/// What the search of the tab in view found, for its prompt: the questions the Checklist
/// filter keeps, or which of a document's matches is shown (the tab recorded them).
fn found_text(app: &App, map: &FrameMap) -> String {
    let query = crate::text::escape(app.ui.query().value()).into_owned();
    // The lists counted what they keep as they drew it.
    let total = match app.ui.tab {
        Tab::Checklist => Some(app.scorecard.question_count()),
        Tab::Team => Some(app.team.as_ref().map_or(0, |t| t.team.questions.len())),
        _ => None,
    };
    if let Some(total) = total {
        return match map.kept {
            0 if !query.is_empty() => format!("no match for '{query}'"),
            kept => format!("{kept} of {total} questions"),
        };
    }
    let count = map.found.len();
    match app.ui.find().and_then(|f| f.current) {
        _ if query.is_empty() => String::new(),
        _ if count == 0 => format!("no match for '{query}'"),
        Some(current) => format!("match {} of {count}", current.min(count - 1) + 1),
        None if count == 1 => "1 match".to_owned(),
        None => format!("{count} matches"),
    }
}

fn render_tab_bar(app: &App, area: Rect, buf: &mut Buffer, map: &mut FrameMap) {
    let theme = app.theme();
    let (show_name, titles) = layout::tab_titles(area.width, app.tab_count(), app.ui.tab);
    if show_name {
        buf.set_string(area.x, area.y, "stackpick", theme.title);
    }
    for (tab, label, x, width) in titles {
        map.tabs
            .push((Rect::new(area.x + x, area.y, width, 1).intersection(area), tab));
        let style = if tab == app.ui.tab {
            theme.tab_active
        } else {
            theme.tab
        };
        buf.set_string(area.x + x, area.y, label, style);
    }
}

/// The footer: the key hints the key table keeps at this width (see `Keymap::footer`), and
/// the status message on the right. A message too long to share the line takes all of it
/// until the next key; one too long for the line is cut with `…` and names the key of the
/// message log, where it can be read whole.
fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let available = usize::from(area.width);
    let scopes = app.scopes();
    let Some(status) = &app.ui.status else {
        let hints = app.keymap().footer(&scopes, available);
        Paragraph::new(Line::from(hint_spans(&hints, theme))).render(area, buf);
        return;
    };
    let style = if status.is_error {
        theme.error
    } else {
        theme.status
    };
    let text = format!(" {} ", status.text);
    let status_width = text.chars().count();
    let hints = app
        .keymap()
        .footer(&scopes, available.saturating_sub(status_width));
    if !hints.is_empty() {
        let [left, right] = layout::split_right(area, u16::try_from(status_width).unwrap_or(u16::MAX));
        Paragraph::new(Line::from(hint_spans(&hints, theme))).render(left, buf);
        Paragraph::new(Line::styled(text, style)).render(right, buf);
        return;
    }
    if status_width <= available {
        Paragraph::new(Line::styled(text, style)).render(area, buf);
        return;
    }
    // Cut short: say where the whole message is, when its key is bound.
    let log = app.keymap().first_key(Action::MessageLog);
    let hint = log.map(|key| (format!(" {key}"), " full message".to_owned()));
    let hint_width = hint
        .as_ref()
        .map_or(0, |(k, l)| k.chars().count() + l.chars().count());
    let mut spans = vec![Span::styled(
        ellipsis(&text, available.saturating_sub(hint_width)),
        style,
    )];
    if let Some((key, label)) = hint {
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(label, theme.muted));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// The hints as spans: each key, then its label.
fn hint_spans(hints: &[Hint], theme: &theme::Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (key, label) in hints {
        spans.push(Span::styled(key.clone(), theme.key));
        spans.push(Span::styled(format!(" {label}  "), theme.muted));
    }
    spans
}

fn render_too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let message = format!(
        "terminal too small: needs {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
        area.width, area.height
    );
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = wrap(&message, width)
        .into_iter()
        .map(|l| Line::styled(l, app.theme().error))
        .collect();
    lines.extend(
        wrap(
            &format!(
                "enlarge the window, or press {} to quit",
                app.keymap()
                    .first_key(crate::tui::action::Action::Quit)
                    .unwrap_or_default()
            ),
            width,
        )
        .into_iter()
        .map(|l| Line::styled(l, app.theme().muted)),
    );
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(area.height);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    Paragraph::new(lines).centered().render(row, buf);
}
