import { TASKS } from "@newsflow/contracts";

/**
 * Lua scripts for the updates that must be atomic. Each touches the keys of one slot: a
 * document's partition (its keys and its partition's share of run counts) or the global slot
 * (runs, the entity index). Keys come in as KEYS, or, for keys built per run or per entity, as a
 * template from keys.ts (`before .. id .. after`); no script spells a key.
 */

const progressFields = TASKS.flatMap((t) => [`'n:${t}'`, `'f:${t}'`]).join(", ");

/**
 * Shared by the paragraph scripts (KEYS[1] docProgress, KEYS[4] doc): whether the document now
 * needs its document step. Every paragraph task done or failed for good, and either this call
 * changed something (it is the completing write, or a retried task finished again) or the
 * document is not assembled yet (a job that crashed before enqueueing the document step ran
 * again).
 */
const SETTLE = `
local function settle(changed)
  local d = redis.call('HMGET', KEYS[4], 'paragraphCount', 'completedAt')
  local n = tonumber(d[1] or '0')
  local c = redis.call('HMGET', KEYS[1], ${progressFields})
  for i = 1, #c, 2 do
    if tonumber(c[i] or '0') + tonumber(c[i + 1] or '0') < n then return 0 end
  end
  if changed or not d[2] then return 1 end
  return 0
end
`;

/**
 * Shared by the scripts that write a document's results, failures or completion: whether the
 * document is gone (its hash, KEY `doc`, has no id: its run was deleted). A job that was active
 * while its run was deleted (`newsflow runs delete --force`), or that a worker repeats later,
 * then writes nothing, and no key of the deleted document comes back.
 */
const GONE = `
local function gone(docKey)
  return redis.call('HEXISTS', docKey, 'id') == 0
end
`;

/**
 * Attach a document to a run. KEYS: docRuns, docProgress, doc, runCounts, runEntities (this run,
 * the document's partition). ARGV: runId, paragraphCount, now. A run that takes in a document done
 * before counts its progress at once, and its entity index takes in the document's entities as
 * last indexed (the `indexed` contribution of COMPLETE_DOCUMENT), the run joining `indexedRuns` so
 * that a re-assembly later moves its share too. Returns 1 when the document's work is already
 * enqueued, plus 2 when the run already held the document.
 */
export const ATTACH_DOCUMENT = `
local d = redis.call('HMGET', KEYS[3], 'completedAt', 'failedAt', 'indexed', 'enqueuedAt')
local again = 2
if redis.call('SADD', KEYS[1], ARGV[1]) == 1 then
  again = 0
  redis.call('HINCRBY', KEYS[4], 'documents', 1)
  redis.call('HINCRBY', KEYS[4], 'paragraphs', tonumber(ARGV[2]))
  local counts = redis.call('HGETALL', KEYS[2])
  for i = 1, #counts, 2 do
    local f = counts[i]
    if string.sub(f, 1, 2) == 'n:' then redis.call('HINCRBY', KEYS[4], 'done:' .. string.sub(f, 3), tonumber(counts[i + 1])) end
    if string.sub(f, 1, 2) == 'f:' then redis.call('HINCRBY', KEYS[4], 'failed:' .. string.sub(f, 3), tonumber(counts[i + 1])) end
  end
  if d[1] then redis.call('HINCRBY', KEYS[4], 'docsDone', 1) elseif d[2] then redis.call('HINCRBY', KEYS[4], 'docsFailed', 1) end
  redis.call('HSET', KEYS[4], 'lastAt', ARGV[3])
  if d[3] then
    for _, e in ipairs(cjson.decode(d[3]).e) do redis.call('ZINCRBY', KEYS[5], tonumber(e[4]), e[1]) end
    local runs = redis.call('SMEMBERS', KEYS[1])
    table.sort(runs)
    redis.call('HSET', KEYS[3], 'indexedRuns', table.concat(runs, ','))
  end
end
if d[4] then return again + 1 end
return again
`;

