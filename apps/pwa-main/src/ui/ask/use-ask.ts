'use client';

import type { AskEvent, AssistantAnswer } from '@salla-analytics/ai-assistant-service-lib';
import { useCallback, useRef, useState } from 'react';

export type AskDataEvent = Extract<AskEvent, { type: 'data' }>;
export type AskPlanEvent = Extract<AskEvent, { type: 'plan' }>;

export interface AskState {
  question: string;
  streaming: boolean;
  stage: string | null;
  plan: AskPlanEvent | null;
  data: AskDataEvent | null;
  narrative: string;
  answer: AssistantAnswer | null;
  error: { code: string; message: string } | null;
}

const IDLE: AskState = { question: '', streaming: false, stage: null, plan: null, data: null, narrative: '', answer: null, error: null };

/**
 * Posts a question and reads the NDJSON stream as it arrives: each line is one AskEvent (status,
 * plan, data, narrative pieces, done or error), applied to the state at once.
 */
export function useAsk(onDone?: () => void) {
  const [state, setState] = useState<AskState>(IDLE);
  const abort = useRef<AbortController | null>(null);

  const ask = useCallback(
    async (question: string) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setState({ ...IDLE, question, streaming: true });
      const apply = (event: AskEvent) =>
        setState((s) => {
          switch (event.type) {
            case 'status':
              return { ...s, stage: event.stage };
            case 'plan':
              return { ...s, plan: event };
            case 'data':
              return { ...s, data: event };
            case 'narrative':
              return { ...s, narrative: s.narrative + event.delta };
            case 'done':
              return { ...s, answer: event.answer, narrative: event.answer.narrative, streaming: false, stage: null };
            case 'error':
              return { ...s, error: { code: event.code, message: event.message }, streaming: false, stage: null };
          }
        });
      try {
        const response = await fetch('/api/v1/assistant/ask', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
          body: JSON.stringify({ question }),
          signal: controller.signal,
        });
        if (response.status === 401) window.location.assign('/login');
        if (!response.ok || !response.body) {
          const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
          apply({ type: 'error', code: body?.error?.code ?? 'INTERNAL', message: body?.error?.message ?? response.statusText });
          return;
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let newline = buffer.indexOf('\n');
          while (newline >= 0) {
            const line = buffer.slice(0, newline).trim();
            buffer = buffer.slice(newline + 1);
            if (line) apply(JSON.parse(line) as AskEvent);
            newline = buffer.indexOf('\n');
          }
        }
        setState((s) => (s.streaming ? { ...s, streaming: false, stage: null } : s));
        onDone?.();
      } catch (error) {
        if ((error as { name?: string }).name === 'AbortError') return;
        apply({ type: 'error', code: 'UPSTREAM_UNAVAILABLE', message: String(error) });
      }
    },
    [onDone],
  );

  const show = useCallback((answer: AssistantAnswer) => {
    abort.current?.abort();
    setState({ ...IDLE, question: answer.question, narrative: answer.narrative, answer });
  }, []);

  return { state, ask, show };
}
