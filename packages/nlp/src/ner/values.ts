import type { EntityMention, ValueType } from "@newsflow/contracts";

const MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(?:million|billion|trillion|bn|mn|m|k)\b)?`;

// Most specific first: the first rule that claims a range wins.
const RULES: Array<{ type: ValueType; re: RegExp; digits?: false }> = [
  { type: "PERCENT", re: new RegExp(String.raw`(?<![\w.])(?:${NUM})\s?(?:%|percent\b|per cent\b|percentage points?\b)`, "g") },
  {
    type: "MONEY",
    re: new RegExp(
      String.raw`(?:(?:US|A|C|HK|NZ)?[$€£¥]|\b(?:USD|EUR|GBP|JPY)\s?)\s?(?:${NUM})${SCALE}|(?<![\w.])(?:${NUM})${SCALE}\s(?:dollars|euros|pounds|pence|cents|yen|yuan|rupees|roubles|rubles)\b`,
      "g",
    ),
  },
  {
    type: "DATE",
    re: new RegExp(
      [
        String.raw`\b\d{4}-\d{2}-\d{2}\b`,
        String.raw`\b${MONTH}\.?\s\d{1,2}(?:st|nd|rd|th)?(?:,?\s(?:19|20)\d{2})?\b`,
        String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?${MONTH}(?:,?\s(?:19|20)\d{2})?\b`,
        String.raw`\b${MONTH}\s(?:19|20)\d{2}\b`,
        String.raw`(?<=\b(?:in|since|by|until|from|of|during|before|after|In|Since|By|Until|From|During|Before|After)\s)(?:19|20)\d{2}s?\b`,
      ].join("|"),
      "g",
    ),
  },
  { type: "DATE", re: new RegExp(String.raw`\b${DAY}\b`, "g"), digits: false },
  { type: "TIME", re: /\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}(?:\s?(?:GMT|UTC|EST|EDT|BST|CET))?\b/gi },
];

/**
 * Dates, times, money and percentages found by rules, kept apart from the four learnt types
 * (their `type` is a ValueType). Ranges never overlap each other.
 *
 * @example findValueMentions("Oil rose 5% to $70 on Friday") // PERCENT "5%", MONEY "$70", DATE "Friday"
 */
export function findValueMentions(text: string): EntityMention[] {
  const found: EntityMention[] = [];
  const overlaps = (s: number, e: number) => found.some((m) => m.start < e && s < m.end);
  // Most paragraphs have no digit: then only the weekday rule can match, so skip the rest.
  const hasDigit = /\d/.test(text);
  for (const { type, re, digits } of RULES) {
    if (!hasDigit && digits !== false) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start || overlaps(start, end)) continue;
      found.push({ text: m[0], type, start, end, confidence: 0.9 });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Adds value mentions to entity mentions: a value that overlaps an entity is dropped unless it
 * holds a digit and covers the entity whole ("May 5, 2017" over a mis-tagged "May").
 */
export function mergeValueMentions(entities: readonly EntityMention[], values: readonly EntityMention[]): EntityMention[] {
  const kept = [...entities];
  for (const v of values) {
    const clashes = kept.filter((e) => e.start < v.end && v.start < e.end);
    if (clashes.length === 0) {
      kept.push(v);
      continue;
    }
    if (/\d/.test(v.text) && clashes.every((e) => e.start >= v.start && e.end <= v.end)) {
      for (const e of clashes) kept.splice(kept.indexOf(e), 1);
      kept.push(v);
    }
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
