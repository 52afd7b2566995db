// The speakers the document step gives the sources it finds, for reading a change to
// `resolveQuotes`: `node dist/scripts/quote-speakers.js --out FILE [--compare OLD] [--show N]`
// runs the pipeline of `eval quotes` (entities tagged and reconciled, quotes extracted, speakers
// resolved) over the BBC articles (../shared/data/summaries/bbc/articles.jsonl) and PolNeAR's dev
// articles, and writes every attribution with a source in its paragraph to FILE (JSON: key,
// resolution, speaker, source, the text before the source). `--compare OLD`, a file an earlier
// build wrote, prints how many speakers changed, by class (the source's own words now an entity
// named in it, "linked"; an entity now the source's words, "unlinked"; another entity, "moved"),
// and N of the changed cases (of one class with `--class`), evenly spaced in key order, with their
// context, for judging by hand. No gold speakers exist for these texts: a
// reading tool, not a score.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { documentEntities, extractQuotes, normalizeText, resolveQuotes, splitParagraphs } from "@newsflow/nlp";
import { loadEntityDocumentModel, loadEntityTagger, loadGivenNames, loadQuoteModel } from "@newsflow/nlp/node";
import { readPolnear } from "../quotes/polnear.js";
import { requireSharedData } from "../shared-data.js";

const { values } = parseArgs({
  options: { out: { type: "string" }, compare: { type: "string" }, show: { type: "string", default: "40" }, class: { type: "string" } },
});
if (!values.out) throw new Error("usage: quote-speakers.js --out FILE [--compare OLD] [--show N] [--class linked|unlinked|moved]");

interface Resolved {
  key: string;
  resolution: string;
  speaker: string | null;
  source: string;
  context: string;
}

const bbc = readFileSync(requireSharedData("summaries", "bbc", "articles.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { id: string; text: string })
  .map((a) => ({ key: `bbc:${a.id}`, text: a.text }));
const dev = readPolnear(requireSharedData("quotes", "polnear", "dev.jsonl")).map((a) => ({ key: `dev:${a.id}`, text: a.text }));

const tagger = loadEntityTagger();
const quoteModel = loadQuoteModel();
const entityModel = loadEntityDocumentModel();
const givenNames = loadGivenNames();
const resolved: Resolved[] = [];
for (const article of [...bbc, ...dev]) {
  const { paragraphs } = splitParagraphs(normalizeText(article.text), { detectTitle: false });
  const { canonical } = documentEntities(paragraphs, paragraphs.map((p) => tagger.tag(p.text)), entityModel);
  const quotes = resolveQuotes(paragraphs.map((p) => ({ index: p.index, text: p.text, quotes: extractQuotes(p.text, quoteModel) })), canonical, { givenNames });
  for (const [i, q] of quotes.entries()) {
    if (!q.source) continue;
    const before = paragraphs[q.paragraphIndex - 1]?.text ?? "";
    const own = paragraphs[q.paragraphIndex]!.text.slice(0, q.source.end + 30);
    resolved.push({ key: `${article.key}#${i}`, resolution: q.resolution, speaker: q.speaker, source: q.source.text, context: `${before} || ${own}`.slice(-500) });
  }
}
writeFileSync(values.out, JSON.stringify(resolved));
const counts = new Map<string, number>();
for (const r of resolved) counts.set(r.resolution, (counts.get(r.resolution) ?? 0) + 1);
console.log(`quote-speakers: ${resolved.length} attributions with a source (${[...counts].map(([k, n]) => `${k} ${n}`).join(", ")}), written to ${values.out}`);

if (values.compare) {
  const old = new Map((JSON.parse(readFileSync(values.compare, "utf8")) as Resolved[]).map((r) => [r.key, r]));
  const classOf = (r: Resolved, was: Resolved) => (was.speaker === r.source ? "linked" : r.speaker === r.source ? "unlinked" : "moved");
  const changed = resolved.filter((r) => old.has(r.key) && old.get(r.key)!.speaker !== r.speaker).sort((a, b) => (a.key < b.key ? -1 : 1));
  const byClass = new Map<string, number>();
  for (const r of changed) byClass.set(classOf(r, old.get(r.key)!), (byClass.get(classOf(r, old.get(r.key)!)) ?? 0) + 1);
  console.log(`quote-speakers: ${changed.length} of ${resolved.length} speakers differ from ${values.compare} (${[...byClass].map(([k, n]) => `${k} ${n}`).join(", ")})`);
  const shown = values.class ? changed.filter((r) => classOf(r, old.get(r.key)!) === values.class) : changed;
  const n = Math.min(Number(values.show), shown.length);
  for (let k = 0; k < n; k++) {
    const r = shown[Math.floor((k * shown.length) / n)]!;
    console.log(`--- ${k + 1} ${r.key} | ${r.source}: was ${old.get(r.key)!.speaker}, now ${r.speaker}\n    ${r.context.replace(/\n/g, " ")}`);
  }
}
