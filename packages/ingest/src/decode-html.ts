/**
 * The characters of windows-1252's bytes 0x80-0x9F (WHATWG Encoding Standard, index-windows-1252),
 * where it differs from ISO-8859-1: curly quotation marks, dashes, the euro sign. The labels
 * "iso-8859-1", "latin1" and "us-ascii" all name windows-1252 on the web.
 */
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

const C1 = /[\x80-\x9f]/g;

/**
 * windows-1252 decoded here: Node's TextDecoder (since 20.18.3 and 22.13.0, nodejs/node#60888)
 * decodes it as ISO-8859-1, so a page's curly quotation marks came out as C1 control characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(C1, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xfe, 0xff], "utf-16be"],
  [[0xff, 0xfe], "utf-16le"],
];

function bomEncoding(bytes: Uint8Array): string | null {
  for (const [bom, encoding] of BOMS) if (bom.every((b, i) => bytes[i] === b)) return encoding;
  return null;
}

const HEADER_CHARSET = /charset\s*=\s*["']?\s*([\w:.-]+)/i;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

/**
 * The encoding a web page's bytes are in, as a browser settles it: a byte order mark, else the
 * charset of the HTTP Content-Type header, else a `<meta>` charset in the first 4 KB; null when
 * none says, or when the label is unknown. A `<meta>` that names UTF-16 means UTF-8, as in
 * browsers (the bytes that hold it are ASCII).
 */
export function declaredEncoding(bytes: Uint8Array, contentType?: string | null): string | null {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  const fromHeader = HEADER_CHARSET.exec(contentType ?? "")?.[1];
  const fromMeta = fromHeader ? undefined : META_CHARSET.exec(Buffer.from(bytes.subarray(0, 4096)).toString("latin1"))?.[1];
  const label = fromHeader ?? fromMeta;
  if (!label) return null;
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return null;
  }
  return fromMeta && encoding.startsWith("utf-16") ? "utf-8" : encoding;
}

/** The bytes decoded in `encoding` (a name `declaredEncoding` gave; bytes it cannot read become U+FFFD), without a byte order mark. */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  const text = encoding === "windows-1252" ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
  return text.replace(/^\uFEFF/, "");
}

/** The text of an HTML payload in the encoding its bytes, headers or `<meta>` declare (UTF-8 when none does). */
export function decodeHtml(bytes: Uint8Array, contentType: string | null | undefined): string {
  return decodeAs(bytes, declaredEncoding(bytes, contentType) ?? "utf-8");
}
