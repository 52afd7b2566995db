import type { CanonicalEntity, EntitiesResult, EntityType } from "@newsflow/contracts";

/** Entities of one paragraph, as the document step receives them. */
export interface ParagraphEntities {
  index: number;
  entities: EntitiesResult;
}

/** A stable id for a canonical entity, shared by every document that names it. */
export function entityId(type: EntityType, name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
  return `${type.toLowerCase()}-${slug || "x"}`;
}

/**
 * Merge a document's mentions into canonical entities: same type and same case-folded text
 * are one entity; the longest form is its name. Only the four evaluated types are merged.
 */
export function canonicalizeEntities(paragraphs: ParagraphEntities[]): CanonicalEntity[] {
  const byKey = new Map<string, CanonicalEntity>();
  for (const p of paragraphs) {
    for (const m of p.entities.mentions) {
      if (m.type !== "PER" && m.type !== "ORG" && m.type !== "LOC" && m.type !== "MISC") continue;
      const key = `${m.type}|${m.text.toLowerCase()}`;
      let e = byKey.get(key);
      if (!e) {
        e = { id: entityId(m.type, m.text), name: m.text, type: m.type, aliases: [], mentions: [] };
        byKey.set(key, e);
      }
      e.mentions.push({ paragraphIndex: p.index, start: m.start, end: m.end, text: m.text });
      if (!e.aliases.includes(m.text) && m.text !== e.name) e.aliases.push(m.text);
    }
  }
  return [...byKey.values()];
}
