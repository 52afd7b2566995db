import { type ContextTyper, ENTITY_TYPES, type FeatureResources, type NameOccurrence, nameFeatureRows } from "@newsflow/nlp/train";
import { type ConllDocument, spansFromTags } from "./conll.js";
import { createLcgRandom, shuffleInPlace } from "./random.js";

/** One training example of the context typer: a name's feature rows in one document and its gold type. */
export interface TyperInstance {
  rows: Int32Array;
  type: number;
}

/** Every gold name of each document with the features of all the places the document writes it. */
export function typerInstances(docs: readonly ConllDocument[], resources: FeatureResources, bits: number): TyperInstance[] {
  const out: TyperInstance[] = [];
  for (const doc of docs) {
    const groups = new Map<string, { occs: NameOccurrence[]; votes: number[] }>();
    for (const s of doc.sentences) {
      for (const sp of spansFromTags(s.tags)) {
        const key = s.tokens.slice(sp.start, sp.end).join(" ");
        const g = groups.get(key) ?? { occs: [], votes: [0, 0, 0, 0] };
        groups.set(key, g);
        g.occs.push({ tokens: s.tokens, start: sp.start, end: sp.end });
        g.votes[(ENTITY_TYPES as readonly string[]).indexOf(sp.type)]! += 1;
      }
    }
    for (const g of groups.values()) out.push({ rows: nameFeatureRows(resources, g.occs, bits), type: g.votes.indexOf(Math.max(...g.votes)) });
  }
  return out;
}

/** An averaged multi-class perceptron over the instances, in a seeded order, quantised to int16. */
export function trainContextTyper(instances: readonly TyperInstance[], options: { bits: number; epochs: number; seed: number; alpha: number }): ContextTyper {
  const T = 4;
  const size = (1 << options.bits) * T;
  const w = new Float64Array(size);
  const acc = new Float64Array(size);
  const order = instances.map((_, i) => i);
  const random = createLcgRandom(options.seed);
  let c = 1;
  const s = new Float64Array(T);
  for (let e = 0; e < options.epochs; e++) {
    shuffleInPlace(order, random);
    for (const k of order) {
      const x = instances[k]!;
      s.fill(0);
      for (const r of x.rows) for (let t = 0; t < T; t++) s[t]! += w[r * T + t]!;
      let best = 0;
      for (let t = 1; t < T; t++) if (s[t]! > s[best]!) best = t;
      if (best !== x.type) {
        for (const r of x.rows) {
          w[r * T + x.type]! += 1;
          w[r * T + best]! -= 1;
          acc[r * T + x.type]! += c;
          acc[r * T + best]! -= c;
        }
      }
      c++;
    }
  }
  let max = 0;
  for (let i = 0; i < size; i++) {
    w[i] = w[i]! - acc[i]! / c;
    max = Math.max(max, Math.abs(w[i]!));
  }
  const scale = max > 0 ? 32767 / max : 1;
  const weights = new Int16Array(size);
  for (let i = 0; i < size; i++) weights[i] = Math.round(w[i]! * scale);
  return { bits: options.bits, weights, scale, alpha: options.alpha };
}
