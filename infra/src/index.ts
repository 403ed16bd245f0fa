export { runAdmin } from './cli/program.js';
export { type DemoStoreSummary, loadDemoStore } from './demo/load-demo-store.js';
export { dataDir, readStackEnv, type StackEnv, stackEnvSchema } from './env.js';
export { type StartedPostgres, startEmbeddedPostgres } from './local-stack/embedded-postgres.js';
export { type LocalSecrets, loadLocalSecrets } from './local-stack/local-secrets.js';
export { type PipelineProcess, pipelineServerPath, startPipelineProcess } from './local-stack/pipeline-process.js';
export { type PwaProcess, pwaAppDir, startPwaProcess } from './local-stack/pwa-process.js';
export { acquireStackLock } from './local-stack/stack-lock.js';
export { type LocalStack, type StackLog, startLocalStack } from './local-stack/start-stack.js';
