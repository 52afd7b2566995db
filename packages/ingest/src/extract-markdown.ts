import { isHttpUrl } from "@newsflow/contracts";
import { parse as parseYaml } from "yaml";
import { toIsoDate } from "./html-metadata.js";

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
 * and url (an absolute http(s) one: Hugo's `url` is often a path, left out). A block whose YAML is no mapping is not front matter (the file starts with a
 * thematic break) and stays text; one whose YAML does not parse is dropped, with the reason.
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

/**
 * Plain text of a Markdown article: the first `#` heading is the title, other headings stay as
 * paragraphs, emphasis and link markup are removed (link text kept), images, HTML comments and
 * fenced code blocks are dropped. Each list item is a paragraph: a bullet (`-`, `*`, `+`) is
 * dropped, an ordered item keeps its number. YAML front matter gives the title (a first `#`
 * heading that repeats it is dropped, one that differs stays a paragraph), date, author and url.
 */
export function extractMarkdown(md: string): MarkdownArticle {
  const front = frontMatter(md);
  const { title: givenTitle, ...fields } = front?.fields ?? {};
  let title: string | null = givenTitle ?? null;
  let headingSeen = false;
  const body = (front ? front.rest : md)
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .split("\n")
    .map((line) => {
      const h = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (h) {
        if (!headingSeen && h[1] === "#") {
          headingSeen = true;
          if (title === null || same(title, h[2]!)) {
            title = h[2]!;
            return "";
          }
        }
        return `\n${h[2]}\n`;
      }
      if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(line)) return "";
      const unquoted = line.replace(/^\s{0,3}>\s?/, "");
      // A bullet is markup: the item is a paragraph of its own without it. An ordered item keeps
      // its number, which the rendered list shows too.
      const item = /^\s*[-*+]\s+(.*)$/.exec(unquoted);
      return item ? `\n${item[1]}\n` : unquoted;
    })
    .join("\n")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/^\s{0,3}\[[^\]]+\]:\s+\S+.*$/gm, "")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])[*_](?=\S)([^*_\n]*?\S)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1");
  return { title, text: body, ...fields };
}

const same = (a: string, b: string) => a.replace(/\W+/g, " ").trim().toLowerCase() === b.replace(/\W+/g, " ").trim().toLowerCase();
