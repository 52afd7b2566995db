import { TASKS } from "@newsflow/contracts";
import type { Store } from "@newsflow/store";
import { expect } from "vitest";

/**
 * Assert that every document of a run has every paragraph's three results (schema-valid: the
 * store parses them) and its document result with nothing missing, and that the run's counts
 * are exact: each paragraph task counted once, none twice.
 */
export async function expectRunComplete(store: Store, runId: string, documents: number, paragraphs: number): Promise<void> {
  const run = await store.getRun(runId);
  expect(run).toMatchObject({ status: "completed", documents, paragraphs, docsDone: documents });
  for (const t of TASKS) expect(run!.tasks[t]).toEqual({ done: paragraphs, failed: 0 });
  let seen = 0;
  for (let offset = 0; offset < documents; offset += 100) {
    const { documents: docs } = await store.listRunDocuments(runId, offset, 100);
    for (const doc of docs) {
      const indexes = Array.from({ length: doc.paragraphCount }, (_, i) => i);
      for (const t of TASKS) {
        const results = await store.getParagraphResults(doc.id, t, indexes);
        expect(results.filter((r) => r === null)).toHaveLength(0);
      }
      const result = await store.getDocumentResult(doc.id);
      expect(result?.missing).toEqual([]);
      seen += doc.paragraphCount;
    }
  }
  expect(seen).toBe(paragraphs);
}
