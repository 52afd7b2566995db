import { QUEUE_NAMES } from "@newsflow/contracts";
import type { PartitionedQueues, RedisClient } from "@newsflow/queue";
import { type Html, html, layout, n, when } from "../html.js";
import { readHealth } from "../read-model.js";

const sumSeries = (series: number[][]) => series.reduce((sum, s) => sum.map((n, i) => n + (s[i] ?? 0)), new Array<number>(60).fill(0));

/** BullMQ's metrics of one queue and state, as `Queue.getMetrics` returns them. */
export interface QueueMetrics {
  meta: { count: number; prevTS: number; prevCount: number };
  data: number[];
}

/**
 * Jobs per minute over the 60 minutes up to `now`, oldest first. BullMQ closes a minute's data
 * point only when a job finishes in a later minute: until then the jobs of the minute of
 * `meta.prevTS` are `meta.count - meta.prevCount`, and `data[i]` is the minute `i + 1` before
 * that one (not before now). So a batch that ended a minute ago is counted, and one of hours ago
 * is not, although it is still the list's newest point.
 */
export function lastHour(metrics: QueueMetrics, now = Date.now()): number[] {
  const minutes = new Array<number>(60).fill(0);
  if (!metrics.meta.prevTS) return minutes;
  const thisMinute = Math.floor(now / 60_000);
  const openMinute = Math.floor(metrics.meta.prevTS / 60_000);
  const put = (minute: number, jobs: number) => {
    const i = 59 - (thisMinute - minute);
    if (i >= 0 && i < 60) minutes[i]! += jobs;
  };
  put(openMinute, metrics.meta.count - metrics.meta.prevCount);
  for (const [i, jobs] of metrics.data.entries()) put(openMinute - 1 - i, jobs);
  return minutes;
}

/** Completed and failed jobs per minute over the last hour, oldest first, summed over the partitions. */
async function throughput(queues: PartitionedQueues) {
  const now = Date.now();
  return Promise.all(
    QUEUE_NAMES.map(async (name) => {
      const parts = await Promise.all(queues.map((set) => Promise.all([set[name].getMetrics("completed", 0, 59), set[name].getMetrics("failed", 0, 59)])));
      const done = sumSeries(parts.map(([d]) => lastHour(d, now)));
      const failed = sumSeries(parts.map(([, f]) => lastHour(f, now)));
      const total = parts.reduce((n, [d]) => n + Number(d.meta.count), 0);
      return { name, perMinute: done, completed: done.reduce((a, b) => a + b, 0), failed: failed.reduce((a, b) => a + b, 0), total };
    }),
  );
}

function sparkline(values: number[]): Html {
  const max = Math.max(1, ...values);
  return html`<div class="spark" aria-hidden="true">${values.map((v) => html`<i style="height:${Math.round((v / max) * 100)}%"></i>`)}</div>`;
}

/** Queue health: Redis, job counts by state, throughput, workers, failed jobs with admin actions. */
export async function healthPage(redis: RedisClient, queues: PartitionedQueues, adminEnabled: boolean, isAdmin: boolean): Promise<Html> {
  const [health, metrics, failed] = await Promise.all([
    readHealth(redis, queues),
    throughput(queues),
    Promise.all(queues.flatMap((set, partition) => QUEUE_NAMES.map(async (name) => ({ name, partition, jobs: await set[name].getFailed(0, 19) })))),
  ]);
  const states = ["waiting", "active", "delayed", "failed"] as const;
  const adminNote = !adminEnabled
    ? html`<p class="muted small">Admin actions are off: start the viewer with <code>VIEWER_ADMIN_TOKEN</code> to retry or remove failed jobs.</p>`
    : isAdmin
      ? html`<p class="small">Signed in as admin · <a href="/admin/queues">raw queue inspector</a></p>`
      : html`<form method="post" action="/admin/login" class="panel"><label for="token">Admin token</label> <input id="token" name="token" type="password" autocomplete="current-password" required> <button type="submit">Sign in</button></form>`;
  return layout(
    "Health",
    "/health",
    html`<h1>Queue health</h1>
<section class="panel" aria-label="Redis"><dl class="kv">
<dt>Redis</dt><dd>${health.redis.ok ? html`<span class="badge done">reachable</span> version ${health.redis.version}` : html`<span class="badge failed">unreachable</span> ${health.redis.error}`}</dd>
<dt>Memory used</dt><dd>${health.redis.usedMemoryBytes ? `${(health.redis.usedMemoryBytes / 1048576).toFixed(1)} MB` : "--"}</dd>
</dl></section>
${health.queues.filter((q) => q.warning).map((q) => html`<div class="warn" role="alert">⚠ ${q.warning}. Start a worker: <code>node apps/worker-${q.name}/dist/main.js</code></div>`)}
<h2>Queues</h2>
<table><thead><tr><th scope="col">Queue</th>${states.map((s) => html`<th scope="col" class="num">${s}</th>`)}<th scope="col" class="num">Workers</th><th scope="col">Completed / min, last hour</th><th scope="col" class="num">Last hour</th></tr></thead>
<tbody>${health.queues.map((q) => {
  const m = metrics.find((x) => x.name === q.name)!;
  return html`<tr><th scope="row">${q.name}</th>${states.map((s) => html`<td class="num">${n(q.counts[s] ?? 0)}</td>`)}<td class="num">${n(q.workers)}</td><td>${sparkline(m.perMinute)}</td><td class="num">${n(m.completed)} done <span class="muted small">(${n(m.total)} all time)</span>${m.failed ? html`, <span style="color:var(--bad)">${n(m.failed)} failed</span>` : ""}</td></tr>`;
})}</tbody></table>
<h2>Failed jobs</h2>
${adminNote}
${failed.every((f) => f.jobs.length === 0) ? html`<p class="muted">No failed jobs.</p>` : html`<table><thead><tr><th scope="col">Queue</th><th scope="col">Job</th><th scope="col">Reason</th><th scope="col" class="num">Attempts</th><th scope="col">Failed at</th><th scope="col">Actions</th></tr></thead><tbody>
${failed.flatMap((f) => f.jobs.map((j) => html`<tr><td>${f.name}</td><td><code>${j.id}</code></td><td>${j.failedReason}</td><td class="num">${n(j.attemptsMade)}</td><td class="small">${when(j.finishedOn)}</td>
<td>${isAdmin ? html`<form class="inline" method="post" action="/admin/jobs/${f.partition}/${f.name}/${encodeURIComponent(j.id ?? "")}/retry"><button type="submit">Retry</button></form> <form class="inline" method="post" action="/admin/jobs/${f.partition}/${f.name}/${encodeURIComponent(j.id ?? "")}/remove"><button type="submit" class="danger">Remove</button></form>` : html`<span class="muted small">admin only</span>`}</td></tr>`))}
</tbody></table>`}`,
  );
}
