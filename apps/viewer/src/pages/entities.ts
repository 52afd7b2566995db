import { EntityType } from "@newsflow/contracts";
import { countOf, type Store } from "@newsflow/store";
import { type Html, html, idPath, layout, n, pager, paragraphPath } from "../html.js";

const TYPES = EntityType.options;
const TYPE_NAMES: Record<string, string> = { PER: "People", ORG: "Organisations", LOC: "Places", MISC: "Other" };

/** Entities on one page of the index. */
const INDEX_PAGE = 100;

/** The corpus entity index: search by name, filter by type, most mentioned first (the index paginated; a search shows its best 100). */
export async function entitiesPage(store: Store, q: string, type: string | undefined, offset = 0): Promise<Html> {
  const wanted = TYPES.find((t) => t === type);
  const top = q ? null : await store.topEntities({ type: wanted, offset, limit: INDEX_PAGE });
  const entities = top ? top.entities : await store.searchEntities(q, { type: wanted, limit: INDEX_PAGE });
  return layout(
    "Entities",
    "/entities",
    html`<h1>Entities</h1>
<form role="search" method="get" action="/entities" class="panel">
<label for="q">Name</label> <input id="q" type="search" name="q" value="${q}" placeholder="e.g. Hezbollah" data-search autocomplete="off">
<label for="type">Type</label> <select id="type" name="type"><option value="">All types</option>${TYPES.map((t) => html`<option value="${t}"${wanted === t ? " selected" : ""}>${TYPE_NAMES[t]}</option>`)}</select>
<button type="submit">Search</button>
</form>
<section data-results aria-live="polite"><h2>${q ? html`Results for “${q}”` : "Most mentioned"}</h2>
${entities.length === 0 ? html`<p class="muted">No entities found.</p>` : html`<table><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col" class="num">Mentions</th></tr></thead>
<tbody>${entities.map((e) => html`<tr><td><a class="ent ent-${e.type}" href="/entities/${encodeURIComponent(e.id)}">${e.name}<span class="t">${e.type}</span></a></td><td>${TYPE_NAMES[e.type] ?? e.type}</td><td class="num">${n(e.mentions)}</td></tr>`)}</tbody></table>`}
${top && (offset > 0 || top.total > INDEX_PAGE) ? pager(wanted ? `/entities?type=${wanted}` : "/entities", offset, INDEX_PAGE, top.total) : ""}</section>`,
  );
}

/** Characters of context a mention's snippet shows on each side. */
const SNIPPET_CONTEXT = 90;

const SPACE = /\s/;

/** Where a snippet of `text` may start at or after `from` without cutting a word (`start` if no word starts before it). */
function wordStartFrom(text: string, from: number, start: number): number {
  if (from === 0) return 0;
  let at = from;
  while (at < start && !SPACE.test(text[at - 1]!)) at++;
  while (at < start && SPACE.test(text[at]!)) at++;
  return at;
}

/** Where a snippet of `text` may end at or before `to` without cutting a word (`end` if no word ends after it). */
function wordEndBy(text: string, to: number, end: number): number {
  if (to === text.length) return to;
  let at = to;
  while (at > end && !SPACE.test(text[at]!)) at--;
  while (at > end && SPACE.test(text[at - 1]!)) at--;
  return at;
}

/**
 * A mention in its paragraph: up to `context` characters each side, cut between words, with "…"
 * only where the paragraph goes on (a snippet that starts at the paragraph's start or ends at its
 * end shows that it does); given `at`, a link "¶ N" to the paragraph in the reader.
 */
export function mentionSnippet(text: string, start: number, end: number, context = SNIPPET_CONTEXT, at?: { href: string; index: number }): Html {
  const from = wordStartFrom(text, Math.max(0, start - context), start);
  const to = wordEndBy(text, Math.min(text.length, end + context), end);
  return html`<p class="small">${from > 0 ? "…" : ""}${text.slice(from, start)}<mark class="ctx">${text.slice(start, end)}</mark>${text.slice(end, to)}${to < text.length ? "…" : ""}${at ? html` <a href="${at.href}">¶ ${at.index + 1}</a>` : ""}</p>`;
}

/**
 * One entity: the documents that mention it with the mentions in context (20 a page, `offset`),
 * and its quotes (those of 20 documents a page, `quotesOffset`, paginated apart).
 */
export async function entityPage(store: Store, entityId: string, offset = 0, quotesOffset = 0): Promise<Html | null> {
  const entity = await store.getEntity(entityId);
  if (!entity) return null;
  const limit = 20;
  const [docs, quoted] = await Promise.all([store.entityDocuments(entityId, offset, limit), store.speakerDocuments(entityId, quotesOffset, limit)]);
  const contexts = await Promise.all(
    docs.documents.map(async (d) => {
      const [meta, result] = await Promise.all([store.getDocument(d.docId), store.getDocumentResult(d.docId)]);
      const canonical = result?.entities.find((e) => e.id === entityId);
      const mentions = canonical?.mentions.slice(0, 3) ?? [];
      const paragraphs = await Promise.all(mentions.map((m) => store.getParagraphs(d.docId, m.paragraphIndex, 1).then((ps) => ({ m, p: ps[0] }))));
      return { d, meta, paragraphs };
    }),
  );
  const quotes =
    entity.type === "PER" || entity.type === "ORG"
      ? (await Promise.all(quoted.documents.map((d) => store.getDocumentResult(d.docId)))).flatMap((r) =>
          r ? r.quotes.filter((q) => q.speakerEntityId === entityId).map((q) => ({ docId: r.docId, q })) : [],
        )
      : [];
  const self = `/entities/${encodeURIComponent(entity.id)}`;
  return layout(
    entity.name,
    "/entities",
    html`<p class="small"><a href="/entities">← Entities</a></p>
<h1><span class="ent ent-${entity.type}">${entity.name}<span class="t">${entity.type}</span></span></h1>
<p class="muted">${countOf(entity.mentions, "mention")} in ${countOf(docs.total, "document")}.</p>
${quotes.length || quotesOffset ? html`<h2 id="quotes">Quotes</h2>${quoted.total > limit || quotesOffset ? html`<p class="muted small">Quoted in ${countOf(quoted.total, "document")}; the quotes of ${limit} a page.</p>` : ""}${quotes.map(({ docId, q }) => html`<blockquote class="quote"><div>${q.content.text}</div><footer>— <a href="${paragraphPath(docId, q.paragraphIndex)}">in document, ¶ ${q.paragraphIndex + 1}</a>${q.cue ? html` · cue “${q.cue.text}”` : ""}</footer></blockquote>`)}
${quoted.total > limit || quotesOffset ? pager(`${self}${offset ? `?offset=${offset}` : ""}`, quotesOffset, limit, quoted.total, "quotes") : ""}` : ""}
<h2>Mentions</h2>
${contexts.map(({ d, meta, paragraphs }) => html`<section class="para-block"><h3 style="margin:.1rem 0 .4rem;font-size:1rem"><a href="${idPath("/documents", d.docId)}">${meta?.title ?? d.docId}</a> <span class="muted small">${countOf(d.mentions, "mention")}</span></h3>
${paragraphs.map(({ m, p }) => (p ? mentionSnippet(p.text, m.start, m.end, undefined, { href: paragraphPath(d.docId, m.paragraphIndex), index: m.paragraphIndex }) : ""))}</section>`)}
${pager(`${self}${quotesOffset ? `?quotes=${quotesOffset}` : ""}`, offset, limit, docs.total)}`,
  );
}
