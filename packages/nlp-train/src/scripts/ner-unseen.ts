// Dev F1 split by names seen and unseen in CoNLL train, and what the split says about held-out
// text: `node dist/scripts/ner-unseen.js [--model PATH] [--data FILE] [--old-predictions FILE]`.
// The issue measured its model (commit 5acbf54, dev 0.926 on the token column) at 0.871 on
// held-out 2003-style test data and 0.779 on recent news, token column. The unseen share at which
// that model's own dev split gives those figures is where this model's split is read off. Last
// line: JSON.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadNerModel } from "@newsflow/nlp/node";
import { createEntityTagger } from "@newsflow/nlp/train";
import { prf } from "../metrics.js";
import { parseConll, type SpanCounts, spansFromTags, type TypedSpan } from "../ner/conll.js";
import { evaluateProductionPath } from "../ner/production-eval.js";
import { countBySeen, mentionNames, mixtureF1, type SeenCounts, unseenShareFor } from "../ner/unseen-names.js";
import { sharedDataPath } from "../shared-data.js";

/**
 * The issue's model on dev, token column, split as `countBySeen` splits it. Measured from that
 * model's dev predictions (`--old-predictions` recomputes it): check out commit 5acbf54 in a
 * worktree, build its packages/nlp, and write `tagTokenSentences(loadNerModel(), sentences)` of
 * every dev document as one JSON array of `{start, end, type}` arrays, one per sentence.
 */
const ISSUE_MODEL: SeenCounts = { seen: { gold: 4042, predicted: 4087, correct: 3974 }, unseen: { gold: 1900, predicted: 1881, correct: 1542 } };
const ISSUE_HELD_OUT = { test2003: 0.871, recentNews: 0.779 };

const { values } = parseArgs({
  options: {
    data: { type: "string", default: sharedDataPath("ner", "conll2003", "dev.txt") },
    train: { type: "string", default: sharedDataPath("ner", "conll2003", "train.txt") },
    model: { type: "string" },
    "old-predictions": { type: "string" },
  },
});
const seen = mentionNames(parseConll(readFileSync(values.train, "utf8")));
const dev = parseConll(readFileSync(values.data, "utf8"));
const sentences = dev.flatMap((d) => d.sentences);
const words = sentences.map((s) => s.tokens);
const gold = sentences.map((s) => spansFromTags(s.tags));
const old = values["old-predictions"]
  ? countBySeen(words, gold, JSON.parse(readFileSync(values["old-predictions"], "utf8")) as TypedSpan[][], seen)
  : ISSUE_MODEL;
const model = loadNerModel(values.model);
const result = evaluateProductionPath(dev, createEntityTagger(model), model, 1);
const production = countBySeen(words, gold, result.spans.production, seen);

const share = (c: SeenCounts) => c.unseen.gold / (c.seen.gold + c.unseen.gold);
const side = (x: SpanCounts) => {
  const { precision, recall } = prf(x.correct, x.predicted, x.correct, x.gold);
  return `P ${precision.toFixed(3)} R ${recall.toFixed(3)} (${x.gold} gold)`;
};
const line = (name: string, c: SeenCounts) =>
  `${name}: seen ${side(c.seen)}, unseen ${side(c.unseen)}; unseen F1 ${mixtureF1(c, 1).toFixed(4)}, dev F1 ${mixtureF1(c, share(c)).toFixed(4)}`;
process.stderr.write(`${line("issue's model, token column", old)}\n${line("this model, production path", production)}\n`);
const estimates = Object.fromEntries(
  Object.entries(ISSUE_HELD_OUT).map(([name, f1]) => {
    const u = unseenShareFor(old, f1);
    const estimate = mixtureF1(production, u);
    process.stderr.write(
      `${name}: the issue's model scored ${f1}; its dev split gives that at an unseen share of ${u.toFixed(3)}` +
        `${u === 1 ? " (no share does: it scored below its own F1 on unseen dev names, so this text is harder than new names alone make it)" : ""}` +
        `; this model there: ${estimate.toFixed(4)}\n`,
    );
    return [name, { issueModel: f1, unseenShare: Number(u.toFixed(4)), estimate: Number(estimate.toFixed(4)) }];
  }),
);
process.stdout.write(`${JSON.stringify({ devUnseenShare: Number(share(production).toFixed(4)), issueModel: old, production, estimates })}\n`);
