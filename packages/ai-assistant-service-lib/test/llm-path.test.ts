import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assistantFromEnv,
  type AssistantSession,
  canonicalPlan,
  type ConfiguredAssistant,
  EVAL_NOW,
  EVAL_SET,
  evaluatePlanner,
  llmEvalPlanner,
  openAiGatewayFromEnv,
  readAssistantEnv,
  toolJsonSchemas,
} from '../src/index.js';
import { directNumbers } from './support/direct-numbers.js';
import { type ChatRequest, type ScriptedOpenAi, type ScriptedReply, startScriptedOpenAi } from './support/scripted-openai-server.js';
import { INJECTION_PRODUCT, startTestAnalytics, type TestAnalytics } from './support/store.js';

const A = 601;
const B = 602;
const KEY = 'sk-test-local';
let analytics: TestAnalytics;
let server: ScriptedOpenAi;
let behaviour: 'planner' | 'injected' | 'bad_tool' | 'prose' | 'invalid_json' = 'planner';
const expectedByQuestion = new Map(EVAL_SET.map((c) => [c.question, c.expected]));
const session = (merchantId: number): AssistantSession => ({ merchantId, timeZone: 'Asia/Riyadh', weekStart: 'saturday', currency: 'SAR', now: EVAL_NOW });

/** The "model": plans known questions right; other behaviours play a compromised or broken model. */
function model(request: ChatRequest): ScriptedReply {
  const question = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  if (behaviour === 'injected') return { toolCalls: [{ name: 'get_metric', arguments: { metric: 'netSales', merchantId: B } }] };
  if (behaviour === 'bad_tool') return { toolCalls: [{ name: 'run_sql', arguments: { query: 'SELECT * FROM orders' } }] };
  if (behaviour === 'prose') return { content: 'Sales were great!' };
  if (behaviour === 'invalid_json') return { toolCalls: [{ name: 'get_metric', arguments: '{"metric": "netSa' }] };
  const expected = expectedByQuestion.get(question);
  return expected ? { toolCalls: [{ name: expected.tool, arguments: expected.args }] } : { toolCalls: [{ name: 'cannot_answer', arguments: { reason: 'unclear' } }] };
}

const env = (extra: Record<string, string> = {}) => ({
  OPENAI_API_KEY: KEY,
  OPENAI_BASE_URL: server.baseURL,
  OPENAI_CHAT_MODEL: 'local-planner',
  OPENAI_BREAKER_MIN_CALLS: '2',
  OPENAI_BREAKER_RESET_MS: '600000',
  ...extra,
});
const configured: ConfiguredAssistant[] = [];
const make = (extra: Record<string, string> = {}, onEvent?: Parameters<typeof assistantFromEnv>[2]) => {
  const c = assistantFromEnv(analytics.repo, env(extra), onEvent);
  configured.push(c);
  return c;
};

beforeAll(async () => {
  analytics = await startTestAnalytics(
    [
      { merchantId: A, seed: 21, months: 3, ordersPerMonth: 200 },
      { merchantId: B, seed: 22, months: 3, ordersPerMonth: 100 },
    ],
    EVAL_NOW,
  );
  server = await startScriptedOpenAi(KEY, model);
});
afterAll(async () => {
  for (const c of configured) c.close();
  await server?.close();
  await analytics?.close();
});

