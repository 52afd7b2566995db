/** Title and body text of a Markdown article. */
export interface MarkdownArticle {
  title: string | null;
  text: string;
}

/**
 * Plain text of a Markdown article: the first `#` heading is the title, other headings stay as
 * paragraphs, emphasis and link markup are removed (link text kept), images, HTML comments and
 * fenced code blocks are dropped. Each list item is a paragraph: a bullet (`-`, `*`, `+`) is
 * dropped, an ordered item keeps its number.
 */
export function extractMarkdown(md: string): MarkdownArticle {
  let title: string | null = null;
  const body = md
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .split("\n")
    .map((line) => {
      const h = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (h) {
        if (title === null && h[1] === "#") {
          title = h[2]!;
          return "";
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
  return { title, text: body };
}
