//! The bordered, titled box every pane is drawn in, written once.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Widget};

use crate::tui::theme::Theme;
use crate::tui::view::widgets::doc::ellipsis;

/// Draws a pane's border and title; returns its inside. The focused pane (the one the keys
/// act on) has the bright border.
pub fn pane(area: Rect, buf: &mut Buffer, title: String, theme: &Theme, focused: bool) -> Rect {
    let border = if focused { theme.border_focus } else { theme.border };
    let block = Block::bordered()
        .title(Span::styled(fit_title(title, area.width), theme.title))
        .border_style(border);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// `title` (written ` like this `) as the top border of a pane `width` wide holds it between
/// its corners: whole, or cut with `…` and a dash of border kept before the corner. A title
/// says the same at every width, only shorter.
fn fit_title(title: String, width: u16) -> String {
    let room = usize::from(width.saturating_sub(2));
    if title.chars().count() <= room {
        return title;
    }
    format!(" {} ", ellipsis(title.trim(), room.saturating_sub(3)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_too_long_for_the_border_is_cut_with_an_ellipsis() {
        let title = " The Hybrid Approach (2026 Best Practice) ".to_owned();
        assert_eq!(fit_title(title.clone(), 80), title, "it fits");
        let cut = fit_title(title, 20);
        assert_eq!(cut, " The Hybrid App… ");
        assert_eq!(
            cut.chars().count(),
            17,
            "a dash of the border is left before the corner"
        );
    }

    #[test]
    fn the_border_shows_the_cut_title_between_its_corners() {
        let area = Rect::new(0, 0, 16, 3);
        let mut buf = Buffer::empty(area);
        pane(
            area,
            &mut buf,
            " Detailed Comparison ".to_owned(),
            &Theme::monochrome(),
            false,
        );
        let top: String = (0..16).map(|x| buf[(x, 0)].symbol().to_owned()).collect();
        assert_eq!(top, "┌ Detailed C… ─┐");
    }
}
