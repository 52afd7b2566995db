import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeText, splitParagraphs } from "@newsflow/nlp";
import { sharedDataPath } from "@newsflow/nlp-train";
import { countOf } from "@newsflow/store";
import { REPO_ROOT } from "../processes.js";

/** The shared BBC articles, when the checkout has ../shared beside it. */
export const BBC_ARTICLES = sharedDataPath("summaries", "bbc", "articles.jsonl");

/** Real news paragraphs: from the shared BBC articles when present, else from seeds/. */
export function newsParagraphs(): { source: string; paragraphs: string[] } {
  if (existsSync(BBC_ARTICLES)) {
    const paragraphs: string[] = [];
    for (const line of readFileSync(BBC_ARTICLES, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const { text } = JSON.parse(line) as { text: string };
      for (const p of splitParagraphs(normalizeText(text), { detectTitle: false }).paragraphs) paragraphs.push(p.text);
    }
    return { source: "shared BBC articles", paragraphs };
  }
  const text = readFileSync(join(REPO_ROOT, "seeds", "000_190e8402774f0ae3.txt"), "utf8");
  return { source: "seeds", paragraphs: splitParagraphs(normalizeText(text)).paragraphs.map((p) => p.text) };
}

/**
 * Write `count` paragraphs as JSONL documents of `perDocument` paragraphs each; every document
 * is distinct (its id carries `tag`), so nothing is deduplicated away. Returns the file path.
 */
export function writeBenchCorpus(dir: string, tag: string, paragraphs: string[], count: number, perDocument: number, offset = 0): string {
  const lines: string[] = [];
  for (let start = 0; start < count; start += perDocument) {
    const body: string[] = [];
    for (let i = start; i < Math.min(count, start + perDocument); i++) body.push(paragraphs[(offset + i) % paragraphs.length]!);
    lines.push(JSON.stringify({ id: `${tag}-${start / perDocument}`, title: `Bench document ${start / perDocument}`, text: body.join("\n\n") }));
  }
  const file = join(dir, `${tag}.jsonl`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/**
 * What {@link writeBenchCorpus} writes, in one line.
 *
 * @example describeBenchCorpus(20, 20, "seeds") // "20 paragraphs from seeds, 1 document of 20"
 */
export function describeBenchCorpus(count: number, perDocument: number, source: string): string {
  return `${countOf(count, "paragraph")} from ${source}, ${countOf(Math.ceil(count / perDocument), "document")} of ${perDocument}`;
}
