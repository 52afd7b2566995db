#!/usr/bin/env node
import { extractQuotes } from "@newsflow/nlp";
import { loadQuoteModel } from "@newsflow/nlp/node";
import { startWorkerApp } from "@newsflow/queue";
import { createStore } from "@newsflow/store";
import { createQuotesProcessor } from "./create-processor.js";

// The model is read once per process and shared by every job.
const model = loadQuoteModel();
await startWorkerApp("quotes", (redis, prefix) => createQuotesProcessor(createStore(redis, prefix), (text) => extractQuotes(text, model)));
