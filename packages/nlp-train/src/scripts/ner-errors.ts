// Production-path NER errors on a CoNLL file, for reading: `node dist/scripts/ner-errors.js
// [--data FILE] [--model PATH]` prints the three scores on stderr and one line per sentence
// with a missed or wrong mention on stdout. With --mentions it prints instead every paragraph's
// mentions, as the worker gave them and as reconciled, one JSON line each: two versions of the
// code that give the same bytes there tag the same (the check behind a speed change).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadNerModel } from "@newsflow/nlp/node";
import { createEntityTagger } from "@newsflow/nlp/train";
import { parseConll } from "../ner/conll.js";
import { evaluateProductionPath, formatNerError } from "../ner/production-eval.js";
import { sharedDataPath } from "../shared-data.js";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: sharedDataPath("ner", "conll2003", "dev.txt") },
    model: { type: "string" },
    mentions: { type: "boolean", default: false },
  },
});
const model = loadNerModel(values.model);
const result = evaluateProductionPath(parseConll(readFileSync(values.data, "utf8")), createEntityTagger(model), model, 1);
const f = (s: { f1: number; perType: Record<string, { f1: number }> }) =>
  `${s.f1.toFixed(4)} (${Object.entries(s.perType)
    .map(([t, x]) => `${t} ${x.f1.toFixed(3)}`)
    .join(", ")})`;
process.stderr.write(`production ${f(result.production)}\nparagraphs ${f(result.paragraphs)}\ntoken column ${f(result.tokenColumn)}\n`);
if (values.mentions) {
  const { raw, reconciled } = result.mentions;
  for (let i = 0; i < raw.length; i++) process.stdout.write(`${JSON.stringify({ raw: raw[i], reconciled: reconciled[i] })}\n`);
} else {
  for (const e of result.errors) process.stdout.write(formatNerError(e));
}
