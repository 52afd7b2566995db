import { describe, expect, it } from "vitest";
import { requireSharedData, sharedDataPath } from "./shared-data.js";

describe("sharedDataPath", () => {
  it("resolves below ../shared/data beside the repository", () => {
    expect(sharedDataPath("ner", "conll2003", "train.txt")).toMatch(/[/\\]shared[/\\]data[/\\]ner[/\\]conll2003[/\\]train\.txt$/);
  });

  it("names the missing file in one line", () => {
    expect(() => requireSharedData("no-such-set", "x.txt")).toThrow(/^no such file: .*no-such-set/);
  });
});
