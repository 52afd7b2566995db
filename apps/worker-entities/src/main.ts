#!/usr/bin/env node
import { loadEntityTagger } from "@newsflow/nlp/node";
import { startWorkerApp } from "@newsflow/queue";
import { createStore } from "@newsflow/store";
import { createEntitiesProcessor } from "./create-processor.js";

await startWorkerApp("entities", (redis, prefix) => createEntitiesProcessor(createStore(redis, prefix), loadEntityTagger()));
