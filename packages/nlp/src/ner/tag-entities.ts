import type { EntitiesResult, EntityMention } from "@newsflow/contracts";

/** Tags entity mentions in raw paragraph text. */
export interface EntityTagger {
  tag(text: string): EntitiesResult;
}

const CONNECTORS = new Set(["al", "bin", "de", "del", "van", "von", "of", "the", "la", "le", "da"]);
const SENTENCE_STARTERS = new Set(["The", "A", "An", "And", "But", "When", "As", "On", "In", "It", "He", "She", "They", "According", "Our"]);

/**
 * A baseline tagger: maximal runs of capitalised words (joined by name particles) become MISC
 * mentions, skipping function words at sentence start. Replaced by the trained model.
 */
export function createCapitalisedSpanTagger(): EntityTagger {
  return {
    tag(text) {
      const mentions: EntityMention[] = [];
      const re = /\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:(?:al|bin|de|of|the)[-\s])?\p{Lu}[\p{L}\p{N}'’-]*)*/gu;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        let start = m.index;
        let value = m[0];
        const first = value.split(/\s+/)[0]!;
        if (SENTENCE_STARTERS.has(first)) {
          const rest = value.slice(first.length).trimStart();
          if (!rest) continue;
          start += value.length - rest.length;
          value = rest;
        }
        if (CONNECTORS.has(value.toLowerCase())) continue;
        mentions.push({ text: value, type: "MISC", start, end: start + value.length, confidence: 0.5 });
      }
      return { mentions };
    },
  };
}
