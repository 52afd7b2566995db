/** A quotation inside a paragraph: `open` is the opening mark, `close` the closing one (inclusive). */
export interface QuoteMark {
  open: number;
  close: number;
  /** Closed here but opened in an earlier paragraph (no opening mark before it). */
  opensAcross: boolean;
  /** Opened here and still open at the end of the paragraph. */
  closesAcross: boolean;
}

/**
 * The outermost quotations of a paragraph. Curly marks pair by nesting depth, straight marks in
 * order (`"` or `''`); a quotation inside another (“he said ‘no’” or a curly pair inside a straight one) is part
 * of the outer one. A closing mark with nothing open before it starts the paragraph's first
 * quotation at 0 (`opensAcross`); an opening mark never closed runs to the end (`closesAcross`).
 * Mixed marks, common in text copied from the web (`“We will win," he said.`), pair too: a
 * straight mark right after a word closes an open curly quotation, and a curly closing mark an
 * open straight one (`pairMixed: false` pairs each kind only with itself, as before: one stray
 * mark then runs the rest of the paragraph into one quotation).
 *
 * @example findQuoteMarks('He said "no" twice.') // [{ open: 8, close: 11, ... }]
 */
export function findQuoteMarks(text: string, options: { pairMixed?: boolean } = {}): QuoteMark[] {
  const pairMixed = options.pairMixed ?? true;
  const found: QuoteMark[] = [];
  let depth = 0;
  let curlyOpen = -1;
  let straightOpen = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) {
      if (depth === 0) curlyOpen = i;
      depth++;
    } else if (c === 0x201d) {
      if (depth > 0) {
        depth--;
        if (depth === 0) found.push({ open: curlyOpen, close: i, opensAcross: false, closesAcross: false });
      } else if (pairMixed && straightOpen >= 0) {
        // A straight mark closed by a curly one: `"We will win,” he said.`
        found.push({ open: straightOpen, close: i, opensAcross: false, closesAcross: false });
        straightOpen = -1;
      } else if (found.length === 0 && straightOpen < 0 && curlyOpen < 0) {
        found.push({ open: 0, close: i, opensAcross: true, closesAcross: false });
      }
    } else if (pairMixed && c === 0x22 && depth === 1 && straightOpen < 0 && closesHere(text, i)) {
      // A curly mark closed by a straight one: `“We will win," he said.` (a straight mark that opens
      // a quotation inside the curly one stands before a word, not after one).
      depth = 0;
      found.push({ open: curlyOpen, close: i, opensAcross: false, closesAcross: false });
    } else if (c === 0x22 || (c === 0x27 && text.charCodeAt(i + 1) === 0x27)) {
      // Two apostrophes are a straight double mark in some newspapers' text (''Yes,'' he said).
      const width = c === 0x22 ? 1 : 2;
      if (straightOpen < 0) straightOpen = i;
      else {
        found.push({ open: straightOpen, close: i + width - 1, opensAcross: false, closesAcross: false });
        straightOpen = -1;
      }
      i += width - 1;
    }
  }
  if (depth > 0) found.push({ open: curlyOpen, close: text.length - 1, opensAcross: false, closesAcross: true });
  if (straightOpen >= 0) found.push({ open: straightOpen, close: text.length - 1, opensAcross: false, closesAcross: true });
  found.sort((a, b) => a.open - b.open || b.close - a.close);
  const marks: QuoteMark[] = [];
  for (const m of found) {
    const last = marks[marks.length - 1];
    if (last && m.open <= last.close) continue;
    if (m.close - m.open > 1) marks.push(m);
  }
  return marks;
}

/** A mark at `i` closes a quotation: it follows a word or punctuation and ends one (space, punctuation or the end after it). */
function closesHere(text: string, i: number): boolean {
  const before = text.charAt(i - 1);
  const after = text.charAt(i + 1);
  return before !== "" && !/\s/.test(before) && (after === "" || /[\s.,;:!?)\]\u2014\u2013-]/.test(after));
}

/** The words inside a quotation, without its marks (one or two characters each). */
export function quoteInner(text: string, mark: QuoteMark): string {
  return text
    .slice(mark.open, mark.close + 1)
    .replace(/^(?:''|["\u201C\u201D])/, "")
    .replace(/(?:''|["\u201C\u201D])$/, "");
}
