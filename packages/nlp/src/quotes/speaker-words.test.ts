import { describe, expect, it } from "vitest";
import { passiveParticiple, withAuxiliaries } from "./speaker-words.js";

describe("passiveParticiple", () => {
  it("finds the participle of a passive cue through an auxiliary, forms of be and adverbs", () => {
    expect(passiveParticiple(["was", "accused", "of"])).toBe("accused");
    expect(passiveParticiple(["has", "been", "harshly", "criticized", "for"])).toBe("criticized");
    expect(passiveParticiple(["have", "sometimes", "been", "accused", "of"])).toBe("accused");
    expect(passiveParticiple(["Is", "not", "Expected"])).toBe("expected");
    expect(passiveParticiple(["will", "be", "asked"])).toBe("asked");
    expect(passiveParticiple(["is", "not", "thought"])).toBe("thought");
  });

  it("is null for an active cue or a form of be without a participle", () => {
    expect(passiveParticiple(["said"])).toBeNull();
    expect(passiveParticiple(["accused"])).toBeNull();
    expect(passiveParticiple(["is", "clear"])).toBeNull();
    expect(passiveParticiple(["has", "warned"])).toBeNull();
    expect(passiveParticiple([])).toBeNull();
  });
});

describe("withAuxiliaries", () => {
  it("puts back the auxiliaries, forms of be and adverbs the cue follows, at most four", () => {
    expect(withAuxiliaries(["Ora", "was"], ["nominated"])).toEqual(["was", "nominated"]);
    expect(passiveParticiple(withAuxiliaries(["Ora", "was"], ["nominated"]))).toBe("nominated");
    expect(withAuxiliaries(["He", "has", "long", "been"], ["criticized"])).toEqual(["has", "long", "been", "criticized"]);
    expect(withAuxiliaries(["Trump"], ["warned"])).toEqual(["warned"]);
  });
});
