/** Sources that need resolving in the document step. */
export const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you"]);
export const ROLE_NOUNS = new Set([
  "spokesman", "spokeswoman", "spokesperson", "official", "officials", "minister", "president", "senator", "governor",
  "mayor", "chairman", "chief", "director", "leader", "police", "authorities", "analysts", "experts", "lawyer", "aide",
  "aides", "campaign", "company", "statement", "report", "source", "sources", "administration", "agency", "ministry",
]);
