#!/usr/bin/env node
import { loadEntityTagger } from "@newsflow/nlp/node";
import { runMain, startWorkerApp } from "@newsflow/queue";
import { createEntitiesProcessor } from "./create-processor.js";
import { parseEnv } from "./env.js";

await runMain("worker-entities", () => startWorkerApp("entities", parseEnv(), (deployment) => createEntitiesProcessor(deployment, loadEntityTagger())));
