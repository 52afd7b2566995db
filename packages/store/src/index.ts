export { createKeys, type Keys } from "./keys.js";
export { createStore, type DocumentListing, type EntityEntry, type Rejection, type RunRecord, type Store, type TaskProgress } from "./create-store.js";
