/**
 * Query parameters arrive over HTTP as clickhouse-js formats them: top-level strings in
 * ClickHouse's "escaped" text form (tab, newline, CR, quote and backslash escaped), arrays as SQL
 * literals (`['it\'s','b']`). chdb's binder wants plain JS values and does that formatting itself,
 * so the HTTP interface turns each value back into what the caller originally bound.
 */
const ESCAPES: Record<string, string> = {
  t: '\t',
  n: '\n',
  r: '\r',
  b: '\b',
  f: '\f',
  0: '\0',
  "'": "'",
  '"': '"',
  '\\': '\\',
};

export type BoundValue = string | number | null | BoundValue[];

export function unescapeTextValue(value: string): string {
  return value.replace(/\\(.)/gs, (match, ch: string) => ESCAPES[ch] ?? match);
}

/** Maps each `{name:Type}` placeholder of a query to its declared type. */
export function declaredParamTypes(sql: string): Map<string, string> {
  const types = new Map<string, string>();
  for (const m of sql.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([^{}]+?)\s*\}/g)) {
    types.set(m[1]!, m[2]!);
  }
  return types;
}

export function bindParams(sql: string, raw: Record<string, string>): Record<string, BoundValue> {
  const types = declaredParamTypes(sql);
  const bound: Record<string, BoundValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    const type = types.get(name) ?? 'String';
    bound[name] = /^(Nullable\()?Array\(/.test(type) ? parseArrayLiteral(value) : unescapeTextValue(value);
  }
  return bound;
}

/** Parses the array literals clickhouse-js produces: nested arrays of quoted strings, numbers, NULL. */
export function parseArrayLiteral(text: string): BoundValue[] {
  let i = 0;
  const fail = (): never => {
    throw new Error(`Cannot parse array parameter near position ${i}`);
  };
  const skipSpace = () => {
    while (text[i] === ' ') i++;
  };
  const value = (): BoundValue => {
    skipSpace();
    const ch = text[i];
    if (ch === '[') return array();
    if (ch === "'") return quoted();
    const match = /^(NULL|[-+]?[0-9.eE+-]+|[-+]?inf|nan|TRUE|FALSE)/.exec(text.slice(i));
    if (!match) return fail();
    i += match[0].length;
    if (match[0] === 'NULL') return null;
    if (match[0] === 'TRUE' || match[0] === 'FALSE') return match[0] === 'TRUE' ? 1 : 0;
    return Number(match[0]);
  };
  const quoted = (): string => {
    i++;
    let out = '';
    while (i < text.length && text[i] !== "'") {
      if (text[i] === '\\') {
        const next = text[i + 1] ?? '';
        out += ESCAPES[next] ?? next;
        i += 2;
      } else out += text[i++];
    }
    if (text[i] !== "'") fail();
    i++;
    return out;
  };
  const array = (): BoundValue[] => {
    i++;
    const items: BoundValue[] = [];
    skipSpace();
    if (text[i] === ']') {
      i++;
      return items;
    }
    for (;;) {
      items.push(value());
      skipSpace();
      if (text[i] === ',') i++;
      else if (text[i] === ']') {
        i++;
        return items;
      } else fail();
    }
  };
  skipSpace();
  if (text[i] !== '[') fail();
  const result = array();
  skipSpace();
  if (i !== text.length) fail();
  return result;
}
