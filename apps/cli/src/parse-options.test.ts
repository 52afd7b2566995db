import { describe, expect, it } from "vitest";
import { UsageError } from "./errors.js";
import { parseOptions } from "./parse-options.js";

describe("parseOptions", () => {
  it("tells how to give a value that starts with a dash instead of calling it ambiguous", () => {
    // Node's message was "Option '--paragraphs' argument is ambiguous." and nothing more on the line.
    const parse = () => parseOptions({ args: ["--paragraphs", "-5"], options: { paragraphs: { type: "string" } } });
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow("option '--paragraphs' needs a value: to give one that starts with a dash, write --paragraphs=VALUE");
  });

  it("keeps Node's first line for other bad flags", () => {
    expect(() => parseOptions({ args: ["--nope"], options: {} })).toThrow(/^Unknown option '--nope'$/);
  });
});
