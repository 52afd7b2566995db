import { type CanonicalEntity, type EntityMention, EntityType, isHttpUrl, type Quote, type ResolvedQuote } from "@newsflow/contracts";
import { countOf, readDocument, type Store } from "@newsflow/store";
import { type Html, html, idPath, layout, pager, READER_PAGE, when } from "../html.js";

const EVALUATED = new Set<string>(EntityType.options);
const TYPE_NAMES: Record<string, string> = { PER: "person", ORG: "organisation", LOC: "place", MISC: "other" };

/**
 * Below this confidence an entity mention is marked uncertain (dashed): 65% of dev's reconciled
 * mentions under 0.6 have the gold span and type, 84% from 0.6 to 0.7 and 95% or more above; on
 * the project's web news sets 46%, 67% and 86-99% (packages/nlp README, "Confidence" in "Named entities").
 */
const UNCERTAIN_MENTION_BELOW = 0.6;

/** Paragraph text with its entity mentions highlighted (type by colour and by a text label; the confidence in the tooltip). */
function highlight(text: string, index: number, mentions: EntityMention[], canonical: CanonicalEntity[]): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > text.length) continue;
    parts.push(html`${text.slice(at, m.start)}`);
    const words = text.slice(m.start, m.end);
    if (EVALUATED.has(m.type)) {
      const entity = canonical.find((e) => e.mentions.some((x) => x.paragraphIndex === index && x.start === m.start));
      const href = entity ? `/entities/${encodeURIComponent(entity.id)}` : `/entities?q=${encodeURIComponent(words)}`;
      const uncertain = m.confidence < UNCERTAIN_MENTION_BELOW;
      const title = `${TYPE_NAMES[m.type]}${uncertain ? ", uncertain" : ""} (${Math.round(m.confidence * 100)}%)`;
      parts.push(html`<a class="ent ent-${m.type}${uncertain ? " uncertain" : ""}" href="${href}" title="${title}">${words}<span class="t" aria-label="${TYPE_NAMES[m.type]}">${m.type}</span></a>`);
    } else {
      parts.push(html`<span class="ent ent-VAL" title="${m.type.toLowerCase()}">${words}<span class="t">${m.type}</span></span>`);
    }
    at = m.end;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}

/**
 * Below this confidence a quote is marked uncertain: on PolNeAR's dev articles 47% of the
 * attributions under 0.5 and 63% of those from 0.5 to 0.6 have both content and speaker right,
 * against 89% from 0.8 to 0.9 and 95% above (`quote-confidence.js` in @newsflow/nlp-train).
 */
const UNCERTAIN_QUOTE_BELOW = 0.6;

/**
 * How the speaker was found, when it is not the quote's own named source; and the source's own
 * words when they say more than the name they give ("Katharine Smith", from “Katharine Smith,
 * the agency's flood duty manager”; not “The Met Office” beside "Met Office").
 */
function resolutionNote(q: Quote | ResolvedQuote): Html | string {
  if (!("resolution" in q)) return "";
  const written = q.source ?? q.contextSource?.span;
  if ((q.resolution === "pronoun" || q.resolution === "role") && written) return html` <span class="small">(from “${written.text}”)</span>`;
  if (q.resolution === "named" && q.source && q.speaker !== null && saysMore(q.source.text, q.speaker)) return html` <span class="small">(“${q.source.text}”)</span>`;
  if (q.resolution === "context") return html` <span class="small">(from ${q.contextSource && q.contextSource.paragraphIndex !== q.paragraphIndex ? `paragraph ${q.contextSource.paragraphIndex + 1}` : "the context"})</span>`;
  return "";
}

