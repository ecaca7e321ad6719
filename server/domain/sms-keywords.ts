/** What an inbound SMS asks for, by the carrier-standard keywords (CTIA; Twilio's defaults). */
export type SmsKeyword = 'stop' | 'start' | 'help';

const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const START = new Set(['START', 'UNSTOP']);
const HELP = new Set(['HELP', 'INFO']);

/**
 * The keyword an inbound message is, in any case and with surrounding spaces or punctuation ("Stop.",
 * " stop "); undefined for anything else (a message that merely contains "stop" is not an opt-out).
 */
export function smsKeyword(body: string): SmsKeyword | undefined {
  const word = body
    .trim()
    .replace(/[.!?\s]+$/u, '')
    .toUpperCase();
  if (STOP.has(word)) return 'stop';
  if (START.has(word)) return 'start';
  if (HELP.has(word)) return 'help';
  return undefined;
}
