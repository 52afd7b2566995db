import { parseEnvWith, WorkerEnv } from "@newsflow/queue";

/** This worker's environment (see .env.example), parsed once by main.ts. */
export const parseEnv = (source: Record<string, string | undefined> = process.env): WorkerEnv => parseEnvWith(WorkerEnv, source);
