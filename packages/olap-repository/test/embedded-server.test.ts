import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestClickHouse, type TestClickHouse } from './support/clickhouse.js';

let ch: TestClickHouse;
beforeAll(async () => {
  ch = await startTestClickHouse('server_test');
});
afterAll(async () => ch?.close());

describe('embedded ClickHouse HTTP interface', () => {
  it('answers /ping like ClickHouse', async () => {
    const res = await fetch(`${ch.server.url}/ping`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('Ok.\n');
    expect(await ch.client.ping()).toEqual({ success: true });
  });

  it('binds hostile strings and arrays exactly as given, never as SQL', async () => {
    const hostile = "x' OR 1=1; DROP TABLE orders; -- \\ \t\n\r نورة \u202e 😀";
    const result = await ch.client.query({
      query: 'SELECT {s:String} AS s, {a:Array(String)} AS a, {n:UInt64} AS n',
      query_params: { s: hostile, a: ["it's", 'b\\c', '', 'عربي'], n: 1305146709 },
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([{ s: hostile, a: ["it's", 'b\\c', '', 'عربي'], n: expect.anything() }]);
    const tables = await ch.client.query({ query: 'EXISTS TABLE orders', format: 'JSONEachRow' });
    expect(await tables.json()).toEqual([{ result: 1 }]);
  });

  it('maps engine errors to ClickHouse error responses with their code', async () => {
    await expect(ch.client.query({ query: 'SELECT * FROM no_such_table', format: 'JSONEachRow' })).rejects.toMatchObject({
      code: '60',
      type: 'UNKNOWN_TABLE',
    });
    const res = await fetch(`${ch.server.url}/?database=${encodeURIComponent('x; DROP')}`, { method: 'POST', body: 'SELECT 1' });
    expect(res.status).toBe(400);
  });

  it('gzips responses when the client asks for HTTP compression', async () => {
    const res = await fetch(`${ch.server.url}/?enable_http_compression=1&default_format=JSONEachRow`, {
      method: 'POST',
      body: 'SELECT 42 AS answer',
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    // fetch decodes gzip itself; the body is the JSON row.
    expect(await res.text()).toBe('{"answer":42}\n');
  });

  it('serves unknown paths with 404', async () => {
    const res = await fetch(`${ch.server.url}/nope`, { method: 'POST', body: 'SELECT 1' });
    expect(res.status).toBe(404);
  });
});
