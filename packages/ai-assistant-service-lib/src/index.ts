// @salla-analytics/ai-assistant-service-lib — questions in Arabic or English answered with the
// merchant's own numbers: semantic layer, retrieval, planners (LLM tool calling / deterministic),
// execution on IAnalyticsRepository, answers with numbers and a chart spec.

// The assistant (one code path for the PWA's Ask panel and the admin CLI)
export { type Assistant, type AssistantOptions, createAssistant, MAX_QUESTION_LENGTH } from './assistant/assistant.js';
export type { AskEvent } from './assistant/ask-events.js';
export type { AssistantSession } from './execute/session.js';
// Answers
export type {
  AnswerDefinition,
  AnswerLanguage,
  AnswerNumber,
  AnswerSource,
  AssistantAnswer,
  ChartSpec,
  PlannerInfo,
} from './answer/answer.js';
export { composeAnswer, type ComposedAnswer } from './answer/compose-answer.js';
// Semantic layer
export {
  CART_METRIC_IDS,
  CUSTOMER_METRIC_IDS,
  getMetricDefinition,
  METRIC_CATALOG,
  METRIC_IDS,
  OVERVIEW_METRIC_IDS,
} from './semantic/metric-catalog.js';
export type { MetricDefinition, MetricId, MetricSource, MetricUnit } from './semantic/metric-catalog.js';
export {
  BREAKDOWN_DIMENSIONS,
  CITY_NAMES,
  DIMENSION_CATALOG,
  FILTER_DIMENSIONS,
  getDimensionDefinition,
  PAYMENT_METHOD_NAMES,
} from './semantic/dimensions.js';
export type { BreakdownDimension, DimensionDefinition, FilterDimension } from './semantic/dimensions.js';
// Plans (the typed tools)
export {
  canonicalPlan,
  parseToolCall,
  planPeriodSchema,
  planSchema,
  TOOL_DESCRIPTIONS,
  TOOL_NAMES,
  toolJsonSchemas,
} from './plan/plan-schema.js';
export type { Plan, PlanInput, PlanOf, PlanPeriod, ToolName } from './plan/plan-schema.js';
// Planners and execution
export { planOffline, type PlannerInput } from './planner/offline-planner.js';
export { LlmPlanError, planWithLlm, type LlmPlannerInput } from './planner/llm-planner.js';
export { choosePlan, type ChoosePlanInput } from './planner/choose-plan.js';
export type { LlmChatPort, LlmMessage, LlmStreamEvent, LlmTool, LlmToolCall } from './llm/chat-port.js';
export { executePlan } from './execute/execute-plan.js';
export { resolvePlanPeriods, type ResolvedPeriods } from './execute/resolve-periods.js';
export type { BreakdownPart, Driver, ToolResult } from './execute/tool-result.js';
// Retrieval
export type { RetrievalDocument, RetrievedDocument, Retriever } from './retrieval/documents.js';
export { LexicalRetriever } from './retrieval/lexical-retriever.js';
export { cosine, EmbeddingRetriever, type EmbeddingsPort } from './retrieval/embedding-retriever.js';
export { buildDocuments, loadInsights, loadStoreProfile, type StoreProfile } from './retrieval/store-knowledge.js';
export { KnowledgeCache, type StoreKnowledge } from './retrieval/knowledge-cache.js';
export { HELP_ARTICLES, type HelpArticle } from './help/help-articles.js';
// Evaluation
export { EVAL_CATEGORIES, EVAL_NOW, EVAL_SET, EVAL_TIME_ZONE, type EvalCase } from './eval/eval-set.js';
export { type EvalPlanner, type EvalReport, evaluatePlanner, formatReport, offlineEvalPlanner } from './eval/run-eval.js';
// Text
export { detectLanguage, normalizeText } from './text/normalize.js';
// Configuration (OpenAI gateway from integration-gateways when OPENAI_API_KEY is set)
export { type AssistantEnv, assistantEnvSchema, readAssistantEnv } from './env.js';
export { assistantFromEnv, type ConfiguredAssistant, openAiGatewayFromEnv } from './assistant/assistant-from-env.js';
export { llmEvalPlanner, llmEvalPlannerFromEnv } from './eval/llm-eval-planner.js';
export { describePlan, type PlanSummary } from './plan/describe-plan.js';
