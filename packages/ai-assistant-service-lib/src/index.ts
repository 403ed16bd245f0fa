export { getMetricDefinition, METRIC_CATALOG } from './semantic/metric-catalog.js';
export type { MetricDefinition, MetricId } from './semantic/metric-catalog.js';
