#!/usr/bin/env node
import { startWorkerApp } from "@newsflow/queue";
import { createStore } from "@newsflow/store";
import { createDocumentProcessor } from "./create-processor.js";

await startWorkerApp("document", (redis, prefix) => createDocumentProcessor(createStore(redis, prefix)));
