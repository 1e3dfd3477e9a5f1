//! comfy-table's layout, computed in one pass: the column widths its dynamic arrangement
//! chooses and the line breaks its splitter makes, so a table drawn here is the table
//! comfy-table draws, character for character (the tests hold the two side by side).
//!
//! comfy-table wraps every cell at least twice and measures a line again for every word it
//! adds; for the profile `show` prints that was a third of the run. Here a line is split by
//! byte offsets, measured a word at a time, and no part is copied.

use unicode_segmentation::UnicodeSegmentation;

use super::cell::display_width;

/// What a column holds to, as the table asks of comfy-table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Its longest line, never wrapped (bars and figures).
    Whole,
    /// At least this many columns of content (its longest word), more where the width allows.
    AtLeast(usize),
    /// No constraint: a column beyond the headers.
    Free,
}

/// A line of a cell and its display width, measured once.
pub type Measured<'a> = (&'a str, usize);

/// Columns of padding around a cell's content.
const PADDING: usize = 2;

/// Each column's content width (padding excluded) in a table `table_width` columns wide
/// whose columns hold `lines` (every line of every cell, header first) under `fits`.
pub fn widths(lines: &[Vec<Measured<'_>>], fits: &[Fit], table_width: usize) -> Vec<usize> {
    let columns = lines.len();
    // comfy-table counts a column's content as at least one column wide.
    let longest: Vec<usize> = lines
        .iter()
        .map(|column| cap_width(column.iter().map(|&(_, w)| w).max().unwrap_or(0)))
        .collect();
    let fit = |column: usize| fits.get(column).copied().unwrap_or(Fit::Free);
    let mut fixed: Vec<Option<usize>> = vec![None; columns];
    for (column, slot) in fixed.iter_mut().enumerate() {
        match fit(column) {
            Fit::Whole => *slot = Some(longest[column]),
            Fit::AtLeast(least) if longest[column] <= least => *slot = Some(least.max(1)),
            _ => {}
        }
    }
    // The room inside the frame (`│` either side and `┆` between columns), less every
    // column's padding and the widths already fixed.
    let mut room = table_width.saturating_sub(columns + 1);
    for slot in &fixed {
        room = room.saturating_sub(slot.map_or(PADDING, |width| width + PADDING));
    }
    let left = fixed.iter().filter(|slot| slot.is_none()).count();
    let mut share = Sharing { fixed, room, left };
    share.fix_least_widths(&fit);
    share.fix_fitting_lines(&longest);
    share.fix_wrapped_lines(lines);
    share.share_the_rest()
}

impl Sharing {
    /// Columns whose least width is more than an even share get exactly that.
    fn fix_least_widths(&mut self, fit: &impl Fn(usize) -> Fit) {
        let Some(mut average) = self.average() else {
            return;
        };
        let mut again = true;
        while again {
            again = false;
            for column in self.unfixed() {
                let Fit::AtLeast(least) = fit(column) else {
                    continue;
                };
                if average >= least + PADDING {
                    continue;
                }
                let width = least.max(1);
                let Some(next) = self.fix(column, width, width) else {
                    return;
                };
                (average, again) = (next, true);
            }
        }
    }

    /// Columns whose longest line fits in an even share get their longest line.
    fn fix_fitting_lines(&mut self, longest: &[usize]) {
        let mut again = true;
        while again {
            again = false;
            let Some(mut average) = self.average().filter(|&a| a > 0) else {
                return;
            };
            for column in self.unfixed() {
                if longest[column] <= average {
                    let Some(next) = self.fix(column, longest[column], longest[column]) else {
                        return;
                    };
                    (average, again) = (next, true);
                }
            }
        }
    }

    /// Columns that, wrapped to an even share, leave three or more columns of it unused get
    /// their longest wrapped line. comfy-table measures those lines in bytes, and so does this.
    fn fix_wrapped_lines(&mut self, lines: &[Vec<Measured<'_>>]) {
        let Some(mut average) = self.average() else {
            return;
        };
        let mut again = true;
        while again {
            again = false;
            for column in self.unfixed() {
                let wrapped = longest_bytes_after_split(&lines[column], average);
                if average.saturating_sub(wrapped) >= 3 {
                    let Some(next) = self.fix(column, cap_width(wrapped), wrapped) else {
                        return;
                    };
                    (average, again) = (next, true);
                }
            }
        }
    }

    /// The rest share what is left, the first ones a column more while it does not divide.
    fn share_the_rest(self) -> Vec<usize> {
        let Sharing {
            mut fixed,
            room,
            left,
        } = self;
        if left > 0 {
            let room = room.max(left);
            let average = room / left;
            let mut excess = room - average * left;
            for slot in fixed.iter_mut().filter(|slot| slot.is_none()) {
                let width = if excess > 0 {
                    excess -= 1;
                    average + 1
                } else {
                    average
                };
                *slot = Some(cap_width(width));
            }
        }
        fixed.into_iter().map(|width| width.unwrap_or(1)).collect()
    }
}

/// The columns' widths as they are fixed one by one, and the room the others share.
struct Sharing {
    fixed: Vec<Option<usize>>,
    room: usize,
    left: usize,
}

impl Sharing {
    /// Each column still to fix's even share of the room; none when every column is fixed.
    fn average(&self) -> Option<usize> {
        self.room.checked_div(self.left)
    }

    /// The columns still to fix, in order.
    fn unfixed(&self) -> Vec<usize> {
        (0..self.fixed.len())
            .filter(|&c| self.fixed[c].is_none())
            .collect()
    }

    /// Fixes `column` at `width`, taking `taken` columns of the room (comfy-table takes a
    /// wrapped column's byte length, not its capped width), and gives the new even share.
    fn fix(&mut self, column: usize, width: usize, taken: usize) -> Option<usize> {
        self.fixed[column] = Some(width);
        self.room = self.room.saturating_sub(taken);
        self.left -= 1;
        self.average()
    }
}

/// The longest line, in bytes, of a column's lines wrapped to `width`.
fn longest_bytes_after_split(lines: &[Measured<'_>], width: usize) -> usize {
    let content = cap_width(width);
    let mut longest = 0;
    for &(line, line_width) in lines {
        if line_width > width {
            split_line(line, content, |part, _| longest = longest.max(part.len()));
        } else {
            longest = longest.max(line.len());
        }
    }
    longest
}

/// A width as comfy-table holds one: at most `u16::MAX`, at least 1.
fn cap_width(width: usize) -> usize {
    width.clamp(1, usize::from(u16::MAX))
}

/// Lines left free at the end of a line before it counts as full.
const MIN_FREE: usize = 2;

/// Splits `line` at spaces into parts for a column `width` wide, as comfy-table does: a word
/// wider than the column is cut between graphemes, and a line counts as full once fewer than
/// [`MIN_FREE`] columns are left. Each part is a slice of `line`, given with its width.
pub fn split_line<'a>(line: &'a str, width: usize, mut part: impl FnMut(&'a str, usize)) {
    let mut words = Words { line, at: Some(0) };
    // A word put back for the next line, or what is left of one that was cut.
    let mut carried: Option<Word> = None;
    let full = |used: usize| used > width.saturating_sub(MIN_FREE);
    // The line being filled, as a range of `line`; empty when `from == to`.
    let (mut from, mut to, mut used) = (0, 0, 0);
    while let Some(Word {
        start,
        end,
        width: word_width,
    }) = carried.take().or_else(|| words.next())
    {
        let word = &line[start..end];
        let empty = from == to;
        let joined = word_width + used + usize::from(!empty);
        let mut remaining = width.saturating_sub(used);
        if !empty {
            remaining = remaining.saturating_sub(1);
        }
        if joined <= width {
            if empty {
                (from, to, used) = (start, end, word_width);
            } else {
                (to, used) = (end, joined);
            }
            if full(used) {
                part(&line[from..to], used);
                (from, to, used) = (0, 0, 0);
            }
            continue;
        }
        if !empty && remaining <= MIN_FREE {
            carried = Some(Word {
                start,
                end,
                width: word_width,
            });
            part(&line[from..to], used);
            (from, to, used) = (0, 0, 0);
            continue;
        }
        if word_width > width {
            let (mut bytes, mut head) = fitting_graphemes(word, remaining);
            if empty && bytes == 0 {
                // Not even one grapheme fits: take a character anyway, so the line moves on.
                bytes = word.chars().next().map_or(0, char::len_utf8);
                head = display_width(&word[..bytes]);
            }
            let cut = start + bytes;
            if empty {
                (from, used) = (start, head);
            } else {
                used += 1 + head;
            }
            part(&line[from..cut], used);
            carried = Some(Word {
                start: cut,
                end,
                width: display_width(&line[cut..end]),
            });
            (from, to, used) = (0, 0, 0);
            continue;
        }
        part(&line[from..to], used);
        (from, to, used) = (start, end, word_width);
        if full(used) {
            part(&line[from..to], used);
            (from, to, used) = (0, 0, 0);
        }
    }
    if from != to {
        part(&line[from..to], used);
    }
}

/// A word of a line, as a byte range, and its width.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    width: usize,
}

/// The words of a line split at every space (two spaces make an empty word), each measured as
/// it is found: a word of printable ASCII, nearly every one, is a column a byte.
struct Words<'a> {
    line: &'a str,
    /// Where the next word starts; none once the last is given.
    at: Option<usize>,
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let start = self.at?;
        let bytes = self.line.as_bytes();
        let mut end = start;
        let mut plain = true;
        while let Some(&byte) = bytes.get(end) {
            if byte == b' ' {
                break;
            }
            plain &= (0x20..0x7f).contains(&byte);
            end += 1;
        }
        self.at = (end < bytes.len()).then_some(end + 1);
        let width = if plain {
            end - start
        } else {
            display_width(&self.line[start..end])
        };
        Some(Word { start, end, width })
    }
}

