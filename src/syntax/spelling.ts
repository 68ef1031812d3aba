/**
 * "Did you mean": edit distance between words and the closest known word, shared by
 * the parser (misspelt keywords, unknown functions) and the checker (unknown names).
 * @module
 */

/**
 * Damerau-Levenshtein distance (optimal string alignment), for "did you mean".
 * @param a - one word
 * @param b - another
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The closest candidate within edit distance 2 (ties: the first in sorted order).
 * @param name - what was written
 * @param candidates - names that exist
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  if (name.length > 64) return undefined; // no word of a rubric is that long; the matrix would be huge
  for (const candidate of [...candidates].sort()) {
    if (Math.abs(candidate.length - name.length) > 2) continue; // the distance is at least the length difference
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance && distance <= Math.max(1, Math.floor(name.length / 2))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
