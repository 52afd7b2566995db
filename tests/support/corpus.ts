import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "@newsflow/cli/processes";
import { normalizeText, splitParagraphs } from "@newsflow/nlp";

const seedParagraphs = (): string[] =>
  splitParagraphs(normalizeText(readFileSync(join(REPO_ROOT, "seeds", "000_190e8402774f0ae3.txt"), "utf8"))).paragraphs.map((p) => p.text);

/**
 * Write a JSONL corpus of `documents` news-like documents of `paragraphs` paragraphs each (the
 * seed article's paragraphs, numbered so every document and paragraph is distinct); returns
 * the file path.
 */
export function writeCorpus(dir: string, documents: number, paragraphs: number): string {
  const seed = seedParagraphs();
  const lines: string[] = [];
  for (let d = 0; d < documents; d++) {
    const body = Array.from({ length: paragraphs }, (_, i) => `Report ${d}.${i}: ${seed[(d + i) % seed.length]}`);
    lines.push(JSON.stringify({ id: `corpus-${d}`, title: `Corpus document ${d}`, text: body.join("\n\n") }));
  }
  const file = join(dir, `corpus-${documents}x${paragraphs}.jsonl`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}
