import type { Quote, QuotesResult, Span } from "@newsflow/contracts";
import { splitSentences } from "../text/sentences.js";
import { LEARNED_CUES } from "./cue-lexicon.js";
import { CUE_VERBS, TELL_VERBS } from "./cues.js";

// The curated verbs plus the cue lexicon learned from PolNeAR's training articles, longest first
// so that "said in a statement" wins over "said".
const CUES = [...new Set([...CUE_VERBS, ...LEARNED_CUES.map(([cue]) => cue)])].sort((a, b) => b.length - a.length);
const CUE_SOURCE = CUES.map((v) => v.replace(/'/g, "['’]").replace(/ /g, "\\s+")).join("|");
/** A cue verb, optionally with an auxiliary or adverb before it ("has said", "also said"). */
const CUE_RE = new RegExp(`\\b(?:(?:is|are|was|were|been|has|have|had|also|later|previously|then|once|will|would|repeatedly|recently|now|again)\\s+){0,3}(?:${CUE_SOURCE})\\b`, "gi");
const ACCORDING_RE = /\b(?:according to|citing|in the words of)\s+/gi;
/** A source: a noun phrase of up to eight words ending right before the cue. */
const SOURCE_BEFORE = /((?:[\p{Lu}\p{Ll}\p{N}][\p{L}\p{N}.'’&-]*\s+){0,7}[\p{L}\p{N}][\p{L}\p{N}.'’&-]*)\s*$/u;
const STOP_WORDS = new Set(["and", "but", "or", "that", "which", "who", "because", "while", "when", "as", "if", "so", "than", "where", "after", "before", "since"]);

const span = (text: string, start: number, end: number): Span => {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:—–-]/.test(text[s]!)) s++;
  while (e > s && /[\s,;:—–-]/.test(text[e - 1]!)) e--;
  return { start: s, end: e, text: text.slice(s, e) };
};

/** The last cue in a stretch of text. */
function lastCue(text: string): RegExpExecArray | null {
  CUE_RE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = CUE_RE.exec(text); m; m = CUE_RE.exec(text)) last = m;
  return last;
}

/** The noun phrase just before `end` (inside [from, end)), cut at a clause word or punctuation. */
function sourceBefore(text: string, from: number, end: number): Span | null {
  const window = text.slice(from, end);
  const m = SOURCE_BEFORE.exec(window);
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  let keep = words.length;
  for (let i = words.length - 1; i >= 0; i--) {
    if (STOP_WORDS.has(words[i]!.toLowerCase())) {
      keep = words.length - 1 - i;
      break;
    }
  }
  if (keep === 0) return null;
  const phrase = words.slice(words.length - keep).join(" ");
  const start = from + window.lastIndexOf(phrase);
  return span(text, start, start + phrase.length);
}

