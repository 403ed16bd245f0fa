import type { AnswerDefinition, AnswerNumber, AnswerSource, AssistantAnswer, ChartSpec, PlannerInfo } from '../answer/answer.js';
import type { Plan } from '../plan/plan-schema.js';

/** What the assistant streams while it answers, in order; the last event is `done` or `error`. */
export type AskEvent =
  | { type: 'status'; stage: 'retrieving' | 'planning' | 'querying' | 'writing' }
  | { type: 'plan'; plan: Plan; planner: PlannerInfo; sources: AnswerSource[] }
  | {
      type: 'data';
      status: 'answered' | 'cannot_answer';
      period: AssistantAnswer['period'];
      comparison: AssistantAnswer['comparison'];
      currency: string;
      numbers: AnswerNumber[];
      chart: ChartSpec | null;
      definitions: AnswerDefinition[];
    }
  | { type: 'narrative'; delta: string }
  | { type: 'done'; answer: AssistantAnswer }
  | { type: 'error'; code: string; message: string };
