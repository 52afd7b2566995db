// The wire-copy attribution "<clause>, <source> said|told ... <a few words>." on news that no quote
// rule was written on: `node dist/scripts/quote-trailing.js [--model PATH] [--show]` takes every
// sentence of the BBC articles (../shared/data/summaries/bbc, 2004-2005; unlabeled for quotes)
// that ends so (the source up to 50 characters, a cue of said, told, added, warned, announced,
// insisted, argued or claimed, then one to six words without "that" and the full stop), reads
// the clause before the comma as its content, and counts the sentences where `extractQuotes`
// gives an attribution with that cue word and a content of token F1 >= 0.5 with the clause. A
// silver check of one construction, not a score: the pattern also takes some sentences whose
// content follows the cue ("..., the prime minister said Thursday's report reinforced ..."),
// which no extraction matches. `--show` prints each sentence with what was extracted. `--all`
// instead reads every paragraph of the articles twice, with and without `contentBeforeTrailingCue`
// (`ExtractOptions.trailingContent`), and lists the attributions the rule adds and those it takes
// away (the same text in several articles counted once): what it does on news at large. With
// `--inverted` it does so for `sourceAfterTrailingCue` ("..., say researchers.";
// `ExtractOptions.invertedTrailing`) instead, with `--over-inner` for `trailingCuesOverInner`
// ("..., sources said." taking its whole clause over a cue inside it; `ExtractOptions.trailingOverInner`)
// and with `--parenthetical` for `contentAroundParenthesis` ("A, Mr. Clarke said, B.";
// `ExtractOptions.parenthetical`).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { extractQuotes, normalizeText, splitParagraphs } from "@newsflow/nlp";
import { loadQuoteModel } from "@newsflow/nlp/node";
import { requireSharedData } from "../shared-data.js";

const { values } = parseArgs({ options: { model: { type: "string" }, show: { type: "boolean", default: false }, all: { type: "boolean", default: false }, inverted: { type: "boolean", default: false }, "over-inner": { type: "boolean", default: false }, parenthetical: { type: "boolean", default: false } } });
/** Which rule `--all` reads the articles with and without: its flag and its `ExtractOptions` key. */
const RULES = [
  ["inverted", "invertedTrailing"],
  ["over-inner", "trailingOverInner"],
  ["parenthetical", "parenthetical"],
] as const;
const [flag, option] = RULES.find(([name]) => values[name]) ?? ["", "trailingContent"];
const model = loadQuoteModel(values.model);
const TRAILING =
  /^(?<content>.{15,}), (?<source>(?:the |a |an |its |his |her )?[A-Za-z][\w .'’-]{1,50}?) (?<cue>said|told|added|warned|announced|insisted|argued|claimed) (?:(?!that\b)[\w£$'’-]+ ?){1,6}\.$/;
const words = (s: string): string[] => s.toLowerCase().match(/\w+/g) ?? [];

function tokenF1(a: string[], b: string[]): number {
  const left = new Map<string, number>();
  for (const w of a) left.set(w, (left.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      shared++;
      left.set(w, n - 1);
    }
  }
  return shared === 0 ? 0 : (2 * shared) / (a.length + b.length);
}

const articles = readFileSync(requireSharedData("summaries", "bbc", "articles.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { text: string }).text);

if (values.all) {
  const shown = (text: string, on: boolean) =>
    extractQuotes(text, model, { [option]: on }).quotes.map((q) => `[${q.content.text} | ${q.source?.text ?? "-"} | ${q.cue?.text ?? "-"}]`);
  const added = new Set<string>();
  const removed = new Set<string>();
  for (const text of articles) {
    for (const p of splitParagraphs(normalizeText(text), { detectTitle: false }).paragraphs) {
      const [off, on] = [shown(p.text, false), shown(p.text, true)];
      for (const q of on) if (!off.includes(q)) added.add(`+ ${q} in: ${p.text}`);
      for (const q of off) if (!on.includes(q)) removed.add(`- ${q} in: ${p.text}`);
    }
  }
  for (const line of [...added, ...removed].sort()) process.stdout.write(`${line}\n`);
  process.stderr.write(`quote-trailing${flag ? ` --${flag}` : ""} --all: ${added.size} attributions added, ${removed.size} taken away, over ${articles.length} articles\n`);
  process.stdout.write(`${JSON.stringify({ articles: articles.length, added: added.size, removed: removed.size })}\n`);
  process.exit(0);
}

let sentences = 0;
let matched = 0;
for (const text of articles) {
  for (const paragraph of text.split(/\n+/)) {
    for (const sentence of paragraph.trim().split(/(?<=[.!?"”])\s+(?=[A-Z"“])/)) {
      const m = TRAILING.exec(sentence);
      if (!m?.groups || m.groups.content!.endsWith('"')) continue;
      sentences++;
      const gold = words(m.groups.content!);
      const quotes = extractQuotes(sentence, model).quotes;
      const hit = quotes.some((q) => q.cue !== null && words(q.cue.text).includes(m.groups!.cue!) && tokenF1(words(q.content.text), gold) >= 0.5);
      if (hit) matched++;
      if (values.show) {
        process.stdout.write(`${hit ? "+" : "-"} ${sentence}\n`);
        for (const q of quotes) process.stdout.write(`    [${q.content.text} | ${q.source?.text ?? "-"} | ${q.cue?.text ?? "-"}]\n`);
      }
    }
  }
}
process.stderr.write(`quote-trailing: ${matched} of ${sentences} sentences with the attribution found\n`);
process.stdout.write(`${JSON.stringify({ sentences, matched })}\n`);
