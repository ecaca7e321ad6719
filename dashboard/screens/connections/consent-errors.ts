/** What each `?error=` the OAuth callback sends a browser back with means, and what to do next. */
const CONSENT_ERRORS: Record<string, string> = {
  refused:
    'You did not allow Plaudit on the platform, so nothing was connected. Connect again and allow access to bring its reviews in.',
  expired:
    'That consent link had expired or was already used, so nothing was connected. Start again with a Connect button below.',
  exchange_failed:
    'The platform did not confirm the consent, so nothing was connected. Try again; if it keeps failing, the server’s client id or secret for that platform may be wrong.',
};

/** The message for a callback's error code (an unknown one is still said, with a retry). */
export const consentError = (code: string): string =>
  CONSENT_ERRORS[code] ?? `The platform did not connect (${code}). Try again.`;
