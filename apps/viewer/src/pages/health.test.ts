import { describe, expect, it } from "vitest";
import { lastHour } from "./health.js";

const MINUTE = 60_000;
const now = 1_000 * MINUTE + 30_000; // half past minute 1,000
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("lastHour", () => {
  it("counts the jobs of the minute BullMQ has not closed yet", () => {
    // 310 jobs finished in this minute: BullMQ keeps them in meta until a job of a later minute.
    const minutes = lastHour({ meta: { count: 310, prevTS: now - 20_000, prevCount: 0 }, data: [] }, now);
    expect(minutes).toHaveLength(60);
    expect(minutes[59]).toBe(310);
    expect(sum(minutes)).toBe(310);
  });

  it("places each closed minute before the open one, not before now", () => {
    // The last job finished 5 minutes ago; the 40 before it in the minute before that one.
    const minutes = lastHour({ meta: { count: 52, prevTS: now - 5 * MINUTE, prevCount: 50 }, data: [40, 10] }, now);
    expect(minutes[54]).toBe(2);
    expect(minutes[53]).toBe(40);
    expect(minutes[52]).toBe(10);
    expect(sum(minutes)).toBe(52);
  });

  it("leaves out what finished more than an hour ago", () => {
    expect(sum(lastHour({ meta: { count: 500, prevTS: now - 3 * 60 * MINUTE, prevCount: 480 }, data: [480] }, now))).toBe(0);
    // Some of the list is within the hour: minute 59 before now is, minute 60 is not.
    const minutes = lastHour({ meta: { count: 7, prevTS: now - 58 * MINUTE, prevCount: 6 }, data: [2, 4] }, now);
    expect(minutes.slice(0, 3)).toEqual([2, 1, 0]);
    expect(sum(minutes)).toBe(3);
  });

  it("is all zeros for a queue that never finished a job", () => {
    expect(lastHour({ meta: { count: 0, prevTS: 0, prevCount: 0 }, data: [] }, now)).toEqual(new Array(60).fill(0));
  });
});
