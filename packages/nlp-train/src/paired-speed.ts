/** Which of the two builds an A/B pass runs. */
export type Build = "old" | "new";

/** What one timed pass over the workload took. */
export interface PassTime {
  /** Items processed (paragraphs). */
  units: number;
  wallSeconds: number;
  /** User + system CPU time of the process (every thread, the collector's included). */
  cpuSeconds: number;
}

/** Items per second, by the wall clock and per CPU second. */
export interface Throughput {
  wall: number;
  cpu: number;
}

/** One pair of passes, one per build, and the ratios new/old of their throughputs. */
export interface PairResult {
  pair: number;
  first: Build;
  old: Throughput;
  new: Throughput;
  ratioWall: number;
  ratioCpu: number;
}

/** The figures of a run of pairs: medians over the pairs, and the spread of the ratios. */
export interface PairSummary {
  pairs: number;
  medianRatioCpu: number;
  medianRatioWall: number;
  minRatioCpu: number;
  maxRatioCpu: number;
  minRatioWall: number;
  maxRatioWall: number;
  medianOldCpu: number;
  medianNewCpu: number;
  medianOldWall: number;
  medianNewWall: number;
}

/** Items per second of a pass. */
export function throughput(t: PassTime): Throughput {
  return { wall: t.units / t.wallSeconds, cpu: t.units / t.cpuSeconds };
}

/** The build that goes first in pair `i`: the old one in even pairs, the new one in odd pairs, so neither always runs on a host that the other has just warmed or heated. */
export function firstInPair(i: number): Build {
  return i % 2 === 0 ? "old" : "new";
}

/** The median of `xs` (the mean of the middle two when their count is even). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of no values");
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Runs `warmup` passes of each build (alternating; their times are dropped), then `pairs` pairs of
 * passes, the order within a pair given by `firstInPair`. `measure` runs one pass of a build and
 * says what it took; the host drifts by minutes, so only the two passes of one pair are compared.
 *
 * @example runPairs(20, 2, (build) => timePass(build === "old" ? oldRun : newRun, texts), (r) => log(r))
 */
export function runPairs(pairs: number, warmup: number, measure: (build: Build) => PassTime, onPair: (result: PairResult) => void = () => {}): PairResult[] {
  for (let w = 0; w < warmup; w++) {
    measure("old");
    measure("new");
  }
  const results: PairResult[] = [];
  for (let i = 0; i < pairs; i++) {
    const first = firstInPair(i);
    const a = measure(first);
    const b = measure(first === "old" ? "new" : "old");
    const old = throughput(first === "old" ? a : b);
    const now = throughput(first === "old" ? b : a);
    const result = { pair: i + 1, first, old, new: now, ratioWall: now.wall / old.wall, ratioCpu: now.cpu / old.cpu };
    onPair(result);
    results.push(result);
  }
  return results;
}

/** The medians and ranges of a run of pairs; the paired ratio new/old is the figure to trust. */
export function summarizePairs(results: readonly PairResult[]): PairSummary {
  const of = (f: (r: PairResult) => number) => results.map(f);
  const cpu = of((r) => r.ratioCpu);
  const wall = of((r) => r.ratioWall);
  return {
    pairs: results.length,
    medianRatioCpu: median(cpu),
    medianRatioWall: median(wall),
    minRatioCpu: Math.min(...cpu),
    maxRatioCpu: Math.max(...cpu),
    minRatioWall: Math.min(...wall),
    maxRatioWall: Math.max(...wall),
    medianOldCpu: median(of((r) => r.old.cpu)),
    medianNewCpu: median(of((r) => r.new.cpu)),
    medianOldWall: median(of((r) => r.old.wall)),
    medianNewWall: median(of((r) => r.new.wall)),
  };
}
