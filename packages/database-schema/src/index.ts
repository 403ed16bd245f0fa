export { type CreateDatabaseOptions, type Database, type DatabaseClient, createDatabase } from './client.js';
export { type DatabaseEnv, DatabaseEnvSchema, LOCAL_DATABASE_URL, parseDatabaseEnv } from './env.js';
export { type MigrateDeployOptions, type MigrateDeployResult, migrateDeploy } from './migrate/migrate-deploy.js';