/** Whether a source's words say more than the name: not only a leading "the", a possessive, case or spacing apart. */
function saysMore(source: string, name: string): boolean {
  const bare = (s: string) =>
    s
      .toLowerCase()
      .replace(/^the\s+/, "")
      .replace(/['\u2019]s?$/, "")
      .replace(/\s+/g, " ")
      .trim();
  return bare(source) !== bare(name);
}

function quoteBlock(q: Quote | ResolvedQuote): Html {
  const speaker = "speaker" in q ? q.speaker : (q.source?.text ?? null);
  const entityId = "speakerEntityId" in q ? q.speakerEntityId : null;
  const who = speaker ? (entityId ? html`<a href="/entities/${encodeURIComponent(entityId)}">${speaker}</a>` : html`${speaker}`) : html`<span class="muted">speaker unknown</span>`;
  const uncertain = q.confidence < UNCERTAIN_QUOTE_BELOW;
  const confidence = html` · <span data-field="confidence" title="estimated chance that content and speaker are both right">${Math.round(q.confidence * 100)}%</span>`;
  return html`<blockquote class="quote${uncertain ? " uncertain" : ""}"><div>${q.content.text}</div><footer>— ${who}${resolutionNote(q)}${q.cue ? html` · cue “${q.cue.text}”` : ""} · ${q.kind}${confidence}${uncertain ? html` <span class="badge uncertain">uncertain</span>` : ""}</footer></blockquote>`;
}

/** A link to the original, only for an http(s) URL: anything else (`javascript:`, `data:`) is shown as text. */
function originalLink(url: string | null): Html | string {
  if (!url) return "";
  return isHttpUrl(url) ? html` · <a href="${url}" rel="noopener noreferrer">original</a>` : html` · original: <code>${url}</code> (not a web address)`;
}

/** When a document was published, as the dashboard writes times (UTC); a date alone, or a value that is no date, as written. */
function published(value: string): Html {
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return html`<time datetime="${value}">${value}</time>`;
  // Date.parse reads almost anything ("spring 2026" is 1 January): only an ISO date and time is a time.
  const ms = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? html`${value}` : html`<time datetime="${new Date(ms).toISOString()}">${when(ms)}</time>`;
}

/** The reader: title, document summary, then each paragraph with entities, quotes and its summary on demand. */
export async function readerPage(store: Store, docId: string, offset: number): Promise<Html | null> {
  const limit = READER_PAGE;
  const doc = await readDocument(store, docId, offset, limit);
  if (!doc) return null;
  const canonical = doc.result?.entities ?? [];
  const resolved = doc.result?.quotes ?? [];
  const d = doc.document;
  // Before the document is assembled its failed paragraph tasks are in the failure records; after, in the result.
  const missing = doc.result?.missing ?? Object.entries(doc.failures).map(([key, f]) => ({ paragraphIndex: Number(key.slice(key.indexOf(":") + 1)), task: key.slice(0, key.indexOf(":")), reason: f.reason })).sort((a, b) => a.paragraphIndex - b.paragraphIndex);
  return layout(
    d.title ?? d.id,
    "/runs",
    html`<article class="reader">
<h1>${d.title ?? d.id}</h1>
<p class="muted small">${d.byline ? html`By ${d.byline} · ` : ""}${d.publishedAt ? html`${published(d.publishedAt)} · ` : ""}${d.source}${originalLink(d.url)} · ${countOf(d.paragraphCount, "paragraph")} · <span class="badge ${d.status}">${d.status}</span></p>
${doc.result ? html`<section aria-label="Document summary"><h2>Summary</h2><p class="summary">${doc.result.summary.text || "—"}</p></section>` : doc.documentFailure ? "" : html`<p class="muted">The document summary appears when every paragraph is done.</p>`}
${!doc.result && doc.documentFailure ? html`<div class="warn" role="status">The document step failed: ${doc.documentFailure}. There is no document summary; <code>newsflow retry RUN</code> enqueues the step again.</div>` : ""}
${missing.length ? html`<div class="warn" role="status">Missing results: ${missing.map((m) => html`paragraph ${m.paragraphIndex + 1} ${m.task} (${m.reason}); `)}</div>` : ""}
<p class="legend small muted" aria-hidden="true"><span class="ent ent-PER">person<span class="t">PER</span></span><span class="ent ent-ORG">organisation<span class="t">ORG</span></span><span class="ent ent-LOC">place<span class="t">LOC</span></span><span class="ent ent-MISC">other<span class="t">MISC</span></span> <span class="ent ent-MISC uncertain">dashed: uncertain</span></p>
${doc.paragraphs.map((p) => {
  const quotes = doc.result ? resolved.filter((q) => q.paragraphIndex === p.index) : (p.quotes?.quotes ?? []);
  return html`<section class="para-block" id="p-${p.index + 1}" aria-label="Paragraph ${p.index + 1}"><span class="para-no">¶ ${p.index + 1}</span>
<p class="para">${highlight(p.text, p.index, p.entities?.mentions ?? [], canonical)}</p>
${quotes.map(quoteBlock)}
${p.summary ? html`<details><summary>Paragraph summary</summary><p>${p.summary.short}</p>${p.summary.keyPhrases.length ? html`<p class="small muted">Key phrases: ${p.summary.keyPhrases.join(", ")}</p>` : ""}</details>` : ""}
</section>`;
})}
${pager(idPath("/documents", d.id), offset, limit, d.paragraphCount)}
</article>`,
  );
}
