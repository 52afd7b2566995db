import { Parser } from "htmlparser2";

const SKIP = new Set(["script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form", "iframe", "button", "head"]);
const BLOCK = new Set(["p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "br", "tr", "table", "figure", "figcaption", "hr", "dd", "dt"]);

/** Title and body text of an HTML article. */
export interface HtmlArticle {
  title: string | null;
  text: string;
}

/**
 * Extract an article's text from HTML: scripts, styles and page chrome (nav, footer, aside,
 * forms) are dropped, block elements become paragraph breaks, entities are decoded. The title
 * is the first `<h1>`, else `<title>`. When the page has an `<article>` (or `<main>`), only its
 * content is taken.
 */
export function extractHtml(html: string): HtmlArticle {
  const collect = (scope: string | null) => {
    const parts: string[] = [];
    let skipDepth = 0;
    let scopeDepth = scope ? 0 : 1;
    let inTitle = false;
    let inH1 = false;
    let docTitle = "";
    let h1 = "";
    const parser = new Parser(
      {
        onopentag(name) {
          if (scope && name === scope) scopeDepth++;
          if (name === "title") inTitle = true;
          if (name === "h1" && !h1) inH1 = true;
          if (SKIP.has(name)) skipDepth++;
          if (BLOCK.has(name)) parts.push("\n\n");
        },
        ontext(text) {
          if (inTitle) docTitle += text;
          if (skipDepth > 0) return;
          if (inH1) h1 += text;
          if (scopeDepth > 0) parts.push(text);
        },
        onclosetag(name) {
          if (name === "title") inTitle = false;
          if (name === "h1") inH1 = false;
          if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
          if (BLOCK.has(name)) parts.push("\n\n");
          if (scope && name === scope) scopeDepth--;
        },
      },
      { decodeEntities: true, lowerCaseTags: true },
    );
    parser.write(html);
    parser.end();
    const text = parts
      .join("")
      .split(/\n{2,}/)
      .map((b) => b.replace(/\s+/g, " ").trim())
      .filter(Boolean);
    const title = (h1 || docTitle).replace(/\s+/g, " ").trim() || null;
    if (title && text[0] === title) text.shift();
    return { title, text: text.join("\n\n") };
  };
  for (const scope of ["article", "main"]) {
    if (new RegExp(`<${scope}[\\s>]`, "i").test(html)) {
      const scoped = collect(scope);
      if (scoped.text) return scoped;
    }
  }
  return collect(null);
}
