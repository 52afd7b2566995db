import { describe, expect, it } from "vitest";
import { declaredEncoding, decodeHtml } from "./decode-html.js";

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("decodeHtml", () => {
  it("reads windows-1252's curly quotation marks, dashes and euro sign, under each of its labels", () => {
    for (const label of ["windows-1252", "iso-8859-1", "latin1", "us-ascii"]) {
      const page = bytes(`<meta charset="${label}"><p>`, [0x93], "We did it,", [0x94], " she said ", [0x96], " at ", [0x80], "5 ", [0x85], "</p>");
      expect(decodeHtml(page, null)).toBe(`<meta charset="${label}"><p>\u201cWe did it,\u201d she said \u2013 at \u20ac5 \u2026</p>`);
    }
  });

  it("keeps windows-1252's five unassigned bytes as they are and its Latin-1 letters", () => {
    expect(decodeHtml(bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xe9, 0xff]), "text/html; charset=cp1252")).toBe("\x81\x8d\x8f\x90\x9d\u00e9\u00ff");
  });

  it("settles the encoding as a browser does: byte order mark, then the header, then <meta>", () => {
    const meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">';
    expect(declaredEncoding(bytes(meta), null)).toBe("windows-1251");
    expect(declaredEncoding(bytes(meta), "text/html; charset=ISO-8859-2")).toBe("iso-8859-2");
    expect(declaredEncoding(bytes([0xef, 0xbb, 0xbf], meta), "text/html; charset=ISO-8859-2")).toBe("utf-8");
    expect(declaredEncoding(bytes('<meta charset="utf-16">'), null)).toBe("utf-8");
    expect(declaredEncoding(bytes('<meta charset="no-such-thing">'), null)).toBeNull();
    expect(declaredEncoding(bytes("<p>plain</p>"), "text/html")).toBeNull();
  });

  it("decodes other encodings through TextDecoder and drops the byte order mark", () => {
    expect(decodeHtml(bytes('<meta charset="windows-1251">', [0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]), null)).toContain("\u041c\u043e\u0441\u043a\u0432\u0430");
    expect(decodeHtml(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<p>caf\u00e9</p>", "utf16le")]), null)).toBe("<p>caf\u00e9</p>");
  });
});
