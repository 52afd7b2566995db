import type { Span } from "@newsflow/contracts";
import { splitSentences } from "../text/sentences.js";
import { wordCount } from "./phrases.js";

/** An attribution written by the page's layout rather than in a sentence: a transcript line or a signed comment. */
export interface LayoutQuote {
  content: Span;
  source: Span;
  cue: Span;
}

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

// A speaker in capitals at the start of a line, after an optional opening mark: "WALLACE: Do you ...",
// "JAKE TAPPER: ...". One to three words of two letters or more.
const TRANSCRIPT = /(?<=^|\n)[ \t]*["\u201C\u201D]?((?:\p{Lu}[\p{Lu}.'\u2019-]+)(?: \p{Lu}[\p{Lu}.'\u2019-]+){0,2}):[ \t]+([^\n]+)/gu;
// Newsroom labels written the same way ("UPDATE: ...", "VIDEO: ..."), which are no speakers.
const LABELS = new Set(["UPDATE", "UPDATED", "CORRECTION", "CLARIFICATION", "EDITOR'S NOTE", "EDITOR\u2019S NOTE", "NOTE", "VIDEO", "WATCH", "PHOTOS", "EXCLUSIVE", "BREAKING", "BREAKING NEWS", "BYLINE", "EMAIL", "SOURCE", "RELATED", "READ MORE", "ANALYSIS", "OPINION"]);
// A closing mark, a dash and a name (up to five capitalised words or initials) that ends the
// line or comes before the next quotation: "“...” ― Francisco Herrero “...". (The paragraph
// splitter writes a line break inside a paragraph as a space.)
const SIGNED = /(["\u201D]|'')[ \t]*([\u2015\u2014\u2013]|--)[ \t]*(\p{Lu}[\p{L}.'\u2019-]*(?: (?:\p{Lu}[\p{L}.'\u2019-]*|de|del|la|van|von|da|dos|y)){0,4})\.?(?=[ \t]*(?:\n|$)|[ \t]+(?:["\u201C\u201D]|''))/gu;
// A signed quotation: the whole stretch from its opening mark to its closing one, no mark in between.
const WHOLE_QUOTATION = /^(?:["\u201C\u201D]|'')[^"\u201C\u201D]*?(?:["\u201D]|'')$/;

// A headline that names its speaker, the whole paragraph: "Pence: Gennifer Flowers Won't Be at
// Debate". Of the 70 paragraphs of PolNeAR's training articles that this and the tests in
// `layoutQuotes` take (not in capitals, no "The ...", no label, four words or more, one sentence),
// 61 are annotated so (source, cue ":", content); most of the rest are omissions ("Obama: Families
// Of Gun Violence Victims Don't Care About Politics, Just Change.") and two race tallies
// ("Bush: Survive to S.C.").
const HEADLINE = /^(\p{Lu}[\p{L}.'\u2019-]*(?: \p{Lu}[\p{L}.'\u2019-]*){0,2}): (\S[^\n]*)$/u;
const HEADLINE_LABELS = new Set(["poll", "revealed", "bombshell", "wow", "look", "watch", "just leaked", "update", "correction", "exclusive", "breaking", "video", "photos", "paid notice", "delegate update", "report", "analysis", "opinion", "editorial", "live", "recap", "contributing"]);

// A list of names after a label, as sports reports write a team ("Subs: Marshall, Henchoz, Juninho
// Paulista, Lambert.", "Booked: Fowler, Sibierski.", "Replacements: Everitt for Mapletoft (53), ...")
// or a result ("Result: Nadal 6-7 (6/8) 6-2 7-6 (8/6) 6-2 Roddick"): no quotation mark, and every
// word a capitalised one (or the next label), an initial, a score or a minute, or a particle of a
// name or a substitution, and none a capitalised word of a headline ("If", "The", "Says"); brackets
// ("(Edinburgh Rugby)", "(captain, Glasgow Rugby)") left out.
const LIST_WORD = /^(?:\p{Lu}[\p{L}.'\u2019-]*:?|\(?[\d/-]+\)?|for|van|der|den|de|da|di|del|dos|du|von|le|la|y)$/u;
const SCORE = /\d-\d/;
// Words that capitalised make a title-case headline, not a name ("Wash Post Fact-Check: If Obama Says It, It’s True").
const HEADLINE_WORD = /^(?:A|An|And|Are|As|At|Be|But|By|Can|Do|For|From|Has|Have|He|Her|His|How|I|If|In|Is|It|It['\u2019]s|Its|No|Not|Of|On|Or|Says|She|So|That|The|They|This|To|Was|We|Were|What|Who|Why|Will|With|You)$/;

/**
 * Whether the text after "<label>:" is a list of names or a result ("Subs: Marshall, Henchoz, ...",
 * "Result: Nadal 6-7 6-2 Roddick"), which no one said: two items or more of at most five words
 * (a bracketed club or minute after one too), or one with a score. The learned model reads such
 * lines as attributions with the cue ":" too.
 */
export function isNameList(text: string): boolean {
  const line = text.split(/\.\s+(?=\p{Lu})/u)[0]!.replace(/\.$/, "");
  if (/["\u201C\u201D\u2018\u2019]|''/.test(line.replace(/(?<=\p{L})['\u2019](?=\p{L})/gu, ""))) return false;
  const items = line.replace(/\([^)]*\)?|\)/g, " ").split(/[,;] /);
  return (
    (items.length >= 2 || SCORE.test(line)) &&
    items.every((item) => {
      const words = item.trim().split(/\s+/).filter(Boolean);
      return words.length >= 1 && words.length <= (items.length >= 2 ? 5 : 12) && words.every((w) => LIST_WORD.test(w) && !HEADLINE_WORD.test(w));
    })
  );
}

/**
 * Is a transcript line's text talk rather than a headline ("BOOM: Trump Just Fired A 5-Word
 * Missile")? Four words or more, most of them (the first aside) in lower case, and no figure first.
 */
function isTalk(text: string): boolean {
  if (wordCount(text) < 4 || /^[\s"\u201C\u201D]*[\p{N}$]/u.test(text)) return false;
  const words = text.match(/[\p{L}][\p{L}'\u2019-]*/gu) ?? [];
  const capitalised = words.slice(1).filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised * 2 < words.length - 1;
}

/**
 * Attributions written by layout, which PolNeAR annotates (dev: 10 transcript lines and 24 signed
 * comments in two articles) but the learned model misses, as they are rare in its training
 * articles: a transcript line (`WALLACE: Do you really see those two as equivalent?`: source
 * "WALLACE", cue ":", content the rest of the line) and a signed comment (`“...” ― Francisco
 * Herrero`: source the name, cue the dash, content the quotation from the start of its line), and
 * a headline that names its speaker (`Lynch: No outside influence on FBI probe`, when nothing else
 * in the paragraph is laid out so).
 *
 * @example layoutQuotes('"WALLACE: Do you really see those two as equivalent?')[0].source.text // "WALLACE"
 */
export function layoutQuotes(text: string): LayoutQuote[] {
  const found: LayoutQuote[] = [];
  for (const m of text.matchAll(TRANSCRIPT)) {
    const [whole, speaker, said] = m as unknown as [string, string, string];
    if (LABELS.has(speaker) || !isTalk(said)) continue;
    const sourceStart = m.index! + whole.indexOf(speaker);
    const colon = sourceStart + speaker.length;
    const contentStart = m.index! + whole.length - said.length;
    let contentEnd = m.index! + whole.length;
    while (contentEnd > contentStart && /\s/.test(text[contentEnd - 1]!)) contentEnd--;
    found.push({ source: span(text, sourceStart, colon), cue: span(text, colon, colon + 1), content: span(text, contentStart, contentEnd) });
  }
  // Each signed quotation runs from the end of the previous signature (or the line start) to its mark.
  let after = 0;
  for (const m of text.matchAll(SIGNED)) {
    const [whole, mark, dash, name] = m as unknown as [string, string, string, string];
    const closeEnd = m.index! + mark.length;
    let contentStart = Math.max(after, text.lastIndexOf("\n", m.index! - 1) + 1);
    after = m.index! + whole.length;
    while (/\s/.test(text[contentStart] ?? "")) contentStart++;
    if (!WHOLE_QUOTATION.test(text.slice(contentStart, closeEnd))) continue;
    const dashStart = m.index! + whole.indexOf(dash, mark.length);
    const nameStart = m.index! + whole.indexOf(name, dashStart - m.index! + dash.length);
    found.push({ content: span(text, contentStart, closeEnd), cue: span(text, dashStart, dashStart + dash.length), source: span(text, nameStart, nameStart + name.length) });
  }
  const headline = HEADLINE.exec(text);
  if (headline && found.length === 0) {
    const [, speaker, said] = headline as unknown as [string, string, string];
    const lead = speaker.split(" ")[0]!;
    if (speaker !== speaker.toUpperCase() && lead !== "The" && !HEADLINE_LABELS.has(speaker.toLowerCase()) && !isNameList(said) && wordCount(said) >= 4 && !/[.!?]["”’]?\s+\p{Lu}/u.test(said)) {
      const colon = speaker.length;
      let contentEnd = text.length;
      while (contentEnd > 0 && /[\s.]/.test(text[contentEnd - 1]!)) contentEnd--;
      found.push({ source: span(text, 0, colon), cue: span(text, colon, colon + 1), content: span(text, colon + 2, contentEnd) });
    }
  }
  return found.sort((a, b) => a.content.start - b.content.start);
}

/**
 * A sentence that opens with the poll it reports: "In" (the cue), the poll's noun phrase (the
 * source, up to its comma) and the result (the content, to the sentence's end). The head word must
 * be poll(s) or survey(s), with no clause before it ("In eight of nine states where exit polls
 * were conducted" is no poll's result).
 */
const POLL_WORD = String.raw`\b(?:[Pp]olls?|[Ss]urveys?)\b`;
const POLL = new RegExp(POLL_WORD);
const POLL_OPENING = new RegExp(String.raw`^In ((?:[^,.;:!?\s]+ ){0,12}?${POLL_WORD}[^,;:!?]{0,80}?), ([\s\S]+?)[.!?]?["'\u201D\u2019]?$`, "u");
const NO_POLL_HEAD = /\b(?:where|when|as|which|that|who|whose|were|was|is|are|had|have|has)\b/;

/**
 * Poll results written as an attribution of the poll ("In an NBC News/Wall Street Journal poll
 * released Monday, 50 percent of respondents chose Clinton"), which PolNeAR annotates with the cue
 * "In": 16 of the 22 sentences of its training articles that open so (the rest: a memo "released
 * as polls closed", a result with its own cue, "In the polls, anyway."). The learned tagger missed
 * most of them: "in" is a cue nowhere else. A paragraph that names no poll is not split into sentences.
 */
export function pollQuotes(text: string): LayoutQuote[] {
  const found: LayoutQuote[] = [];
  if (!POLL.test(text)) return found;
  for (const s of splitSentences(text)) {
    const m = POLL_OPENING.exec(text.slice(s.start, s.end));
    if (!m) continue;
    const [, poll, result] = m as unknown as [string, string, string];
    const head = poll.slice(0, POLL.exec(poll)!.index);
    if (NO_POLL_HEAD.test(head) || wordCount(result) < 3) continue;
    const sourceStart = s.start + 3;
    const contentStart = sourceStart + poll.length + 2;
    found.push({ cue: span(text, s.start, s.start + 2), source: span(text, sourceStart, sourceStart + poll.length), content: span(text, contentStart, contentStart + result.length) });
  }
  return found;
}
