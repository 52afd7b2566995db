import { describe, expect, it } from "vitest";
import { layoutQuotes } from "./layout-quotes.js";

const brief = (text: string) => layoutQuotes(text).map((q) => [q.source.text, q.cue.text, q.content.text]);

describe("layoutQuotes", () => {
  it("reads a transcript line with its speaker in capitals", () => {
    expect(brief('"JAKE TAPPER: Do you think Donald Trump has campaigned as a racial healer?')).toEqual([
      ["JAKE TAPPER", ":", "Do you think Donald Trump has campaigned as a racial healer?"],
    ]);
  });

  it("takes no newsroom label or title-cased headline for a speaker", () => {
    expect(brief("UPDATE: The story has been changed to reflect the new figures from the count.")).toEqual([]);
    expect(brief("BOOM: Trump Just Fired A 5-Word Missile Directly At Hillary.")).toEqual([]);
    expect(brief("BYLINE: Amber Phillips.")).toEqual([]);
  });

  it("takes no label before a list of names for a speaker, as sports reports write a team", () => {
    expect(brief("Backs: Mike Blair (Edinburgh Rugby), Andy Craig (Glasgow), Simon Danielli (Borders).")).toEqual([]);
    expect(brief("Subs: Marshall, Henchoz, Juninho Paulista, Lambert.")).toEqual([]);
  });

  it("reads a headline that names its speaker before a colon, but no label, byline or sentence of text", () => {
    expect(brief("Lynch: No outside influence on FBI probe into Clinton emails.")).toEqual([["Lynch", ":", "No outside influence on FBI probe into Clinton emails"]]);
    expect(brief("The Latest: Cruz to give away engraved shotgun.")).toEqual([]);
    expect(brief("Poll: Clinton and Sanders in dead heat in California.")).toEqual([]);
    expect(brief("Contributing: Iris Ouyang, Thomas Vogel and Grant Miller.")).toEqual([]);
    expect(brief("Clinton: 547.")).toEqual([]);
    expect(brief("Note: The figures were revised on Monday. They now include absentee ballots.")).toEqual([]);
  });

  it("reads each signed comment of a paragraph from its opening mark", () => {
    expect(brief("“Fear. I am truly afraid.” ― Edwin G. Monroy “He is clueless.”― Stephanie Egan")).toEqual([
      ["Edwin G. Monroy", "―", "“Fear. I am truly afraid.”"],
      ["Stephanie Egan", "―", "“He is clueless.”"],
    ]);
  });

  it("takes no byline after a quotation inside narration for a signature", () => {
    expect(brief('Rajoy said Monday that he will "try to form a stable government."--Kim Hjelmgaard.')).toEqual([]);
  });
});
