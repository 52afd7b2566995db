import { TASKS } from "@newsflow/contracts";
import { withRedisRetry } from "@newsflow/queue";
import { countOf, type RunRecord, type RunView, type Store, viewRun } from "@newsflow/store";
import { RunDeletedError } from "./errors.js";

const fmtTime = (s: number | null) => (s === null ? "--" : s < 60 ? `${Math.round(s)}s` : `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`);

/** The ETA part of the progress line: "stalled" when the store's viewRun says so (as the dashboard does), else the time left. */
const etaPart = (v: RunView) => (v.stalled ? "stalled" : `eta ${fmtTime(v.etaSeconds)}`);

/** One line of progress: bar (on a TTY), documents, per-task counts, rate and ETA ("stalled" for a stalled run). */
export function progressLine(run: RunRecord, width = 24, now = Date.now()): string {
  const v = viewRun(run, now);
  const filled = Math.round(v.progress * width);
  const bar = width > 0 ? `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ` : "";
  const tasks = TASKS.map((t) => `${t} ${run.tasks[t].done}/${run.paragraphs}${run.tasks[t].failed ? ` (${run.tasks[t].failed} failed)` : ""}`).join("  ");
  const rate = v.paragraphsPerSecond === null ? "--" : v.paragraphsPerSecond.toFixed(0);
  return `${bar}${Math.floor(v.progress * 100)}%  docs ${run.docsDone}/${run.documents}  ${tasks}  ${rate} par/s  ${etaPart(v)}`;
}

/**
 * Wait until a run completes, showing progress: a redrawn bar on a TTY, a plain line every
 * `intervalMs` otherwise. Resolves with the final record. A run whose deletion begins
 * (`deletingAt`) gets one line "newsflow: run RUN is being deleted" (written even when `quiet`)
 * and no more progress: its counts go before its record, so it may read as completed meanwhile.
 * Once its record is gone, or another run took its id, rejects with a {@link RunDeletedError}
 * within one poll, having written nothing more.
 */
export async function watchRun(store: Store, runId: string, options: { out?: NodeJS.WriteStream; intervalMs?: number; quiet?: boolean } = {}): Promise<RunRecord> {
  const out = options.out ?? process.stderr;
  const tty = Boolean(out.isTTY);
  const interval = options.intervalMs ?? (tty ? 200 : 5000);
  let lastPrint = 0;
  let createdAt: number | undefined;
  let deleting = false;
  // A TTY's progress line is redrawn in place: a line written after it starts on a line of its own.
  let lineOpen = false;
  for (;;) {
    const run = await withRedisRetry(() => store.getRun(runId));
    createdAt ??= run?.createdAt;
    if (!run || run.createdAt !== createdAt) {
      if (lineOpen) out.write("\n");
      throw new RunDeletedError(runId);
    }
    if (run.deletingAt !== null) {
      if (!deleting) out.write(`${lineOpen ? "\n" : ""}newsflow: run ${runId} is being deleted\n`);
      deleting = true;
      lineOpen = false;
    } else {
      const done = run.status === "completed";
      if (!options.quiet) {
        if (tty) {
          out.write(`\r\x1b[2K${progressLine(run)}${done ? "\n" : ""}`);
          lineOpen = !done;
        } else if (done || Date.now() - lastPrint >= interval) {
          out.write(`${progressLine(run, 0)}\n`);
          lastPrint = Date.now();
        }
      }
      if (done) return run;
    }
    await new Promise((r) => setTimeout(r, tty ? interval : Math.min(interval, 250)));
  }
}

/** The final report of a run, as lines; `ok` is false when anything failed or was rejected. */
export function finalReport(run: RunRecord, extra: { entities?: number; quotes?: number } = {}): { ok: boolean; lines: string[] } {
  const seconds = ((run.finishedAt ?? Date.now()) - run.createdAt) / 1000;
  const failed = TASKS.filter((t) => run.tasks[t].failed > 0);
  const lines = [
    `run ${run.id}: ${run.status}`,
    `  documents   ${run.docsDone}/${run.documents} done${run.rejected ? `, ${countOf(run.rejected, "input")} rejected` : ""}`,
    `  paragraphs  ${run.paragraphs} (${TASKS.map((t) => `${t} ${run.tasks[t].done}`).join(", ")})`,
  ];
  if (extra.entities !== undefined) lines.push(`  entities    ${extra.entities}`);
  if (extra.quotes !== undefined) lines.push(`  quotes      ${extra.quotes}`);
  lines.push(`  time        ${seconds.toFixed(1)}s`);
  if (failed.length) lines.push(`  failed      ${failed.map((t) => `${t} ${countOf(run.tasks[t].failed, "paragraph")}`).join(", ")}: see 'newsflow status ${run.id}', retry with 'newsflow retry ${run.id}'`);
  if (run.docsFailed > 0) {
    lines.push(`  failed      ${countOf(run.docsFailed, "document")} (the document step): the reason is on each document's page in the viewer and in 'newsflow export ${run.id}'; retry with 'newsflow retry ${run.id}'`);
  }
  return { ok: failed.length === 0 && run.rejected === 0 && run.docsFailed === 0, lines };
}
