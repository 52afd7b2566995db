import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

/** One record of a test web archive: an HTTP response, or another WARC record type. */
export interface WarcRecordSpec {
  type?: "response" | "request" | "warcinfo" | "metadata";
  url: string;
  date?: string;
  status?: number;
  contentType?: string;
  body: string;
}

/**
 * Write a web archive as crawlers do (WARC/1.0; in a `.warc.gz` every record is its own gzip
 * member), spelled out here by hand so the readers are tested against the format, not against
 * the library that reads it.
 */
export function writeWarc(path: string, records: WarcRecordSpec[]): void {
  const parts = records.map((r, i) => {
    const type = r.type ?? "response";
    const body = Buffer.from(r.body, "utf8");
    const block =
      type === "response"
        ? Buffer.concat([Buffer.from(`HTTP/1.1 ${r.status ?? 200} X\r\nContent-Type: ${r.contentType ?? "text/html; charset=utf-8"}\r\nContent-Length: ${body.length}\r\n\r\n`), body])
        : body;
    const head =
      `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${r.url}\r\nWARC-Date: ${r.date ?? "2024-03-01T12:00:00Z"}\r\n` +
      `WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-${String(i).padStart(12, "0")}>\r\n` +
      `Content-Type: ${type === "response" ? "application/http; msgtype=response" : "application/octet-stream"}\r\nContent-Length: ${block.length}\r\n\r\n`;
    const record = Buffer.concat([Buffer.from(head), block, Buffer.from("\r\n\r\n")]);
    return path.endsWith(".gz") ? gzipSync(record) : record;
  });
  writeFileSync(path, Buffer.concat(parts));
}

/** A small news page with a headline, JSON-LD byline and date, chrome around the story. */
export function newsPage(headline: string, options: { author?: string; published?: string } = {}): string {
  const ld = { "@context": "https://schema.org", "@type": "NewsArticle", headline, ...(options.published ? { datePublished: options.published } : {}), ...(options.author ? { author: { "@type": "Person", name: options.author } } : {}) };
  const paragraphs = [
    `${headline}: officials in the river town said on Monday that the water had started to fall after three days of rain.`,
    "Residents who left their homes on Friday were told they could return once engineers had checked the bridges.",
    `"We are not out of danger yet," said the mayor, Ann Lee, who asked drivers to keep away from the lower roads.`,
    "Forecasters expect dry weather for the rest of the week, giving crews time to clear the drains and repair the embankment.",
  ];
  return `<!doctype html><html><head><title>${headline} | The River Gazette</title><meta property="og:site_name" content="The River Gazette">
<script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><header><a href="/">The River Gazette</a></header>
<nav><a href="/news">News</a> <a href="/sport">Sport</a></nav><article><h1>${headline}</h1><div class="share-tools"><a href="#">Facebook</a><a href="#">Twitter</a></div>
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}<figure><img src="x.jpg"><figcaption>The high street under water on Saturday.</figcaption></figure></article>
<aside class="most-popular"><h3>Most Popular</h3><ul><li><a href="/x">Another story</a></li></ul></aside><footer>Copyright 2024</footer></body></html>`;
}
