// The entity figures through the real pipeline, read the way the held-out figures are
// (each sentence a paragraph, tokens joined by spaces, `newsflow run` then `export`, spans compared
// exactly, sentence i = paragraphs[i]):
//   node dist/scripts/ner-pipeline.js write --out DIR [--data FILE]    one .txt per document
//   npm run -s newsflow -- start DIR --exit && npm run -s newsflow -- export RUN > FILE   (RUN: the id start prints)
//   node dist/scripts/ner-pipeline.js score --export FILE [--data FILE]
// Documents are written as doc-NNNN.txt in data order; `score` finds each line's document by that
// name in its `source`. The last line is JSON.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseConll } from "../ner/conll.js";
import { documentText, type ExportedDocument, scoreExport } from "../ner/pipeline-export.js";
import { sharedDataPath } from "../shared-data.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: "string", default: sharedDataPath("ner", "conll2003", "dev.txt") },
    out: { type: "string" },
    export: { type: "string" },
  },
});
const docs = parseConll(readFileSync(values.data, "utf8"));
const name = (d: number) => `doc-${String(d).padStart(4, "0")}.txt`;
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};

if (positionals[0] === "write") {
  const out = values.out ?? fail("write needs --out DIR");
  mkdirSync(out, { recursive: true });
  docs.forEach((doc, d) => {
    writeFileSync(join(out, name(d)), documentText(doc));
  });
  process.stderr.write(`${docs.length} documents written to ${out}\n`);
} else if (positionals[0] === "score") {
  const file = values.export ?? fail("score needs --export FILE");
  const exported: Array<ExportedDocument | undefined> = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const doc = JSON.parse(line) as ExportedDocument & { source?: string };
    const m = /doc-(\d+)\.txt$/.exec(doc.source ?? "");
    if (m) exported[Number(m[1])] = doc;
  }
  const found = exported.filter(Boolean).length;
  const { scores, sentences, misaligned } = scoreExport(docs, exported);
  const perType = Object.fromEntries(Object.entries(scores.perType).map(([t, s]) => [t, Number(s.f1.toFixed(4))]));
  process.stderr.write(`${found} of ${docs.length} documents exported; ${misaligned} of ${sentences} sentences not at their paragraph\n`);
  process.stdout.write(`${JSON.stringify({ f1: scores.f1, precision: scores.precision, recall: scores.recall, perType, documents: found, sentences, misaligned })}\n`);
} else {
  fail("usage: ner-pipeline.js write --out DIR | score --export FILE [--data FILE]");
}
