/**
 * The part of integration-gateways' OpenAI gateway the assistant uses, as structural types:
 * streamed chat with tool calling. `createOpenAiGateway(...)` satisfies it; tests may pass the
 * same gateway pointed at a local OpenAI-compatible server. The assistant never calls OpenAI's
 * HTTP API itself.
 */
export type LlmMessage = { role: 'system' | 'user'; content: string };

export interface LlmTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface LlmToolCall {
  id: string;
  name: string;
  argumentsJson: string;
  arguments: unknown;
}

export type LlmStreamEvent =
  | { type: 'text'; delta: string }
  | { type: 'tool_call'; call: LlmToolCall }
  | { type: 'done'; finishReason: string; fromFallback: boolean };

export interface LlmChatPort {
  chatStream(input: {
    messages: LlmMessage[];
    tools?: LlmTool[];
    toolChoice?: 'auto' | 'none' | 'required' | { name: string };
    temperature?: number;
    maxTokens?: number;
  }): AsyncIterable<LlmStreamEvent>;
}
