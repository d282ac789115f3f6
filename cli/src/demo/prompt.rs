//! Reading the trainer's answers: from the terminal, or from a script file that holds the same
//! answers one per line (`--script`).
//!
//! Script format: one answer per line, exactly as it would be typed; surrounding spaces are
//! ignored, and so are empty lines and lines starting with `#` (comments). Numbers may be typed
//! with Khmer digits. A scripted answer is echoed after its prompt, so the output of a scripted
//! run reads as the session it replays. The end of the script, or of the terminal's input
//! (Ctrl-D), ends the demo as "quit" would.
//!
//! Owns reading and checking answers (a number among the choices, a text that is not empty).
//! Does not own the questions (the steps) or layout (`screen`).

use std::collections::VecDeque;
use std::io::BufRead;
use std::path::Path;

use phum_core::i18n::Message;
use phum_core::model::digits::ascii_digits;

use super::screen::{Screen, Tone};

/// Where answers come from.
enum Source {
    Terminal(Box<dyn BufRead>),
    /// The remaining answers of a script, with their line numbers.
    Script(VecDeque<(usize, String)>),
}

/// Why there is no answer.
#[derive(Debug, PartialEq, Eq)]
pub enum NoAnswer {
    /// The input ended: the demo ends.
    End,
    /// A scripted answer that does not answer the question (line number, answer): the script no
    /// longer matches the screens, so the run stops there.
    Mismatch(usize, String),
}

pub struct Prompter {
    source: Source,
}

/// The answers of a script file, with their line numbers.
pub fn script_answers(text: &str) -> VecDeque<(usize, String)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim().to_string()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

impl Prompter {
    pub fn terminal(input: Box<dyn BufRead>) -> Prompter {
        Prompter { source: Source::Terminal(input) }
    }

    pub fn script(path: &Path) -> std::io::Result<Prompter> {
        Ok(Prompter { source: Source::Script(script_answers(&std::fs::read_to_string(path)?)) })
    }

    pub fn is_scripted(&self) -> bool {
        matches!(self.source, Source::Script(_))
    }

    /// One answer to `question` (its text is shown as the prompt), not empty.
    pub fn text(&mut self, screen: &mut Screen, question: &Message) -> Result<String, NoAnswer> {
        let prompt = format!("{} >", screen.text(question));
        loop {
            screen.prompt(&prompt);
            match &mut self.source {
                Source::Script(lines) => {
                    let (_, answer) = lines.pop_front().ok_or(NoAnswer::End)?;
                    screen.echo(&answer);
                    return Ok(answer);
                }
                Source::Terminal(input) => {
                    let mut line = String::new();
                    if input.read_line(&mut line).unwrap_or(0) == 0 {
                        screen.echo("");
                        return Err(NoAnswer::End);
                    }
                    let answer = line.trim();
                    if !answer.is_empty() {
                        return Ok(answer.to_string());
                    }
                }
            }
        }
    }

    /// A number from 0 to `last` (Khmer or ASCII digits). A terminal user is asked again; a
    /// script that answers something else no longer fits the screens and stops.
    pub fn number(&mut self, screen: &mut Screen, question: &Message, last: usize) -> Result<usize, NoAnswer> {
        loop {
            let line = self.line_number();
            let answer = self.text(screen, question)?;
            match ascii_digits(&answer).parse::<usize>() {
                Ok(n) if n <= last => return Ok(n),
                _ if self.is_scripted() => return Err(NoAnswer::Mismatch(line.unwrap_or(0), answer)),
                _ => {
                    let message = phum_core::msg!("demo-choose-a-number", last = last);
                    screen.say(Tone::Warning, &message);
                }
            }
        }
    }

    /// The line number of the next scripted answer.
    fn line_number(&self) -> Option<usize> {
        match &self.source {
            Source::Script(lines) => lines.front().map(|(n, _)| *n),
            Source::Terminal(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_answers_skip_comments_and_blank_lines_and_keep_line_numbers() {
        let answers = script_answers("# pick a village\n2\n\n  សុខ  \n# done\n0\n");
        let answers: Vec<_> = answers.into_iter().collect();
        assert_eq!(answers, [(2, "2".to_string()), (4, "សុខ".to_string()), (6, "0".to_string())]);
    }
}
