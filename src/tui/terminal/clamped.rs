//! A backend that reports at most the app's largest drawable size, so ratatui never sizes its
//! frame buffers from an absurd terminal size.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// The largest area the app draws into. A bigger terminal gets the app in its top-left part:
/// the frame buffers hold a cell per position, and an absurd size (65535×65535, four billion
/// cells) would abort on allocation before the terminal could be restored.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;

/// The size the app draws at on a terminal of this size.
pub fn drawable(width: u16, height: u16) -> Size {
    Size::new(width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

/// Wraps a backend; every size it reports is clamped to [`drawable`].
#[derive(Debug)]
pub struct Clamped<B>(pub B);

impl<B: Backend> Backend for Clamped<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        let size = self.0.size()?;
        Ok(drawable(size.width, size.height))
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut window = self.0.window_size()?;
        window.columns_rows = self.size()?;
        Ok(window)
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;

    #[test]
    fn an_absurd_size_is_clamped_before_ratatui_allocates() {
        // A TestBackend of 65535×65535 would itself allocate four billion cells; a small one
        // stands in, and the clamp is checked on the size arithmetic directly.
        assert_eq!(drawable(u16::MAX, u16::MAX), Size::new(MAX_WIDTH, MAX_HEIGHT));
        assert_eq!(drawable(80, 24), Size::new(80, 24));
        let terminal = Terminal::new(Clamped(TestBackend::new(1200, 30))).expect("terminal");
        assert_eq!(terminal.size().expect("size"), Size::new(MAX_WIDTH, 30));
    }
}
