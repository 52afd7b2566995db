// Names from outside the training data for the gazetteer features. None yet.
export function externalNames(_log) {
  return [];
}
