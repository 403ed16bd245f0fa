import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * JSON logs. What may appear: ids (request, merchant, inbox, dead letter), event names, counts,
 * error codes and messages we wrote. What never does: bodies, headers (signatures, tokens),
 * secrets, customer names, e-mails or mobiles. The redaction list is a safety net for
 * mistakes, not the mechanism: code logs only the fields above.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'data-pipeline' },
      redact: {
        paths: [
          'req.headers',
          'headers',
          'body',
          'rawBody',
          'payload',
          '*.authorization',
          '*.signature',
          '*.secret',
          '*.token',
          '*.accessToken',
          '*.refreshToken',
          '*.email',
          '*.mobile',
        ],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}
