import { describe, expect, it } from "vitest";
import { passiveParticiple } from "./speaker-words.js";

describe("passiveParticiple", () => {
  it("finds the participle of a passive cue through auxiliaries, not, be and an -ly adverb", () => {
    expect(passiveParticiple(["was", "accused", "of"])).toBe("accused");
    expect(passiveParticiple(["has", "been", "harshly", "criticized", "for"])).toBe("criticized");
    expect(passiveParticiple(["Is", "not", "Expected"])).toBe("expected");
    expect(passiveParticiple(["will", "be", "asked"])).toBe("asked");
  });

  it("is null for an active cue or a form of be without an -ed word", () => {
    expect(passiveParticiple(["said"])).toBeNull();
    expect(passiveParticiple(["accused"])).toBeNull();
    expect(passiveParticiple(["is", "expected", "to"])).toBe("expected");
    expect(passiveParticiple(["was", "told"])).toBeNull();
    expect(passiveParticiple([])).toBeNull();
  });
});
