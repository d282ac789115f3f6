//! What the trainer's terminal shows: lines of text in the reader's language, wrapped to the
//! terminal's 80 columns, with plain ANSI colours for headings, warnings, errors and successes
//! when the output is a terminal.
//!
//! Width is measured per character with `unicode-width` (Khmer vowel signs and subscripts take
//! no column of their own); a line breaks at a space, and a word longer than the line (a Khmer
//! sentence has no spaces) breaks between characters, never before a vowel sign or after the
//! subscript mark (coeng), so a syllable stays whole.
//!
//! Owns layout and colour. Does not own what is said (the steps) or reading answers (`prompt`).

use std::io::Write;

use phum_core::i18n::{Locale, Message};
use unicode_width::UnicodeWidthChar;

/// The columns a line may take.
pub const WIDTH: usize = 80;

/// How a line is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Heading,
    Warning,
    Error,
    Good,
    Quiet,
}

impl Tone {
    fn ansi(self) -> Option<&'static str> {
        match self {
            Tone::Plain => None,
            Tone::Heading => Some("\x1b[1;36m"),
            Tone::Warning => Some("\x1b[33m"),
            Tone::Error => Some("\x1b[31m"),
            Tone::Good => Some("\x1b[32m"),
            Tone::Quiet => Some("\x1b[2m"),
        }
    }
}

/// The terminal (or the transcript of a scripted run).
pub struct Screen {
    out: Box<dyn Write>,
    pub locale: Locale,
    colour: bool,
}

impl Screen {
    pub fn new(out: Box<dyn Write>, locale: Locale, colour: bool) -> Screen {
        Screen { out, locale, colour }
    }

    /// The text of a message in the reader's language.
    pub fn text(&self, message: &Message) -> String {
        message.render(self.locale)
    }

    /// ASCII digits in `text` as the reader chose to see them.
    pub fn digits(&self, text: &str) -> String {
        phum_core::i18n::show_digits(text, self.locale.khmer_digits)
    }

    /// A date as the reader reads dates.
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        phum_core::i18n::format_date(date, self.locale)
    }

    /// `text`, wrapped, each line starting with `indent` spaces (continuation lines too); spaces
    /// that start a paragraph add to its indent.
    pub fn write(&mut self, tone: Tone, indent: usize, text: &str) {
        for paragraph in text.split('\n') {
            let indent = indent + paragraph.len() - paragraph.trim_start_matches(' ').len();
            let paragraph = paragraph.trim_start_matches(' ');
            for line in wrap(paragraph, WIDTH.saturating_sub(indent).max(20)) {
                self.raw_line(tone, &format!("{}{line}", " ".repeat(indent)));
            }
        }
    }

    /// A message on its own line(s).
    pub fn say(&mut self, tone: Tone, message: &Message) {
        let text = self.text(message);
        self.write(tone, 0, &text);
    }

    /// A numbered choice: `  3. text`, continuation lines under the text.
    pub fn choice(&mut self, number: usize, text: &str) {
        let label = format!("{:>3}. ", self.digits(&number.to_string()));
        let width = WIDTH - 5;
        for (i, line) in wrap(text, width).into_iter().enumerate() {
            let head = if i == 0 { label.clone() } else { " ".repeat(5) };
            self.raw_line(Tone::Plain, &format!("{head}{line}"));
        }
    }

    /// A heading between two blank lines' worth of space.
    pub fn heading(&mut self, message: &Message) {
        self.blank();
        let text = self.text(message);
        self.write(Tone::Heading, 0, &format!("== {text}"));
    }

    pub fn blank(&mut self) {
        self.raw_line(Tone::Plain, "");
    }

    /// A prompt, without a line end (the answer follows on the same line).
    pub fn prompt(&mut self, text: &str) {
        let _ = write!(self.out, "{text} ");
        let _ = self.out.flush();
    }

    /// Ends the prompt's line with the answer as read from a script, so a transcript reads as a
    /// session did.
    pub fn echo(&mut self, answer: &str) {
        let _ = writeln!(self.out, "{answer}");
    }

    fn raw_line(&mut self, tone: Tone, line: &str) {
        let _ = match (self.colour, tone.ansi()) {
            (true, Some(code)) if !line.is_empty() => writeln!(self.out, "{code}{line}\x1b[0m"),
            _ => writeln!(self.out, "{line}"),
        };
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }
}

/// The columns `text` takes.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Whether a line may break just before `c`, which follows `previous`.
fn may_break_before(previous: Option<char>, c: char) -> bool {
    const COENG: char = '\u{17D2}';
    let khmer_sign = matches!(c, '\u{17B4}'..='\u{17D3}' | '\u{17DD}');
    c.width().unwrap_or(0) > 0 && !khmer_sign && previous != Some(COENG)
}

/// `text` in lines of at most `columns` columns: breaks at spaces, and inside a word longer than
/// a line where [`may_break_before`] allows.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = width(&line) + usize::from(!line.is_empty()) + width(word);
        if needed <= columns {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if width(word) <= columns {
            line.push_str(word);
            continue;
        }
        // A word wider than the line: break it between syllables, before the last character
        // a line may start with.
        let mut previous = None;
        let mut last_break = 0;
        for c in word.chars() {
            let breakable = may_break_before(previous, c);
            if width(&line) + c.width().unwrap_or(0) > columns && !line.is_empty() {
                if breakable {
                    lines.push(std::mem::take(&mut line));
                } else if last_break > 0 {
                    let rest = line.split_off(last_break);
                    lines.push(std::mem::replace(&mut line, rest));
                }
                last_break = 0;
            }
            if breakable {
                last_break = line.len();
            }
            line.push(c);
            previous = Some(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_latin_text_at_spaces_within_the_width() {
        let lines = wrap("one two three four five six seven", 10);
        assert_eq!(lines, ["one two", "three four", "five six", "seven"]);
    }

    #[test]
    fn wrap_breaks_khmer_text_between_syllables_within_the_width() {
        let text = "កុមារនេះត្រូវការចាក់វ៉ាក់សាំងបង្ការជំងឺរបេងនិងរលាកថ្លើមប្រភេទបេនៅពេលកើត".repeat(3);
        let lines = wrap(&text, 20);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), text, "nothing lost or added");
        for line in &lines {
            assert!(width(line) <= 20, "{line} is {} columns", width(line));
            let first = line.chars().next().unwrap();
            assert!(!matches!(first, '\u{17B4}'..='\u{17D3}'), "{line} starts with a vowel sign or coeng");
        }
        for pair in lines.windows(2) {
            assert!(!pair[0].ends_with('\u{17D2}'), "{} ends with a coeng", pair[0]);
        }
        // Every width from narrow to wide keeps the text whole and within the width.
        for columns in 3..40 {
            let lines = wrap(&text, columns);
            assert_eq!(lines.concat(), text, "{columns} columns");
            assert!(lines.iter().all(|l| width(l) <= columns), "{columns} columns: {lines:?}");
        }
    }

    #[test]
    fn khmer_vowel_signs_and_subscripts_take_no_column_of_their_own() {
        assert_eq!(width("ក"), 1);
        assert_eq!(width("ក្"), 1, "the coeng takes no column");
    }
}
