import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "@newsflow/cli/processes";
import { watchRun } from "@newsflow/cli/watch-run";
import { EntitiesResult, ParagraphSummary, QuotesResult, TASKS } from "@newsflow/contracts";
import { createProducer } from "@newsflow/ingest";
import { readDocument } from "@newsflow/store";
import { createServer } from "@newsflow/viewer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPipeline, type TestPipeline } from "../support/pipeline.js";

const SEEDS = join(REPO_ROOT, "seeds");
const SEED_ARTICLE = join(SEEDS, "000_190e8402774f0ae3.txt");

describe("the pipeline on a real Redis with real worker processes", () => {
  let p: TestPipeline;
  beforeAll(async () => {
    p = await startPipeline();
  });
  afterAll(async () => {
    await p?.stop();
  });

  it("gives every paragraph of the seed article its three results and assembles the document result", async () => {
    const producer = createProducer(p.ctx);
    const counts = await producer.run({ runId: "seed-run", inputs: [SEED_ARTICLE] });
    expect(counts).toMatchObject({ documents: 1, rejected: 0 });
    const run = await watchRun(p.ctx.store, "seed-run", { quiet: true });
    expect(run.status).toBe("completed");
    expect(run.docsDone).toBe(1);

    const { documents } = await p.ctx.store.listRunDocuments("seed-run");
    const doc = documents[0]!;
    expect(doc.title).toBe("Drone Shows Islamic State Fighters Flee Al-Qaim City");
    const paragraphs = await p.ctx.store.getParagraphs(doc.id);
    expect(paragraphs.length).toBe(counts.paragraphs);
    expect(paragraphs.length).toBeGreaterThanOrEqual(10);
    const text = readFileSync(SEED_ARTICLE, "utf8");
    for (const para of paragraphs) expect(text.slice(para.start, para.end).replace(/\s+/g, " ")).toBe(para.text);

    const indexes = paragraphs.map((x) => x.index);
    const [summaries, entities, quotes] = await Promise.all([
      p.ctx.store.getParagraphResults(doc.id, "summarize", indexes),
      p.ctx.store.getParagraphResults(doc.id, "entities", indexes),
      p.ctx.store.getParagraphResults(doc.id, "quotes", indexes),
    ]);
    for (const s of summaries) expect(ParagraphSummary.parse(s).sentences.length).toBeGreaterThan(0);
    for (const e of entities) EntitiesResult.parse(e);
    for (const q of quotes) QuotesResult.parse(q);
    for (const t of TASKS) expect(run.tasks[t]).toEqual({ done: paragraphs.length, failed: 0 });

    const result = await p.ctx.store.getDocumentResult(doc.id);
    expect(result).not.toBeNull();
    expect(result!.missing).toEqual([]);
    expect(result!.summary.sentences.length).toBeGreaterThan(0);
    expect(result!.entities.map((e) => e.name)).toContain("Haider al-Abadi");
    expect(result!.quotes.some((q) => q.content.text.includes("Albu Kamal is liberated"))).toBe(true);
  });

  it("serves the seed run, the reader data and the entity index from the viewer's JSON API", async () => {
    const app = createServer(p.ctx);
    const get = async (path: string) => {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      // biome-ignore lint/suspicious/noExplicitAny: response shapes are checked by the assertions below
      return (await res.json()) as Record<string, any>;
    };
    const runs = await get("/api/runs");
    expect(runs.runs.map((r: { id: string }) => r.id)).toContain("seed-run");
    const run = await get("/api/runs/seed-run");
    expect(run.run.progress).toBe(1);
    const docId = run.documents.documents[0].id as string;
    const doc = await get(`/api/documents/${docId}`);
    expect(doc.paragraphs.every((x: Record<string, unknown>) => x.summary && x.entities && x.quotes)).toBe(true);
    // The reader shows the mentions as the document step reconciled them over the whole article.
    const mentions = doc.paragraphs.flatMap((x: { entities: { mentions: Array<{ text: string; type: string }> } }) => x.entities.mentions.map((m) => `${m.text}/${m.type}`));
    expect(mentions).toContain("Abu Bakr al-Baghdadi/PER");
    expect(mentions).toContain("Hezbollah/ORG");
    for (const m of ["Islamic State/ORG", "Daesh/ORG", "KC-10 Extender/MISC", "A-10 Thunderbolt-2/MISC"]) expect(mentions).toContain(m);
    expect(mentions).not.toContain("Abu Bakr/PER");
    // ... and the quotes with their speakers and cues, the reported one included ("unconfirmed
    // reports suggested that ..."), and the closing quotation given its speaker from context.
    const attributions = doc.result.quotes.map((q: { speaker: string | null; cue: { text: string } | null }) => `${q.speaker} | ${q.cue?.text ?? ""}`);
    expect(attributions).toEqual([
      "Syrian state television | declared",
      "state TV | announced",
      "unconfirmed reports | suggested",
      "USA Today | According to",
      "Croft | said",
      "Croft | ",
    ]);
    expect(doc.result.entities.length).toBeGreaterThan(0);
    // The names of one alias group that the NER model mined are one canonical entity.
    expect(doc.result.entities).toContainEqual(expect.objectContaining({ name: "Islamic State", type: "ORG", aliases: expect.arrayContaining(["ISIS", "Daesh"]) }));
    // ... and so are two spellings of one place.
    expect(doc.result.entities).toContainEqual(expect.objectContaining({ name: "Albu Kamal", type: "LOC", aliases: ["Al-Bukamal"] }));
    const found = await get("/api/entities?q=abadi");
    expect(found.entities).toContainEqual(expect.objectContaining({ name: "Haider al-Abadi", type: "PER" }));
    const entity = await get(`/api/entities/${found.entities[0].id}`);
    expect(entity.documents.documents).toEqual([{ docId, mentions: expect.any(Number) }]);
    const health = await get("/api/health");
    expect(health.redis.ok).toBe(true);
    expect(health.queues.map((q: { name: string }) => q.name)).toEqual(["summarize", "entities", "quotes", "document"]);
    expect((await app.request("/api/documents/nope")).status).toBe(404);
  });

  it("gives back sentence i as paragraphs[i], verbatim, when a document is sent one sentence a paragraph", async () => {
    // How entity taggers are scored through the real pipeline (CoNLL-style text, tokens joined by
    // spaces, `run` then `export`): a results line's rank, a lone colon and a row of dashes must
    // neither shift the paragraphs nor the mention offsets in them.
    const sentences = [
      "ATHLETICS - RESULTS FROM THE BRUSSELS GRAND PRIX .",
      "Results of the women 's 100 metres hurdles :",
      "1. Michelle Freeman ( Jamaica ) 12.71 seconds",
      ":",
      "2. Ludmila Engquist ( Sweden ) 12.74",
      "- - - -",
      "Freeman won in Brussels on Friday .",
    ];
    const dir = mkdtempSync(join(tmpdir(), "newsflow-sentences-"));
    const file = join(dir, "results.txt");
    writeFileSync(file, `${sentences.join("\n\n")}\n`);
    try {
      const counts = await createProducer(p.ctx).run({ runId: "sentence-run", inputs: [file] });
      expect(counts).toMatchObject({ documents: 1, rejected: 0, paragraphs: sentences.length });
      expect((await watchRun(p.ctx.store, "sentence-run", { quiet: true })).status).toBe("completed");
      const { documents } = await p.ctx.store.listRunDocuments("sentence-run");
      const doc = await readDocument(p.ctx.store, documents[0]!.id, 0, sentences.length);
      expect(doc!.paragraphs.map((x) => x.text)).toEqual(sentences);
      const mentions = doc!.paragraphs.map((x) => x.entities!.mentions);
      doc!.paragraphs.forEach((x, i) => {
        for (const m of mentions[i]!) expect(x.text.slice(m.start, m.end)).toBe(m.text);
      });
      expect(mentions[2]).toContainEqual(expect.objectContaining({ text: "Michelle Freeman", type: "PER", start: 3, end: 19 }));
      expect(mentions[4]).toContainEqual(expect.objectContaining({ text: "Sweden", type: "LOC", start: 22, end: 28 }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("does not repeat the work when the same document is submitted again", async () => {
    const producer = createProducer(p.ctx);
    const again = await producer.run({ runId: "seed-run-again", inputs: [SEED_ARTICLE] });
    expect(again).toMatchObject({ documents: 1, enqueued: 0, alreadyKnown: 1 });
    const run = await watchRun(p.ctx.store, "seed-run-again", { quiet: true });
    expect(run.docsDone).toBe(1);
    for (const t of TASKS) expect(run.tasks[t].done).toBe(run.paragraphs);
    const waiting = await Promise.all(TASKS.map((t) => p.ctx.queues[0]![t].getJobCounts("waiting", "active", "delayed")));
    for (const c of waiting) expect(c).toEqual({ waiting: 0, active: 0, delayed: 0 });
  });

  it("fails a malformed job at once, without retries", async () => {
    const job = await p.ctx.queues[0]!.summarize.add("summarize", { docId: "not:valid", index: -1 }, { attempts: 5, backoff: { type: "fixed", delay: 10 } });
    for (let i = 0; i < 100 && !(await job.isFailed()); i++) await new Promise((r) => setTimeout(r, 50));
    const failed = await p.ctx.queues[0]!.summarize.getJob(job.id!);
    expect(await failed!.isFailed()).toBe(true);
    expect(failed!.attemptsMade).toBe(1);
    expect(failed!.failedReason).toMatch(/invalid summarize payload/);
  });

  it("processes every supported format in seeds/ and names what it rejects", async () => {
    const rejected: string[] = [];
    const producer = createProducer(p.ctx);
    const counts = await producer.run({ runId: "all-seeds", inputs: [SEEDS], onRejected: (s, r) => rejected.push(`${s}: ${r}`) });
    expect(rejected).toEqual([]);
    expect(counts.documents).toBeGreaterThanOrEqual(5);
    const run = await watchRun(p.ctx.store, "all-seeds", { quiet: true });
    expect(run.docsDone).toBe(run.documents);
  });
});
