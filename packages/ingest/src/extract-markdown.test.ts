import { describe, expect, it } from "vitest";
import { extractMarkdown } from "./extract-markdown.js";

describe("extractMarkdown", () => {
  it("takes the first level-one heading as the title and strips inline markup", () => {
    const { title, text } = extractMarkdown("# Headline\n\nSome **bold** and _italic_ with a [link](http://x).\n\n![img](a.png)");
    expect(title).toBe("Headline");
    expect(text.trim()).toBe("Some bold and italic with a link.");
  });

  it("keeps list items as lines with a dash bullet and drops code fences", () => {
    const { text } = extractMarkdown("Intro.\n\n* one\n+ two\n\n```js\ncode()\n```\n");
    expect(text).toContain("- one\n- two");
    expect(text).not.toContain("code()");
  });
});
