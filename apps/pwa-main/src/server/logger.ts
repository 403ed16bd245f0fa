import pino from 'pino';
import { getEnv } from '../env';

let logger: pino.Logger | undefined;

/** JSON logs with request id and merchant id; never cookies, tokens, e-mails or names. */
export function getLogger(): pino.Logger {
  logger ??= pino({
    level: getEnv().LOG_LEVEL,
    base: { service: 'pwa-main' },
    redact: { paths: ['cookie', 'authorization', '*.cookie', '*.authorization', '*.token', '*.email'], remove: true },
  });
  return logger;
}
