import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Credentials are redacted wherever they could appear, so a key never reaches a log.
 */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          'headers.authorization',
          'headers["x-api-key"]',
          'secret',
          'key',
          '*.secret',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
