import { AppError } from '@salla-analytics/core-library';
import OpenAI from 'openai';
import type { Registry } from 'prom-client';
import { createCircuitBreaker, type BreakerState, type GatewayCircuitBreaker } from '../resilience/circuit-breaker.js';
import { isCallerError, toOpenAiAppError } from './openai-errors.js';

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

/** A function the model may call; `parameters` is a JSON Schema object. */
export interface ChatTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface ToolCall {
  id: string;
  name: string;
  /** The arguments as the model wrote them (JSON text) and parsed (undefined when not JSON). */
  argumentsJson: string;
  arguments: unknown;
}

export interface ChatInput {
  messages: ChatMessage[];
  tools?: ChatTool[];
  /** `auto` (default with tools), `none`, `required`, or one tool by name. */
  toolChoice?: 'auto' | 'none' | 'required' | { name: string };
  temperature?: number;
  maxTokens?: number;
}

export interface ChatResult {
  content: string | null;
  toolCalls: ToolCall[];
  finishReason: string;
  usage?: { promptTokens: number; completionTokens: number };
  /** True when the breaker's fallback answered instead of OpenAI. */
  fromFallback: boolean;
}

export type ChatStreamEvent =
  | { type: 'text'; delta: string }
  | { type: 'tool_call'; call: ToolCall }
  | { type: 'done'; finishReason: string; fromFallback: boolean };

export interface OpenAiGatewayOptions {
  apiKey: string;
  /** Any OpenAI-compatible server; default OpenAI's. */
  baseURL?: string;
  chatModel: string;
  embeddingModel: string;
  /** Per request, including a stream's whole duration (default 30 s). */
  timeoutMs?: number;
  /** The SDK's own retries before the breaker counts a failure (default 1). */
  maxRetries?: number;
  breaker?: { errorThresholdPercentage?: number; volumeThreshold?: number; resetTimeoutMs?: number; rollingWindowMs?: number };
  /** Served while the breaker is open or a call fails (e.g. the assistant's deterministic planner). */
  fallback?: { chat?: (input: ChatInput, error: unknown) => ChatResult | Promise<ChatResult> };
  registry?: Registry;
}

export interface OpenAiGateway {
  chat(input: ChatInput): Promise<ChatResult>;
  /** Text deltas as they arrive, each tool call once complete, then `done`. */
  chatStream(input: ChatInput): AsyncIterable<ChatStreamEvent>;
  /** One vector per text (`encoding_format: "float"`). */
  embed(texts: string[]): Promise<number[][]>;
  breakerState(): { chat: BreakerState; embeddings: BreakerState };
  close(): void;
}

type CompletionParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;
type StreamParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming;
type OpenStream = AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>;

/**
 * OpenAI through the official SDK (`baseURL` makes any compatible server work): chat with tool
 * calling, streaming, embeddings. Each call has a timeout; chat (and opening a stream) and
 * embeddings each go through a circuit breaker whose state is the
 * `gateway_circuit_breaker_state{breaker="openai.chat"|"openai.embeddings"}` gauge.
 */
