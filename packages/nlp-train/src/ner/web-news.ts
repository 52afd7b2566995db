// The web-news check set: paragraphs of the saved web pages' article bodies (2015-2019 news from
// many sites, ../shared/data/html/ground-truth.json) annotated by the project with the CoNLL-2003
// types, scored through the production path. The annotation names each entity once per paragraph
// ([type, text]); every whole-word occurrence of that text in the paragraph is a gold mention.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { EntityMention } from "@newsflow/contracts";
import { ENTITY_TYPES, type EntityTagger, type ReconcileOptions, reconcileEntities } from "@newsflow/nlp/train";
import { readPolnear } from "../quotes/polnear.js";
import { requireSharedData } from "../shared-data.js";
import { type SpanScores, scoreSpans, type TypedSpan } from "./conll.js";
import { SCORED_TYPES } from "./production-eval.js";

/** One annotated paragraph: the page, the paragraph's index in `webParagraphs(body)`, its entities. */
export interface WebAnnotation {
  page: string;
  paragraph: number;
  entities: Array<[type: string, text: string]>;
}

/** A page body as paragraphs: lines, trimmed (empty ones kept, so that indices stay put). */
export const webParagraphs = (body: string): string[] => body.split(/\n+/).map((s) => s.trim());

const WORD = /[\p{L}\p{N}]/u;

/**
 * Gold character spans of `entities` in `text`: every occurrence that starts and ends at a word
 * edge, longer names first, an occurrence inside one already taken left out ("Apple" inside
 * "Apple Watch"). Throws when a name does not occur: the annotation no longer fits the text.
 */
export function goldSpans(text: string, entities: WebAnnotation["entities"]): TypedSpan[] {
  const taken: TypedSpan[] = [];
  const sorted = [...entities].sort((a, b) => b[1].length - a[1].length);
  for (const [type, name] of sorted) {
    let found = false;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (WORD.test(text[at - 1] ?? "") || WORD.test(text[end] ?? "")) continue;
      found = true;
      if (taken.some((s) => at < s.end && end > s.start)) continue;
      taken.push({ start: at, end, type });
    }
    if (!found) throw new Error(`annotated name not in its paragraph: ${type} "${name}"`);
  }
  return taken.sort((a, b) => a.start - b.start);
}

const spansOf = (mentions: readonly EntityMention[]): TypedSpan[] =>
  mentions.filter((m) => SCORED_TYPES.has(m.type)).map((m) => ({ start: m.start, end: m.end, type: m.type }));

export interface WebNewsEvaluation {
  /** Each page's paragraphs tagged one by one and reconciled as the document step does. */
  production: SpanScores;
  /** The entities worker's own output, before reconciliation. */
  paragraphs: SpanScores;
  paragraphCount: number;
  goldMentions: number;
  errors: Array<{ page: string; text: string; missed: string[]; wrong: string[] }>;
  /** Each reconciled mention's confidence and whether it is a gold mention (span and type). */
  confidences: Array<{ confidence: number; right: boolean }>;
}

/**
 * Tags every paragraph of each annotated page's body (the whole article, so the document step
 * sees what production would), reconciles per page, and scores the annotated paragraphs.
 */
export function evaluateWebNews(
  bodies: ReadonlyMap<string, string>,
  annotations: readonly WebAnnotation[],
  tagger: EntityTagger,
  document: Pick<ReconcileOptions, "aliases" | "context"> = {},
): WebNewsEvaluation {
  const gold: TypedSpan[][] = [];
  const before: TypedSpan[][] = [];
  const after: TypedSpan[][] = [];
  const errors: WebNewsEvaluation["errors"] = [];
  const confidences: WebNewsEvaluation["confidences"] = [];
  for (const a of annotations) {
    const body = bodies.get(a.page);
    if (body === undefined) throw new Error(`no page ${a.page} in the ground truth`);
    const paras = webParagraphs(body);
    const text = paras[a.paragraph];
    if (!text) throw new Error(`page ${a.page} has no paragraph ${a.paragraph}`);
    const kept = paras.map((p, i) => ({ p, i })).filter(({ p }) => p.length > 0);
    const raw = kept.map(({ p }) => ({ text: p, mentions: tagger.tag(p).mentions }));
    const reconciled = reconcileEntities(raw, document);
    const k = kept.findIndex(({ i }) => i === a.paragraph);
    const g = goldSpans(text, a.entities);
    const r = spansOf(reconciled[k]!);
    gold.push(g);
    before.push(spansOf(raw[k]!.mentions));
    after.push(r);
    const key = (x: TypedSpan) => `${x.start}:${x.end}:${x.type}`;
    const show = (x: TypedSpan) => `${x.type}:${text.slice(x.start, x.end)}`;
    const gk = new Set(g.map(key));
    const rk = new Set(r.map(key));
    for (const m of reconciled[k]!) if (SCORED_TYPES.has(m.type)) confidences.push({ confidence: m.confidence, right: gk.has(key(m)) });
    const missed = g.filter((x) => !rk.has(key(x))).map(show);
    const wrong = r.filter((x) => !gk.has(key(x))).map(show);
    if (missed.length > 0 || wrong.length > 0) errors.push({ page: a.page, text, missed, wrong });
  }
  return {
    production: scoreSpans(gold, after, ENTITY_TYPES),
    paragraphs: scoreSpans(gold, before, ENTITY_TYPES),
    paragraphCount: annotations.length,
    goldMentions: gold.reduce((n, g) => n + g.length, 0),
    errors,
    confidences,
  };
}

/** The article bodies of the saved web pages, by page id. */
function readWebBodies(groundTruthPath: string): Map<string, string> {
  const truth = JSON.parse(readFileSync(groundTruthPath, "utf8")) as Record<string, { articleBody?: string }>;
  return new Map(Object.entries(truth).map(([id, v]) => [id, v.articleBody ?? ""]));
}

/** One check set: its name, its annotations and the texts (by id) they annotate. */
export interface NewsCheckSet {
  set: "a" | "b" | "c" | "d";
  annotations: WebAnnotation[];
  bodies: ReadonlyMap<string, string>;
}

const annotationFile = (file: string): WebAnnotation[] =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../annotations/${file}`, import.meta.url)), "utf8")) as WebAnnotation[];

/**
 * The project's news check sets with their texts: web sets A, B and D (paragraphs of the saved web
 * pages' article bodies) and news set C (paragraphs of PolNeAR's dev articles).
 */
export function readNewsCheckSets(): NewsCheckSet[] {
  const web = readWebBodies(requireSharedData("html", "ground-truth.json"));
  const polnear = new Map(readPolnear(requireSharedData("quotes", "polnear", "dev.jsonl")).map((a) => [a.id, a.text]));
  return [
    { set: "a", annotations: annotationFile("web-ner-a.json"), bodies: web },
    { set: "b", annotations: annotationFile("web-ner-b.json"), bodies: web },
    { set: "c", annotations: annotationFile("news-ner-c.json"), bodies: polnear },
    { set: "d", annotations: annotationFile("web-ner-d.json"), bodies: web },
  ];
}
