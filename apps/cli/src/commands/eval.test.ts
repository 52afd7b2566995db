import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SHIPPED_QUOTE_MODEL } from "@newsflow/nlp/node";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { evalQuotes } from "../eval/eval-quotes.js";
import { written } from "../write-capture.test-support.js";
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

  it("prints the timed speed passes on stderr, not the thousands of warm-up passes a small file takes", async () => {
    const lines = await written(process.stderr, () => evalQuotes(data));
    expect(lines.filter((l) => l.includes("speed pass"))).toHaveLength(5);
  }, 60_000);
});

describe("newsflow eval --errors", () => {
  // Gold that no tagger gives: "bridge" an organisation. The mayor's name is the one mention.
  const conll = join(dir, "one.conll");
  writeFileSync(conll, ["-DOCSTART- -X- -X- O", "", "Mayor NNP B-NP O", "Jane NNP I-NP I-PER", "Smith NNP I-NP I-PER", "saw VBD B-VP O", "the DT B-NP O", "bridge NN I-NP I-ORG", ". . O O", ""].join("\n"));

  it("prints each sentence with a missed or wrong mention before the JSON line", async () => {
    let code: number | undefined;
    const lines = (
      await written(process.stdout, async () => {
        code = await evalCommand(["ner", "--data", conll, "--errors"], {});
      })
    )
      .join("")
      .trimEnd()
      .split("\n");
    expect(code).toBe(0);
    expect(lines.slice(0, 2)).toEqual(["Mayor Jane Smith saw the bridge .", "  missed: ORG:bridge"]);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ task: "ner" });
  }, 60_000);

  it("refuses --errors for a task that does not list errors, in one line", async () => {
    await expect(evalCommand(["quotes", "--data", data, "--errors"], {})).rejects.toThrow(new UsageError("--errors is for ner, not quotes"));
  });
});
