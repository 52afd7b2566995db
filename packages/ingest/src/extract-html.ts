import { Readability } from "@mozilla/readability";
import { hasText } from "@newsflow/nlp";
import { parseHTML } from "linkedom";
import { readPageMeta } from "./html-metadata.js";
import { type Block, blockParagraphs } from "./html-text.js";

/** Title, body text and what the page says about its article. */
export interface HtmlArticle {
  title: string | null;
  text: string;
  byline?: string;
  publishedAt?: string;
}

// Blocks that are never the story, named by class or id in every CMS: sharing, related and
// popular lists, comments, newsletter boxes, captions and credits, bylines and datelines.
const CHROME_NAME =
  /(^|[-_ ])(share|sharing|social|sharebar|share-?tools|related|recommended|recirc|most-?(popular|read|viewed)|popular|trending|outbrain|taboola|comments?|disqus|newsletter|subscribe|signup|caption|credit|byline|dateline|author-?(info|bio)|breadcrumbs?|tags|promo|advert|ad-?slot|ad-?container|sponsored|paywall|cookie|gdpr|read-?more|more-?stories|also-?read|see-?also)($|[-_ ])/i;
// A name that also says "content" or "article" ("entry-content-read-more") is the story's own box.
const STORY_NAME = /content|article|story|entry|body|main/i;
const CHROME_KEEP = new Set(["html", "body", "main", "article"]);
const CHROME_SELECTOR = "figcaption, aside, nav, [role=complementary], [role=navigation], [aria-hidden=true], [hidden]";

