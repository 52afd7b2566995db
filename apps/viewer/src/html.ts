import { readFileSync } from "node:fs";
import type { Context } from "hono";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** A rendered piece of HTML (every interpolated value is escaped by `html`). */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const asset = (name: string) => readFileSync(new URL(`../public/${name}`, import.meta.url), "utf8");
/** Static assets, read once at start. */
export const ASSETS = { "style.css": asset("style.css"), "app.js": asset("app.js") };

const NAV = [
  ["/runs", "Runs"],
  ["/entities", "Entities"],
  ["/health", "Health"],
] as const;

/** The page shell: skip link, navigation with the current page marked, main landmark; `head` adds to the head (a meta refresh). */
export function layout(title: string, current: string, body: Html, head: Html | "" = ""): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · newsflow</title>
<link rel="stylesheet" href="/static/style.css">
<script src="/static/app.js" defer></script>${head}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><div class="wrap">
<a class="brand" href="/runs">newsflow</a>
<nav aria-label="Main">${NAV.map(([href, label]) => html`<a href="${href}"${current === href ? raw(' aria-current="page"') : ""}>${label}</a>`)}</nav>
</div></header>
<main id="main" class="wrap">${body}</main>
</body>
</html>`;
}

/** Where a "not found" page leads back to: a list and its name. */
export interface WayBack {
  href: string;
  label: string;
}

/** The run list, where the page of a run or document that is not there leads back to. */
export const ALL_RUNS: WayBack = { href: "/runs", label: "All runs" };

/** The dashboard's first page, where an error that belongs to no list leads back to. */
export const HOME: WayBack = { href: "/runs", label: "Dashboard home" };

/** A page that is not the one asked for (not found, refused, an error): a heading, one line and a link back, in the layout. */
export function messagePage(heading: string, message: string, back: WayBack): Html {
  return layout(heading, back.href, html`<h1>${heading}</h1>
<p>${message} <a href="${back.href}">${back.label}</a></p>`);
}

/** The page of something that is not there (an unknown page, run, document or entity): one line and a link back, in the layout. */
export const notFoundPage = (message: string, back: WayBack) => messagePage("Not found", message, back);

/** Whether a request asks for JSON (an API client, a script) rather than a page (a form posted by a browser). */
export const wantsJson = (c: Context) => c.req.header("accept")?.includes("application/json") ?? false;

/** The page the admin's forms are on (sign-in, retry, remove): where an admin route's error leads back to. */
export const HEALTH: WayBack = { href: "/health", label: "Health" };

/**
 * The error answer of a route that scripts and browsers both reach (the admin's, a live stream,
 * any route's 500, the 503 of Redis unreachable, an unknown address, run, document or entity):
 * `{"error": ...}` to a client that asks for JSON or calls the JSON API (`/api/`), as every JSON
 * API error, else `page`.
 */
export const answerError = (c: Context, status: ContentfulStatusCode, error: string, page: Html) =>
  wantsJson(c) || c.req.path.startsWith("/api/") ? c.json({ error }, status) : c.html(page, status);

/**
 * The 404 of a dashboard page whose run, document or entity is not there, answered as every other
 * error (`answerError`): `{"error": error}` (the JSON API's words for the same unknown id) to a
 * client that asks for JSON, else the page saying `message` with a way back.
 */
export const notFound = (c: Context, error: string, message: string, back: WayBack) => answerError(c, 404, error, notFoundPage(message, back));

/**
 * The refusal of an admin route or of a cross-site request (401, 403, 429): its message as a JSON
 * error, or on a page of the dashboard leading back to Health (a browser posted one of its forms,
 * or opened the queue inspector).
 */
export const refuse = (c: Context, status: 401 | 403 | 429, message: string) => answerError(c, status, message, messagePage("Not allowed", `${message}.`, HEALTH));

/** The 500 of a bug (the error itself goes to the log): `{"error": "internal error"}` or a page saying so. */
export const internalError = (c: Context) =>
  answerError(c, 500, "internal error", messagePage("Internal error", "internal error: the viewer could not answer this request (the reason is in its log).", HOME));

/** A number with thousands separators. */
export const n = (x: number | null | undefined) => (x == null ? "--" : Math.round(x).toLocaleString("en"));

/** A run's ETA as "45s" or "2m 5s", as the live updates (`public/app.js`) write it. */
export const eta = (seconds: number | null | undefined) => {
  if (seconds == null) return "--";
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`;
};

/** A time as "2026-11-24 04:12:00 UTC". */
export const when = (ms: number | null | undefined) => (ms ? `${new Date(ms).toISOString().replace("T", " ").slice(0, 19)} UTC` : "--");

/** "." and "..": ids a URL cannot carry as a path segment (browsers and URL parsers resolve them away). */
const isDotSegment = (id: string) => id === "." || id === "..";

/**
 * The path of the page of a run or document: `/runs/<id>`, or `/runs/?id=<id>` for an id a path
 * segment cannot hold: "." and ".." (also written %2E) are resolved away by browsers and by the
 * server's URL parser, so `/runs/..` would be `/`.
 */
export const idPath = (base: string, id: string) => (isDotSegment(id) ? `${base}/?id=${id}` : `${base}/${encodeURIComponent(id)}`);

/** Where a run's page posts the run's deletion: `/admin/runs/<id>/delete`, or `/admin/runs/delete?id=<id>` for "." and ".." (see idPath). */
export const runDeletePath = (id: string) => (isDotSegment(id) ? `/admin/runs/delete?id=${id}` : `/admin/runs/${encodeURIComponent(id)}/delete`);

/** `base` with one more query parameter (`?` or `&` as `base` needs). */
export const withParam = (base: string, name: string, value: number) => `${base}${base.includes("?") ? "&" : "?"}${name}=${value}`;

/** `base` keeping a page's offset (`name`) when it is past the first page. */
export const withOffset = (base: string, name: string, offset: number) => (offset ? withParam(base, name, offset) : base);

/** Paragraphs on one page of the reader. */
export const READER_PAGE = 50;

/**
 * The reader's page that shows a paragraph (0-based `index`), at the paragraph: with the offset
 * of its page of {@link READER_PAGE}, so a paragraph past the first page is not a dead end.
 *
 * @example paragraphPath("doc-1", 54) // "/documents/doc-1?offset=50#p-55"
 */
export function paragraphPath(docId: string, index: number): string {
  const base = idPath("/documents", docId);
  const offset = Math.floor(index / READER_PAGE) * READER_PAGE;
  return `${withOffset(base, "offset", offset)}#p-${index + 1}`;
}

/** Previous / next links for an offset-paginated list (the offset in `param`); past its end, "Previous" leads to the last page. */
export function pager(base: string, offset: number, limit: number, total: number, param = "offset"): Html {
  const link = (o: number) => withParam(base, param, o);
  const last = total > 0 ? Math.floor((total - 1) / limit) * limit : 0;
  return html`<nav class="pager" aria-label="Pages">
${offset > 0 ? html`<a href="${link(Math.max(0, Math.min(offset - limit, last)))}">← Previous</a>` : ""}
<span class="muted small">${offset < total ? `${n(offset + 1)}–${n(Math.min(total, offset + limit))} of ${n(total)}` : total ? `past the last of ${n(total)}` : "0–0 of 0"}</span>
${offset + limit < total ? html`<a href="${link(offset + limit)}">Next →</a>` : ""}
</nav>`;
}

export { html, raw };
