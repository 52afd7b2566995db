/**
 * Lua scripts for the updates that must be atomic. Every key they touch shares the deployment's
 * hash tag; keys built inside a script use the same prefix passed in ARGV[1].
 */

/**
 * Attach a document to a run. KEYS: docRuns, runDocs, run, docProgress, doc.
 * ARGV: prefix, runId, docId, order, paragraphCount.
 * Returns 1 when the document's paragraph work is already done or under way (no enqueue needed).
 */
export const ATTACH_DOCUMENT = `
local added = redis.call('SADD', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], 'NX', ARGV[4], ARGV[3])
local known = redis.call('HGET', KEYS[5], 'enqueuedAt')
if added == 1 then
  redis.call('HINCRBY', KEYS[3], 'documents', 1)
  redis.call('HINCRBY', KEYS[3], 'paragraphs', tonumber(ARGV[5]))
  local counts = redis.call('HGETALL', KEYS[4])
  for i = 1, #counts, 2 do
    local f = counts[i]
    if string.sub(f, 1, 2) == 'n:' then redis.call('HINCRBY', KEYS[3], 'done:' .. string.sub(f, 3), tonumber(counts[i + 1])) end
    if string.sub(f, 1, 2) == 'f:' then redis.call('HINCRBY', KEYS[3], 'failed:' .. string.sub(f, 3), tonumber(counts[i + 1])) end
  end
  if redis.call('HGET', KEYS[5], 'completedAt') then redis.call('HINCRBY', KEYS[3], 'docsDone', 1) end
end
if known then return 1 end
return 0
`;

/**
 * Record one paragraph task as done, once. KEYS: docProgress, docResults, docRuns.
 * ARGV: prefix, task, index, resultJson. Counts towards every run holding the document.
 */
export const PUT_PARAGRAPH_RESULT = `
redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
if redis.call('HSETNX', KEYS[1], ARGV[2] .. ':' .. ARGV[3], 1) == 1 then
  redis.call('HINCRBY', KEYS[1], 'n:' .. ARGV[2], 1)
  for _, runId in ipairs(redis.call('SMEMBERS', KEYS[3])) do
    redis.call('HINCRBY', ARGV[1] .. ':store:run:' .. runId, 'done:' .. ARGV[2], 1)
  end
  return 1
end
return 0
`;

/**
 * Record that a paragraph task failed for good, once. KEYS: docProgress, docFailures, docRuns.
 * ARGV: prefix, task, index, failureJson.
 */
export const PUT_PARAGRAPH_FAILURE = `
if redis.call('HGET', KEYS[1], ARGV[2] .. ':' .. ARGV[3]) then return 0 end
redis.call('HSET', KEYS[2], ARGV[2] .. ':' .. ARGV[3], ARGV[4])
if redis.call('HSETNX', KEYS[1], 'x:' .. ARGV[2] .. ':' .. ARGV[3], 1) == 1 then
  redis.call('HINCRBY', KEYS[1], 'f:' .. ARGV[2], 1)
  for _, runId in ipairs(redis.call('SMEMBERS', KEYS[3])) do
    redis.call('HINCRBY', ARGV[1] .. ':store:run:' .. runId, 'failed:' .. ARGV[2], 1)
  end
  return 1
end
return 0
`;

/**
 * Store the document result and, the first time only, count the document as done in every run
 * holding it, index its entities and speakers, and complete runs that are finished.
 * KEYS: docResult, doc, docRuns. ARGV: prefix, docId, resultJson, now, entitiesJson, speakersJson.
 * entitiesJson: [[id, name, type, mentions, words...]]; speakersJson: [[entityId, quotes]].
 */
export const COMPLETE_DOCUMENT = `
redis.call('SET', KEYS[1], ARGV[3])
local first = redis.call('HSETNX', KEYS[2], 'completedAt', ARGV[4]) == 1
local s = ARGV[1] .. ':store:'
local runs = redis.call('SMEMBERS', KEYS[3])
if first then
  for _, e in ipairs(cjson.decode(ARGV[5])) do
    local id, n = e[1], tonumber(e[4])
    redis.call('HSET', s .. 'entity:' .. id, 'id', id, 'name', e[2], 'type', e[3])
    redis.call('ZADD', s .. 'entity:' .. id .. ':docs', n, ARGV[2])
    redis.call('ZINCRBY', s .. 'entities', n, id)
    redis.call('ZINCRBY', s .. 'entities:type:' .. e[3], n, id)
    for i = 5, #e do redis.call('ZADD', s .. 'entities:names', 0, e[i] .. '\\0' .. id) end
    for _, runId in ipairs(runs) do redis.call('ZINCRBY', s .. 'run:' .. runId .. ':entities', n, id) end
  end
  for _, sp in ipairs(cjson.decode(ARGV[6])) do
    redis.call('ZADD', s .. 'entity:' .. sp[1] .. ':quotes', tonumber(sp[2]), ARGV[2])
  end
  for _, runId in ipairs(runs) do redis.call('HINCRBY', s .. 'run:' .. runId, 'docsDone', 1) end
end
-- A re-assembled document (after 'newsflow retry') completes its runs again.
for _, runId in ipairs(runs) do
  local run = s .. 'run:' .. runId
  local done = tonumber(redis.call('HGET', run, 'docsDone') or '0') + tonumber(redis.call('HGET', run, 'docsFailed') or '0')
  if redis.call('HGET', run, 'status') == 'running' and done >= tonumber(redis.call('HGET', run, 'documents') or '0') then
    redis.call('HSET', run, 'status', 'completed', 'finishedAt', ARGV[4])
  end
end
if first then return 1 end
return 0
`;

/**
 * Mark a run as fully enqueued; complete it at once if all its documents are already done.
 * KEYS: run. ARGV: now.
 */
export const FINISH_ENQUEUE = `
redis.call('HSET', KEYS[1], 'status', 'running', 'enqueuedAt', ARGV[1])
local done = tonumber(redis.call('HGET', KEYS[1], 'docsDone') or '0') + tonumber(redis.call('HGET', KEYS[1], 'docsFailed') or '0')
if done >= tonumber(redis.call('HGET', KEYS[1], 'documents') or '0') then
  redis.call('HSET', KEYS[1], 'status', 'completed', 'finishedAt', ARGV[1])
end
return redis.call('HGET', KEYS[1], 'status')
`;

/**
 * Forget that a paragraph task failed, so it can run again: undoes the failure's counts in every
 * run holding the document. KEYS: docProgress, docFailures, docRuns. ARGV: prefix, task, index.
 */
export const CLEAR_PARAGRAPH_FAILURE = `
redis.call('HDEL', KEYS[2], ARGV[2] .. ':' .. ARGV[3])
if redis.call('HDEL', KEYS[1], 'x:' .. ARGV[2] .. ':' .. ARGV[3]) == 1 then
  redis.call('HINCRBY', KEYS[1], 'f:' .. ARGV[2], -1)
  for _, runId in ipairs(redis.call('SMEMBERS', KEYS[3])) do
    redis.call('HINCRBY', ARGV[1] .. ':store:run:' .. runId, 'failed:' .. ARGV[2], -1)
  end
  return 1
end
return 0
`;