/** A noun phrase starting at `start`, up to a comma or the sentence end. */
function sourceAfter(text: string, start: number, end: number): Span | null {
  const m = /^\s*((?:[\p{L}\p{N}][\p{L}\p{N}.'’&-]*\s*){1,8}?)(?=[,.;:!?]|$|\s+(?:who|which|in|on|at|during|after)\b)/u.exec(text.slice(start, end));
  return m?.[1] ? span(text, start, start + m[0].length) : null;
}

interface QuoteMark {
  open: number;
  close: number;
}

/** Quoted spans: curly pairs, and straight quotes paired in order; an unclosed quote runs on. */
function quoteMarks(text: string): { marks: QuoteMark[]; openAtEnd: number | null } {
  const marks: QuoteMark[] = [];
  let open: number | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\u201C" || (c === '"' && open === null)) {
      if (open === null) open = i;
    } else if ((c === "\u201D" || c === '"') && open !== null) {
      if (i - open > 2) marks.push({ open, close: i });
      open = null;
    }
  }
  return { marks, openAtEnd: open };
}

/**
 * Attributions in one paragraph: direct quotes (content includes the quotation marks) with the
 * source and cue around them, reported speech after or before a cue verb, and "according to".
 * A quote left open at the end of the paragraph is marked `closesAcross`, one closed without an
 * opening mark `opensAcross`.
 */
export function extractQuotes(text: string): QuotesResult {
  const quotes: Quote[] = [];
  const { marks, openAtEnd } = quoteMarks(text);
  const firstClose = /[\u201D"]/.exec(text);
  const covered: Array<[number, number]> = [];
  const sentences = splitSentences(text);
  const sentenceOf = (i: number) => sentences.find((s) => s.start <= i && i < s.end) ?? { start: 0, end: text.length, text };

  const direct = (open: number, close: number, flags: { opensAcross?: boolean; closesAcross?: boolean } = {}) => {
    const content = span(text, open, close + 1);
    // Transcripts ("WALLACE: ...", "(CROSSTALK)") open every paragraph with a mark they never close.
    if (flags.closesAcross && /^["\u201C]\s*(?:\(|[A-Z][A-Z .'’-]{2,}:)/.test(content.text)) return;
    const sent = sentenceOf(open);
    const short = content.text.split(/\s+/).length < 3;
    if (short && !flags.opensAcross && !flags.closesAcross) {
      // A scare-quoted word or two ("called them “deplorables.”"): the stance runs from the cue.
      const before = text.slice(sent.start, open);
      const last = lastCue(before);
      if (!last) return;
      const cue = span(text, sent.start + last.index, sent.start + last.index + last[0].length);
      covered.push([open, close + 1]);
      quotes.push({ content: span(text, cue.end, close + 1), source: sourceBefore(text, sent.start, cue.start), cue, kind: "mixed", confidence: 0.6, opensAcross: false, closesAcross: false });
      return;
    }
    const sentEnd = Math.max(sent.end, close + 1);
    let cue: Span | null = null;
    let source: Span | null = null;
    // After: ..." said Croft. / ..." Croft said.
    const after = text.slice(close + 1, sentEnd);
    const cueAfter = new RegExp(`^\\s*,?\\s*((?:[\\p{L}\\p{N}][\\p{L}\\p{N}.'’&-]*\\s+){0,6}?)(${CUE_SOURCE})\\b`, "iu").exec(after);
    if (cueAfter) {
      const cueStart = close + 1 + cueAfter.index + cueAfter[0].length - cueAfter[2]!.length;
      cue = span(text, cueStart, cueStart + cueAfter[2]!.length);
      source = cueAfter[1]!.trim() ? span(text, close + 1 + cueAfter.index, cueStart) : sourceAfter(text, cue.end, sentEnd);
    } else {
      // Before: Croft said: "..." / Croft declared "...".
      const before = text.slice(sent.start, open);
      const last = lastCue(before);
      if (last && /^[\s,:]*(?:that\s*)?$/i.test(before.slice(last.index + last[0].length)) ) {
        cue = span(text, sent.start + last.index, sent.start + last.index + last[0].length);
        source = sourceBefore(text, sent.start, cue.start);
      } else if (/:\s*$/.test(before)) {
        const colon = sent.start + before.lastIndexOf(":");
        cue = { start: colon, end: colon + 1, text: ":" };
        source = sourceBefore(text, sent.start, colon);
      }
    }
    covered.push([open, close + 1]);
    if (!cue) {
      // A partial quote inside reported speech: the whole reported clause is the content.
      const reported = indirect(text, sent.start, sentEnd);
      if (reported && reported.content.start <= open && close < reported.content.end) {
        // The reported clause up to the end of the quotation.
        const end = reported.content.end - close - 1 < 25 ? reported.content.end : close + 1;
        quotes.push({ ...reported, content: span(text, reported.content.start, end), kind: "mixed", confidence: 0.8 });
        return;
      }
    }
    quotes.push({ content, source, cue, kind: "direct", confidence: cue ? 0.9 : 0.6, opensAcross: flags.opensAcross ?? false, closesAcross: flags.closesAcross ?? false });
  };

  // A transcript line ("WALLACE: ...") or a headline attribution ("Poll: ...", "Pence: ...").
  const speakerLine = /^(["\u201C]\s*)?([A-Z][\p{L}.'’&-]*(?:\s+[\p{L}.'’&-]+){0,3}):\s+(?=\S)/u.exec(text);
  // Every word of the speaker capitalised: "He says: ..." is an ordinary cue, handled below.
  if (speakerLine && speakerLine[2]!.split(/\s+/).every((w) => /^\p{Lu}/u.test(w)) && speakerLine[2]!.split(/\s+/).length <= 4) {
    const source = span(text, speakerLine[1]?.length ?? 0, (speakerLine[1]?.length ?? 0) + speakerLine[2]!.length);
    const colon = source.end + text.slice(source.end).indexOf(":");
    const endTrim = text.length - (/[.!?]?["'\u201D\u2019]*\s*$/.exec(text)?.[0].length ?? 0);
    const content = span(text, speakerLine[0].length, Math.max(speakerLine[0].length, endTrim));
    if (content.text.split(/\s+/).length >= 3) {
      quotes.push({ content, source, cue: { start: colon, end: colon + 1, text: ":" }, kind: speakerLine[1] ? "direct" : "indirect", confidence: 0.7, opensAcross: false, closesAcross: false });
      return { quotes };
    }
  }
  if (firstClose && (marks.length === 0 || firstClose.index < marks[0]!.open) && text[firstClose.index] === "\u201D") direct(0, firstClose.index, { opensAcross: true });
  for (const m of marks) direct(m.open, m.close);
  if (openAtEnd !== null) direct(openAtEnd, text.length - 1, { closesAcross: true });

  for (const s of sentences) {
    if (covered.some(([a, b]) => a < s.end && b > s.start)) continue;
    const found = indirect(text, s.start, s.end);
    if (found) {
      const inQuote = marks.some((m) => m.open < found.content.start && found.content.end <= m.close + 1);
      if (!inQuote) quotes.push(found);
    }
  }
  return { quotes };
}

/** Reported speech in one sentence, or null. */
function indirect(text: string, start: number, end: number): Quote | null {
  const sentence = text.slice(start, end);
  const trimEnd = end - (/[.!?]["'\u201D\u2019]*$/.exec(sentence)?.[0].length ?? 0);
  ACCORDING_RE.lastIndex = 0;
  const acc = ACCORDING_RE.exec(sentence);
  if (acc) {
    const cue = span(text, start + acc.index, start + acc.index + acc[0].trimEnd().length);
    const comma = sentence.indexOf(",", acc.index + acc[0].length);
    if (acc.index < 3 && comma > 0) {
      const source = span(text, cue.end, start + comma);
      return { content: span(text, start + comma + 1, trimEnd), source, cue, kind: "indirect", confidence: 0.8, opensAcross: false, closesAcross: false };
    }
    const source = sourceAfter(text, cue.end, end);
    if (acc.index > 10) return { content: span(text, start, start + acc.index), source, cue, kind: "indirect", confidence: 0.7, opensAcross: false, closesAcross: false };
  }
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(sentence); m; m = CUE_RE.exec(sentence)) {
    const cueStart = start + m.index;
    const cueEnd = cueStart + m[0].length;
    const cue = span(text, cueStart, cueEnd);
    const beforeText = text.slice(start, cueStart);
    const afterText = text.slice(cueEnd, trimEnd);
    // Trailing attribution: "CONTENT, Croft said." / "CONTENT, said Croft."
    const comma = beforeText.lastIndexOf(",");
    if (afterText.trim().split(/\s+/).length <= 6 && comma > 10) {
      const source = beforeText.slice(comma + 1).trim() ? span(text, start + comma + 1, cueStart) : sourceAfter(text, cueEnd, end);
      if (source && source.text.split(/\s+/).length <= 8) {
        return { content: span(text, start, start + comma), source, cue, kind: "indirect", confidence: 0.75, opensAcross: false, closesAcross: false };
      }
    }
    // Leading attribution: "Croft said (that) CONTENT." / "X told reporters (that) CONTENT."
    const source = sourceBefore(text, start, cueStart);
    let contentStart = cueEnd;
    const verb = m[0].toLowerCase().split(/\s+/).pop()!;
    if (TELL_VERBS.has(verb)) {
      const listener = /^\s+(?:\p{L}+\s+){0,3}?(?=that\b|\p{Lu}|(?:the|a|an|he|she|they|it|we|his|her|its|their)\b)/u.exec(text.slice(cueEnd, trimEnd));
      if (listener) contentStart += listener[0].length;
    }
    const content = span(text, contentStart, trimEnd);
    if (source && content.text.split(/\s+/).length >= 3) {
      return { content, source, cue, kind: "indirect", confidence: 0.7, opensAcross: false, closesAcross: false };
    }
  }
  return null;
}
