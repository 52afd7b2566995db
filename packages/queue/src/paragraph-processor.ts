import type { TaskName, TaskResult } from "@newsflow/contracts";
import type { WorkerSetup } from "./worker-app.js";

/** Where a paragraph task writes its result and its final failure (the store satisfies this). */
export interface ParagraphSink {
  putParagraphResult<T extends TaskName>(docId: string, task: T, index: number, result: TaskResult<T>): Promise<void>;
  putParagraphFailure(docId: string, task: TaskName, index: number, reason: string, attempts: number): Promise<void>;
}

/**
 * The processor of a paragraph task queue: run `analyse` on the paragraph text and write the
 * result; when a job fails for good, record why, so the document result can say what is missing.
 */
export function createParagraphProcessor<T extends TaskName>(task: T, analyse: (text: string) => TaskResult<T>, sink: ParagraphSink): WorkerSetup<T> {
  return {
    process: async (p) => {
      await sink.putParagraphResult(p.docId, task, p.index, analyse(p.text));
      return null;
    },
    onFinalFailure: async (payload, job, err) => {
      if (payload) await sink.putParagraphFailure(payload.docId, task, payload.index, err.message, job.attemptsMade);
    },
  };
}
