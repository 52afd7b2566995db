import type { Quote, QuotesResult, Span } from "@newsflow/contracts";
import { type SentenceSpan, splitSentences } from "../text/sentences.js";
import { cueShare, cuesIn, firstCue, lastCue } from "./cue-match.js";
import { TELL_VERBS } from "./cues.js";
import { sourceAfter, sourceBefore, trimSpan, wordCount } from "./phrases.js";
import { findQuoteMarks, type QuoteMark, quoteInner } from "./quote-marks.js";
import { reportedSpeech } from "./reported-speech.js";

const SOURCE_START = /^(?:\p{Lu}|(?:he|she|they|it|we|i|you|the|a|an|his|her|their|its|one|another|some|many|most|several|both|two|three|officials|police)\b)/u;
const CLAUSE_END = /[.!?;](?=\s|$)/;
const LISTENER = /^\s*(?:\p{L}+\s+){0,3}?\p{L}+\s*[,:]?\s*$/u;

/**
 * Attributions in one paragraph, with offsets into it:
 * - direct quotes (content with its quotation marks) whose source and cue follow the closing mark
 *   (`“...,” said Croft`, `“...,” Croft said`) or come before it (`Croft said: “...”`,
 *   `declared "..."`); a quotation resumed after its attribution (`“A,” she said. “B.”`) is a
 *   piece of the same attribution (`joinedTo`); a quotation that opens the paragraph with no cue
 *   has no source here (the document step looks for one);
 * - mixed: a partial quotation inside reported speech (`said the plan was “a disaster”`), whose
 *   content runs from the cue to the end of the clause;
 * - reported speech (`Croft said ...`, `..., state TV announced.`, `According to X, ...`);
 * - transcript lines (`WALLACE: ...`) and headline attributions (`Poll: ...`).
 * A quotation left open at the end of the paragraph is `closesAcross`, one closed without an
 * opening mark `opensAcross`. A scare-quoted phrase with no cue is not an attribution.
 *
 * @example extractQuotes('Syrian state television declared "Albu Kamal is liberated".').quotes[0]
 *          // { kind: "direct", source: { text: "Syrian state television" }, cue: { text: "declared" }, ... }
 */
export function extractQuotes(text: string): QuotesResult {
  const speaker = speakerLine(text);
  if (speaker) return { quotes: [speaker] };
  const sentences = splitSentences(text);
  const marks = findQuoteMarks(text);
  const quotes: Quote[] = [];
  const covered: Array<[number, number]> = [];
  let head = -1;
  let coveredTo = 0;
  for (const [k, mark] of marks.entries()) {
    if (mark.open < coveredTo) continue;
    const found = directQuote(text, mark, marks[k + 1]?.open ?? text.length, marks[k - 1] ? marks[k - 1]!.close + 1 : 0, sentences);
    if (found === "resumed") {
      if (head < 0) {
        quotes.push(plain(text, mark, null, null, 0.6));
      } else {
        quotes.push({ ...plain(text, mark, quotes[head]!.source, quotes[head]!.cue, 0.7), joinedTo: head });
      }
      covered.push([mark.open, mark.close + 1]);
      coveredTo = mark.close + 1;
      continue;
    }
    if (!found) continue;
    quotes.push(found);
    if (found.kind === "direct" && found.cue) head = quotes.length - 1;
    const from = Math.min(found.content.start, found.source?.start ?? Infinity, found.cue?.start ?? Infinity);
    const to = Math.max(found.content.end, found.source?.end ?? 0, found.cue?.end ?? 0, mark.close + 1);
    covered.push([from, to]);
    coveredTo = Math.max(to, mark.close + 1);
  }
  for (const s of sentences) {
    if (covered.some(([a, b]) => a < s.end && b > s.start)) continue;
    const found = reportedSpeech(text, s.start, s.end);
    if (found && !marks.some((m) => m.open < found.content.start && found.content.end <= m.close + 1)) quotes.push(found);
  }
  return { quotes };
}

const plain = (text: string, mark: QuoteMark, source: Span | null, cue: Span | null, confidence: number): Quote => ({
  content: trimSpan(text, mark.open, mark.close + 1),
  source,
  cue,
  kind: "direct",
  confidence,
  opensAcross: mark.opensAcross,
  closesAcross: mark.closesAcross,
});

const sentenceAt = (sentences: SentenceSpan[], i: number): SentenceSpan =>
  sentences.find((s) => s.start <= i && i < s.end) ?? sentences[sentences.length - 1] ?? { start: 0, end: 0, text: "" };

/**
 * The attribution of one quotation: a Quote, "resumed" for a quotation that starts a sentence
 * without a cue of its own, or null for a scare-quoted phrase.
 */