/**
 * Store one task's results for some paragraphs of a document and count each paragraph once
 * (a retried or duplicated job writes the same values and counts nothing). A result that comes
 * after a recorded failure (a retry) replaces the failure. KEYS: docProgress, docResults(task),
 * docRuns, doc, docFailures. ARGV: task, runCounts template (before, after), now, then
 * index/resultJson pairs. Returns 1 when the document step should be enqueued.
 */
export const PUT_PARAGRAPH_RESULTS = `${SETTLE}${GONE}
if gone(KEYS[4]) then return 0 end
local task = ARGV[1]
local values, fields = {}, {}
for i = 5, #ARGV, 2 do
  values[#values + 1] = ARGV[i]
  values[#values + 1] = ARGV[i + 1]
  fields[#fields + 1] = task .. ':' .. ARGV[i]
end
redis.call('HSET', KEYS[2], unpack(values))
local seen = redis.call('HMGET', KEYS[1], unpack(fields))
local marks, fresh = {}, {}
for j = 1, #fields do
  if not seen[j] then
    marks[#marks + 1] = fields[j]
    marks[#marks + 1] = 1
    fresh[#fresh + 1] = fields[j]
  end
end
if #fresh == 0 then return settle(false) end
redis.call('HSET', KEYS[1], unpack(marks))
redis.call('HINCRBY', KEYS[1], 'n:' .. task, #fresh)
local unfailed = 0
if tonumber(redis.call('HGET', KEYS[1], 'f:' .. task) or '0') > 0 then
  for _, f in ipairs(fresh) do
    if redis.call('HDEL', KEYS[1], 'x:' .. f) == 1 then
      unfailed = unfailed + 1
      redis.call('HDEL', KEYS[5], f)
    end
  end
  if unfailed > 0 then redis.call('HINCRBY', KEYS[1], 'f:' .. task, -unfailed) end
end
for _, runId in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  local counts = ARGV[2] .. runId .. ARGV[3]
  redis.call('HINCRBY', counts, 'done:' .. task, #fresh)
  if unfailed > 0 then redis.call('HINCRBY', counts, 'failed:' .. task, -unfailed) end
  redis.call('HSET', counts, 'lastAt', ARGV[4])
end
return settle(true)
`;

/**
 * Record that one task failed for good on some paragraphs, once each (a paragraph with a result
 * is not marked failed). KEYS: docProgress, docResults(task) (unused, for the same key list),
 * docRuns, doc, docFailures. ARGV: task, runCounts template (before, after), now, then
 * index/failureJson pairs. Returns 1 when the document step should be enqueued.
 */
export const PUT_PARAGRAPH_FAILURES = `${SETTLE}${GONE}
if gone(KEYS[4]) then return 0 end
local task = ARGV[1]
local newly = 0
for i = 5, #ARGV, 2 do
  local f = task .. ':' .. ARGV[i]
  if not redis.call('HGET', KEYS[1], f) then
    redis.call('HSET', KEYS[5], f, ARGV[i + 1])
    if redis.call('HSETNX', KEYS[1], 'x:' .. f, 1) == 1 then newly = newly + 1 end
  end
end
if newly == 0 then return settle(false) end
redis.call('HINCRBY', KEYS[1], 'f:' .. task, newly)
for _, runId in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  local counts = ARGV[2] .. runId .. ARGV[3]
  redis.call('HINCRBY', counts, 'failed:' .. task, newly)
  redis.call('HSET', counts, 'lastAt', ARGV[4])
end
return settle(true)
`;

/**
 * Before a retry: forget paragraph failures (`<task>:<index>` fields) and the document's
 * assembly or its failure, undoing their counts in every run holding it, so the retried work
 * counts once and the document is assembled (and indexed) again. KEYS: docProgress, docFailures,
 * docRuns, doc. ARGV: runCounts template (before, after), then `<task>:<index>` fields.
 * Returns the number of paragraph failures cleared.
 */
