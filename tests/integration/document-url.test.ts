import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DocumentInput } from "@newsflow/contracts";
import { createProducer } from "@newsflow/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPipeline, type TestPipeline } from "../support/pipeline.js";

describe("a document's url", () => {
  let p: TestPipeline;
  beforeAll(async () => {
    p = await startPipeline({ startWorkers: false });
  });
  afterAll(async () => {
    await p?.stop();
  });

  it("is kept only when it is http(s) at the contract", () => {
    expect(DocumentInput.parse({ text: "x", url: "https://example.org/a" }).url).toBe("https://example.org/a");
    expect(DocumentInput.parse({ text: "x", url: "http://example.org/a" }).url).toBe("http://example.org/a");
    for (const url of ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>1</script>", "vbscript:x", "/relative", "not a url", "ftp://example.org/f"]) {
      expect(DocumentInput.parse({ text: "x", url }).url, url).toBeUndefined();
    }
  });

  it("that is not http(s) is dropped on the way in, and the document still goes through", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-url-"));
    const lines = [
      { id: "bad-url", title: "Bad", text: "Paragraph one.\n\nParagraph two.", url: "javascript:alert(document.domain)" },
      { id: "good-url", title: "Good", text: "Paragraph one.\n\nParagraph two.", url: "https://example.org/news/1" },
    ];
    writeFileSync(join(dir, "docs.jsonl"), `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    const producer = createProducer(p.ctx);
    const counts = await producer.run({ runId: "url-run", inputs: [dir] });
    expect(counts).toMatchObject({ documents: 2, rejected: 0 });
    const { documents } = await p.ctx.store.listRunDocuments("url-run");
    const byTitle = Object.fromEntries(await Promise.all(documents.map(async (d) => [d.title, await p.ctx.store.getDocument(d.id)])));
    expect(byTitle.Bad?.url).toBeNull();
    expect(byTitle.Good?.url).toBe("https://example.org/news/1");
  });
});
