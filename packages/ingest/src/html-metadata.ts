/** What a page says about its article beyond the text: headline, author and date. */
export interface PageMeta {
  title: string | null;
  byline?: string;
  publishedAt?: string;
  siteName?: string;
}

const ARTICLE_TYPE = /Article|BlogPosting|Report|LiveBlogPosting|WebPage/;
const DATE_KEYS = [
  "article:published_time",
  "og:article:published_time",
  "og:published_time",
  "datepublished",
  "article.published",
  "pubdate",
  "publishdate",
  "publish-date",
  "parsely-pub-date",
  "sailthru.date",
  "dc.date.issued",
  "dcterms.created",
  "dc.date",
  "citation_publication_date",
  "date",
];
const AUTHOR_KEYS = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "citation_author"];
const SITE_KEYS = ["og:site_name", "application-name", "twitter:site"];
const SEPARATOR = /\s+[|\u2013\u2014\u00B7\u2022\u00BB:\-/]\s+|\s+::\s+/;

const clean = (s: string | null | undefined): string => (s ?? "").replace(/\s+/g, " ").trim();
const simple = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** Every `<meta>` value by its lower-cased name, property or itemprop (the first one wins). */
function metaValues(document: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const el of document.querySelectorAll("meta")) {
    const content = clean(el.getAttribute("content"));
    if (!content) continue;
    for (const attr of ["property", "name", "itemprop"]) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !values.has(key)) values.set(key, content);
    }
  }
  return values;
}

type Json = Record<string, unknown>;

/** The JSON-LD objects of a page, `@graph` and arrays flattened. */
function jsonLdObjects(document: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Json;
    out.push(o);
    if (o["@graph"]) visit(o["@graph"], depth + 1);
  };
  for (const el of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse((el.textContent ?? "").replace(/^\s*<!--|-->\s*$/g, "")), 0);
    } catch {
      // A broken JSON-LD block says nothing; the meta tags may still.
    }
  }
  return out;
}

const typeOf = (o: Json): string => [o["@type"]].flat().join(" ");

function names(v: unknown): string[] {
  if (typeof v === "string") return [clean(v)];
  if (Array.isArray(v)) return v.flatMap(names);
  if (v && typeof v === "object") return names((v as Json).name);
  return [];
}

/** An ISO 8601 time from a date string, or undefined when it is not a date. */
export function toIsoDate(value: string | undefined): string | undefined {
  if (!value || !/\d{4}/.test(value)) return undefined;
  const time = Date.parse(value.trim());
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(time).toISOString() : undefined;
}

const isUrl = (s: string) => /^(https?:)?\/\//i.test(s) || /^www\./i.test(s);

/** A byline without its "By" and without values that are links or the site's name. */
function cleanByline(value: string | undefined, siteName: string | undefined): string | undefined {
  const v = clean(value).replace(/^by[:\s]+/i, "");
  if (!v || isUrl(v) || v.length > 200 || (siteName && simple(v) === simple(siteName))) return undefined;
  return v;
}

/**
 * A headline without the site's name that pages append or prepend ("Headline | Site",
 * "Site - Headline"). Without a known site name the last part is dropped when it is short
 * and the rest is clearly longer.
 */
export function stripSiteName(title: string, siteName?: string): string {
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  const site = siteName ? simple(siteName) : "";
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const looksLikeSite = (p: string) => site !== "" && (simple(p) === site || (simple(p).length > 2 && (site.includes(simple(p)) || simple(p).includes(site))));
  const rest = (from: number, to: number) => {
    const seps = title.match(new RegExp(SEPARATOR.source, "g")) ?? [];
    let out = parts[from]!;
    for (let i = from + 1; i < to; i++) out += seps[i - 1]! + parts[i]!;
    return out;
  };
  if (looksLikeSite(last)) return rest(0, parts.length - 1);
  if (looksLikeSite(first)) return rest(1, parts.length);
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  if (!siteName && words(last) <= 3 && words(rest(0, parts.length - 1)) >= 4) return rest(0, parts.length - 1);
  return title;
}

/**
 * Read headline, byline, published date and site name from a page: JSON-LD (`headline`,
 * `author`, `datePublished`, `publisher`), then Open Graph / article / Dublin Core meta tags,
 * then `<h1>` and `<title>`. Call before anything changes the document.
 */
export function readPageMeta(document: Document): PageMeta {
  const meta = metaValues(document);
  const ld = jsonLdObjects(document);
  const article = ld.find((o) => ARTICLE_TYPE.test(typeOf(o)) && (o.headline || o.datePublished)) ?? ld.find((o) => ARTICLE_TYPE.test(typeOf(o)));
  const siteName =
    clean(SITE_KEYS.map((k) => meta.get(k)).find((v) => v && !v.startsWith("@"))) ||
    names(article?.publisher)[0] ||
    names(ld.find((o) => /WebSite|Organization/.test(typeOf(o)))?.name)[0] ||
    undefined;

  const h1 = [...document.querySelectorAll("h1")].map((el) => clean(el.textContent)).find((t) => t.split(" ").length >= 2 && (!siteName || simple(t) !== simple(siteName)));
  const headline = clean(meta.get("og:title") || (typeof article?.headline === "string" ? article.headline : "") || meta.get("twitter:title"));
  const docTitle = clean(document.querySelector("title")?.textContent);
  let title = headline ? stripSiteName(headline, siteName) : h1 || stripSiteName(docTitle, siteName);
  // A headline that the page's own <h1> repeats in full is the cleanest form of it.
  if (h1 && title !== h1 && title.includes(h1) && h1.length >= title.length * 0.5) title = h1;

  const publishedAt =
    toIsoDate(typeof article?.datePublished === "string" ? article.datePublished : undefined) ??
    DATE_KEYS.map((k) => toIsoDate(meta.get(k))).find(Boolean) ??
    toIsoDate(document.querySelector("time[itemprop=datePublished], time[pubdate], article time[datetime]")?.getAttribute("datetime") ?? undefined);

  const byline =
    cleanByline(names(article?.author).filter((n) => n && !isUrl(n)).join(", "), siteName) ??
    AUTHOR_KEYS.map((k) => cleanByline(meta.get(k), siteName)).find(Boolean);

  return { title: title || null, ...(byline ? { byline } : {}), ...(publishedAt ? { publishedAt } : {}), ...(siteName ? { siteName } : {}) };
}