export const CLEAR_FAILURES = `${GONE}
if gone(KEYS[4]) then return 0 end
local dec, cleared = {}, 0
for i = 3, #ARGV do
  local f = ARGV[i]
  redis.call('HDEL', KEYS[2], f)
  if redis.call('HDEL', KEYS[1], 'x:' .. f) == 1 then
    local t = string.match(f, '^([^:]+):')
    dec[t] = (dec[t] or 0) + 1
    cleared = cleared + 1
  end
end
local runs = redis.call('SMEMBERS', KEYS[3])
for t, n in pairs(dec) do
  redis.call('HINCRBY', KEYS[1], 'f:' .. t, -n)
  for _, runId in ipairs(runs) do redis.call('HINCRBY', ARGV[1] .. runId .. ARGV[2], 'failed:' .. t, -n) end
end
local wasDone = redis.call('HDEL', KEYS[4], 'completedAt') == 1
local wasFailed = redis.call('HDEL', KEYS[4], 'failedAt') == 1
redis.call('HDEL', KEYS[4], 'failure')
for _, runId in ipairs(runs) do
  if wasDone then redis.call('HINCRBY', ARGV[1] .. runId .. ARGV[2], 'docsDone', -1) end
  if wasFailed then redis.call('HINCRBY', ARGV[1] .. runId .. ARGV[2], 'docsFailed', -1) end
end
return cleared
`;

/**
 * Shared by COMPLETE_DOCUMENT and REINDEX_DOCUMENT: bring the partition's entity index in line
 * with what a document says now (`contribution`) for the runs holding it (`runs`, sorted): its
 * previous share (`indexed` in the doc hash, for the runs of `indexedRuns`) is taken out and the
 * new one added, so a repeated call changes nothing, a re-assembled document is indexed with what
 * it found, and a run missing from `indexedRuns` gets the document's share. Arguments: the doc
 * hash and the partition's entityNames keys, then the templates entity (before), runEntities
 * (before, after) and entitiesByType (before). contribution: `{"e": [[id, name, type, mentions,
 * words...]], "s": [[entityId, quotes]]}`. Returns true when it changed the index.
 */
const INDEX = `
local function index(docKey, namesKey, runs, contribution, doc, E, RB, RA, T)
  local runList = table.concat(runs, ',')
  local old = redis.call('HMGET', docKey, 'indexed', 'indexedRuns')
  if old[1] == contribution and old[2] == runList then return false end
  if old[1] then
    local o = cjson.decode(old[1])
    local oldRuns = {}
    for r in string.gmatch(old[2] or '', '[^,]+') do oldRuns[#oldRuns + 1] = r end
    for _, e in ipairs(o.e) do
      local id, n = e[1], tonumber(e[4])
      redis.call('ZINCRBY', T .. e[3], -n, id)
      redis.call('ZREM', E .. id .. ':docs', doc)
      for _, r in ipairs(oldRuns) do redis.call('ZINCRBY', RB .. r .. RA, -n, id) end
    end
    for _, s in ipairs(o.s) do redis.call('ZREM', E .. s[1] .. ':quotes', doc) end
  end
  local c = cjson.decode(contribution)
  for _, e in ipairs(c.e) do
    local id, n = e[1], tonumber(e[4])
    -- An entity's record and its name words are written when the partition first meets it; the
    -- record keeps the words, so that deleting its last document takes out these very ones.
    if redis.call('HSETNX', E .. id, 'id', id) == 1 then
      redis.call('HSET', E .. id, 'name', e[2], 'type', e[3], 'words', table.concat(e, ' ', 5))
      for i = 5, #e do redis.call('ZADD', namesKey, 0, e[i] .. '\\0' .. id) end
    end
    redis.call('ZADD', E .. id .. ':docs', n, doc)
    redis.call('ZINCRBY', T .. e[3], n, id)
    for _, r in ipairs(runs) do redis.call('ZINCRBY', RB .. r .. RA, n, id) end
  end
  for _, s in ipairs(c.s) do redis.call('ZADD', E .. s[1] .. ':quotes', tonumber(s[2]), doc) end
  redis.call('HSET', docKey, 'indexed', contribution, 'indexedRuns', runList)
  return true
end
`;

