const SKIP = new Set(["script", "style", "noscript", "template", "svg", "iframe", "button", "head", "select", "textarea", "input", "figcaption", "object", "embed", "canvas", "video", "audio"]);
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figure", "footer", "form",
  "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "td", "th", "tr", "ul", "caption",
]);
const ELEMENT = 1;
const TEXT = 3;

/** A paragraph of a page and the share of its characters that are link text. */
export interface Block {
  text: string;
  linkDensity: number;
}

/**
 * The paragraphs of a DOM subtree: block elements end a paragraph, white space is collapsed,
 * scripts, captions and form controls are left out. A table row whose cells hold only inline
 * content is one paragraph with its cells separated by " | " (so "Ann" and "31" never glue
 * together); a layout table (cells holding blocks) is read as blocks.
 */
export function blockParagraphs(root: Node): Block[] {
  const paragraphs: Block[] = [];
  let current = "";
  let linked = "";
  let inLink = 0;
  const end = () => {
    const text = current.replace(/\s+/g, " ").trim();
    if (text) paragraphs.push({ text, linkDensity: Math.min(1, linked.replace(/\s+/g, "").length / text.replace(/\s+/g, "").length) });
    current = "";
    linked = "";
  };
  const inline = (node: Node): string => {
    let out = "";
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT) out += c.nodeValue ?? "";
      else if (c.nodeType === ELEMENT && !SKIP.has((c as Element).localName)) out += (c as Element).localName === "br" ? " " : inline(c);
    }
    return out;
  };
  const hasBlock = (node: Node): boolean => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== ELEMENT) continue;
      const tag = (c as Element).localName;
      if ((BLOCK.has(tag) && tag !== "br") || hasBlock(c)) return true;
    }
    return false;
  };
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT) {
        current += c.nodeValue ?? "";
        if (inLink > 0) linked += c.nodeValue ?? "";
        continue;
      }
      if (c.nodeType !== ELEMENT) continue;
      const tag = (c as Element).localName;
      if (SKIP.has(tag)) continue;
      if (tag === "tr") {
        const cells: Element[] = [];
        for (let cell = c.firstChild; cell; cell = cell.nextSibling) {
          if (cell.nodeType === ELEMENT && ((cell as Element).localName === "td" || (cell as Element).localName === "th")) cells.push(cell as Element);
        }
        if (!cells.some(hasBlock)) {
          end();
          current = cells.map((cell) => inline(cell).replace(/\s+/g, " ").trim()).filter(Boolean).join(" | ");
          end();
          continue;
        }
      }
      if (BLOCK.has(tag)) {
        end();
        walk(c);
        end();
      } else if (tag === "a") {
        inLink++;
        walk(c);
        inLink--;
      } else walk(c);
    }
  };
  walk(root);
  end();
  return paragraphs;
}
