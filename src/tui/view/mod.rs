//! `impl Widget for &App`: the tab bar, the selected tab, the footer, and any overlay.
//! A pure function of the model.

pub mod layout;
pub mod overlays;
pub mod tabs;
pub mod theme;
pub mod widgets;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::app::action::Tab;
use crate::tui::app::{App, Mode};
use crate::tui::view::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::view::overlays::export_dialog::ExportOverlay;
use crate::tui::view::overlays::help::HelpOverlay;
use crate::tui::view::overlays::stage_picker::StagePicker;
use crate::tui::view::tabs::checklist::ChecklistPane;
use crate::tui::view::tabs::compare::ComparePane;
use crate::tui::view::tabs::decision::DecisionPane;
use crate::tui::view::tabs::overview::OverviewPane;
use crate::tui::view::tabs::strengths::StrengthsPane;
use crate::tui::view::widgets::doc::{ellipsis, wrap};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if layout::too_small(area) {
            render_too_small(self, area, buf);
            return;
        }
        render_tab_bar(self, layout::tabs_row(area), buf);
        let body = layout::body(area);
        match self.tab {
            Tab::Overview => OverviewPane(self).render(body, buf),
            Tab::Strengths => StrengthsPane(self).render(body, buf),
            Tab::Compare => ComparePane(self).render(body, buf),
            Tab::Checklist => ChecklistPane(self).render(body, buf),
            Tab::Decision => DecisionPane(self).render(body, buf),
        }
        render_footer(self, layout::footer(area), buf);
        match &self.mode {
            Mode::Help { scroll } => HelpOverlay {
                app: self,
                scroll: *scroll,
            }
            .render(body, buf),
            Mode::Stage { cursor } => StagePicker {
                app: self,
                cursor: *cursor,
            }
            .render(body, buf),
            Mode::Export(dialog) => ExportOverlay { app: self, dialog }.render(body, buf),
            Mode::Normal | Mode::Filter => {}
        }
    }
}

fn render_tab_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let (show_name, titles) = layout::tab_titles(area.width);
    if show_name {
        buf.set_string(area.x, area.y, "stackpick", theme.title);
    }
    for (tab, label, x, _) in titles {
        let style = if tab == app.tab {
            theme.tab_active
        } else {
            theme.tab
        };
        buf.set_string(area.x + x, area.y, label, style);
    }
}

fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut hints = app.keymap.footer_hints(&app.scopes());
    let width = |hints: &[(String, &str)]| -> usize {
        hints
            .iter()
            .map(|(k, l)| k.chars().count() + l.chars().count() + 3)
            .sum()
    };
    let available = usize::from(area.width);
    let status = app.status.as_ref().map(|s| {
        let style = if s.is_error { theme.error } else { theme.status };
        (format!(" {} ", s.text), style)
    });
    let status_width = status.as_ref().map_or(0, |(text, _)| text.chars().count());
    // Drop the hints just before the last two (help and quit stay) until the line fits.
    while hints.len() > 2 && width(&hints) + status_width > available {
        hints.remove(hints.len() - 3);
    }
    let mut spans = Vec::new();
    for (key, label) in &hints {
        spans.push(Span::styled(key.clone(), theme.key));
        spans.push(Span::styled(format!(" {label}  "), theme.muted));
    }
    match status {
        // A message too long to share the line takes all of it until the next key.
        Some((text, style)) if width(&hints) + status_width > available => {
            Paragraph::new(Line::styled(ellipsis(&text, available), style)).render(area, buf);
        }
        Some((text, style)) => {
            let [left, right] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(status_width as u16)])
                    .areas(area);
            Paragraph::new(Line::from(spans)).render(left, buf);
            Paragraph::new(Line::styled(text, style)).render(right, buf);
        }
        None => Paragraph::new(Line::from(spans)).render(area, buf),
    }
}

fn render_too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let message = format!(
        "terminal too small: needs {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
        area.width, area.height
    );
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = wrap(&message, width)
        .into_iter()
        .map(|l| Line::styled(l, app.theme.error))
        .collect();
    lines.extend(
        wrap(
            &format!(
                "enlarge the window, or press {} to quit",
                app.keymap
                    .first_key(crate::tui::app::action::Action::Quit)
                    .unwrap_or_default()
            ),
            width,
        )
        .into_iter()
        .map(|l| Line::styled(l, app.theme.muted)),
    );
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(area.height);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    Paragraph::new(lines).centered().render(row, buf);
}
