import { splitParagraphs } from "@newsflow/nlp";
import { describe, expect, it } from "vitest";
import { extractMarkdown, sections } from "./extract-markdown.js";

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

  it("reads Markdown as a Markdown parser does: underlined headings, tables, HTML, entities, escapes, footnotes, nested lists", () => {
    const md = [
      "Port strike ends",
      "================",
      "",
      "Dock workers at AT&amp;T\\'s port voted *on Friday*.[^1] <!-- editor: check -->",
      "",
      "Background",
      "----------",
      "The strike began in February.  ",
      "It lasted two weeks.",
      "",
      "| Port | Days |",
      "|------|------|",
      "| Oakland | 14 |",
      "",
      '<div class="note">Some <b>HTML</b> block</div>',
      "",
      "> 1. First demand",
      ">    - a sub-point",
      "",
      "    indented code()",
      "",
      "[^1]: The footnote text.",
    ].join("\n");
    const { title, text } = extractMarkdown(md);
    expect(title).toBe("Port strike ends");
    expect(splitParagraphs(text, { detectTitle: false }).paragraphs.map((p) => p.text)).toEqual([
      "Dock workers at AT&T's port voted on Friday.",
      "Background",
      "The strike began in February. It lasted two weeks.",
      "Port | Days",
      "Oakland | 14",
      "Some HTML block",
      "1. First demand",
      "a sub-point",
    ]);
  });

  it("cuts a long file into sections at blank lines outside fenced code", () => {
    const text = ["aaaa", "", "```", "x", "", "y", "```", "", "bbbb", "", "cccc"].join("\n");
    const parts = sections(text, 4);
    expect(parts.join("\n")).toBe(text);
    expect(parts).toEqual(["aaaa\n", "```\nx\n\ny\n```\n", "bbbb\n", "cccc"]);
    expect(sections("short", 100)).toEqual(["short"]);
  });

  it("reads a file longer than a section whole: every paragraph once, link definitions from its end", () => {
    const paragraphs = Array.from({ length: 7000 }, (_, i) => `Paragraph ${i} says what the [council][c] decided about the budget this week.`);
    const md = `# Budget\n\n${paragraphs.join("\n\n")}\n\n[c]: https://council.example/\n`;
    expect(md.length).toBeGreaterThan(2 * 256 * 1024);
    const { title, text } = extractMarkdown(md);
    expect(title).toBe("Budget");
    expect(text.split("\n\n")).toEqual(paragraphs.map((p) => p.replace("[council][c]", "council")));
  });
});
