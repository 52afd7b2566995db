import { splitParagraphs } from "@newsflow/nlp";
import { describe, expect, it } from "vitest";
import { extractMarkdown } from "./extract-markdown.js";

describe("extractMarkdown", () => {
  it("takes the first level-one heading as the title and strips inline markup", () => {
    const { title, text } = extractMarkdown("# Headline\n\nSome **bold** and _italic_ with a [link](http://x).\n\n![img](a.png)");
    expect(title).toBe("Headline");
    expect(text.trim()).toBe("Some bold and italic with a link.");
  });

  it("makes each list item a paragraph without its bullet and drops code fences", () => {
    const { text } = extractMarkdown("Intro.\n\n* one\n+ two\n- three\n1. four\n\n```js\ncode()\n```\n");
    expect(splitParagraphs(text, { detectTitle: false }).paragraphs.map((p) => p.text)).toEqual(["Intro.", "one", "two", "three", "1. four"]);
    expect(text).not.toContain("code()");
  });

  it("reads YAML front matter as the title, published date, byline and url, not as a paragraph", () => {
    const md = [
      "---",
      'title: "Port strike ends after two weeks"',
      "date: 2024-03-02 10:00:00 +0100",
      "authors:",
      "  - Jane Doe",
      "  - name: Sam Roe",
      "url: https://news.example/port-strike",
      "tags: [labour, ports]",
      "---",
      "",
      "# Port strike ends after two weeks",
      "",
      "Dock workers voted on Friday to end the strike, the union said.",
    ].join("\n");
    expect(extractMarkdown(md)).toEqual({
      title: "Port strike ends after two weeks",
      text: expect.stringMatching(/^\s*Dock workers voted on Friday to end the strike, the union said\.\s*$/),
      publishedAt: "2024-03-02T09:00:00.000Z",
      byline: "Jane Doe, Sam Roe",
      url: "https://news.example/port-strike",
    });
  });

  it("keeps a first heading that differs from the front matter's title, and leaves out a url that is a path", () => {
    const { title, text, url } = extractMarkdown("---\ntitle: Strike over\nurl: /2024/03/strike/\n...\n# Background\n\nThe strike began in February.");
    expect(title).toBe("Strike over");
    expect(url).toBeUndefined();
    expect(splitParagraphs(text, { detectTitle: false }).paragraphs.map((p) => p.text)).toEqual(["Background", "The strike began in February."]);
  });

  it("drops front matter that is not valid YAML with the reason, and reads a leading thematic break as markup", () => {
    const broken = extractMarkdown('---\ntitle: "unclosed\n---\n\nBody text.');
    expect(broken.text.trim()).toBe("Body text.");
    expect(broken.frontMatterError).toMatch(/^front matter is not valid YAML \(.+\): its fields are not read$/);
    const rule = extractMarkdown("---\n\nFirst paragraph.\n\n---\n\nSecond paragraph.");
    expect(rule.frontMatterError).toBeUndefined();
    expect(splitParagraphs(rule.text, { detectTitle: false }).paragraphs.map((p) => p.text)).toEqual(["First paragraph.", "Second paragraph."]);
  });
});
