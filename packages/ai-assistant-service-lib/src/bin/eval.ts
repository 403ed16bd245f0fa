#!/usr/bin/env node
// `pnpm eval`: plan accuracy of the offline planner on the evaluation set and, when an
// OpenAI-compatible endpoint is configured (OPENAI_API_KEY, optionally OPENAI_BASE_URL), of the
// LLM path. Exits 1 when the offline planner is under 90%.
import { evaluatePlanner, formatReport, offlineEvalPlanner } from '../eval/run-eval.js';
import { llmEvalPlannerFromEnv } from '../eval/llm-eval-planner.js';

const offline = await evaluatePlanner(offlineEvalPlanner);
console.log(formatReport('offline planner', offline));
const llm = llmEvalPlannerFromEnv(process.env);
if (llm) {
  console.log(formatReport(`LLM planner (${llm.description})`, await evaluatePlanner(llm.planner)));
  llm.close();
} else {
  console.log('LLM planner: not configured (set OPENAI_API_KEY, and OPENAI_BASE_URL for an OpenAI-compatible server)');
}
process.exitCode = offline.accuracy >= 0.9 ? 0 : 1;
