import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.js";

describe("parseEnv", () => {
  it("caps live streams at 100 unless VIEWER_MAX_SSE says otherwise", () => {
    expect(parseEnv({}).VIEWER_MAX_SSE).toBe(100);
    expect(parseEnv({ VIEWER_MAX_SSE: "5" }).VIEWER_MAX_SSE).toBe(5);
  });

  it("refuses a VIEWER_MAX_SSE that is not a positive whole number, in one line", () => {
    for (const bad of ["0", "-1", "2.5", "many"]) expect(() => parseEnv({ VIEWER_MAX_SSE: bad }), bad).toThrow(/^bad environment: VIEWER_MAX_SSE /);
  });

  it("throttles failed sign-ins by default: 5 per 15 minutes", () => {
    expect(parseEnv({})).toMatchObject({ VIEWER_LOGIN_MAX_FAILURES: 5, VIEWER_LOGIN_WINDOW_MS: 900_000 });
    expect(() => parseEnv({ VIEWER_LOGIN_MAX_FAILURES: "0" })).toThrow(/VIEWER_LOGIN_MAX_FAILURES/);
  });
});
