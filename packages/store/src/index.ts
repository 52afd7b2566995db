export {
  createStore,
  type DeleteRunCounts,
  DeploymentMismatchError,
  type DocumentListing,
  type EntityEntry,
  type ParagraphFailure,
  type PutDocumentOutcome,
  type ReindexCounts,
  type Rejection,
  RunDeletingError,
  type RunRecord,
  type Store,
  type TaskProgress,
} from "./create-store.js";
export { createKeys, type Keys, type KeyTemplate, keyPatterns } from "./keys.js";
export { CLUSTER_SLOTS, crc16, partitionOf, partitionTags, slotOf } from "./partitions.js";
export { countOf, REJECTIONS_LISTED, type RunView, readDocument, readRejections, STALLED_AFTER_MS, viewRun } from "./read-models.js";
