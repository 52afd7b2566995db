// Did a change to @newsflow/nlp cost speed? `node dist/scripts/speed-ab.js --old DIR [--task
// quotes|ner|both] [--pairs N] [--data FILE]` imports two builds into this one process: the old one
// from DIR (a copy of an earlier packages/nlp/dist) and the workspace's current @newsflow/nlp. Each
// build loads the shipped models with its own loader and runs what `eval quotes` times (`quotes`:
// extractQuotes per paragraph, as worker-quotes, then resolveQuotes per article, as the document
// step, with the article's canonical entities settled once beforehand by the current build) or what
// worker-entities does per paragraph (`ner`: the tagger's tag) over the articles of a PolNeAR-format
// file (dev by default), split as `eval quotes` splits them. After
// a warm-up (two passes of each), N pairs of passes (20 by default) alternate which build goes first. The host's speed
// drifts 2-3x over minutes, so the figure to trust is the median over the pairs of the ratio new/old
// within each pair, per CPU second (process.cpuUsage, user + system) and by the wall clock.
// DIR must sit directly in packages/nlp (e.g. packages/nlp/dist-old, ignored by git): the old build
// reads the models from DIR/../models and finds @newsflow/contracts through packages/nlp/node_modules.
// Prints a line per pair on stderr, and per task the figures as one JSON line on stdout, with the
// count of paragraphs whose output (their resolved quotes, or their mentions) differs between the
// builds (not a failure: a speed change may change output too, but then say so).
import { existsSync, realpathSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { ResolvedQuote } from "@newsflow/contracts";
import * as nlp from "@newsflow/nlp";
import * as nlpNode from "@newsflow/nlp/node";
import { type Build, type PassTime, runPairs, summarizePairs } from "../paired-speed.js";
import { readPolnear } from "../quotes/polnear.js";
import { requireSharedData } from "../shared-data.js";

const WARMUP_PASSES = 2;
const TASKS = ["quotes", "ner"] as const;
type Task = (typeof TASKS)[number];

const fail = (message: string): never => {
  process.stderr.write(`speed-ab: ${message}\n`);
  process.exit(2);
};

const { values } = parseArgs({
  options: {
    old: { type: "string" },
    task: { type: "string", default: "both" },
    pairs: { type: "string", default: "20" },
    data: { type: "string" },
  },
});
const oldDir = resolve(values.old ?? fail("--old DIR is needed: a copy of an earlier packages/nlp/dist, e.g. cp -r packages/nlp/dist packages/nlp/dist-old"));
const pairs = Number(values.pairs);
if (!Number.isInteger(pairs) || pairs < 1) fail(`--pairs must be a whole number of 1 or more, got ${values.pairs}`);
const tasks: readonly Task[] = values.task === "both" ? TASKS : TASKS.includes(values.task as Task) ? [values.task as Task] : fail(`--task must be quotes, ner or both, got ${values.task}`);

/** The parts of a build that the workers and the document step call, and the loaders of its models. */
interface NlpBuild {
  extractQuotes: typeof nlp.extractQuotes;
  resolveQuotes: typeof nlp.resolveQuotes;
  loadQuoteModel: typeof nlpNode.loadQuoteModel;
  loadEntityTagger: typeof nlpNode.loadEntityTagger;
  /** Absent from builds older than the given names (twenty-eighth session). */
  loadGivenNames?: typeof nlpNode.loadGivenNames;
}

// The old build's entries lie where the package's exports put the new build's, relative to its dist.
const newDist = dirname(fileURLToPath(import.meta.resolve("@newsflow/nlp")));
const entryOf = (specifier: string) => join(oldDir, relative(newDist, fileURLToPath(import.meta.resolve(specifier))));
if (!existsSync(entryOf("@newsflow/nlp")) || !existsSync(entryOf("@newsflow/nlp/node"))) fail(`${oldDir} is not a build of @newsflow/nlp (no ${entryOf("@newsflow/nlp")}); copy packages/nlp/dist there`);
if (realpathSync(oldDir) === realpathSync(newDist)) fail(`--old ${oldDir} is the current build itself; copy it before changing it`);
if (!existsSync(join(oldDir, "..", "models"))) fail(`no models beside ${oldDir}: put the old build directly in packages/nlp (e.g. packages/nlp/dist-old)`);

// Outside the workspace the old build's own imports (@newsflow/contracts) do not resolve: say so in one line.
const importOld = <T>(specifier: string): Promise<Partial<T>> =>
  import(pathToFileURL(entryOf(specifier)).href).catch((e: unknown) =>
    fail(`cannot import the old build's ${entryOf(specifier)} (${e instanceof Error ? e.message.split("\n")[0] : String(e)}); put it directly in packages/nlp`),
  );
const oldIndex = await importOld<typeof nlp>("@newsflow/nlp");
const oldNode = await importOld<typeof nlpNode>("@newsflow/nlp/node");
const builds: Record<Build, NlpBuild> = {
  old: {
    extractQuotes: oldIndex.extractQuotes ?? fail("the old build has no extractQuotes"),
    resolveQuotes: oldIndex.resolveQuotes ?? fail("the old build has no resolveQuotes"),
    loadQuoteModel: oldNode.loadQuoteModel ?? fail("the old build has no loadQuoteModel"),
    loadEntityTagger: oldNode.loadEntityTagger ?? fail("the old build has no loadEntityTagger"),
    ...(oldNode.loadGivenNames ? { loadGivenNames: oldNode.loadGivenNames } : {}),
  },
  new: { extractQuotes: nlp.extractQuotes, resolveQuotes: nlp.resolveQuotes, loadQuoteModel: nlpNode.loadQuoteModel, loadEntityTagger: nlpNode.loadEntityTagger, loadGivenNames: nlpNode.loadGivenNames },
};

// The articles' paragraphs as the producer hands them to the workers (normalised, no title), split
// once by the new build, with the canonical entities the document step would give their speakers
// (settled once by the new build: not timed, the same input for both builds).
const dataPath = values.data ?? requireSharedData("quotes", "polnear", "dev.jsonl");
if (!existsSync(dataPath)) fail(`no such file: ${dataPath}`);
// Only the quotes task needs the entities (`--task ner` skips tagging every paragraph here).
const entities = tasks.includes("quotes") ? { tagger: nlpNode.loadEntityTagger(), model: nlpNode.loadEntityDocumentModel() } : null;
const articles = readPolnear(dataPath).map((a) => {
  const { paragraphs } = nlp.splitParagraphs(nlp.normalizeText(a.text), { detectTitle: false });
  const canonical = entities
    ? nlp.documentEntities(
        paragraphs,
        paragraphs.map((p) => entities.tagger.tag(p.text)),
        entities.model,
      ).canonical
    : [];
  return { paragraphs, canonical };
});
const texts = articles.flatMap((a) => a.paragraphs.map((p) => p.text));

/**
 * `task`'s work on one article with `build`'s own models, loaded once: what is timed. `outputs`
 * splits what it returned into each paragraph's output, for the comparison only (not timed).
 */
function workOf(task: Task, build: NlpBuild): (article: (typeof articles)[number]) => unknown[] {
  if (task === "quotes") {
    const model = build.loadQuoteModel();
    const options = build.loadGivenNames ? { givenNames: build.loadGivenNames() } : {};
    return ({ paragraphs, canonical }) =>
      build.resolveQuotes(
        paragraphs.map((p) => ({ index: p.index, text: p.text, quotes: build.extractQuotes(p.text, model) })),
        canonical,
        options,
      );
  }
  const tagger = build.loadEntityTagger();
  return ({ paragraphs }) => paragraphs.map((p) => tagger.tag(p.text));
}

/** Each paragraph's output from what `task`'s work returned for `article`: its resolved quotes, or its mentions. */
function outputs(task: Task, article: (typeof articles)[number], returned: unknown[]): unknown[] {
  if (task === "ner") return returned;
  const resolved = returned as ResolvedQuote[];
  return article.paragraphs.map((p) => resolved.filter((q) => q.paragraphIndex === p.index));
}

function timePass(work: (article: (typeof articles)[number]) => unknown): PassTime {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const article of articles) work(article);
  const wallSeconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { units: texts.length, wallSeconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const rate = (t: { wall: number; cpu: number }) => `${Math.round(t.wall)}/s wall, ${Math.round(t.cpu)}/s CPU`;

for (const task of tasks) {
  const work = { old: workOf(task, builds.old), new: workOf(task, builds.new) };
  let differing = 0;
  for (const article of articles) {
    const [before, after] = [outputs(task, article, work.old(article)), outputs(task, article, work.new(article))];
    before.forEach((out, k) => {
      if (JSON.stringify(out) !== JSON.stringify(after[k])) differing++;
    });
  }
  const note = differing ? " (the change alters output: say so beside its speed)" : "";
  process.stderr.write(`speed-ab: ${task}: ${texts.length} paragraphs, ${differing} with different output from the two builds${note}\n`);
  const results = runPairs(pairs, WARMUP_PASSES, (build) => timePass(work[build]), (r) => {
    process.stderr.write(`speed-ab: ${task} pair ${r.pair} (${r.first} first): old ${rate(r.old)}; new ${rate(r.new)}; new/old ${r.ratioWall.toFixed(3)} wall, ${r.ratioCpu.toFixed(3)} CPU\n`);
  });
  const { pairs: count, ...f } = summarizePairs(results);
  process.stderr.write(
    `speed-ab: ${task} median new/old over ${count} pairs: ${f.medianRatioCpu.toFixed(3)} per CPU second (${f.minRatioCpu.toFixed(3)}-${f.maxRatioCpu.toFixed(3)}), ` +
      `${f.medianRatioWall.toFixed(3)} by the wall clock (${f.minRatioWall.toFixed(3)}-${f.maxRatioWall.toFixed(3)})\n`,
  );
  // Ratios to four places, throughputs (paragraphs per second) whole.
  const rounded = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, k.includes("Ratio") ? round(v, 4) : Math.round(v)]));
  process.stdout.write(`${JSON.stringify({ task, pairs: count, paragraphs: texts.length, differing, ...rounded })}\n`);
}
