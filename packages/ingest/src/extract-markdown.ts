import { isHttpUrl } from "@newsflow/contracts";
import { parseHTML } from "linkedom";
import { Lexer, Parser, type Token, type Tokens } from "marked";
import { parse as parseYaml } from "yaml";
import { toIsoDate } from "./html-metadata.js";
import { blockParagraphs } from "./html-text.js";

/** Title, body text and front-matter fields of a Markdown article. */
export interface MarkdownArticle {
  title: string | null;
  text: string;
  publishedAt?: string;
  byline?: string;
  url?: string;
  /** Why a front-matter block was dropped without its fields being read (it is not valid YAML). */
  frontMatterError?: string;
}

const FRONT_MATTER_OPEN = /^---[ \t]*\r?\n/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/m;
const DATE_KEYS = ["date", "publishDate", "published", "publishedAt", "published_at", "pubDate", "datePublished"];
const AUTHOR_KEYS = ["author", "authors", "byline"];
const URL_KEYS = ["url", "canonical", "canonicalURL", "canonical_url", "link"];

const first = (fields: Record<string, unknown>, keys: string[]): unknown => keys.map((k) => fields[k]).find((v) => v !== undefined && v !== null && v !== "");

/** A name, a list of names or of `{name}` objects as one byline ("A, B"). */
function names(value: unknown): string | undefined {
  const list = (Array.isArray(value) ? value : [value])
    .map((v) => (typeof v === "string" ? v : v && typeof v === "object" && typeof (v as { name?: unknown }).name === "string" ? (v as { name: string }).name : ""))
    .map((v) => v.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  return list.length > 0 ? list.join(", ") : undefined;
}

/**
 * The YAML front matter of a Markdown file (Jekyll, Hugo, Astro...: a `---` line first, the block
 * closed by `---` or `...`): its title, published date (`date`, `publishDate`, ...), author(s)
 * and url (an absolute http(s) one: Hugo's `url` is often a path, left out). A block whose YAML
 * is no mapping is not front matter (the file starts with a thematic break) and stays text; one
 * whose YAML does not parse is dropped, with the reason.
 */
function frontMatter(md: string): { rest: string; fields: Omit<MarkdownArticle, "text" | "title"> & { title?: string } } | null {
  const open = FRONT_MATTER_OPEN.exec(md);
  if (!open) return null;
  const block = md.slice(open[0].length);
  const close = FRONT_MATTER_CLOSE.exec(block);
  if (!close) return null;
  const rest = block.slice(close.index + close[0].length);
  let fields: unknown;
  try {
    fields = parseYaml(block.slice(0, close.index));
  } catch (err) {
    return { rest, fields: { frontMatterError: `front matter is not valid YAML (${String((err as Error).message).split("\n")[0]!.replace(/:$/, "")}): its fields are not read` } };
  }
  if (!fields || typeof fields !== "object" || Array.isArray(fields)) return null;
  const f = fields as Record<string, unknown>;
  const date = first(f, DATE_KEYS);
  const title = typeof f.title === "string" ? f.title.replace(/\s+/g, " ").trim() : "";
  const publishedAt = toIsoDate(date instanceof Date ? date.toISOString() : typeof date === "string" ? date : undefined);
  const byline = names(first(f, AUTHOR_KEYS));
  const url = first(f, URL_KEYS);
  return {
    rest,
    fields: { ...(title ? { title } : {}), ...(publishedAt ? { publishedAt } : {}), ...(byline ? { byline } : {}), ...(typeof url === "string" && isHttpUrl(url.trim()) ? { url: url.trim() } : {}) },
  };
}

const FOOTNOTE_REF = /\[\^[^\]\s]+\]/g;
const FOOTNOTE_DEF = /^\s{0,3}\[\^[^\]\s]+\]:/;

/** Inline tokens as HTML, without footnote references ("[^1]") and with hard breaks as spaces. */
function inlineHtml(tokens: Token[]): string {
  const kept = tokens.map((t): Token => {
    if (t.type === "br") return { type: "text", raw: " ", text: " " };
    if (t.type === "text" && !t.tokens) return { ...t, text: (t as Tokens.Text).text.replace(FOOTNOTE_REF, "") } as Token;
    return t;
  });
  return Parser.parseInline(kept);
}

/**
 * The article's blocks as HTML, one block element per paragraph the producer should see: a list
 * item (an ordered one with its number as written), a table row with its cells separated by
 * " | " (as `blockParagraphs` reads a web page's table), a heading, a paragraph; code blocks,
 * rules and link definitions left out; an HTML block as it is (its text is read).
 */
