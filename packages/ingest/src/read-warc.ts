import { countOf } from "@newsflow/store";
import { WARCParser } from "warcio";
import { decodeHtml } from "./decode-html.js";
import { toIsoDate } from "./html-metadata.js";
import { htmlDocument, type InputItem, MAX_HTML_CHARS, type ReadOptions } from "./input-item.js";

const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

/**
 * Documents of a web archive (`.warc` or `.warc.gz`, read by warcio as a stream, one record in
 * memory at a time): every HTML `response` record with status 200 becomes a document through the
 * same article extraction as an `.html` file, with `WARC-Target-URI` as its url and the page's
 * published date (else `WARC-Date`) as publishedAt. Its source is `FILE#N`, N the record's number
 * in the file. Other records are skipped and counted in one notice at the end.
 */
export async function* readWarc(stream: AsyncIterable<Uint8Array>, file: string, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  let recordNo = 0;
  const skipped = { other: 0, html: 0, status: 0 };
  for await (const record of new WARCParser(stream)) {
    recordNo++;
    const source = `${file}#${recordNo}`;
    // warcio reads any bytes as a record; one without WARC headers is not an archive (or is damaged
    // from there on). Not its version line: after a request record without HTTP headers ("GET /
    // HTTP/1.1" and a blank line) warcio reads the next record's as "RC/1.0", headers intact.
    if (!record.warcType && !record.warcHeaders.headers.get("WARC-Record-ID")) {
      if (recordNo === 1) yield { kind: "rejected", source: file, reason: "not a web archive: no WARC record header at the start" };
      else yield { kind: "rejected", source, reason: "not a WARC record (the archive is damaged from here): the rest of the file is skipped" };
      break;
    }
    if (record.warcType !== "response") {
      skipped.other++;
      continue;
    }
    const status = Number(record.httpHeaders?.statusCode);
    if (status !== 200) {
      skipped.status++;
      continue;
    }
    const contentType = record.httpHeaders?.headers.get("content-type");
    if (!HTML_TYPE.test(contentType ?? "")) {
      skipped.html++;
      continue;
    }
    // Checked before reading: the record's payload is never held in memory when it is too big.
    if (record.warcContentLength > 2 * MAX_HTML_CHARS) {
      yield { kind: "rejected", source, reason: `record is ${(record.warcContentLength / 1024 / 1024).toFixed(1)} MB, over the limit for one web page: not a news article` };
      continue;
    }
    const html = decodeHtml(await record.readFully(true), contentType);
    const url = record.warcTargetURI ?? undefined;
    const captured = toIsoDate(record.warcDate ?? undefined);
    yield htmlDocument(source, html, { ...(url ? { url } : {}), ...(captured ? { publishedAt: captured } : {}) });
  }
  if (recordNo === 0) yield { kind: "rejected", source: file, reason: "empty file" };
  const total = skipped.other + skipped.html + skipped.status;
  if (total > 0) {
    options.onNotice?.(file, `skipped ${total} of ${countOf(recordNo, "record")} (${skipped.other} not responses, ${skipped.html} not HTML, ${skipped.status} status not 200)`);
  }
}
