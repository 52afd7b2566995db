import type { Paragraph } from "@newsflow/contracts";

/** A document split into an optional title and its paragraphs. */
export interface SplitDocument {
  title: string | null;
  paragraphs: Paragraph[];
}

// Unicode line separators and the zero-width / bidi marks that some CMS exports leave in text.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const BULLET = /^(?:[-*\u2022\u2013]|\d{1,3}[.)])[ \t\u00A0]+/;
const TITLE_MAX_CHARS = 160;

/**
 * Normalise text the way every downstream offset expects: CRLF and lone CR become LF, Unicode
 * line/paragraph separators become LF, NBSP and other Unicode spaces become plain spaces, and
 * invisible format characters are removed. The document text stored and shown is this form.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029\u0085]/g, "\n")
    .replace(INVISIBLE, "")
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\v\f]/g, " ");
}

/**
 * Split normalised document text into paragraphs: blocks separated by blank lines; a list-item
 * line is a paragraph of its own; a first short line without final punctuation is the title.
 * Paragraph i is the i-th block as written (line breaks inside it become spaces), markers and
 * all, and blocks without a letter or digit ("***", ":") stay: whoever sends one sentence a
 * paragraph gets `paragraphs[i]` back for sentence i, with offsets into that sentence
 * (`prepareDocument` rejects a document none of whose paragraphs has a letter or digit).
 * Offsets are into `text`.
 *
 * @example splitParagraphs("Title\n\nFirst para.\n\n- item\n1. Next").paragraphs.map(p => p.text)
 *          // ["First para.", "- item", "1. Next"]
 */
export function splitParagraphs(text: string, options: { detectTitle?: boolean } = {}): SplitDocument {
  const blocks: Array<{ start: number; end: number }> = [];
  const lineRe = /[^\n]*(?:\n|$)/g;
  let blockStart = -1;
  let blockEnd = -1;
  const flush = () => {
    if (blockStart >= 0) blocks.push({ start: blockStart, end: blockEnd });
    blockStart = -1;
  };
  for (let m = lineRe.exec(text); m !== null && m.index < text.length; m = lineRe.exec(text)) {
    const lineStart = m.index;
    const raw = m[0].endsWith("\n") ? m[0].slice(0, -1) : m[0];
    const trimmed = raw.trim();
    if (trimmed === "") {
      flush();
      continue;
    }
    const lead = raw.length - raw.trimStart().length;
    const start = lineStart + lead;
    const end = lineStart + raw.trimEnd().length;
    if (BULLET.test(trimmed)) {
      flush();
      blocks.push({ start, end });
      continue;
    }
    if (blockStart < 0) blockStart = start;
    blockEnd = end;
  }
  flush();

  let title: string | null = null;
  if (options.detectTitle !== false && blocks.length > 1) {
    const first = blocks[0]!;
    const firstText = text.slice(first.start, first.end);
    if (!firstText.includes("\n") && firstText.length <= TITLE_MAX_CHARS && !/[.!?:;,"\u201D']$/.test(firstText)) {
      title = firstText;
      blocks.shift();
    }
  }
  const paragraphs = blocks
    // Line breaks inside a block become spaces one for one, so paragraph offsets + start = document offsets.
    .map((b, index) => ({ index, start: b.start, end: b.end, text: text.slice(b.start, b.end).replace(/\n/g, " ") }));
  return { title, paragraphs };
}

/**
 * The length of the list marker that opens a paragraph ("- ", "• ", "1. ", "12) ", with the
 * spaces after it), 0 without one. The paragraph keeps it as written; the analyses that read
 * prose (quotes, summaries) start after it.
 */
export function listMarkerLength(text: string): number {
  return BULLET.exec(text)?.[0].length ?? 0;
}

/** Whether a paragraph has anything to analyse: a letter or a digit. */
export function hasText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
