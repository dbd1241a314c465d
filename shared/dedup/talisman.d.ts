// talisman ships CommonJS without types; these declare only the functions shared/dedup imports.

declare module 'talisman/metrics/jaro-winkler' {
  /** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, boost threshold 0.7). */
  const jaroWinkler: (a: string, b: string) => number;
  export default jaroWinkler;
}

declare module 'talisman/metrics/damerau-levenshtein' {
  /** Optimal-string-alignment edit distance (insertions, deletions, substitutions, adjacent swaps). */
  const damerauLevenshtein: (a: string, b: string) => number;
  export default damerauLevenshtein;
}

declare module 'talisman/phonetics/double-metaphone' {
  /** Primary and alternate Double Metaphone codes of a word. */
  const doubleMetaphone: (word: string) => [string, string];
  export default doubleMetaphone;
}

declare module 'talisman/metrics/monge-elkan' {
  type TokenSimilarity = (a: string, b: string) => number;
  /** Mean over source tokens of their best similarity to a target token; `symmetric` averages both directions. */
  const mongeElkan: {
    (similarity: TokenSimilarity, source: readonly string[], target: readonly string[]): number;
    symmetric: (similarity: TokenSimilarity, source: readonly string[], target: readonly string[]) => number;
  };
  export default mongeElkan;
}
