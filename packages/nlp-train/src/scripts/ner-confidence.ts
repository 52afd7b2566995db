// How far an entity mention's confidence can be trusted: `node dist/scripts/ner-confidence.js
// [--model PATH]` tags CoNLL-2003 dev and the news check sets on the production path (paragraph by
// paragraph, then reconciled) and prints, per confidence band, how many mentions there are and the
// share that are gold mentions (span and type): dev, the web sets pooled (A, B, D) and news set C.
// The reader marks mentions under 0.6 uncertain from dev's figures. The last line is JSON.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadNerModel } from "@newsflow/nlp/node";
import { createEntityTagger } from "@newsflow/nlp/train";
import { parseConll } from "../ner/conll.js";
import { documentModel, evaluateProductionPath } from "../ner/production-eval.js";
import { evaluateWebNews, readNewsCheckSets } from "../ner/web-news.js";
import { sharedDataPath } from "../shared-data.js";

const { values } = parseArgs({ options: { model: { type: "string" } } });
const model = loadNerModel(values.model);
const tagger = createEntityTagger(model);

/** Lower bounds of the confidence bands. */
const BANDS = [0, 0.6, 0.7, 0.8, 0.9];
type Scored = ReadonlyArray<{ confidence: number; right: boolean }>;
const bands = (scored: Scored) =>
  BANDS.map((from, i) => {
    const to = BANDS[i + 1] ?? 1.01;
    const part = scored.filter((s) => s.confidence >= from && s.confidence < to);
    return { from, mentions: part.length, right: part.length ? part.filter((s) => s.right).length / part.length : 0 };
  });

const dev = evaluateProductionPath(parseConll(readFileSync(sharedDataPath("ner", "conll2003", "dev.txt"), "utf8")), tagger, model, 1);
const sets = readNewsCheckSets();
const web = sets.filter((s) => s.set !== "c");
const scoredOf = (s: (typeof sets)[number]) => evaluateWebNews(s.bodies, s.annotations, tagger, documentModel(model)).confidences;
const out = {
  dev: bands(dev.confidences),
  web: bands(web.flatMap(scoredOf)),
  c: bands(sets.filter((s) => s.set === "c").flatMap(scoredOf)),
};
for (const [name, rows] of Object.entries(out)) {
  process.stderr.write(`${name}: ${rows.map((r) => `>= ${r.from}: ${r.mentions} mentions, ${r.right.toFixed(3)} right`).join("; ")}\n`);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
