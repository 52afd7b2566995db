import { loadEntityTagger } from "@newsflow/nlp/node";
import { openTestDeployment, putTestDocument, testJob } from "@newsflow/queue/testing";
import { describe, expect, it } from "vitest";
import { createEntitiesProcessor } from "./create-processor.js";

// Loaded once while the file is collected, outside the test's timeout: reading the 8 MB model took
// over the 5 s default when the machine was busy, and the test timed out without anything wrong.
const tagger = loadEntityTagger();

describe("the entities worker", () => {
  it("tags the paragraphs of its slice and leaves the others alone", async () => {
    const d = await openTestDeployment(process.env);
    try {
      const texts = ["Nothing here.", "Prime Minister Haider al-Abadi said Iraqi forces took Al-Qaim.", "Not in the slice: Paris."];
      await putTestDocument(d, "doc-1", texts);
      const { job, log } = testJob();
      await createEntitiesProcessor(d, tagger).process({ docId: "doc-1", first: 1, count: 1 }, job, log);
      const [outside, tagged, after] = await d.store.getParagraphResults("doc-1", "entities", [0, 1, 2]);
      expect(outside).toBeNull();
      expect(after).toBeNull();
      expect(tagged).toEqual(tagger.tag(texts[1]!));
      expect(tagged!.mentions.length).toBeGreaterThan(0);
    } finally {
      await d.close();
    }
  });
});