/**
 * Store the document result (and the reconciled mentions per paragraph); the first time after
 * enqueueing or a retry, count the document as done in every run holding it (replacing a
 * recorded document failure); and bring the partition's entity index in line with what the
 * document says now (INDEX). KEYS: docResult, doc, docRuns, docEntities, entityNames.
 * ARGV: runCounts template (before, after), now, resultJson, contributionJson, docId, then the
 * templates entity (before), runEntities (before, after), entitiesByType (before), then
 * index/entitiesJson pairs. Returns 1 the first time.
 */
export const COMPLETE_DOCUMENT = `${INDEX}${GONE}
if gone(KEYS[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[4])
-- In pieces: unpack takes at most a few thousand values (a document can have 10,000 paragraphs).
for i = 11, #ARGV, 200 do redis.call('HSET', KEYS[4], unpack(ARGV, i, math.min(i + 199, #ARGV))) end
local first = redis.call('HSETNX', KEYS[2], 'completedAt', ARGV[3]) == 1
local runs = redis.call('SMEMBERS', KEYS[3])
table.sort(runs)
if first then
  local wasFailed = redis.call('HDEL', KEYS[2], 'failedAt') == 1
  redis.call('HDEL', KEYS[2], 'failure')
  for _, runId in ipairs(runs) do
    local counts = ARGV[1] .. runId .. ARGV[2]
    redis.call('HINCRBY', counts, 'docsDone', 1)
    if wasFailed then redis.call('HINCRBY', counts, 'docsFailed', -1) end
    redis.call('HSET', counts, 'lastAt', ARGV[3])
  end
end
index(KEYS[2], KEYS[5], runs, ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10])
return first and 1 or 0
`;

/**
 * Index a completed document again from its stored result (`newsflow reindex`): the runs it
 * joined before ATTACH_DOCUMENT took in a done document's entities (or before the index was kept
 * per partition) get its share. Only while the result is the one read (`resultJson`) and the
 * document is completed: a retry in progress indexes it when it completes. KEYS: doc, docRuns,
 * entityNames, docResult. ARGV: resultJson, contributionJson, docId, then the templates as
 * COMPLETE_DOCUMENT's. Returns 1 when the index changed, 0 when it was right, -1 when skipped.
 */
export const REINDEX_DOCUMENT = `${INDEX}
if not redis.call('HGET', KEYS[1], 'completedAt') or redis.call('GET', KEYS[4]) ~= ARGV[1] then return -1 end
local runs = redis.call('SMEMBERS', KEYS[2])
table.sort(runs)
if index(KEYS[1], KEYS[3], runs, ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]) then return 1 end
return 0
`;

/**
 * Record that a document's step failed for good, once: it counts as failed in every run holding
 * it, so the run can complete. KEYS: doc, docRuns. ARGV: runCounts template (before, after),
 * now, reason. Returns 1 when newly recorded.
 */
export const PUT_DOCUMENT_FAILURE = `${GONE}
if gone(KEYS[1]) or redis.call('HGET', KEYS[1], 'completedAt') then return 0 end
redis.call('HSET', KEYS[1], 'failure', ARGV[4])
if redis.call('HSETNX', KEYS[1], 'failedAt', ARGV[3]) == 0 then return 0 end
for _, runId in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local counts = ARGV[1] .. runId .. ARGV[2]
  redis.call('HINCRBY', counts, 'docsFailed', 1)
  redis.call('HSET', counts, 'lastAt', ARGV[3])
end
return 1
`;

