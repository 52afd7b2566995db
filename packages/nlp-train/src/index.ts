export { type PRF, prf } from "./metrics.js";
export { REPO_ROOT, requireSharedData, SHARED_DATA, sharedDataPath } from "./shared-data.js";
