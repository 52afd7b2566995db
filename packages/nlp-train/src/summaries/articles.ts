import { readFileSync } from "node:fs";
import { hashString } from "@newsflow/nlp/train";

/** One article of the BBC News Summary set: the body and the sentences an editor chose from it. */
export interface SummaryArticle {
  id: string;
  title: string;
  text: string;
  /** The reference: sentences of `text` an editor selected, often glued without spaces. */
  summary: string;
}

/** Reads BBC-format JSONL (`{"id","title","text","summary",...}` a line); a bad line is named. */
export function readSummaryArticles(path: string): SummaryArticle[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      const a = JSON.parse(line) as Partial<SummaryArticle>;
      for (const key of ["id", "title", "text", "summary"] as const) {
        if (typeof a[key] !== "string") throw new Error(`${path}:${i + 1}: "${key}" is missing or not a string`);
      }
      return [a as SummaryArticle];
    });
}

/**
 * Whether an article is held out of training (dev): its id's FNV-1a hash is 0 mod 5, about a
 * fifth of the articles, the same split on every machine (1,454 train, 355 dev of the 1,809).
 */
export function isHeldOut(id: string): boolean {
  return hashString(id) % 5 === 0;
}
