import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

type Generator = ReturnType<typeof xoroshiro128plus>;

/**
 * Seeded randomness for the synthetic store. Everything random in the generator goes through one
 * of these, so the same seed yields byte-identical output on any machine and in any time zone.
 */
export class Rng {
  readonly #generator: Generator;

  constructor(seed: number) {
    this.#generator = xoroshiro128plus(seed | 0);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.#generator);
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return uniformInt(this.#generator, min, max);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Picks by relative weight from `[value, weight]` pairs. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    return entries[this.weightedIndex(entries.map(([, weight]) => weight))]?.[0] as T;
  }

  weightedIndex(weights: readonly number[]): number {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let target = this.float() * total;
    for (let index = 0; index < weights.length; index++) {
      target -= weights[index] ?? 0;
      if (target < 0) return index;
    }
    return weights.length - 1;
  }
}

/** Fast repeated weighted picks: cumulative weights and a binary search. */
export class WeightedTable<T> {
  readonly #items: readonly T[];
  readonly #cumulative: number[];

  constructor(items: readonly T[], weights: readonly number[]) {
    this.#items = items;
    let running = 0;
    this.#cumulative = weights.map((weight) => {
      running += weight;
      return running;
    });
  }

  sample(rng: Rng): T {
    const total = this.#cumulative[this.#cumulative.length - 1] ?? 0;
    const target = rng.float() * total;
    let low = 0;
    let high = this.#cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.#cumulative[mid] ?? 0) > target) high = mid;
      else low = mid + 1;
    }
    return this.#items[low] as T;
  }
}
