// Silver training sentences for the entity tagger (an experiment: packages/nlp/EXPERIMENTS.md,
// "Silver sentences"): `node dist/scripts/ner-silver.js --out FILE [--model PATH]
// [--min-confidence 0.9]` tags PolNeAR's training articles and the BBC
// articles as production does (paragraph by paragraph, reconciled per article) and writes, in
// CoNLL column format, the sentences it is sure of: at least one mention, every mention at or
// above the confidence, on token edges, and no capitalised word inside the sentence left out of a
// mention (a name it may have missed). Neither PolNeAR's dev articles (news set C) nor the web
// pages (web sets A, B and D) are read, so that the check sets stay unseen.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { EntityMention } from "@newsflow/contracts";
import { normalizeText, splitParagraphs } from "@newsflow/nlp";
import { loadNerModel } from "@newsflow/nlp/node";
import { createEntityTagger, ENTITY_TYPES, reconcileEntities, type Token, tokenizeSentences } from "@newsflow/nlp/train";
import { documentModel } from "../ner/production-eval.js";
import { readPolnear } from "../quotes/polnear.js";
import { requireSharedData } from "../shared-data.js";
import { readSummaryArticles } from "../summaries/articles.js";

const { values } = parseArgs({
  options: {
    out: { type: "string" },
    model: { type: "string" },
    "min-confidence": { type: "string", default: "0.9" },
  },
});
if (!values.out) {
  process.stderr.write("ner-silver: --out FILE is required\n");
  process.exit(2);
}
const minConfidence = Number(values["min-confidence"]);
const model = loadNerModel(values.model);
const tagger = createEntityTagger(model);
const reconcile = documentModel(model);

const articles = [
  ...readPolnear(requireSharedData("quotes", "polnear", "train.jsonl")),
  ...readSummaryArticles(requireSharedData("summaries", "bbc", "articles.jsonl")),
].map((a) => a.text);

// Capitalised words that CoNLL leaves out of names: days, months, "I", honorifics.
const NOT_NAMES = new Set(
  "I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Mr Mrs Ms Dr".split(" "),
);
const TYPES = new Set<string>(ENTITY_TYPES);

/** The sentence's IOB1 tags from the mentions, or null when the sentence is not sure enough. */
function silverTags(tokens: readonly Token[], mentions: readonly EntityMention[]): string[] | null {
  const first = tokens[0]!.start;
  const last = tokens[tokens.length - 1]!.end;
  const inside = mentions.filter((m) => TYPES.has(m.type) && m.start < last && m.end > first);
  if (inside.length === 0 || tokens.length < 5 || tokens.length > 60) return null;
  const tags = tokens.map(() => "O");
  let prevType = "";
  let prevEnd = -1;
  for (const m of inside.sort((a, b) => a.start - b.start)) {
    if (m.confidence < minConfidence) return null;
    const s = tokens.findIndex((t) => t.start === m.start);
    const e = tokens.findIndex((t) => t.end === m.end);
    if (s < 0 || e < s) return null;
    for (let k = s; k <= e; k++) tags[k] = `I-${m.type}`;
    if (prevType === m.type && prevEnd === s - 1) tags[s] = `B-${m.type}`;
    prevType = m.type;
    prevEnd = e;
  }
  for (let k = 1; k < tokens.length; k++) {
    const w = tokens[k]!.text;
    if (tags[k] === "O" && /^\p{Lu}/u.test(w) && !NOT_NAMES.has(w.replace(/\.$/, ""))) return null;
  }
  // A sentence in capitals or title case says little about names.
  if (tokens.filter((t) => /^\p{Lu}/u.test(t.text)).length * 2 > tokens.length) return null;
  return tags;
}

const lines: string[] = [];
let kept = 0;
let seen = 0;
for (const article of articles) {
  const { paragraphs } = splitParagraphs(normalizeText(article));
  const tagged = paragraphs.map((p) => ({ text: p.text, mentions: tagger.tag(p.text).mentions }));
  const reconciled = reconcileEntities(tagged, reconcile);
  const doc: string[] = [];
  tagged.forEach((p, i) => {
    for (const tokens of tokenizeSentences(p.text)) {
      seen++;
      const tags = silverTags(tokens, reconciled[i]!);
      if (!tags) continue;
      kept++;
      for (let k = 0; k < tokens.length; k++) doc.push(`${tokens[k]!.text} X X ${tags[k]}`);
      doc.push("");
    }
  });
  if (doc.length > 0) lines.push("-DOCSTART- -X- -X- O", "", ...doc);
}
writeFileSync(values.out, `${lines.join("\n")}\n`);
process.stderr.write(`ner-silver: ${kept} of ${seen} sentences sure enough (confidence >= ${minConfidence}); wrote ${values.out}\n`);
