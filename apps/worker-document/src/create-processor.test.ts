import { loadEntityDocumentModel, loadEntityTagger, loadSummaryWeights } from "@newsflow/nlp/node";
import { openTestDeployment, putTestDocument, testJob } from "@newsflow/queue/testing";
import { describe, expect, it } from "vitest";
import { createDocumentProcessor } from "./create-processor.js";

// The models are loaded once while the file is collected, outside the tests' timeouts: reading the
// 8 MB entity model inside a test took over the 5 s default when the machine was busy.
const weights = loadSummaryWeights();
const tagger = loadEntityTagger();
const documentModel = loadEntityDocumentModel();

const sentence = (text: string) => ({ sentences: [{ start: 0, end: text.length, text, score: 1 }], summary: [], short: text, keyPhrases: [] });

describe("the document worker", () => {
  it("assembles and stores the document result, completing its run", async () => {
    const d = await openTestDeployment(process.env);
    try {
      const texts = ["Croft said the border is closed.", "Nothing else here."];
      await putTestDocument(d, "doc-1", texts);
      await d.store.putParagraphResults("doc-1", "summarize", texts.map((t, i) => [i, sentence(t)]));
      await d.store.putParagraphResults("doc-1", "entities", [[0, { mentions: [{ text: "Croft", type: "PER", start: 0, end: 5, confidence: 0.9 }] }], [1, { mentions: [] }]]);
      await d.store.putParagraphResults("doc-1", "quotes", [[0, { quotes: [] }], [1, { quotes: [] }]]);
      const { job, log } = testJob();
      await createDocumentProcessor(d.store, { weights }).process({ docId: "doc-1" }, job, log);
      const result = await d.store.getDocumentResult("doc-1");
      expect(result!.entities.map((e) => e.name)).toEqual(["Croft"]);
      expect(await d.store.getRun("run-doc-1")).toMatchObject({ status: "completed", docsDone: 1 });
      expect((await d.store.topEntities({ runId: "run-doc-1" })).entities.map((e) => e.name)).toEqual(["Croft"]);
    } finally {
      await d.close();
    }
  });

  it("types the document's names with the entity model's context typer, and stores the mentions so reconciled", async () => {
    const d = await openTestDeployment(process.env);
    try {
      // The tagger takes the unknown company for a person in each paragraph; the typer reads it from all three.
      const texts = [
        "Romanian listed state engineer Varnel said it almost doubled six-month output, with net profit rising by 33 percent.",
        "Varnel's six-month output rose to 4,378 tonnes of equipment, the company report to the Bucharest stock exchange showed.",
        "Varnel, based in the central town of Bistrita, manufactures water purification equipment.",
      ];
      await putTestDocument(d, "doc-3", texts);
      await d.store.putParagraphResults("doc-3", "summarize", texts.map((t, i) => [i, sentence(t)]));
      await d.store.putParagraphResults("doc-3", "entities", texts.map((t, i) => [i, tagger.tag(t)]));
      await d.store.putParagraphResults("doc-3", "quotes", texts.map((_, i) => [i, { quotes: [] }]));
      const { job, log } = testJob();
      await createDocumentProcessor(d.store, { weights }, documentModel).process({ docId: "doc-3" }, job, log);
      const result = await d.store.getDocumentResult("doc-3");
      expect(result!.entities.filter((e) => e.name === "Varnel").map((e) => e.type)).toEqual(["ORG"]);
      const stored = await d.store.getEntities("doc-3", [0, 1, 2]);
      expect(stored.map((r) => r!.mentions.find((m) => m.text === "Varnel")?.type)).toEqual(["ORG", "ORG", "ORG"]);
    } finally {
      await d.close();
    }
  });

  it("records a document whose step failed for good, so its run completes", async () => {
    const d = await openTestDeployment(process.env);
    try {
      await putTestDocument(d, "doc-2", ["Alone."]);
      const { job } = testJob();
      await createDocumentProcessor(d.store, { weights }).onFinalFailure!({ docId: "doc-2" }, job, new Error("assembly failed"));
      expect(await d.store.getRun("run-doc-2")).toMatchObject({ status: "completed", docsFailed: 1 });
      expect(await d.store.getDocumentFailure("doc-2")).toBe("assembly failed");
    } finally {
      await d.close();
    }
  });
});
