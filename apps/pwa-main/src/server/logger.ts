import pino from 'pino';
import { getEnv } from '../env';

let logger: pino.Logger | undefined;

const options = (): pino.LoggerOptions => ({
  level: getEnv().LOG_LEVEL,
  base: { service: 'pwa-main' },
  redact: { paths: ['cookie', 'authorization', '*.cookie', '*.authorization', '*.token', '*.email'], remove: true },
});

/** JSON logs with request id and merchant id; never cookies, tokens, e-mails or names. */
export function getLogger(): pino.Logger {
  logger ??= pino(options());
  return logger;
}

/** Tests: write the log lines to `destination` (e.g. to scan them for secrets); undefined restores stdout. */
export function setLogDestinationForTests(destination: pino.DestinationStream | undefined): void {
  logger = destination ? pino(options(), destination) : undefined;
}
