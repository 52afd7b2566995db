import { openTestDeployment, putTestDocument, testJob } from "@newsflow/queue/testing";
import { describe, expect, it } from "vitest";
import { createQuotesProcessor } from "./create-processor.js";

describe("the quotes worker", () => {
  it("keeps the results of the good paragraphs and fails the job on a paragraph the extractor cannot take", async () => {
    const d = await openTestDeployment(process.env);
    try {
      await putTestDocument(d, "doc-1", ["fine", "BROKEN", "fine too"]);
      const extract = (text: string) => {
        if (text === "BROKEN") throw new Error("cannot parse");
        return { quotes: [] };
      };
      const { job, log } = testJob(3);
      const setup = createQuotesProcessor(d, extract);
      const payload = { docId: "doc-1", first: 0, count: 3 };
      const err = (await setup.process(payload, job, log).catch((e: unknown) => e)) as Error;
      expect(err.message).toMatch(/quotes failed on 1 paragraph\(s\), first 1: cannot parse/);
      expect(await d.store.getParagraphResults("doc-1", "quotes", [0, 1, 2])).toEqual([{ quotes: [] }, null, { quotes: [] }]);
      // Its last attempt: the failure is recorded for that paragraph only.
      await setup.onFinalFailure!(payload, job, err);
      expect(await d.store.getParagraphFailures("doc-1")).toEqual({ "quotes:1": { reason: "cannot parse", attempts: 1 } });
      expect((await d.store.getRun("run-doc-1"))!.tasks.quotes).toEqual({ done: 2, failed: 1 });
    } finally {
      await d.close();
    }
  });
});
