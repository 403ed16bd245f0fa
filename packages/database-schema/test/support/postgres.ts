// The test server lives in src (startTestPostgres) so other packages' tests use the same one.
export { startTestPostgres as startPostgres, type TestPostgres } from '../../src/embedded/start-test-postgres.js';
