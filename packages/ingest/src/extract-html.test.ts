import { describe, expect, it } from "vitest";
import { extractHtml } from "./extract-html.js";

describe("extractHtml", () => {
  it("keeps the article text and drops scripts, styles and page chrome", () => {
    const html = `<html><head><title>T</title><style>p{}</style><script>alert(1)</script></head>
      <body><nav>Home</nav><article><h1>Big News</h1><p>First &amp; foremost.</p><script>evil()</script><p>Second<br>line.</p></article><footer>(c)</footer></body></html>`;
    const { title, text } = extractHtml(html);
    expect(title).toBe("Big News");
    expect(text).toBe("First & foremost.\n\nSecond\n\nline.");
    expect(text).not.toMatch(/alert|evil|Home|\(c\)/);
  });

  it("falls back to <title> and the whole body when there is no article element", () => {
    const { title, text } = extractHtml("<title>Page</title><div>One.</div><div>Two.</div>");
    expect(title).toBe("Page");
    expect(text).toBe("One.\n\nTwo.");
  });
});
