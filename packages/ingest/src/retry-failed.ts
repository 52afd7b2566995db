import { type TaskName, TaskName as TaskNameSchema } from "@newsflow/contracts";
import { DOCUMENT_JOB_OPTIONS, PARAGRAPH_JOB_OPTIONS, type QueueSet } from "@newsflow/queue";
import type { Store } from "@newsflow/store";
import type { FlowJob, FlowProducer } from "bullmq";

/** What `retryFailed` re-enqueued. */
export interface RetryCounts {
  documents: number;
  paragraphTasks: number;
}

/**
 * Re-enqueue the paragraph tasks of a run that failed for good: for each document with failures,
 * the failure records are cleared (undoing their counts), the old failed jobs removed, and a new
 * flow added whose parent re-assembles the document result once the retried tasks are done.
 */
export async function retryFailed(deps: { store: Store; flow: FlowProducer; queues: QueueSet }, runId: string, now = Date.now()): Promise<RetryCounts> {
  const counts: RetryCounts = { documents: 0, paragraphTasks: 0 };
  const page = 200;
  for (let offset = 0; ; offset += page) {
    const { documents } = await deps.store.listRunDocuments(runId, offset, page);
    if (documents.length === 0) break;
    for (const doc of documents) {
      const failures = Object.keys(await deps.store.getParagraphFailures(doc.id));
      if (failures.length === 0) continue;
      if (counts.documents === 0) await deps.store.reopenRun(runId);
      const paragraphs = await deps.store.getParagraphs(doc.id, 0, doc.paragraphCount);
      const children: FlowJob[] = [];
      for (const key of failures) {
        const [task, indexText] = key.split(":") as [TaskName, string];
        const index = Number(indexText);
        const paragraph = paragraphs[index];
        if (!TaskNameSchema.safeParse(task).success || !paragraph) continue;
        const jobId = `${doc.id}-${index}`;
        await deps.queues[task].remove(jobId);
        await deps.store.clearParagraphFailure(doc.id, task, index);
        children.push({ name: task, queueName: task, data: { runId, docId: doc.id, index, text: paragraph.text }, opts: { ...PARAGRAPH_JOB_OPTIONS, jobId } });
      }
      if (children.length === 0) continue;
      await deps.flow.add({
        name: "document",
        queueName: "document",
        data: { runId, docId: doc.id, paragraphCount: doc.paragraphCount, enqueuedAt: now },
        opts: { ...DOCUMENT_JOB_OPTIONS, jobId: `${doc.id}-retry-${now}` },
        children,
      });
      counts.documents++;
      counts.paragraphTasks += children.length;
    }
  }
  return counts;
}
