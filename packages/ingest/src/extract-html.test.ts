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

const story = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the story tells readers what the council decided on Tuesday and why the vote matters to the town.</p>`).join("");

describe("extractHtml on news pages", () => {
  it("takes the headline from og:title without the site name, not from a logo <h1>", () => {
    const html = `<html><head><title>Council votes on bridge | Daily Bugle</title><meta property="og:title" content="Council votes on bridge - Daily Bugle">
      <meta property="og:site_name" content="Daily Bugle"></head><body><h1><a href="/">Daily Bugle</a></h1><article>${story(5)}</article></body></html>`;
    expect(extractHtml(html).title).toBe("Council votes on bridge");
  });

  it("reads byline and published date from JSON-LD", () => {
    const ld = { "@context": "https://schema.org", "@graph": [{ "@type": "NewsArticle", headline: "H", datePublished: "2019-11-19T09:20:50-05:00", author: [{ "@type": "Person", name: "Ann Lee" }, { name: "Bo Chen" }] }] };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><article>${story(5)}</article></body></html>`;
    const a = extractHtml(html);
    expect(a.byline).toBe("Ann Lee, Bo Chen");
    expect(a.publishedAt).toBe("2019-11-19T14:20:50.000Z");
  });

  it("reads byline and date from meta tags when there is no JSON-LD, ignoring author URLs", () => {
    const html = `<html><head><meta name="author" content="By Jo Park"><meta property="article:author" content="https://facebook.com/x">
      <meta property="article:published_time" content="2020-01-02"></head><body><article>${story(5)}</article></body></html>`;
    const a = extractHtml(html);
    expect(a.byline).toBe("Jo Park");
    expect(a.publishedAt).toBe("2020-01-02T00:00:00.000Z");
  });

  it("leaves out captions, share bars, related lists and comment counts", () => {
    const html = `<html><body><article><div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
      <figure><img src="a.jpg"><figcaption>The bridge at dusk. Photo: J. Smith</figcaption></figure>${story(4)}
      <p>Share this:</p><div class="related-stories"><h3>Most Popular</h3><ul><li><a href="/a">Another story about something else entirely</a></li></ul></div>
      <p><a href="/b">Mayor resigns after vote</a></p><p>12 Comments</p>${story(1)}</article></body></html>`;
    const { text } = extractHtml(html);
    expect(text).toContain("Paragraph 4 of the story");
    expect(text).not.toMatch(/Facebook|Twitter|Photo: J\. Smith|dusk|Share this|Most Popular|Another story|Mayor resigns|12 Comments/);
  });

  it("separates the cells of a table row", () => {
    const html = `<html><body><article>${story(4)}<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr></table></article></body></html>`;
    expect(extractHtml(html).text).toContain("Ann | 31");
    expect(extractHtml(html).text).not.toContain("Ann31");
  });

  it("reads a page wrapped whole in a <form>", () => {
    const html = `<html><body><form id="aspnetForm" action="/x"><div class="main">${story(6)}</div></form></body></html>`;
    expect(extractHtml(html).text.split("\n\n")).toHaveLength(6);
  });

  it("keeps a story container whose class also names a chrome word", () => {
    const html = `<html><body><div class="entry-content entry-content-read-more">${story(5)}</div><div class="read-more"><a href="/x">Read more stories</a></div></body></html>`;
    const { text } = extractHtml(html);
    expect(text.split("\n\n")).toHaveLength(5);
    expect(text).not.toContain("Read more stories");
  });
});
