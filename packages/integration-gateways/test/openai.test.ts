import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BREAKER_STATE_METRIC, type ChatStreamEvent, createOpenAiGateway, type LocalOpenAi, startLocalOpenAiServer } from '../src/index.js';

const KEY = 'sk-local-test-key';
let openai: LocalOpenAi;
const gateways: Array<{ close(): void }> = [];

beforeAll(async () => {
  openai = await startLocalOpenAiServer({ apiKey: KEY });
});
afterAll(async () => {
  for (const gateway of gateways) gateway.close();
  await openai?.close();
});
afterEach(() => openai.down(false));

function gateway(options: Partial<Parameters<typeof createOpenAiGateway>[0]> = {}) {
  const created = createOpenAiGateway({ apiKey: KEY, baseURL: openai.baseURL, chatModel: 'gpt-4o-mini', embeddingModel: 'text-embedding-3-small', maxRetries: 0, registry: new Registry(), ...options });
  gateways.push(created);
  return created;
}

const revenueTool = {
  name: 'revenue_overview',
  description: 'Revenue, orders and AOV of the store for a period',
  parameters: { type: 'object', properties: { question: { type: 'string' } }, required: ['question'] },
};

describe('OpenAI through the official SDK against the local OpenAI-compatible server', () => {
  it('chat answers text', async () => {
    const result = await gateway().chat({ messages: [{ role: 'user', content: 'كم مبيعات الأسبوع؟' }] });
    expect(result.content).toBe('Answer: كم مبيعات الأسبوع؟');
    expect(result.finishReason).toBe('stop');
    expect(result.fromFallback).toBe(false);
    expect(result.usage?.promptTokens).toBeGreaterThan(0);
  });

  it('chat with tool calling: the model calls a tool, gets the result, then answers', async () => {
    const ai = gateway();
    const first = await ai.chat({ messages: [{ role: 'user', content: 'revenue last week' }], tools: [revenueTool] });
    expect(first.finishReason).toBe('tool_calls');
    expect(first.toolCalls).toHaveLength(1);
    const call = first.toolCalls[0]!;
    expect(call.name).toBe('revenue_overview');
    expect(call.arguments).toEqual({ question: 'revenue last week' });
    const second = await ai.chat({
      messages: [
        { role: 'user', content: 'revenue last week' },
        { role: 'assistant', content: null, toolCalls: [call] },
        { role: 'tool', toolCallId: call.id, content: '{"netSales":123450}' },
      ],
      tools: [revenueTool],
    });
    expect(second.content).toBe('Answer: {"netSales":123450}');
  });

  it('streams text deltas (SSE) and tool calls assembled from fragments', async () => {
    const events: ChatStreamEvent[] = [];
    for await (const event of gateway().chatStream({ messages: [{ role: 'user', content: 'a fairly long question to split' }] })) events.push(event);
    const text = events.flatMap((event) => (event.type === 'text' ? [event.delta] : [])).join('');
    expect(text).toBe('Answer: a fairly long question to split');
    expect(events.filter((event) => event.type === 'text').length).toBeGreaterThan(3);
    expect(events.at(-1)).toEqual({ type: 'done', finishReason: 'stop', fromFallback: false });

    const calls: ChatStreamEvent[] = [];
    for await (const event of gateway().chatStream({ messages: [{ role: 'user', content: 'best products in Riyadh' }], tools: [revenueTool] })) calls.push(event);
    const call = calls.find((event) => event.type === 'tool_call');
    expect(call?.type === 'tool_call' && call.call.arguments).toEqual({ question: 'best products in Riyadh' });
    expect(calls.at(-1)).toMatchObject({ type: 'done', finishReason: 'tool_calls' });
    expect(openai.requests().filter((request) => request.stream).length).toBeGreaterThanOrEqual(2);
  });

  it('embeddings ask for encoding_format float and come back one vector per text, in order', async () => {
    const vectors = await gateway().embed(['تمور', 'عطور', 'تمور']);
    expect(vectors).toHaveLength(3);
    expect(vectors[0]).toHaveLength(8);
    expect(vectors[0]).toEqual(vectors[2]);
    expect(vectors[0]).not.toEqual(vectors[1]);
    expect(openai.requests().filter((request) => request.path === '/v1/embeddings').every((request) => request.encodingFormat === 'float')).toBe(true);
  });

  it('a timeout fires', async () => {
    openai.delayNext(2_000, 1);
    const started = Date.now();
    await expect(gateway({ timeoutMs: 300 }).chat({ messages: [{ role: 'user', content: 'slow' }] })).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('a wrong key is the caller’s error and never opens the breaker', async () => {
    const ai = gateway({ apiKey: 'sk-wrong', breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 } });
    for (let i = 0; i < 4; i++) await expect(ai.chat({ messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(ai.breakerState().chat).toBe('closed');
  });
});

describe('circuit breaker', () => {
  it('opens after the failure threshold, serves the fallback without calling OpenAI, probes half-open and closes after recovery; the state is a metric', async () => {
    const registry = new Registry();
    const fallbackCalls: string[] = [];
    const ai = gateway({
      registry,
      breaker: { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 500 },
      fallback: {
        chat: (input) => {
          fallbackCalls.push(String(input.messages.at(-1)?.content));
          return { content: 'planner answer', toolCalls: [], finishReason: 'stop', fromFallback: true };
        },
      },
    });
    const metric = async () => (await registry.getSingleMetric(BREAKER_STATE_METRIC)?.get())?.values.find((v) => v.labels.breaker === 'openai.chat')?.value;
    expect(await metric()).toBe(0);

    openai.down(true);
    for (let i = 0; i < 3; i++) {
      const result = await ai.chat({ messages: [{ role: 'user', content: `q${i}` }] });
      expect(result).toMatchObject({ content: 'planner answer', fromFallback: true });
    }
    expect(ai.breakerState().chat).toBe('open');
    expect(await metric()).toBe(2);
    const requestsWhileOpen = openai.requests().length;
    const served = await ai.chat({ messages: [{ role: 'user', content: 'while open' }] });
    expect(served.fromFallback).toBe(true);
    expect(openai.requests().length).toBe(requestsWhileOpen); // open: OpenAI is not called at all
    expect(fallbackCalls).toEqual(['q0', 'q1', 'q2', 'while open']);

    openai.down(false);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(ai.breakerState().chat).toBe('half_open');
    expect(await metric()).toBe(1);
    const probe = await ai.chat({ messages: [{ role: 'user', content: 'probe' }] });
    expect(probe).toMatchObject({ content: 'Answer: probe', fromFallback: false });
    expect(ai.breakerState().chat).toBe('closed');
    expect(await metric()).toBe(0);
    expect(await registry.metrics()).toContain('gateway_circuit_breaker_events_total{breaker="openai.chat",event="fallback"} 4');
  });

  it('a failed half-open probe re-opens; without a fallback callers get UPSTREAM_UNAVAILABLE fast', async () => {
    const ai = gateway({ breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 300 } });
    openai.down(true);
    for (let i = 0; i < 2; i++) await expect(ai.embed(['x'])).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(ai.breakerState().embeddings).toBe('open');
    const before = openai.requests().length;
    await expect(ai.embed(['x'])).rejects.toThrow(/circuit open/);
    expect(openai.requests().length).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(ai.embed(['x'])).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(ai.breakerState().embeddings).toBe('open');
  });

  it('streaming falls back too when the breaker is open', async () => {
    const ai = gateway({
      breaker: { volumeThreshold: 1, errorThresholdPercentage: 1, resetTimeoutMs: 60_000 },
      fallback: { chat: () => ({ content: 'offline answer', toolCalls: [], finishReason: 'stop', fromFallback: true }) },
    });
    openai.down(true);
    const events: ChatStreamEvent[] = [];
    for await (const event of ai.chatStream({ messages: [{ role: 'user', content: 'x' }] })) events.push(event);
    expect(events).toEqual([
      { type: 'text', delta: 'offline answer' },
      { type: 'done', finishReason: 'stop', fromFallback: true },
    ]);
  });
});
