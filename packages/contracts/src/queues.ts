import { z } from "zod";
import { EntitiesResult } from "./entities.js";
import { DocumentJob, ParagraphJob } from "./jobs.js";
import { QuotesResult } from "./quotes.js";
import { ParagraphSummary } from "./summaries.js";

/** The three per-paragraph tasks. */
export const TaskName = z.enum(["summarize", "entities", "quotes"]);
export type TaskName = z.infer<typeof TaskName>;
export const TASKS: readonly TaskName[] = TaskName.options;

/**
 * The queue catalog: every queue with the schema of its payload and of its result. Producers
 * validate before enqueueing and workers validate again when they take a job.
 */
export const QUEUES = {
  summarize: { name: "summarize", payload: ParagraphJob, result: ParagraphSummary },
  entities: { name: "entities", payload: ParagraphJob, result: EntitiesResult },
  quotes: { name: "quotes", payload: ParagraphJob, result: QuotesResult },
  document: { name: "document", payload: DocumentJob, result: z.object({ docId: z.string() }) },
} as const;
export type QueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

/** Result type of a task queue. */
export type TaskResult<T extends TaskName> = z.infer<(typeof QUEUES)[T]["result"]>;
