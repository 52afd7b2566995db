// The entity tagger on the project's news check sets, annotated with the CoNLL-2003 types: `node
// dist/scripts/ner-web.js [--model PATH] [--errors]`. Web set A (annotations/web-ner-a.json, 68
// paragraphs: the first long paragraph of each English page of the saved web pages' article bodies,
// mostly 2019 news and features from many sites) may be read for errors; web set B (web-ner-b.json,
// 66 paragraphs: the next one), news set C (news-ner-c.json, 44 paragraphs of PolNeAR's dev
// articles: 2016 US political news) and web set D (web-ner-d.json, 64 paragraphs: the first of 150
// characters or more after set B's on each of its pages) are only ever scored, so that they stay
// unseen. Each page or article is tagged paragraph by paragraph and reconciled as production does;
// the annotated paragraphs are scored by exact character span and type; "web" pools the three web
// sets (about 900 mentions). A measurement: nothing is chosen on it.
import { parseArgs } from "node:util";
import { loadNerModel } from "@newsflow/nlp/node";
import { createEntityTagger } from "@newsflow/nlp/train";
import { documentModel } from "../ner/production-eval.js";
import { evaluateWebNews, readNewsCheckSets } from "../ner/web-news.js";

const { values } = parseArgs({
  options: {
    model: { type: "string" },
    errors: { type: "boolean", default: false },
  },
});
const model = loadNerModel(values.model);
const tagger = createEntityTagger(model);
const f = (s: { f1: number; precision: number; recall: number; perType: Record<string, { f1: number }> }) =>
  `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(4)} (${Object.entries(s.perType)
    .map(([t, x]) => `${t} ${x.f1.toFixed(3)}`)
    .join(", ")})`;
const out: Record<string, unknown> = {};
const sets = readNewsCheckSets();
const web = sets.filter((s) => s.set !== "c");
const pooled = { set: "web", annotations: web.flatMap((s) => s.annotations), bodies: web[0]!.bodies };
for (const { set, annotations, bodies } of [...sets, pooled]) {
  const result = evaluateWebNews(bodies, annotations, tagger, documentModel(model));
  if (values.errors && set === "a") {
    for (const e of result.errors) process.stdout.write(`${e.page.slice(0, 8)}  missed [${e.missed.join(", ")}]  wrong [${e.wrong.join(", ")}]\n`);
  }
  process.stderr.write(
    `set ${set}: ${result.paragraphCount} paragraphs, ${result.goldMentions} gold mentions\n  production ${f(result.production)}\n  paragraphs ${f(result.paragraphs)}\n`,
  );
  const { production, paragraphs, paragraphCount, goldMentions } = result;
  out[set] = { production, paragraphs, paragraphCount, goldMentions };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
