/**
 * Drawing samples: each sample is a level (a whole number below the factor's count of
 * values) per factor, computed from the seed and the sample's number alone — so any
 * worker can draw any sample, and a run gives the same samples on any number of
 * workers. Integer arithmetic only.
 *
 * - `uniform`: a seeded pseudo-random generator (mulberry32), re-seeded per sample by
 *   mixing the seed with the sample number.
 * - `quasi`: the Halton sequence (the radical inverse of the sample number in the
 *   d-th prime base for factor d), randomised by a Cranley–Patterson rotation drawn
 *   from the seed, which spreads samples more evenly than pseudo-random ones.
 * @module
 */

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113];

/** Most factors a plan may vary under quasi-random sampling (one prime base each). */
export const MAX_QUASI_FACTORS = PRIMES.length;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A 32-bit integer as a level below `levels`: ⌊r × levels / 2³²⌋, exact (r × levels < 2⁵³). */
function levelOf(r: number, levels: number): number {
  return Math.floor((r * levels) / 4294967296);
}

/** Digits of base b kept by the radical inverse: b^k ≤ 2³² (so the rotation stays exact). */
function digitsFor(base: number): { count: number; modulus: number } {
  let count = 0;
  let modulus = 1;
  while (modulus * base <= 4294967296) {
    modulus *= base;
    count++;
  }
  return { count, modulus };
}

/** Draws samples of a plan. */
export interface Sampler {
  /**
   * The levels of sample `i` (from 0), one per factor.
   * @param i - the sample's number
   * @param out - where to write the levels
   */
  levels(i: number, out: Int32Array): void;
}

/**
 * A sampler for factors with the given counts of values.
 * @param counts - values per factor
 * @param sampling - `uniform` or `quasi`
 * @param seed - the seed (a 32-bit unsigned integer)
 */
export function sampler(counts: readonly number[], sampling: "uniform" | "quasi", seed: number): Sampler {
  if (sampling === "uniform") {
    return {
      levels(i, out) {
        // A fresh generator per sample, seeded from (seed, i): samples are independent of order.
        const next = mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35));
        next();
        for (let d = 0; d < counts.length; d++) out[d] = levelOf(next(), counts[d]!);
      },
    };
  }
  const bases = counts.map((_, d) => {
    const base = PRIMES[d % PRIMES.length]!;
    return { base, ...digitsFor(base) };
  });
  const shiftOf = mulberry32(seed);
  const shifts = bases.map((b) => Math.floor((shiftOf() / 4294967296) * b.modulus));
  return {
    levels(i, out) {
      for (let d = 0; d < counts.length; d++) {
        const { base, count, modulus } = bases[d]!;
        // Radical inverse of i + 1 as an integer over `modulus`, then the rotation.
        let n = i + 1;
        let rev = 0;
        for (let k = 0; k < count; k++) {
          rev = rev * base + (n % base);
          n = Math.floor(n / base);
        }
        const r = (rev + shifts[d]!) % modulus;
        out[d] = Math.floor((r * counts[d]!) / modulus);
      }
    },
  };
}