function blocksHtml(tokens: Token[]): string {
  let html = "";
  for (const t of tokens) {
    switch (t.type) {
      case "heading":
      case "paragraph":
      case "text":
        // A GFM footnote's definition ("[^1]: ...") is a note, not the article's text.
        if (!FOOTNOTE_DEF.test(t.raw)) html += `<p>${inlineHtml((t as Tokens.Paragraph).tokens ?? [])}</p>`;
        break;
      case "list":
        for (const item of (t as Tokens.List).items) {
          const number = (t as Tokens.List).ordered ? /^\s*(\d{1,9}[.)])/.exec(item.raw)?.[1] : undefined;
          const [first, ...rest] = item.tokens;
          const lead = first && (first.type === "text" || first.type === "paragraph") ? `<p>${number ? `${number} ` : ""}${inlineHtml((first as Tokens.Text).tokens ?? [])}</p>` : "";
          html += lead + blocksHtml(lead ? rest : item.tokens);
        }
        break;
      case "blockquote":
        html += blocksHtml((t as Tokens.Blockquote).tokens);
        break;
      case "table": {
        const table = t as Tokens.Table;
        for (const row of [table.header, ...table.rows]) html += `<table><tr>${row.map((cell) => `<td>${inlineHtml(cell.tokens)}</td>`).join("")}</tr></table>`;
        break;
      }
      case "html":
        html += `<div>${(t as Tokens.HTML).text}</div>`;
        break;
      default:
        // code, hr, space, def: not the article's text.
        break;
    }
  }
  return html;
}

/**
 * Plain text of a Markdown article, parsed as GitHub-flavoured Markdown by
 * [marked](https://www.npmjs.com/package/marked): the first level-one heading (`#` or a `===`
 * underline) is the title, other headings stay as paragraphs; emphasis, links (their text kept),
 * images, footnote references, HTML tags and comments, code blocks and rules are markup. Each list
 * item is a paragraph (a bullet dropped, an ordered item keeping its number), and so is each table
 * row ("cell | cell"). YAML front matter gives the title (a first `#` heading that repeats it is
 * dropped, one that differs stays a paragraph), date, author and url.
 */
export function extractMarkdown(md: string): MarkdownArticle {
  const front = frontMatter(md);
  const { title: givenTitle, ...fields } = front?.fields ?? {};
  const body = front ? front.rest : md;
  let title: string | null = givenTitle ?? null;
  const paragraphs: string[] = [];
  // A long file is parsed a section at a time (its DOM would take ~14 times its size); each section
  // gets the file's link definitions, which usually stand at its end.
  const parts = sections(body, SECTION_CHARS);
  const defs = parts.length > 1 ? `\n\n${(body.match(LINK_DEF) ?? []).join("\n")}` : "";
  parts.forEach((part, n) => {
    const tokens = new Lexer({ gfm: true }).lex(part + defs);
    const headingAt = n === 0 ? tokens.findIndex((t) => t.type === "heading" && (t as Tokens.Heading).depth === 1) : -1;
    if (headingAt >= 0) {
      const text = htmlParagraphs(`<p>${inlineHtml((tokens[headingAt] as Tokens.Heading).tokens)}</p>`).join(" ");
      if (title === null || same(title, text)) {
        title = text || title;
        tokens.splice(headingAt, 1);
      }
    }
    paragraphs.push(...htmlParagraphs(blocksHtml(tokens)));
  });
  return { title, text: paragraphs.join("\n\n"), ...fields };
}

const SECTION_CHARS = 256 * 1024;
const LINK_DEF = /^ {0,3}\[[^\]^][^\]]*\]:[ \t]*\S.*$/gm;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The text cut at blank lines outside fenced code into sections of about `size` characters (one
 * section when it is shorter).
 */
export function sections(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const out: string[] = [];
  let start = 0;
  let fence: string | null = null;
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf("\n", at);
    const next = end < 0 ? text.length : end + 1;
    const line = text.slice(at, end < 0 ? text.length : end);
    const mark = FENCE.exec(line)?.[1];
    if (mark && (fence === null || (mark[0] === fence[0] && mark.length >= fence.length && line.trim() === mark))) fence = fence === null ? mark : null;
    else if (fence === null && at - start >= size && line.trim() === "") {
      out.push(text.slice(start, at));
      start = next;
    }
    at = next;
  }
  out.push(text.slice(start));
  return out;
}

function htmlParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockParagraphs(document.body as unknown as Node).map((b) => b.text);
}

const same = (a: string, b: string) => a.replace(/\W+/g, " ").trim().toLowerCase() === b.replace(/\W+/g, " ").trim().toLowerCase();