// Whole paragraphs that are labels of page chrome, not sentences of the story.
const CHROME_LINE =
  /^(share( (this|the) (article|story|page|post))?( on \w+| via \w+)?|share this:?|facebook|twitter|x|email|e-mail|print|whatsapp|linkedin|pinterest|reddit|flipboard|messenger|copy( the)? link|link copied|advertisement|advert|ad|ads|iklan|anzeige|publicidad|publicité|pubblicità|sponsored( content)?|related( articles| stories| content| coverage| posts| news| topics)?|most (popular|read|viewed|shared)|trending( now| stories)?|recommended( for you| stories)?|read (more|next)|see also|more (stories|news|from \S+( \S+)?)|you (may|might) also like|comments?|\d+ comments?|view comments|leave a (comment|reply)|show comments|sign up( for .{0,40})?|subscribe( now| to .{0,40})?|follow us( on .{0,30})?|skip to (main )?content|image|photo|video|getty images|image caption|caption|listen( to (this|the) (article|story))?|\d+ min(ute)? read|continue reading|click here.{0,40}|loading\W*|close|menu|search|log ?in|sign ?in|home|tags|review|enlarge( image)?|don'?t miss|recent (articles|posts|stories)|popular this (week|month)|this slideshow requires javascript|(image|photo|slide) \d+ of \d+|\d+ of \d+|click to tweet|breaking news emails)$/i;
// Short lead-ins of links to other stories ("Related: ...", "READ MORE: ...").
const LINK_LEAD = /^[[(]?(related|read more|read also|also read|more|see also|also|don'?t miss|watch|recommended|more on this|more from \S+)\s*:/i;
const DATE_WORD =
  /^(published|updated|posted|last|modified|on|at|date|and|am|pm|a\.m\.|p\.m\.|[a-z]{2,4}t|utc|gmt|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*|\d{1,4}(st|nd|rd|th)?|\d{1,2}[:.]\d{2}(am|pm)?|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|ago|hours?|minutes?|days?)$/i;
const WEB_ONLY = /^(https?:\/\/\S+|www\.\S+|\S+@\S+\.\w+|(twitter|facebook|instagram)\.com\/\S+|@\w+)$/i;
const CREDIT_LINE = /^(\(?(photo|image|picture|photograph|illustration|video|graphic)s?( credit)?( by)?\s*[:/]|\(?credit\s*:|\(?(getty images|ap photo|afp|reuters|epa|shutterstock|istock)\b)|[/|]\s*(getty images|ap|afp|reuters|epa|shutterstock|istock(photo)?)\)?\.?$/i;

/**
 * Whether a paragraph is page chrome rather than story: a label (share buttons, list headers),
 * a photo credit, a lone date line, a bare link or address, a copyright line, a lead-in to
 * another story, or a short line that is all link text (related-story lists).
 */
export function isChromeLine(block: Block): boolean {
  const text = block.text;
  const bare = text.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, "");
  if (bare === "") return true;
  if (bare.length <= 60 && CHROME_LINE.test(bare)) return true;
  const words = text.split(" ");
  if (words.length > 30) return false;
  if (block.linkDensity > 0.9) return true;
  if (CREDIT_LINE.test(text) || WEB_ONLY.test(text) || LINK_LEAD.test(text)) return true;
  if (/^(copyright|\u00A9|\u24D2|\(c\))/i.test(text)) return true;
  const dateWords = text.split(/[\s,|/\u2013\u2014-]+/).filter((w) => w && !/^[:\p{P}]+$/u.test(w));
  return dateWords.length <= 12 && /\b(19|20)\d\d\b|\d:\d\d|\bago\b/i.test(text) && dateWords.every((w) => DATE_WORD.test(w.replace(/[:,.]$/, "")));
}

function removeChrome(document: Document): void {
  for (const el of [...document.querySelectorAll(CHROME_SELECTOR)]) el.remove();
  for (const el of [...document.querySelectorAll("[class], [id]")]) {
    if (CHROME_KEEP.has(el.localName) || !el.isConnected) continue;
    const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.split(/\s+/);
    if (!names.some((n) => CHROME_NAME.test(n) && !STORY_NAME.test(n))) continue;
    // A container that holds the story itself (a wrapper named "article-share-wrap" around
    // everything) must stay: only blocks with little text of their own go.
    if (el.querySelector("article, main") || (el.textContent?.length ?? 0) > 5000) continue;
    el.remove();
  }
}

const isBylineOf = (text: string, byline: string | undefined) => byline !== undefined && text.replace(/^by[:\s]+/i, "") === byline;

function finish(paragraphs: Block[], title: string | null, byline: string | undefined): string[] {
  // A block without a letter or digit ("|", "•") is markup left over, not the article's text.
  const body = paragraphs.filter((p) => hasText(p.text) && !isChromeLine(p) && !isBylineOf(p.text, byline)).map((p) => p.text);
  if (title && body[0] === title) body.shift();
  return body;
}

// Scripts (but JSON-LD), styles, inline SVG and comments are often most of a page's bytes and
// never text: dropping them before building the DOM halves the parse time.
const NOT_TEXT = /<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<svg\b[^>]*>[\s\S]*?<\/svg\s*>|<!--[\s\S]*?-->/gi;

function parsePage(html: string): Document {
  const lean = html.replace(NOT_TEXT, " ");
  return parseHTML(/<html[\s>]/i.test(lean) ? lean : `<!doctype html><html><body>${lean}</body></html>`).document as unknown as Document;
}

const length = (blocks: Block[]) => blocks.reduce((n, b) => n + b.text.length, 0);

/**
 * Extract a news article from HTML. Page metadata (JSON-LD, Open Graph, meta tags) gives the
 * headline without the site name, the byline and the published date; page chrome (sharing,
 * related and popular lists, comments, captions, credits) is removed; Mozilla Readability finds
 * the story's container; its blocks become paragraphs (table rows with their cells separated).
 * A page Readability finds no story in is read whole, minus its chrome.
 */
export function extractHtml(html: string): HtmlArticle {
  const document = parsePage(html);
  const meta = readPageMeta(document);
  const fields = { ...(meta.byline ? { byline: meta.byline } : {}), ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}) };
  removeChrome(document);
  let paragraphs: Block[] = [];
  try {
    const article = new Readability(document, { charThreshold: 300, serializer: (node: Node) => node }).parse();
    if (article?.content) paragraphs = blockParagraphs(article.content as Node);
  } catch {
    // Readability throws on some malformed trees; the plain reading below still works.
  }
  if (length(paragraphs) < 200) {
    const again = parsePage(html);
    removeChrome(again);
    const root = again.querySelector("article") ?? again.querySelector("main") ?? again.body ?? again.documentElement;
    const whole = root ? blockParagraphs(root) : [];
    if (length(whole) > length(paragraphs)) paragraphs = whole;
  }
  return { title: meta.title, text: finish(paragraphs, meta.title, meta.byline).join("\n\n"), ...fields };
}
