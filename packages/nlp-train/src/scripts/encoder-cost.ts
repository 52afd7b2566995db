// What a contextual encoder would cost the quote path: `node dist/scripts/encoder-cost.js [--data
// FILE] [--passes N]`. Over the paragraphs of a PolNeAR-format file (dev's 1,839 by default, split
// as `eval quotes` splits them), times the shipped `extractQuotes` and, per paragraph, three small
// encoders' forward passes over its tokens (`quoteTokens`): a 100-d word-vector look-up, then a
// convolution over 3 tokens into 64 ReLU units, or a bidirectional LSTM of 32 or 64 units a
// direction, with a 3-label output layer. Weights are random (the cost does not depend on them).
// The best of N passes (3) each, by the wall clock, on this one thread; on stderr a line per
// encoder with its paragraphs/s alone (and tokens/s, for the entity tagger's target) and with
// extraction (1 / (1/a + 1/b)); last line JSON.
import { parseArgs } from "node:util";
import { extractQuotes, normalizeText, splitParagraphs } from "@newsflow/nlp";
import { loadQuoteModel } from "@newsflow/nlp/node";
import { quoteTokens } from "@newsflow/nlp/train";
import { biLstmMacs, convForward, convMacs, lstmForward } from "../encoder-cost.js";
import { createRandom } from "../ner/random.js";
import { readPolnear } from "../quotes/polnear.js";
import { requireSharedData } from "../shared-data.js";

const { values } = parseArgs({ options: { data: { type: "string" }, passes: { type: "string", default: "3" } } });
const passes = Number(values.passes);
const texts = readPolnear(values.data ?? requireSharedData("quotes", "polnear", "dev.jsonl")).flatMap((a) =>
  splitParagraphs(normalizeText(a.text), { detectTitle: false }).paragraphs.map((p) => p.text),
);
const model = loadQuoteModel();
const paragraphs = texts.map((text) => quoteTokens(text));
const tokens = paragraphs.reduce((n, t) => n + t.length, 0);

const random = createRandom(7);
const weights = (n: number): Float32Array => Float32Array.from({ length: n }, () => (random() - 0.5) * 0.2);
const DIMS = 100;
const VOCAB = 50_000;
const LABELS = 3;
const table = weights(VOCAB * DIMS);

/** The paragraph's word vectors, `length * DIMS` (a hashed look-up into a table of the shipped size). */
function embed(t: ReturnType<typeof quoteTokens>, x: Float32Array): Float32Array {
  for (let i = 0; i < t.length; i++) {
    const row = (t.word[i]! % VOCAB) * DIMS;
    x.set(table.subarray(row, row + DIMS), i * DIMS);
  }
  return x;
}

/** Adds the label scores of the encoder's per-token output (`width` values a token) to `out`. */
function project(h: Float32Array, n: number, width: number, w: Float32Array, out: Float32Array): void {
  for (let t = 0; t < n; t++) {
    for (let l = 0; l < LABELS; l++) {
      let s = 0;
      for (let j = 0; j < width; j++) s += w[l * width + j]! * h[t * width + j]!;
      out[t * LABELS + l] = out[t * LABELS + l]! + s;
    }
  }
}

interface Encoder {
  name: string;
  macsPerToken: number;
  run: (t: ReturnType<typeof quoteTokens>) => void;
}

const conv = { dims: DIMS, width: 3, filters: 64, w: weights(64 * 3 * DIMS), b: weights(64) };
const convOut = weights(LABELS * 64);
const lstm = (units: number) => ({ dims: DIMS, units, w: weights(4 * units * (DIMS + units)), b: weights(4 * units) });
const encoders: Encoder[] = [
  {
    name: "conv 3x100 -> 64",
    macsPerToken: convMacs(conv) + LABELS * 64,
    run: (t) => project(convForward(conv, embed(t, new Float32Array(t.length * DIMS)), t.length), t.length, 64, convOut, new Float32Array(t.length * LABELS)),
  },
  ...[32, 64].map((units): Encoder => {
    const fw = lstm(units);
    const bw = lstm(units);
    // The output layer over both directions' states: one half of its weights for each.
    const outFw = weights(LABELS * units);
    const outBw = weights(LABELS * units);
    return {
      name: `BiLSTM 100 -> 2x${units}`,
      macsPerToken: biLstmMacs(fw) + 2 * LABELS * units,
      run: (t) => {
        const x = embed(t, new Float32Array(t.length * DIMS));
        const scores = new Float32Array(t.length * LABELS);
        project(lstmForward(fw, x, t.length), t.length, units, outFw, scores);
        project(lstmForward(bw, x, t.length, true), t.length, units, outBw, scores);
      },
    };
  }),
];

/** Paragraphs per second of `work` over every paragraph: the best of the passes, after one to warm up. */
function rate(work: (i: number) => void): number {
  let best = Infinity;
  for (let pass = 0; pass <= passes; pass++) {
    const t0 = performance.now();
    for (let i = 0; i < texts.length; i++) work(i);
    if (pass > 0) best = Math.min(best, performance.now() - t0);
  }
  return Math.round(texts.length / (best / 1000));
}

const say = (line: string) => process.stderr.write(`encoder-cost: ${line}\n`);
const extraction = rate((i) => extractQuotes(texts[i]!, model));
say(`${texts.length} paragraphs, ${tokens} tokens; extractQuotes ${extraction} paragraphs/s`);
const results = encoders.map((e) => {
  const alone = rate((i) => e.run(paragraphs[i]!));
  const combined = Math.round(1 / (1 / extraction + 1 / alone));
  // The same per token, to set beside the entity tagger's tokens/s target.
  const tokensPerSecond = Math.round((alone * tokens) / texts.length);
  say(`${e.name}: ${e.macsPerToken} multiply-adds a token, ${alone} paragraphs/s alone (${tokensPerSecond} tokens/s), ${combined} with extraction`);
  return { encoder: e.name, macsPerToken: e.macsPerToken, paragraphsPerSecond: alone, tokensPerSecond, withExtraction: combined };
});
process.stdout.write(`${JSON.stringify({ paragraphs: texts.length, tokens, extraction, encoders: results })}\n`);
