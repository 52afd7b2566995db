import { EntityType } from "@newsflow/contracts";

/** The four evaluated types, in label order. */
export const ENTITY_TYPES: readonly EntityType[] = EntityType.options;

/**
 * Labels are BILOU: 0 is O, then for type t the labels 1 + 4t + {0 B, 1 I, 2 L, 3 U}. BILOU
 * lets a greedy tagger know where a mention ends, which helps it more than IOB (Ratinov & Roth).
 */
export const NUM_LABELS = 1 + ENTITY_TYPES.length * 4;
export const POS_B = 0;
export const POS_I = 1;
export const POS_L = 2;
export const POS_U = 3;

export function makeLabel(typeIndex: number, pos: number): number {
  return 1 + typeIndex * 4 + pos;
}

export function labelType(label: number): number {
  return (label - 1) >> 2;
}

export function labelPos(label: number): number {
  return (label - 1) & 3;
}

/** allowed[prev * NUM_LABELS + cur] is 1 when BILOU allows `cur` after `prev` (prev 0 at start). */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array(NUM_LABELS * NUM_LABELS);
  for (let p = 0; p < NUM_LABELS; p++) {
    const open = p !== 0 && labelPos(p) <= POS_I;
    for (let c = 0; c < NUM_LABELS; c++) {
      let ok: boolean;
      if (open) ok = c !== 0 && labelType(c) === labelType(p) && (labelPos(c) === POS_I || labelPos(c) === POS_L);
      else ok = c === 0 || labelPos(c) === POS_B || labelPos(c) === POS_U;
      a[p * NUM_LABELS + c] = ok ? 1 : 0;
    }
  }
  return a;
})();

/** A token span [start, end) of one type index. */
export interface LabelSpan {
  start: number;
  end: number;
  type: number;
}

/** Reads spans from BILOU labels; an unclosed B/I run still ends at the next O or boundary. */
export function spansFromLabels(labels: ArrayLike<number>, n: number): LabelSpan[] {
  const spans: LabelSpan[] = [];
  let open = -1;
  let openType = -1;
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    if (l === 0) {
      if (open >= 0) spans.push({ start: open, end: i, type: openType });
      open = -1;
      continue;
    }
    const t = labelType(l);
    const pos = labelPos(l);
    if (open >= 0 && (t !== openType || pos === POS_B || pos === POS_U)) {
      spans.push({ start: open, end: i, type: openType });
      open = -1;
    }
    if (open < 0) {
      open = i;
      openType = t;
    }
    if (pos === POS_L || pos === POS_U) {
      spans.push({ start: open, end: i + 1, type: t });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ start: open, end: n, type: openType });
  return spans;
}

/** BILOU labels for spans over n tokens. */
export function labelsFromSpans(spans: readonly LabelSpan[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (const s of spans) {
    if (s.end - s.start === 1) {
      out[s.start] = makeLabel(s.type, POS_U);
      continue;
    }
    out[s.start] = makeLabel(s.type, POS_B);
    for (let i = s.start + 1; i < s.end - 1; i++) out[i] = makeLabel(s.type, POS_I);
    out[s.end - 1] = makeLabel(s.type, POS_L);
  }
  return out;
}
