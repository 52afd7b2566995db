import { z } from "zod";

/** The four CoNLL-2003 types the tagger is evaluated on. */
export const EntityType = z.enum(["PER", "ORG", "LOC", "MISC"]);
export type EntityType = z.infer<typeof EntityType>;

/** Numeric and temporal types, kept apart from the four evaluated ones. */
export const ValueType = z.enum(["DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"]);
export type ValueType = z.infer<typeof ValueType>;

export const MentionType = z.union([EntityType, ValueType]);
export type MentionType = z.infer<typeof MentionType>;

/** One entity mention found in a paragraph; offsets are into the paragraph text. */
export const EntityMention = z.object({
  text: z.string(),
  type: MentionType,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1),
});
export type EntityMention = z.infer<typeof EntityMention>;

/** Result of the entities task for one paragraph. */
export const EntitiesResult = z.object({ mentions: z.array(EntityMention) });
export type EntitiesResult = z.infer<typeof EntitiesResult>;

/** A mention of a canonical entity, located by paragraph. */
export const CanonicalMention = z.object({
  paragraphIndex: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type CanonicalMention = z.infer<typeof CanonicalMention>;

/**
 * Mentions within one document that refer to the same thing, merged under a canonical name.
 * `id` is stable across documents (type + normalised name) so the corpus index can key on it.
 */
export const CanonicalEntity = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: EntityType,
  aliases: z.array(z.string()),
  mentions: z.array(CanonicalMention),
});
export type CanonicalEntity = z.infer<typeof CanonicalEntity>;
