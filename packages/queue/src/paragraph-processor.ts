import type { TaskName, TaskResult } from "@newsflow/contracts";
import type { Store } from "@newsflow/store";
import type { Job } from "bullmq";
import type { WorkerSetup } from "./worker-app.js";

/** Some paragraphs of a job failed; the job fails (and is retried), the others' results are kept. */
export class ParagraphTaskError extends Error {
  constructor(
    task: TaskName,
    /** Why each failed paragraph failed, by paragraph index. */
    readonly reasons: Map<number, string>,
  ) {
    const [index, reason] = reasons.entries().next().value as [number, string];
    super(`${task} failed on ${reasons.size} paragraph(s), first ${index}: ${reason}`);
    this.name = "ParagraphTaskError";
  }
}

/**
 * The processor of a paragraph task queue. A job names a slice of a document's paragraphs; the
 * worker reads them from the store, runs `analyse` on each, and writes the results in one call
 * (each counted once). A paragraph that throws fails the job (BullMQ retries it; the results of
 * the others are already kept); on the last attempt its failure is recorded per paragraph, so
 * the document result can say what is missing. The write that completes the document enqueues
 * the document step.
 */
export function createParagraphProcessor<T extends TaskName>(
  task: T,
  analyse: (text: string) => TaskResult<T>,
  store: Store,
  enqueueDocumentStep: (docId: string) => Promise<void>,
): WorkerSetup<T> {
  return {
    process: async (p) => {
      const paragraphs = await store.getParagraphs(p.docId, p.first, p.count);
      if (paragraphs.length === 0) throw new Error(`paragraphs ${p.first}-${p.first + p.count - 1} of ${p.docId} are not in the store`);
      const results: Array<[number, TaskResult<T>]> = [];
      const reasons = new Map<number, string>();
      for (const paragraph of paragraphs) {
        try {
          results.push([paragraph.index, analyse(paragraph.text)]);
        } catch (err) {
          reasons.set(paragraph.index, err instanceof Error ? err.message : String(err));
        }
      }
      if (await store.putParagraphResults(p.docId, task, results)) await enqueueDocumentStep(p.docId);
      if (reasons.size > 0) throw new ParagraphTaskError(task, reasons);
      return null;
    },
    onFinalFailure: async (p, job: Job, err) => {
      const reasons = err instanceof ParagraphTaskError ? err.reasons : null;
      const failures: Array<[number, { reason: string; attempts: number }]> = [];
      for (let index = p.first; index < p.first + p.count; index++) {
        if (reasons && !reasons.has(index)) continue;
        failures.push([index, { reason: reasons?.get(index) ?? err.message, attempts: job.attemptsMade + 1 }]);
      }
      if (await store.putParagraphFailures(p.docId, task, failures)) await enqueueDocumentStep(p.docId);
    },
  };
}