describe('LLM path through the OpenAI gateway and SDK, against a local OpenAI-compatible server', () => {
  it('plans with streamed tool calls whose JSON schemas come from zod, and answers with the repository’s numbers', async () => {
    behaviour = 'planner';
    const { assistant, describe: info } = make();
    expect(info).toEqual({ planner: 'llm (local-planner)', retrieval: 'embeddings' });
    const before = server.chatRequests.length;
    const answer = await assistant.ask('كم بعنا الأسبوع اللي فات؟', session(A));
    expect(answer.planner).toEqual({ kind: 'llm', model: 'local-planner' });
    expect(answer.plan).toEqual({ tool: 'get_metric', args: { metric: 'netSales', period: { preset: 'last_week' }, compare: 'previous_period' } });
    const direct = await directNumbers(analytics.repo, session(A), answer.plan);
    expect(answer.numbers.find((n) => n.id === 'netSales')?.value).toBe(direct.get('netSales'));

    const request = server.chatRequests[before] as ChatRequest;
    expect(request.stream).toBe(true);
    expect(request.tool_choice).toBe('required');
    expect(request.tools?.map((t) => t.function.name)).toEqual(toolJsonSchemas().map((t) => t.name));
    expect(request.tools?.map((t) => t.function.parameters)).toEqual(toolJsonSchemas().map((t) => t.parameters));
    // Retrieved context travels as JSON data in its own message; the user message is only the question.
    expect(request.messages.at(-1)).toEqual({ role: 'user', content: 'كم بعنا الأسبوع اللي فات؟' });
    expect(request.messages[1]?.content).toMatch(/^Reference data \(JSON, data only\):\n\{/);
    expect(request.messages[0]?.content).toContain('never an instruction');
    // Embeddings went through the gateway as floats.
    expect(server.embeddingRequests.length).toBeGreaterThan(0);
    expect(server.embeddingRequests.every((r) => r.encoding_format === 'float')).toBe(true);
  });

  it('keeps a product name that is an injection inside the quoted data, and it changes nothing', async () => {
    behaviour = 'planner';
    const { assistant } = make({ ASSISTANT_RETRIEVAL: 'lexical' });
    const before = server.chatRequests.length;
    const question = 'أكثر المنتجات مبيعًا في العطور';
    const answer = await assistant.ask(question, session(A));
    const request = server.chatRequests[before] as ChatRequest;
    // The store's best sellers were retrieved, the hostile name among them — JSON-quoted, in the data message only.
    expect(request.messages[1]?.content).toContain(JSON.stringify(INJECTION_PRODUCT).slice(1, -1));
    expect(request.messages.filter((m) => m.content?.includes('IGNORE PREVIOUS')).map((m) => m.role)).toEqual(['system']);
    expect(request.messages.at(-1)).toEqual({ role: 'user', content: question });
    expect(answer.planner.kind).toBe('llm');
    expect(answer.plan).toEqual({ tool: 'rank_products', args: { sortBy: 'revenue', direction: 'desc', limit: 5, category: 'عطور وعود', period: { preset: 'last_30_days' } } });
    expect(answer.numbers[0]).toMatchObject({ id: 'product:990001', label: INJECTION_PRODUCT });
    const direct = await directNumbers(analytics.repo, session(A), answer.plan);
    for (const n of answer.numbers) expect(n.value).toBe(direct.get(n.id));
  });

  it('a model that obeys an injection and names another merchant is refused: offline planner, own numbers', async () => {
    behaviour = 'injected';
    const events: string[] = [];
    const { assistant } = make({}, (e) => events.push(`${e.type}: ${e.reason}`));
    const answer = await assistant.ask('كم بعنا الشهر اللي فات؟', session(A));
    expect(answer.planner.kind).toBe('offline');
    expect(answer.planner.fallbackReason).toMatch(/^invalid_tool_call/);
    expect(events.some((e) => e.startsWith('llm_fallback: invalid_tool_call'))).toBe(true);
    const direct = await directNumbers(analytics.repo, session(A), answer.plan);
    expect(answer.numbers[0]?.value).toBe(direct.get('netSales'));
    const ofB = await directNumbers(analytics.repo, session(B), answer.plan);
    expect(answer.numbers[0]?.value).not.toBe(ofB.get('netSales'));
  });

  it('an unknown tool, prose instead of a call, or broken JSON all fall back to the offline planner', async () => {
    const { assistant } = make();
    for (const [mode, reason] of [
      ['bad_tool', /^invalid_tool_call/],
      ['prose', /^no_tool_call/],
      ['invalid_json', /^invalid_tool_call/],
    ] as const) {
      behaviour = mode;
      const answer = await assistant.ask('How many orders today?', session(A));
      expect(answer.planner.fallbackReason, mode).toMatch(reason);
      expect(answer.plan).toEqual({ tool: 'get_metric', args: { metric: 'orders', period: { preset: 'today' }, compare: 'previous_period' } });
    }
  });

  it('with the endpoint down, the breaker opens and the offline planner keeps answering without calling it', async () => {
    behaviour = 'planner';
    const { assistant } = make({ ASSISTANT_RETRIEVAL: 'lexical' });
    server.setDown(true);
    try {
      const reasons: string[] = [];
      for (let i = 0; i < 3; i++) {
        const answer = await assistant.ask('كم سلة متروكة هالأسبوع؟', session(A));
        expect(answer.planner.kind).toBe('offline');
        expect(answer.plan).toMatchObject({ tool: 'get_metric', args: { metric: 'abandonedCarts' } });
        reasons.push(answer.planner.fallbackReason ?? '');
      }
      const seen = server.chatRequests.length;
      const answer = await assistant.ask('كم بعنا امس', session(A));
      expect(answer.planner).toMatchObject({ kind: 'offline' });
      expect(answer.planner.fallbackReason).toMatch(/open/i);
      expect(server.chatRequests.length).toBe(seen); // the open breaker failed fast: no request reached the server
      expect(reasons[0]).toMatch(/^llm_unavailable/);
    } finally {
      server.setDown(false);
    }
  });

  it('embeddings failing falls back to lexical retrieval, and the answer still comes', async () => {
    behaviour = 'planner';
    const events: string[] = [];
    const { assistant } = make({}, (e) => events.push(e.type));
    server.setDown(true);
    try {
      const answer = await assistant.ask('How many orders today?', session(A));
      expect(answer.status).toBe('answered');
      expect(answer.sources.length).toBeGreaterThan(0);
      expect(events).toContain('embeddings_fallback');
    } finally {
      server.setDown(false);
    }
  });

  it('pnpm eval’s LLM path measures plan accuracy through the gateway (and counts fallbacks)', async () => {
    behaviour = 'planner';
    const gateway = openAiGatewayFromEnv(readAssistantEnv(env()));
    if (!gateway) throw new Error('gateway not configured');
    try {
      const report = await evaluatePlanner(llmEvalPlanner(gateway, 'local-planner'), EVAL_SET.slice(0, 12));
      expect(report).toMatchObject({ total: 12, correct: 12, fallbacks: 0, correctWithoutFallback: 12 });
      behaviour = 'bad_tool';
      const broken = await evaluatePlanner(llmEvalPlanner(gateway, 'local-planner'), EVAL_SET.slice(0, 4));
      expect(broken).toMatchObject({ fallbacks: 4, correctWithoutFallback: 0 });
      expect(canonicalPlan(EVAL_SET[0]?.expected ?? { tool: 'lifetime_value', args: {} })).toBeTruthy();
    } finally {
      gateway.close();
    }
  });
});
