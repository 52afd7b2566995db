import { TASKS } from "@newsflow/contracts";
import { countOf, type Rejection, type RunView, type Store, viewRun } from "@newsflow/store";
import { eta, type Html, html, idPath, layout, n, pager, runDeletePath, when, withOffset, withParam } from "../html.js";

/** Documents done of the run's, with those whose document step failed, as the tasks show theirs (`public/app.js` alike). */
const docsCell = (run: RunView) => `${n(run.docsDone)} / ${n(run.documents)}${run.docsFailed ? ` (${n(run.docsFailed)} failed)` : ""}`;

/** The ETA cell: "done", "stalled" (no progress for a while: an ETA from its old rate would be wrong), or the time left (`public/app.js` alike). */
const etaCell = (run: RunView) => (run.status === "completed" ? "done" : run.stalled ? "stalled" : eta(run.etaSeconds));

function progressBar(run: RunView): Html {
  const pct = Math.floor(run.progress * 100);
  return html`<div class="bar${run.status === "completed" ? " done" : ""}" role="progressbar" aria-label="Progress of ${run.id}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${pct}"><span style="width:${pct}%"></span></div>`;
}

/**
 * The `hidden` attribute of what says a run is being deleted (`deletingAt`: its deletion began and
 * has not ended, as one cut off leaves it): served with every run, shown and hidden live
 * (`public/app.js`), as a deletion may begin, or a cut-off one be finished, while the page is open.
 */
const hiddenUnlessDeleting = (run: RunView) => (run.deletingAt === null ? "hidden" : "");

function runRow(run: RunView): Html {
  const failed = TASKS.reduce((k, t) => k + run.tasks[t].failed, 0);
  return html`<tr data-run="${run.id}">
<td><a href="${idPath("/runs", run.id)}">${run.id}</a><div class="muted small" data-field="started">${when(run.createdAt)}</div><div class="small deleting" data-deleting ${hiddenUnlessDeleting(run)}>being deleted (finish with: <code>newsflow runs delete ${run.id}</code>)</div></td>
<td><span class="badge ${run.status}" data-field="status">${run.status}</span></td>
<td>${progressBar(run)}<span class="small" data-field="percent">${Math.floor(run.progress * 100)}%</span></td>
<td class="num" data-field="docs">${docsCell(run)}</td>
<td class="num" data-field="paragraphs">${n(run.paragraphs)}</td>
<td class="num" data-field="rate">${run.paragraphsPerSecond == null ? "--" : `${n(run.paragraphsPerSecond)}/s`}</td>
<td class="num" data-field="eta">${etaCell(run)}</td>
<td class="num" data-field="failed">${n(failed)}</td>
</tr>`;
}

const NO_RUNS = html`<tr data-empty><td colspan="8" class="muted">No runs yet.</td></tr>`;

/** The rows the live updates (`public/app.js`) add: an empty run row to fill, and the one of a page left without runs. */
const ROW_TEMPLATES = html`<template id="run-row"><tr>
<td><a href="#"></a><div class="muted small" data-field="started"></div><div class="small deleting" data-deleting hidden>being deleted (finish with: <code></code>)</div></td><td><span class="badge" data-field="status"></span></td>
<td><div class="bar" role="progressbar" aria-label="Progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0"><span style="width:0%"></span></div><span class="small" data-field="percent"></span></td>
<td class="num" data-field="docs"></td><td class="num" data-field="paragraphs"></td><td class="num" data-field="rate"></td><td class="num" data-field="eta"></td><td class="num" data-field="failed"></td>
</tr></template><template id="no-runs">${NO_RUNS}</template>`;

/**
 * The runs list: live progress of every run on this page, newest first; with the live updates the
 * page's rows follow the runs its stream lists (`data-runs`), as a reload would show them, and its
 * pager the number of runs (`data-total`: the pager is fetched again when the stream's differs).
 * `deleted` names the run the admin has just deleted from its page (the deletion's redirect): the
 * page says so, unless there is such a run.
 */
export async function runsPage(store: Store, offset: number, deleted?: string): Promise<Html> {
  const limit = 20;
  const [{ total, runs }, still] = await Promise.all([store.listRuns(offset, limit), deleted === undefined ? null : store.getRun(deleted)]);
  const views = runs.map((r) => viewRun(r));
  return layout(
    "Runs",
    "/runs",
    html`<h1>Batch runs</h1>
${deleted !== undefined && !still ? html`<p class="notice" role="status">Run ${deleted} was deleted.</p>` : ""}
<p class="muted">Progress updates live. Start a run with <code>npm run -s newsflow -- run PATH</code>.</p>
<div data-live="/events/runs?offset=${offset}&limit=${limit}">
<table>
<caption class="skip">Batch runs</caption>
<thead><tr><th scope="col">Run</th><th scope="col">Status</th><th scope="col">Progress</th><th scope="col" class="num">Documents</th><th scope="col" class="num">Paragraphs</th><th scope="col" class="num">Rate</th><th scope="col" class="num">ETA</th><th scope="col" class="num">Failed</th></tr></thead>
<tbody data-runs data-total="${total}">${views.map(runRow)}${views.length === 0 ? NO_RUNS : ""}</tbody>
</table>${ROW_TEMPLATES}</div>
${pager("/runs", offset, limit, total)}`,
  );
}

/** Rejected inputs listed on one page of a run's page. */
const REJECTED_SHOWN = 50;

