import type { Quote } from "@newsflow/contracts";
import { cuesIn } from "./cue-match.js";
import { TELL_VERBS } from "./cues.js";
import { sourceAfter, sourceBefore, trimSpan, wordCount } from "./phrases.js";

const ACCORDING_RE = /\b(?:according to|citing|in the words of)\s+/gi;
const LISTENER_RE = /^\s+(?:\p{L}+\s+){0,3}?(?=that\b|\p{Lu}|(?:the|a|an|he|she|they|it|we|his|her|its|their)\b)/u;

const quote = (content: Quote["content"], source: Quote["source"], cue: Quote["cue"], confidence: number): Quote => ({
  content, source, cue, kind: "indirect", confidence, opensAcross: false, closesAcross: false,
});

/**
 * Reported speech in the sentence `text[start, end)`, or null: "According to SOURCE, CONTENT",
 * trailing "CONTENT, SOURCE said." / "CONTENT, said SOURCE.", and leading "SOURCE (has) said
 * (that) CONTENT" / "SOURCE told LISTENER (that) CONTENT".
 */
export function reportedSpeech(text: string, start: number, end: number): Quote | null {
  const sentence = text.slice(start, end);
  const trimEnd = end - (/[.!?]*["'\u201D\u2019]*$/.exec(sentence)?.[0].length ?? 0);
  ACCORDING_RE.lastIndex = 0;
  const acc = ACCORDING_RE.exec(sentence);
  if (acc) {
    const cue = trimSpan(text, start + acc.index, start + acc.index + acc[0].trimEnd().length);
    const comma = sentence.indexOf(",", acc.index + acc[0].length);
    if (acc.index < 3 && comma > 0) return quote(trimSpan(text, start + comma + 1, trimEnd), trimSpan(text, cue.end, start + comma), cue, 0.8);
    if (acc.index > 10) return quote(trimSpan(text, start, start + acc.index), sourceAfter(text, cue.end, end), cue, 0.7);
  }
  for (const c of cuesIn(text, start, end)) {
    const cueStart = c.start;
    const cueEnd = c.end;
    const cue = trimSpan(text, cueStart, cueEnd);
    const beforeText = text.slice(start, cueStart);
    const afterText = text.slice(cueEnd, trimEnd);
    // Trailing attribution: "CONTENT, Croft said." / "CONTENT, said Croft."
    const comma = beforeText.lastIndexOf(",");
    if (wordCount(afterText) <= 6 && comma > 10) {
      const source = beforeText.slice(comma + 1).trim() ? trimSpan(text, start + comma + 1, cueStart) : sourceAfter(text, cueEnd, end);
      if (source && wordCount(source.text) <= 8) return quote(trimSpan(text, start, start + comma), source, cue, 0.75);
    }
    // Leading attribution: "Croft said (that) CONTENT." / "X told reporters (that) CONTENT."
    const source = sourceBefore(text, start, cueStart);
    let contentStart = cueEnd;
    const verb = text.slice(cueStart, cueEnd).toLowerCase().split(/\s+/).pop()!;
    if (TELL_VERBS.has(verb)) {
      const listener = LISTENER_RE.exec(text.slice(cueEnd, trimEnd));
      if (listener) contentStart += listener[0].length;
    }
    const content = trimSpan(text, contentStart, trimEnd);
    if (source && wordCount(content.text) >= 3) return quote(content, source, cue, 0.7);
  }
  return null;
}