/**
 * Shared by the scripts a producer runs on its run's record (KEYS[1] run): whether the run is gone
 * (no record: deleted) or being deleted (`deletingAt`, see MARK_RUN_DELETING). A producer whose
 * lease lapsed while a deletion went on then writes nothing more of the run, and no key of it
 * comes back.
 */
const RUN_GONE = `
local function runGone()
  return redis.call('HEXISTS', KEYS[1], 'id') == 0 or redis.call('HEXISTS', KEYS[1], 'deletingAt') == 1
end
`;

/**
 * Record a rejected input of a run once per source: a resumed run that meets it again does not
 * count it twice. KEYS: run, runRejectedSources, runRejected. ARGV: source, rejectionJson.
 * Returns 1 when recorded, 0 when the source was recorded before, -1 when the run is gone or
 * being deleted (RUN_GONE; nothing written).
 */
export const ADD_REJECTION = `${RUN_GONE}
if runGone() then return -1 end
if redis.call('HSETNX', KEYS[2], ARGV[1], 1) == 0 then return 0 end
redis.call('RPUSH', KEYS[3], ARGV[2])
redis.call('HINCRBY', KEYS[1], 'rejected', 1)
return 1
`;

/**
 * A producer has enqueued all it had for the run: the record's `enqueuedAt`, its lease taken out
 * with every lapsed one. Nothing is written when the run is gone or being deleted (RUN_GONE): a
 * producer that finishes after its run was deleted would otherwise leave a record holding only
 * `enqueuedAt`. KEYS: run, runProducers (the global slot). ARGV: producerId, now (ms). Returns 1,
 * or -1 when the run is gone or being deleted.
 */
export const FINISH_ENQUEUE = `${RUN_GONE}
if runGone() then return -1 end
redis.call('HSET', KEYS[1], 'enqueuedAt', ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[2])
return 1
`;

/**
 * Renew a producer's lease on a run, or take it again when it lapsed and was cleared (by another
 * producer's FINISH_ENQUEUE): the producer is still adding to the run. Refused when the run is gone
 * or being deleted (RUN_GONE), in the same step: a producer that stalled past its lease and whose
 * run a deletion then marked (MARK_RUN_DELETING found no live lease) does not revive its lease,
 * and so holds none while the run goes. KEYS: run, runProducers (the global slot). ARGV:
 * producerId, the lease's new expiry (ms). Returns 1, or -1 when refused (nothing written).
 */
export const RENEW_PRODUCER = `${RUN_GONE}
if runGone() then return -1 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 1
`;

/**
 * Mark a document's jobs as in the queues (`enqueuedAt`), unless its hash is gone (GONE: the run
 * holding it was deleted while its producer added the jobs), which would come back holding only
 * `enqueuedAt`. KEYS: doc. ARGV: now (ms). Returns 1 when marked, 0 when the document is gone.
 */
export const MARK_ENQUEUED = `${GONE}
if gone(KEYS[1]) then return 0 end
redis.call('HSET', KEYS[1], 'enqueuedAt', ARGV[1])
return 1
`;

/**
 * Create a run, or join it, and register a producer's lease on it, unless the run is being deleted
 * (`deletingAt` in its record, set by MARK_RUN_DELETING). The two scripts run one after the other
 * on the run's record: a producer either holds its lease before a deletion looks for leases (and
 * the deletion is refused) or comes after the mark and is refused itself, so no producer starts
 * writing into a run while it is being deleted. KEYS: run, runProducers, runs (the global slot).
 * ARGV: runId, inputs (JSON), producerId, the lease's expiry (ms), now. Returns 1 when it created
 * the run, 0 when it joined it, -1 when the run is being deleted (nothing written).
 */
export const CREATE_RUN = `
if redis.call('HEXISTS', KEYS[1], 'deletingAt') == 1 then return -1 end
local created = redis.call('HSETNX', KEYS[1], 'createdAt', ARGV[5])
if created == 1 then redis.call('HSET', KEYS[1], 'id', ARGV[1], 'inputs', ARGV[2]) end
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
redis.call('ZADD', KEYS[3], 'NX', ARGV[5], ARGV[1])
return created
`;

