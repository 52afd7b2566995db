import { GAZ_SOURCES } from "@newsflow/nlp/train";
import { loadNerModel } from "@newsflow/nlp/node";
import { describe, expect, it } from "vitest";
import { findAutoNames } from "./self-train.js";

const article = "Iraqi forces entered Syria on Sunday.\n\nOfficials in Syria said the border was closed.";

describe("findAutoNames", () => {
  const model = loadNerModel();

  it("lists a name the tagger finds often and consistently under the auto source of its type", () => {
    const names = findAutoNames(model, [article, article], { minCount: 3 });
    expect(names).toContainEqual({ tokens: ["Syria"], source: GAZ_SOURCES.indexOf("autoLOC") });
  });

  it("leaves out names seen fewer times than asked", () => {
    const names = findAutoNames(model, [article], { minCount: 3 });
    expect(names.map((n) => n.tokens.join(" "))).not.toContain("Syria");
  });
});
