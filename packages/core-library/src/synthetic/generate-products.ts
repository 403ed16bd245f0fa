import type { SallaProduct } from '../salla/product.js';
import { CATEGORIES, type CategorySpec } from './catalog.js';
import { sallaAmount } from './order-amounts.js';
import type { Rng } from './rng.js';

export interface SyntheticProduct {
  product: SallaProduct;
  category: CategorySpec;
  priceMinor: number;
}

/** Products with unique names/SKUs, priced in whole riyals or .50/.95 endings as shops do. */
export function generateProducts(rng: Rng, count: number, createdBefore: number): SyntheticProduct[] {
  const used = new Set<string>();
  const products: SyntheticProduct[] = [];
  let id = 1_536_400_000 + rng.int(0, 20_000);
  for (let index = 0; index < count; index++) {
    const category = rng.weighted(CATEGORIES.map((spec) => [spec, spec.weight] as const));
    let name = '';
    for (let attempt = 0; attempt < 20 && (name === '' || used.has(name)); attempt++) {
      name = `${rng.pick(category.products)} ${rng.pick(category.variants)}`;
    }
    if (used.has(name)) name = `${name} ${index + 1}`;
    used.add(name);

    const [low, high] = category.priceMinor;
    const riyals = Math.round(rng.int(low, high) / 100);
    const ending = rng.weighted([
      [0, 6],
      [50, 2],
      [95, 2],
    ] as const);
    const priceMinor = Math.max(100, riyals * 100 - (ending === 0 ? 0 : 100 - ending));
    const [marginLow, marginHigh] = category.margin;
    const costMinor = Math.round(priceMinor * (1 - (marginLow + rng.float() * (marginHigh - marginLow))));

    id += rng.int(1, 400);
    const createdAt = new Date(createdBefore - rng.int(1, 120) * 86_400_000 - rng.int(0, 86_399) * 1000);
    products.push({
      category,
      priceMinor,
      product: {
        id,
        name,
        sku: `${category.skuPrefix}-${String(index + 1).padStart(4, '0')}`,
        type: 'product',
        status: 'sale',
        price: sallaAmount(priceMinor, 'SAR'),
        cost_price: sallaAmount(costMinor, 'SAR'),
        quantity: rng.int(0, 250),
        categories: [{ id: category.id, name: category.name }],
        created_at: createdAt,
        updated_at: createdAt,
      },
    });
  }
  return products.sort(
    (a, b) => Number(a.product.created_at) - Number(b.product.created_at) || a.product.id - b.product.id,
  );
}

/** Popularity follows a long tail: a few best sellers, many slow movers. */
export function popularityWeights(count: number): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / (rank + 1) ** 0.8);
}