function directQuote(text: string, mark: QuoteMark, nextOpen: number, prevClose: number, sentences: SentenceSpan[]): Quote | "resumed" | null {
  const inner = quoteInner(text, mark);
  // Transcripts ("WALLACE: ...", "(CROSSTALK)") open every paragraph with a mark they never close.
  if (mark.closesAcross && /^\s*(?:\(|[A-Z][A-Z .'’-]{2,}:)/.test(inner)) return null;
  const trailing = trailingAttribution(text, mark, nextOpen);
  if (trailing) return plain(text, mark, trailing.source, trailing.cue, 0.9);

  const sentence = sentenceAt(sentences, mark.open);
  const from = Math.max(sentence.start, prevClose);
  const lead = text.slice(from, mark.open);
  const cue = lastCue(text, from, mark.open);
  if (cue) {
    const gap = text.slice(cue.end, mark.open);
    const verb = text.slice(cue.start, cue.end).toLowerCase().split(/\s+/).pop()!;
    const cueSpan = trimSpan(text, cue.start, cue.end);
    const source = sourceBefore(text, from, cue.start) ?? sourceAfterCue(text, cue.end, mark.open);
    if (/^[\s,:—–-]*(?:that\b)?[\s,:]*$/i.test(gap) || (TELL_VERBS.has(verb) && LISTENER.test(gap))) {
      return plain(text, mark, source, cueSpan, source ? 0.85 : 0.7);
    }
    // A partial quotation inside reported speech: the content runs from the (outermost speech)
    // cue to the clause end: "Ditto said she expects the campaign “to ...”" is Ditto's.
    const outer = cuesIn(text, from, mark.open).find((c) => cueShare(text.slice(c.start, c.end)) >= 0.6) ?? cue;
    const clauseEnd = clauseEndAfter(text, mark.close + 1, sentences);
    return {
      content: trimSpan(text, outer.end, clauseEnd),
      source: outer === cue ? source : (sourceBefore(text, from, outer.start) ?? source),
      cue: trimSpan(text, outer.start, outer.end),
      kind: "mixed",
      confidence: 0.75,
      opensAcross: false,
      closesAcross: mark.closesAcross,
    };
  }
  if (/:\s*$/.test(lead) && wordCount(lead) > 0) {
    const colon = from + lead.lastIndexOf(":");
    return plain(text, mark, sourceBefore(text, from, colon), { start: colon, end: colon + 1, text: ":" }, 0.6);
  }
  // A quotation that starts a sentence and says something (not a title in quotation marks).
  const startsSentence = /^[\s(—–-]*$/.test(lead);
  if (startsSentence && (wordCount(inner) >= 4 || mark.opensAcross || mark.closesAcross)) return "resumed";
  return null;
}

/** The source and cue right after a closing mark: `“...,” said Croft` / `“...,” Croft said`. */
function trailingAttribution(text: string, mark: QuoteMark, nextOpen: number): { source: Span | null; cue: Span } | null {
  if (mark.closesAcross) return null;
  const lastInside = quoteInner(text, mark).trimEnd().slice(-1);
  const after = text.slice(mark.close + 1, nextOpen);
  // Only a quotation that ends its clause ("...," / "...?" / "..." —) can be followed by its attribution.
  if (!/[,?!.—–-]/.test(lastInside) && !/^\s*[,—–]/.test(after)) return null;
  // A reader's comment signed with a dash: “...” ― Pamela Padilla
  const signed = /^\s*([―—–]|--)\s*(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})/u.exec(after);
  if (signed) {
    const dash = mark.close + 1 + signed[0].indexOf(signed[1]!);
    const name = mark.close + 1 + signed[0].length - signed[2]!.length;
    return { source: trimSpan(text, name, name + signed[2]!.length), cue: { start: dash, end: dash + signed[1]!.length, text: signed[1]! } };
  }
  const end = mark.close + 1 + (CLAUSE_END.exec(after)?.index ?? after.length);
  const cue = firstCue(text, mark.close + 1, end);
  if (!cue) return null;
  const pre = text.slice(mark.close + 1, cue.start).replace(/^[\s,—–-]+/, "");
  if (pre.trim() === "") return { source: sourceAfterCue(text, cue.end, end), cue: trimSpan(text, cue.start, cue.end) };
  if (!SOURCE_START.test(pre) || wordCount(pre) > 16 || /[“”"]/.test(pre)) return null;
  // After a quotation that ends its sentence ("...banks.” Often, it appeared ...") only a short
  // speaker can follow ("...” Trump said.").
  if (lastInside === "." && (pre.includes(",") || wordCount(pre) > 4)) return null;
  return { source: trimSpan(text, cue.start - pre.length, cue.start), cue: trimSpan(text, cue.start, cue.end) };
}

/** The source written after its cue ("said Croft, a spokesman"), if the words there look like one. */
function sourceAfterCue(text: string, start: number, end: number): Span | null {
  const s = sourceAfter(text, start, end);
  return s && SOURCE_START.test(s.text) ? s : null;
}

/** The end of the clause that goes on after `i`: the next sentence end, without final punctuation. */
function clauseEndAfter(text: string, i: number, sentences: SentenceSpan[]): number {
  const s = sentenceAt(sentences, Math.max(0, i - 1));
  let end = Math.max(s.end, i);
  while (end > i && /[\s.!?]/.test(text[end - 1]!)) end--;
  return end;
}

/** A transcript line ("WALLACE: ...") or a headline attribution ("Poll: ...", "Pence: ..."). */
function speakerLine(text: string): Quote | null {
  const m = /^(["\u201C]\s*)?([A-Z][\p{L}.'’&-]*(?:\s+[\p{L}.'’&-]+){0,3}):\s+(?=\S)/u.exec(text);
  // Every word of the speaker capitalised: "He says: ..." is an ordinary cue.
  if (!m || !m[2]!.split(/\s+/).every((w) => /^\p{Lu}/u.test(w))) return null;
  const open = m[1]?.length ?? 0;
  const source = trimSpan(text, open, open + m[2]!.length);
  const colon = source.end + text.slice(source.end).indexOf(":");
  const endTrim = text.length - (/[.!?]?["'\u201D\u2019]*\s*$/.exec(text)?.[0].length ?? 0);
  const content = trimSpan(text, m[0].length, Math.max(m[0].length, endTrim));
  if (wordCount(content.text) < 3) return null;
  return { content, source, cue: { start: colon, end: colon + 1, text: ":" }, kind: m[1] ? "direct" : "indirect", confidence: 0.7, opensAcross: false, closesAcross: false };
}
