import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { canonicalPlan, parseToolCall, planSchema, TOOL_NAMES, toolJsonSchemas } from './plan-schema.js';

describe('plan schema', () => {
  it('fills defaults, so equal intents compare equal', () => {
    expect(canonicalPlan({ tool: 'get_metric', args: { metric: 'netSales' } })).toBe(
      canonicalPlan({ tool: 'get_metric', args: { metric: 'netSales', period: { preset: 'last_30_days' }, compare: 'previous_period' } }),
    );
  });

  it('refuses arguments the tool does not name — a merchant id, SQL — instead of ignoring them', () => {
    expect(() => parseToolCall('get_metric', { metric: 'netSales', merchantId: 2 })).toThrow(ZodError);
    expect(() => parseToolCall('get_metric', { metric: 'netSales', merchant_id: '2' })).toThrow(ZodError);
    expect(() => parseToolCall('breakdown', { dimension: 'city', sql: 'SELECT * FROM orders' })).toThrow(ZodError);
    expect(() => parseToolCall('get_metric', { metric: 'netSales', filter: { dimension: 'merchant_id', value: '2' } })).toThrow(ZodError);
    expect(() => parseToolCall('run_sql', { query: 'SELECT 1' })).toThrow(ZodError);
    expect(() => parseToolCall('get_metric', { metric: 'DROP TABLE' })).toThrow(ZodError);
    expect(() => parseToolCall('get_metric', { metric: 'netSales', period: { preset: 'custom', from: '2026-02-10', to: '2026-01-01' } })).toThrow(ZodError);
  });

  it('derives every tool’s JSON schema from zod, strict, with no merchant anywhere', () => {
    const tools = toolJsonSchemas();
    expect(tools.map((t) => t.name)).toEqual(TOOL_NAMES);
    for (const tool of tools) {
      expect(tool.parameters.type).toBe('object');
      expect(tool.parameters.additionalProperties).toBe(false);
      // No argument can name a store: no property key mentions a merchant or store.
      expect(JSON.stringify(tool.parameters)).not.toMatch(/"(merchant|store|tenant|shop)[A-Za-z_]*"\s*:/i);
      expect(tool.description.length).toBeGreaterThan(10);
    }
    const metric = tools.find((t) => t.name === 'get_metric')?.parameters as { properties: Record<string, { enum?: string[] }> };
    expect(metric.properties.metric?.enum).toContain('abandonedCarts');
  });

  it('accepts every tool with empty-ish arguments where defaults exist', () => {
    for (const [tool, args] of [
      ['get_trend', {}],
      ['rank_products', {}],
      ['breakdown', { dimension: 'city' }],
      ['explain_change', {}],
      ['customer_segments', {}],
      ['lifetime_value', {}],
      ['cannot_answer', { reason: 'unclear' }],
    ] as const) {
      expect(planSchema.safeParse({ tool, args }).success, tool).toBe(true);
    }
  });
});