/// Bytes and width of the graphemes at the start of `word` that fit in `room` columns.
fn fitting_graphemes(word: &str, room: usize) -> (usize, usize) {
    let mut used = 0;
    let mut bytes = 0;
    for grapheme in word.graphemes(true) {
        let width = display_width(grapheme);
        if used + width > room {
            break;
        }
        used += width;
        bytes += grapheme.len();
    }
    (bytes, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str, width: usize) -> Vec<&str> {
        let mut parts = Vec::new();
        split_line(line, width, |p, w| {
            assert_eq!(w, display_width(p), "{p:?}");
            parts.push(p);
        });
        parts
    }

    #[test]
    fn lines_break_between_words_and_leave_room_at_the_end() {
        assert_eq!(split("aa bb cc dd", 5), ["aa bb", "cc dd"]);
        // Full once fewer than two columns are left: "aaaa" in 5 ends its line.
        assert_eq!(split("aaaa b", 5), ["aaaa", "b"]);
        // A word wider than the column is cut where the line ends.
        assert_eq!(split("ab cdefghij", 6), ["ab cde", "fghij"]);
        assert_eq!(split("产品负责人", 3), ["产", "品", "负", "责", "人"]);
        // A grapheme wider than the column is taken whole, so the split moves on.
        assert_eq!(split("产", 1), ["产"]);
    }

    proptest::proptest! {
        /// The width a part is given is its width measured whole: widths add up across the
        /// spaces a line is split at, whatever sequences (keycaps, flags, ZWJ emoji) it holds.
        #[test]
        fn parts_are_given_their_own_width(
            words in proptest::collection::vec(proptest::sample::select(&[
                "a", "word", "", "产品负责人", "🙂", "👩\u{200D}💻", "e\u{301}", "\u{301}",
                "1\u{FE0F}\u{20E3}", "\u{FE0F}", "🇬🇧", "\u{1F1EC}", "\u{200D}", "—",
            ][..]), 0..16),
            width in 1usize..30,
        ) {
            split(&words.join(" "), width);
        }
    }

    #[test]
    fn columns_that_fit_get_their_longest_line_and_the_rest_share() {
        fn measured<'a>(lines: &[&'a str]) -> Vec<Measured<'a>> {
            lines.iter().map(|l| (*l, display_width(l))).collect()
        }
        let words = "word ".repeat(30);
        let lines = [measured(&["Id", "po"]), measured(&["Summary", &words])];
        let fits = [Fit::AtLeast(2), Fit::AtLeast(4)];
        assert_eq!(widths(&lines, &fits, 40), [2, 31]);
        assert_eq!(
            widths(&[measured(&["a"]), measured(&["b"])], &fits, 40),
            [2, 4]
        );
    }
}