/**
 * The run's rejected inputs: a page of {@link REJECTED_SHOWN} from `rejectedOffset` (the query's
 * `rejected`, paginated apart from the documents), how many more there are, linked to the next page.
 * `self` is the run's page with its documents' offset.
 */
function rejectedList(run: RunView, rejected: Rejection[], rejectedOffset: number, self: string): Html | "" {
  if (!run.rejected) return "";
  const more = run.rejected - rejectedOffset - rejected.length;
  const next = withParam(self, "rejected", rejectedOffset + REJECTED_SHOWN);
  return html`<h2>Rejected inputs (${n(run.rejected)})</h2><ul>${rejected.map((r) => html`<li><code>${r.source}</code>: ${r.reason}</li>`)}${more > 0 && rejected.length ? html`<li class="muted"><a href="${next}">and ${countOf(more, "more input")}</a></li>` : ""}</ul>
${run.rejected > REJECTED_SHOWN || rejectedOffset ? pager(self, rejectedOffset, REJECTED_SHOWN, run.rejected, "rejected") : ""}`;
}

/**
 * The admin's form that deletes a run (`POST /admin/runs/<id>/delete`). The box to tick is the
 * confirmation (the browser does not send the form without it, no script needed); `force` is the
 * CLI's `--force`, which the refusal of a busy run names.
 */
function deleteForm(run: RunView): Html {
  return html`<section class="panel danger-zone" aria-labelledby="delete-run"><h2 id="delete-run">Delete this run</h2>
<form method="post" action="${runDeletePath(run.id)}">
<p><label><input type="checkbox" name="confirm" value="1" required> Yes, delete run ${run.id} and all it owns: its documents that no other run holds, with their results and entity index entries, its counts and rejected inputs. This cannot be undone.</label></p>
<p><label><input type="checkbox" name="force" value="1"> Delete it even while its jobs are queued or running (--force): its waiting jobs are taken out of the queues, running ones finish and write nothing.</label></p>
<button type="submit" class="danger">Delete run</button>
</form></section>`;
}

/**
 * One run: live progress per task, its documents and its rejected inputs (each paginated), top
 * entities; for a signed-in admin, the form that deletes it. A run being deleted says so at the
 * top of its progress, with how to finish the deletion.
 */
export async function runPage(store: Store, runId: string, offset: number, rejectedOffset = 0, admin = false): Promise<Html | null> {
  const record = await store.getRun(runId);
  if (!record) return null;
  const run = viewRun(record);
  const limit = 50;
  const self = idPath("/runs", run.id);
  const [docs, rejected, top] = await Promise.all([store.listRunDocuments(runId, offset, limit), store.getRejections(runId, rejectedOffset, REJECTED_SHOWN), store.topEntities({ runId, limit: 15 })]);
  return layout(
    run.id,
    "/runs",
    html`<p class="small"><a href="/runs">← All runs</a></p>
<h1>Run ${run.id}</h1>
<section class="panel" data-live="${idPath("/events/runs", run.id)}" data-run="${run.id}" aria-label="Progress">
<p class="deleting" data-deleting ${hiddenUnlessDeleting(run)}>This run is being deleted (since <span data-field="deleting-at">${when(run.deletingAt)}</span>): its deletion was cut off, or is still going on. Finish it with <code>newsflow runs delete ${run.id}</code>${admin ? " or the form at the foot of this page" : ""}; until then its documents and counts may be partly gone, and no producer can add to it.</p>
<p><span class="badge ${run.status}" data-field="status">${run.status}</span> <span data-field="percent">${Math.floor(run.progress * 100)}%</span> · started ${when(run.createdAt)}</p>
${progressBar(run)}
<div class="grid" style="margin-top:1rem">
<div><div class="muted small">Documents</div><strong data-field="docs">${docsCell(run)}</strong></div>
${TASKS.map((t) => html`<div><div class="muted small">${t}</div><strong data-field="${t}">${n(run.tasks[t].done)} / ${n(run.paragraphs)}${run.tasks[t].failed ? ` (${run.tasks[t].failed} failed)` : ""}</strong></div>`)}
<div><div class="muted small">Rate</div><strong data-field="rate">${run.paragraphsPerSecond == null ? "--" : `${n(run.paragraphsPerSecond)}/s`}</strong></div>
<div><div class="muted small">ETA</div><strong data-field="eta">${etaCell(run)}</strong></div>
</div></section>
${rejectedList(run, rejected, rejectedOffset, withOffset(self, "offset", offset))}
<h2>Documents</h2>
<table><thead><tr><th scope="col">Title</th><th scope="col">Source</th><th scope="col" class="num">Paragraphs</th><th scope="col">Status</th></tr></thead>
<tbody>${docs.documents.map((d) => html`<tr><td><a href="${idPath("/documents", d.id)}">${d.title ?? d.id}</a></td><td class="small muted">${d.source}</td><td class="num">${n(d.paragraphCount)}</td><td><span class="badge ${d.status}">${d.status}</span></td></tr>`)}</tbody></table>
${pager(withOffset(self, "rejected", rejectedOffset), offset, limit, docs.total)}
${top.entities.length ? html`<h2>Top entities</h2><p>${top.entities.map((e) => html`<a class="ent ent-${e.type}" href="/entities/${encodeURIComponent(e.id)}">${e.name}<span class="t">${e.type}</span></a> `)}</p>` : ""}
${admin ? deleteForm(run) : ""}`,
  );
}
