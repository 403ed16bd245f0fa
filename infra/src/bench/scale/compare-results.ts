/**
 * Differences between two engines' answers to the same dashboard question, as `path: a ≠ b`.
 * Counts and sums must be equal; ratios and averages may differ in the last floating-point bits;
 * averages rounded to the minor unit may differ by one where the engines round a half differently
 * (ClickHouse rounds float halves to even, PostgreSQL's numeric rounds them away from zero).
 */
export function compareResults(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    const tolerance = /avg|median/i.test(path) ? 1 : Math.max(Math.abs(a), Math.abs(b)) * 1e-9;
    return Math.abs(a - b) <= tolerance ? [] : [`${path || '.'}: ${a} ≠ ${b}`];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${path || '.'}: ${a.length} items ≠ ${b.length} items`];
    return a.flatMap((item, i) => compareResults(item, b[i], `${path}[${i}]`));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) =>
      compareResults((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key),
    );
  }
  return Object.is(a, b) ? [] : [`${path || '.'}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}
