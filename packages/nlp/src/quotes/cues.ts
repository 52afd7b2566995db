/**
 * Cue verbs of reported speech and stance, the most frequent in PolNeAR's training articles
 * (said 3,962, says 414, according to 387, told 386, ...), in the forms news uses.
 */
export const CUE_VERBS = [
  "said", "says", "say", "told", "tells", "tell", "added", "adds", "adding", "saying", "wrote", "writes", "asked", "asks",
  "noted", "notes", "noting", "reported", "reports", "announced", "announces", "suggested", "suggests", "tweeted", "argued",
  "argues", "arguing", "explained", "explains", "declared", "declares", "warned", "warns", "warning", "believes", "believe",
  "believed", "thinks", "think", "thought", "claimed", "claims", "claiming", "stated", "insisted", "insists",
  "acknowledged", "acknowledges", "conceded", "admitted", "admits", "recalled", "recalls", "continued", "concluded",
  "predicted", "predicts", "promised", "promises", "vowed", "vows", "urged", "urges", "contended", "contends", "maintained",
  "maintains", "testified", "confirmed", "confirms", "denied", "denies", "estimated", "estimates", "replied", "responded",
  "countered", "complained", "observed", "emphasized", "stressed", "cautioned", "predicted", "alleged", "alleges",
  "revealed", "disclosed", "indicated", "indicates", "pointed out", "points out", "found", "finds", "showed", "shows",
  "expects", "expected", "hopes", "hoped", "fears", "feared", "worries", "worried", "agreed", "agrees", "wondered",
  "called", "calls", "calling", "described", "describes", "describing", "accused", "accuses", "accusing", "criticized",
  "criticizes", "referred", "labeled", "dubbed", "branded", "praised", "mocked", "blamed",
  "questioned", "questions", "questioning", "encouraged", "encouraging", "demanded", "demands", "demanding", "charged",
  "charges", "raising questions about", "raised questions about", "cited", "citing", "pointing out", "mocking",
  "views", "viewed", "ridiculed", "touted", "questioned whether", "wants", "wanted", "called for", "calls for",
];

/** Verbs that take the listener first: "told reporters (that) ...". */
export const TELL_VERBS = new Set(["told", "tells", "tell", "warned", "warns", "assured", "assures", "reminded", "informed", "urged"]);

/** Sources that need resolving in the document step. */
export const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you"]);
export const ROLE_NOUNS = new Set([
  "spokesman", "spokeswoman", "spokesperson", "official", "officials", "minister", "president", "senator", "governor",
  "mayor", "chairman", "chief", "director", "leader", "police", "authorities", "analysts", "experts", "lawyer", "aide",
  "aides", "campaign", "company", "statement", "report", "source", "sources", "administration", "agency", "ministry",
]);
