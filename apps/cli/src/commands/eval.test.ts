import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SHIPPED_QUOTE_MODEL } from "@newsflow/nlp/node";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { evalQuotes } from "../eval/eval-quotes.js";
import { evalCommand } from "./eval.js";

const dir = mkdtempSync(join(tmpdir(), "newsflow-eval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const text = 'The mayor said the bridge would reopen on Monday.\n\n"We are ready," Jane Smith told reporters.';
const data = join(dir, "one.jsonl");
writeFileSync(data, `${JSON.stringify({ id: "a1", publisher: "test", text, attributions: [] })}\n`);

describe("newsflow eval --model", () => {
  it("refuses --model for a task without a model file, in one line", async () => {
    await expect(evalCommand(["summaries", "--data", data, "--model", SHIPPED_QUOTE_MODEL], {})).rejects.toThrow(new UsageError("--model is for ner and quotes, not summaries"));
  });

  it("names a model file that is not there", async () => {
    const missing = join(dir, "nope.json.gz");
    await expect(evalCommand(["quotes", "--data", data, "--model", missing], {})).rejects.toThrow(new UsageError(`no such file: ${missing}`));
  });

  it("scores the model file it is given", async () => {
    const shipped = (await evalQuotes(data)) as { predicted: number };
    expect(shipped.predicted).toBeGreaterThan(0);
    expect(await evalQuotes(data, SHIPPED_QUOTE_MODEL)).toMatchObject({ predicted: shipped.predicted });
    // A file that is no quote model is refused, so the path is really read.
    const notAModel = join(dir, "not-a-model.json");
    writeFileSync(notAModel, "{}");
    await expect(evalQuotes(data, notAModel)).rejects.toThrow();
  }, 60_000);
});