export function createOpenAiGateway(options: OpenAiGatewayOptions): OpenAiGateway {
  const client = new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    timeout: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 1,
  });
  const breakerOptions = {
    ...options.breaker,
    isCallerError,
    ...(options.registry ? { registry: options.registry } : {}),
  };

  const fallbackChat = options.fallback?.chat;
  // Fallbacks are opossum's hook: called when a call fails or the breaker is open, never for
  // caller errors (4xx, filtered out of the statistics too).
  const chatBreaker: GatewayCircuitBreaker<[ChatInput], ChatResult> = createCircuitBreaker(
    async (input) => {
      try {
        return toChatResult(await client.chat.completions.create({ ...requestOf(options.chatModel, input), stream: false }));
      } catch (error) {
        throw toOpenAiAppError(error, 'chat');
      }
    },
    {
      name: 'openai.chat',
      ...breakerOptions,
      ...(fallbackChat ? { fallback: async (error: unknown, input: ChatInput) => ({ ...(await fallbackChat(input, error)), fromFallback: true }) } : {}),
    },
  );
  type Opened = { kind: 'stream'; stream: OpenStream } | { kind: 'fallback'; result: ChatResult };
  const streamBreaker: GatewayCircuitBreaker<[ChatInput], Opened> = createCircuitBreaker(
    async (input) => {
      try {
        const stream = await client.chat.completions.create({ ...requestOf(options.chatModel, input), stream: true } satisfies StreamParams);
        return { kind: 'stream', stream };
      } catch (error) {
        throw toOpenAiAppError(error, 'chat stream');
      }
    },
    {
      name: 'openai.chat_stream',
      ...breakerOptions,
      ...(fallbackChat
        ? { fallback: async (error: unknown, input: ChatInput): Promise<Opened> => ({ kind: 'fallback', result: { ...(await fallbackChat(input, error)), fromFallback: true } }) }
        : {}),
    },
  );
  const embeddingsBreaker = createCircuitBreaker(
    async (input: string[]) => {
      try {
        return await client.embeddings.create({ model: options.embeddingModel, input, encoding_format: 'float' });
      } catch (error) {
        throw toOpenAiAppError(error, 'embeddings');
      }
    },
    { name: 'openai.embeddings', ...breakerOptions },
  );

  return {
    chat: (input) => chatBreaker.fire(input),

    async *chatStream(input) {
      const opened = await streamBreaker.fire(input);
      if (opened.kind === 'fallback') {
        if (opened.result.content) yield { type: 'text', delta: opened.result.content };
        for (const call of opened.result.toolCalls) yield { type: 'tool_call', call };
        yield { type: 'done', finishReason: opened.result.finishReason, fromFallback: true };
        return;
      }
      // Tool calls arrive in pieces by index: id and name first, arguments in fragments.
      const pending = new Map<number, { id: string; name: string; args: string }>();
      let finishReason = 'stop';
      try {
        for await (const chunk of opened.stream) {
          const choice = chunk.choices[0];
          if (!choice) continue;
          if (choice.delta.content) yield { type: 'text', delta: choice.delta.content };
          for (const part of choice.delta.tool_calls ?? []) {
            const entry = pending.get(part.index) ?? { id: '', name: '', args: '' };
            if (part.id) entry.id = part.id;
            if (part.function?.name) entry.name += part.function.name;
            if (part.function?.arguments) entry.args += part.function.arguments;
            pending.set(part.index, entry);
          }
          if (choice.finish_reason) finishReason = choice.finish_reason;
        }
      } catch (error) {
        throw toOpenAiAppError(error, 'chat stream');
      }
      for (const [, entry] of [...pending].sort(([a], [b]) => a - b)) yield { type: 'tool_call', call: toolCall(entry.id, entry.name, entry.args) };
      yield { type: 'done', finishReason, fromFallback: false };
    },

    async embed(texts) {
      if (texts.length === 0) return [];
      const response = await embeddingsBreaker.fire(texts);
      const vectors = [...response.data].sort((a, b) => a.index - b.index).map((entry) => entry.embedding);
      if (vectors.length !== texts.length || vectors.some((vector) => !Array.isArray(vector))) {
        throw new AppError('UPSTREAM_UNAVAILABLE', 'OpenAI returned embeddings that do not match the input');
      }
      return vectors as number[][];
    },

    breakerState: () => ({ chat: chatBreaker.state(), embeddings: embeddingsBreaker.state() }),
    close() {
      chatBreaker.shutdown();
      streamBreaker.shutdown();
      embeddingsBreaker.shutdown();
    },
  };
}

function toChatResult(completion: OpenAI.Chat.Completions.ChatCompletion): ChatResult {
  const choice = completion.choices[0];
  if (!choice) throw new AppError('UPSTREAM_UNAVAILABLE', 'OpenAI returned no choice');
  const calls = (choice.message.tool_calls ?? []).flatMap((call) =>
    call.type === 'function' ? [toolCall(call.id, call.function.name, call.function.arguments)] : [],
  );
  return {
    content: choice.message.content,
    toolCalls: calls,
    finishReason: choice.finish_reason,
    ...(completion.usage ? { usage: { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens } } : {}),
    fromFallback: false,
  };
}

function requestOf(model: string, input: ChatInput): Omit<CompletionParams, 'stream'> {
  return {
    model,
    messages: input.messages.map(toSdkMessage),
    ...(input.tools?.length
      ? {
          tools: input.tools.map((tool) => ({ type: 'function' as const, function: { name: tool.name, description: tool.description, parameters: tool.parameters } })),
          tool_choice:
            typeof input.toolChoice === 'object' ? { type: 'function' as const, function: { name: input.toolChoice.name } } : (input.toolChoice ?? 'auto'),
        }
      : {}),
    ...(input.temperature === undefined ? {} : { temperature: input.temperature }),
    ...(input.maxTokens === undefined ? {} : { max_completion_tokens: input.maxTokens }),
  };
}

function toSdkMessage(message: ChatMessage): OpenAI.Chat.Completions.ChatCompletionMessageParam {
  switch (message.role) {
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
    case 'assistant':
      return {
        role: 'assistant',
        content: message.content,
        ...(message.toolCalls?.length
          ? { tool_calls: message.toolCalls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.argumentsJson } })) }
          : {}),
      };
    default:
      return { role: message.role, content: message.content };
  }
}

function toolCall(id: string, name: string, argumentsJson: string): ToolCall {
  let parsed: unknown;
  try {
    parsed = argumentsJson === '' ? {} : JSON.parse(argumentsJson);
  } catch {
    parsed = undefined;
  }
  return { id, name, argumentsJson, arguments: parsed };
}