/**
 * The first write of a run's deletion: mark the run as being deleted (`deletingAt`), in the same
 * step that finds no producer holding a live lease on it (see CREATE_RUN). KEYS: run, runProducers.
 * ARGV: now (ms). Returns 1 when the run is marked (or was already: a deletion cut off is done
 * again), 0 when there is no such run, -1 when a producer holds a live lease (nothing written).
 */
export const MARK_RUN_DELETING = `
if redis.call('HEXISTS', KEYS[1], 'id') == 0 then return 0 end
if redis.call('ZCOUNT', KEYS[2], ARGV[1], '+inf') > 0 then return -1 end
redis.call('HSETNX', KEYS[1], 'deletingAt', ARGV[1])
return 1
`;

/**
 * Take out of the run list the ids whose run record is gone (deleted by hand, or a deletion cut
 * off before its end), unless the record is there again (a run created anew under the id since
 * it was read). KEYS: runs, then the record of each id. ARGV: the ids. Returns how many it took out.
 */
export const PRUNE_RUNS = `
local pruned = 0
for i = 1, #ARGV do
  if redis.call('HEXISTS', KEYS[i + 1], 'id') == 0 then pruned = pruned + redis.call('ZREM', KEYS[1], ARGV[i]) end
end
return pruned
`;

/**
 * Take a document out of a run that is being deleted, in the document's partition. Still held by
 * another run, the document stays, the run's name leaving its `indexedRuns` (so a re-assembly
 * later moves no share of the deleted run's index). Held by no run any more, it is deleted: its
 * share of the partition's entity index (the `indexed` contribution) is taken out, an entity
 * whose last document of the partition it was losing its record, its name words (those its record
 * keeps, else the document's) and its rank, then every key of the document. KEYS: docRuns, doc,
 * entityNames, then the document's other keys. ARGV: runId, docId, the templates entity (before)
 * and entitiesByType (before). Returns 1 when the document was deleted, 0 when it stays.
 */
export const DELETE_RUN_DOCUMENT = `
redis.call('SREM', KEYS[1], ARGV[1])
if redis.call('SCARD', KEYS[1]) > 0 then
  local held = redis.call('HGET', KEYS[2], 'indexedRuns')
  if held then
    local kept = {}
    for r in string.gmatch(held, '[^,]+') do
      if r ~= ARGV[1] then kept[#kept + 1] = r end
    end
    redis.call('HSET', KEYS[2], 'indexedRuns', table.concat(kept, ','))
  end
  return 0
end
local indexed = redis.call('HGET', KEYS[2], 'indexed')
if indexed then
  local doc, E, T = ARGV[2], ARGV[3], ARGV[4]
  local c = cjson.decode(indexed)
  for _, s in ipairs(c.s) do redis.call('ZREM', E .. s[1] .. ':quotes', doc) end
  for _, e in ipairs(c.e) do
    local id = e[1]
    redis.call('ZREM', E .. id .. ':docs', doc)
    if redis.call('EXISTS', E .. id .. ':docs') == 1 then
      redis.call('ZINCRBY', T .. e[3], -tonumber(e[4]), id)
    else
      local words = redis.call('HGET', E .. id, 'words')
      if words then
        for w in string.gmatch(words, '%S+') do redis.call('ZREM', KEYS[3], w .. '\\0' .. id) end
      else
        for i = 5, #e do redis.call('ZREM', KEYS[3], e[i] .. '\\0' .. id) end
      end
      redis.call('ZREM', T .. e[3], id)
      redis.call('UNLINK', E .. id)
    end
  end
end
redis.call('UNLINK', KEYS[1], KEYS[2], unpack(KEYS, 4))
return 1
`;
