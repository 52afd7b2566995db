// The speakers the document step gives the sources it finds, for reading a change to
// `resolveQuotes`: `node dist/scripts/quote-speakers.js --out FILE [--compare OLD] [--show N]
// [--class C] [--data FILE] [--gold FILE]` runs the pipeline of `eval quotes` (entities tagged and
// reconciled, quotes extracted, speakers resolved) over the BBC articles
// (../shared/data/summaries/bbc/articles.jsonl) and PolNeAR's dev articles, or with `--data` over a
// PolNeAR-format file (keys then start with its name, "train:"), and writes every attribution with
// a source in its paragraph to FILE (JSON: key, resolution, speaker, speakerEntityId, source, the
// text before the source). A key is the article's, the paragraph's index and the offsets of the cue
// (or, with none, the source) and the content in it ("train:ID@3:120:131"), so an attribution keeps
// its key when the extractor finds one more or one fewer elsewhere in the article. `--compare OLD`, a file an earlier build wrote, prints how many
// speakers changed, by class (the source's own words now an entity named in it, "linked"; an
// entity now the source's words, "unlinked"; another entity, "moved"), and N of the changed cases
// (of one class with `--class`), evenly spaced in key order, with their context, for judging by
// hand. `--gold FILE` (annotations/speakers-train.json: 60 attributions of PolNeAR's training
// articles, drawn evenly from those whose speaker resolution decides or changed, labelled by hand
// with the entity that speaks or null for one the article does not name) scores the speakers: a
// labelled speaker is right when the predicted speaker is an entity whose name shares a word with
// the label, a null one when the predicted speaker is no entity.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { documentEntities, extractQuotes, normalizeText, resolveQuotes, splitParagraphs } from "@newsflow/nlp";
import { loadEntityDocumentModel, loadEntityTagger, loadGivenNames, loadQuoteModel } from "@newsflow/nlp/node";
import { readPolnear } from "../quotes/polnear.js";
import { requireSharedData } from "../shared-data.js";

const { values } = parseArgs({
  options: {
    out: { type: "string" },
    compare: { type: "string" },
    show: { type: "string", default: "40" },
    class: { type: "string" },
    data: { type: "string" },
    gold: { type: "string" },
  },
});
if (!values.out) throw new Error("usage: quote-speakers.js --out FILE [--compare OLD] [--show N] [--class linked|unlinked|moved] [--data FILE] [--gold FILE]");

interface Resolved {
  key: string;
  resolution: string;
  speaker: string | null;
  speakerEntityId: string | null;
  source: string;
  context: string;
}

const polnear = (file: string, name: string) => readPolnear(file).map((a) => ({ key: `${name}:${a.id}`, text: a.text }));
const articles = values.data
  ? polnear(values.data, basename(values.data).replace(/\..*$/, ""))
  : [
      ...readFileSync(requireSharedData("summaries", "bbc", "articles.jsonl"), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { id: string; text: string })
        .map((a) => ({ key: `bbc:${a.id}`, text: a.text })),
      ...polnear(requireSharedData("quotes", "polnear", "dev.jsonl"), "dev"),
    ];

const tagger = loadEntityTagger();
const quoteModel = loadQuoteModel();
const entityModel = loadEntityDocumentModel();
const givenNames = loadGivenNames();
const resolved: Resolved[] = [];
for (const article of articles) {
  const { paragraphs } = splitParagraphs(normalizeText(article.text), { detectTitle: false });
  const { canonical } = documentEntities(paragraphs, paragraphs.map((p) => tagger.tag(p.text)), entityModel);
  const quotes = resolveQuotes(paragraphs.map((p) => ({ index: p.index, text: p.text, quotes: extractQuotes(p.text, quoteModel) })), canonical, { givenNames });
  for (const q of quotes) {
    if (!q.source) continue;
    const before = paragraphs[q.paragraphIndex - 1]?.text ?? "";
    const own = paragraphs[q.paragraphIndex]!.text.slice(0, q.source.end + 30);
    resolved.push({ key: `${article.key}@${q.paragraphIndex}:${(q.cue ?? q.source).start}:${q.content.start}`, resolution: q.resolution, speaker: q.speaker, speakerEntityId: q.speakerEntityId, source: q.source.text, context: `${before} || ${own}`.slice(-500) });
  }
}
writeFileSync(values.out, JSON.stringify(resolved));

/** "named 13850, pronoun 4217": how many of `items` fall in each class, in the order met. */
const tally = <T>(items: readonly T[], classOf: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = classOf(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).join(", ");
};
console.log(`quote-speakers: ${resolved.length} attributions with a source (${tally(resolved, (r) => r.resolution)}), written to ${values.out}`);

if (values.compare) {
  const old = new Map((JSON.parse(readFileSync(values.compare, "utf8")) as Resolved[]).map((r) => [r.key, r]));
  const classOf = (r: Resolved, was: Resolved) => (was.speaker === r.source ? "linked" : r.speaker === r.source ? "unlinked" : "moved");
  const changed = resolved.filter((r) => old.has(r.key) && old.get(r.key)!.speaker !== r.speaker).sort((a, b) => (a.key < b.key ? -1 : 1));
  console.log(`quote-speakers: ${changed.length} of ${resolved.length} speakers differ from ${values.compare} (${tally(changed, (r) => classOf(r, old.get(r.key)!))})`);
  const shown = values.class ? changed.filter((r) => classOf(r, old.get(r.key)!) === values.class) : changed;
  const n = Math.min(Number(values.show), shown.length);
  for (let k = 0; k < n; k++) {
    const r = shown[Math.floor((k * shown.length) / n)]!;
    console.log(`--- ${k + 1} ${r.key} | ${r.source}: was ${old.get(r.key)!.speaker}, now ${r.speaker}\n    ${r.context.replace(/\n/g, " ")}`);
  }
}

if (values.gold) {
  const byKey = new Map(resolved.map((r) => [r.key, r]));
  const words = (name: string) => new Set(name.toLowerCase().split(/[\s.]+/).filter((w) => w.length >= 3));
  const gold = JSON.parse(readFileSync(values.gold, "utf8")) as Array<{ key: string; speaker: string | null }>;
  const wrong = gold.filter(({ key, speaker }) => {
    const r = byKey.get(key);
    if (!r) return true;
    if (speaker === null) return r.speakerEntityId !== null;
    return r.speakerEntityId === null || ![...words(r.speaker ?? "")].some((w) => words(speaker).has(w));
  });
  console.log(`quote-speakers: ${gold.length - wrong.length} of ${gold.length} speakers right against ${values.gold}`);
  for (const { key, speaker } of wrong) console.log(`  wrong: ${key} | gold ${speaker} | predicted ${byKey.get(key)?.speaker ?? "(no attribution)"}`);
}
