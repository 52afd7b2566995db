import { describe, expect, it } from "vitest";
import { mentionSnippet } from "./entities.js";

const render = async (text: string, start: number, end: number, context?: number) => String(await mentionSnippet(text, start, end, context));

describe("mentionSnippet", () => {
  it("shows a whole short paragraph without an ellipsis", async () => {
    expect(await render("Mayor Croft spoke.", 6, 11)).toBe('<p class="small">Mayor <mark class="ctx">Croft</mark> spoke.</p>');
  });

  it("marks with an ellipsis only the side where the paragraph is cut", async () => {
    const text = `Croft said ${"x".repeat(20)} the end.`;
    expect(await render(text, 0, 5, 10)).toBe('<p class="small"><mark class="ctx">Croft</mark> said…</p>');
    expect(await render(text, text.length - 4, text.length - 1, 10)).toBe('<p class="small">…the <mark class="ctx">end</mark>.</p>');
    // Inside a word longer than the context, the snippet holds the mention alone on that side.
    expect(await render(text, 11, 15, 5)).toBe('<p class="small">…said <mark class="ctx">xxxx</mark>…</p>');
  });

  it("cuts between words, never inside one, before the ellipsis", async () => {
    const text = "The council met on Tuesday and Mayor Croft announced that the old bridge would close for repairs.";
    const start = text.indexOf("Croft");
    // 17 characters each side end inside "Tuesday" and "the": both words are left out.
    expect(await render(text, start, start + 5, 17)).toBe('<p class="small">…and Mayor <mark class="ctx">Croft</mark> announced that…</p>');
    // 20 end inside "on" and on the space after "the": "on" is left out, "the" kept without the space.
    expect(await render(text, start, start + 5, 20)).toBe('<p class="small">…Tuesday and Mayor <mark class="ctx">Croft</mark> announced that the…</p>');
  });

  it("escapes the paragraph's text", async () => {
    expect(await render("<b>Croft</b>", 3, 8)).toBe('<p class="small">&lt;b&gt;<mark class="ctx">Croft</mark>&lt;/b&gt;</p>');
  });
});
