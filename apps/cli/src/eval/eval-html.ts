import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { extractHtml } from "@newsflow/ingest";
import { prf } from "@newsflow/nlp-train";
import { countOf } from "@newsflow/store";
import { parseHTML } from "linkedom";

interface Page {
  id: string;
  html: string;
  gold: string;
}

/** The extractors compared: ours, and Mozilla Readability on linkedom as used on its own. */
const EXTRACTORS: Record<string, (html: string) => string> = {
  newsflow: (html) => extractHtml(html).text,
  readability: (html) => new Readability(parseHTML(html).document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent ?? "",
};

const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/** The bag of 4-token shingles of a text (tokens are Unicode `\w+` runs; a text of 1-3 tokens is one shingle). */
export function shingles(text: string): Map<string, number> {
  const words = text.match(WORD) ?? [];
  const bag = new Map<string, number>();
  const add = (k: string) => bag.set(k, (bag.get(k) ?? 0) + 1);
  if (words.length > 0 && words.length < 4) add(words.join(" "));
  for (let i = 0; i + 4 <= words.length; i++) add(words.slice(i, i + 4).join(" "));
  return bag;
}

/** Precision and recall of one page's extracted text against its marked article body. */
export function scorePage(predicted: string, gold: string): { precision: number; recall: number } {
  const p = shingles(predicted);
  const g = shingles(gold);
  let right = 0;
  let nP = 0;
  let nG = 0;
  for (const [k, n] of p) {
    nP += n;
    right += Math.min(n, g.get(k) ?? 0);
  }
  for (const n of g.values()) nG += n;
  const { precision, recall } = prf(right, nP, right, nG);
  return { precision, recall };
}

async function loadPages(dir: string): Promise<Page[]> {
  const truth = JSON.parse(await readFile(join(dir, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string }>;
  const ids = Object.keys(truth).sort();
  return Promise.all(ids.map(async (id) => ({ id, gold: truth[id]!.articleBody, html: gunzipSync(await readFile(join(dir, "pages", `${id}.html.gz`))).toString("utf8") })));
}

/** CPU seconds of this process for one call (user + system), so other load on the machine does not count. */
function cpuSeconds(fn: () => void): { cpu: number; wall: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  fn();
  const used = process.cpuUsage(cpu0);
  return { cpu: (used.user + used.system) / 1e6, wall: (performance.now() - wall0) / 1000 };
}

/**
 * Scores article extraction on saved pages with their marked article body (`pages/<id>.html.gz`
 * and `ground-truth.json`): per page, precision and recall of the bag of 4-token shingles, both
 * averaged over pages, F1 of the two averages. Speed is pages per CPU second of this one thread
 * (best of three passes after one untimed pass), with wall-clock pages/s beside it.
 */
export async function evalHtml(dataPath: string): Promise<object> {
  const pages = await loadPages(dataPath);
  process.stderr.write(`html: ${countOf(pages.length, "page")} from ${dataPath}\n`);
  const results: Record<string, object> = {};
  for (const [name, extract] of Object.entries(EXTRACTORS)) {
    const texts = pages.map((p) => extract(p.html));
    let best = { cpu: Number.POSITIVE_INFINITY, wall: Number.POSITIVE_INFINITY };
    for (let pass = 0; pass < 3; pass++) {
      const t = cpuSeconds(() => {
        for (const p of pages) extract(p.html);
      });
      if (t.cpu < best.cpu) best = t;
    }
    let precision = 0;
    let recall = 0;
    pages.forEach((p, i) => {
      const s = scorePage(texts[i]!, p.gold);
      precision += s.precision / pages.length;
      recall += s.recall / pages.length;
    });
    const { f1 } = prf(precision, 1, recall, 1);
    const result = { precision: round(precision), recall: round(recall), f1: round(f1), pagesPerCpuSecond: Math.round(pages.length / best.cpu), pagesPerSecondWall: Math.round(pages.length / best.wall) };
    process.stderr.write(`html ${name}: P ${result.precision} R ${result.recall} F1 ${result.f1}, ${result.pagesPerCpuSecond} pages/s (CPU), ${result.pagesPerSecondWall} pages/s (wall)\n`);
    results[name] = result;
  }
  return { task: "html", pages: pages.length, extractors: results };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
