import { summarizeParagraph } from "@newsflow/nlp";
import { openTestDeployment, putTestDocument, testJob } from "@newsflow/queue/testing";
import { describe, expect, it } from "vitest";
import { createSummarizeProcessor } from "./create-processor.js";

describe("the summarize worker", () => {
  it("summarises every paragraph of its slice into the store", async () => {
    const d = await openTestDeployment(process.env);
    try {
      await putTestDocument(d, "doc-1", ["The council met on Monday. It agreed the budget.", "Schools reopen next week."]);
      const { job, log } = testJob();
      await createSummarizeProcessor(d, summarizeParagraph).process({ docId: "doc-1", first: 0, count: 2 }, job, log);
      const [a, b] = await d.store.getParagraphResults("doc-1", "summarize", [0, 1]);
      expect(a!.sentences.map((s) => s.text)).toEqual(["The council met on Monday.", "It agreed the budget."]);
      expect(b!.short).toContain("Schools reopen");
      expect((await d.store.getRun("run-doc-1"))!.tasks.summarize).toEqual({ done: 2, failed: 0 });
    } finally {
      await d.close();
    }
  });
});
