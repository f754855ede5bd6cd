import data from './sentinels.json' with { type: 'json' };

/**
 * Every secret the tests and benches configure, each with the marker `SENTINEL`: CI scans the whole
 * run's output for them (.ci/scan-secrets.mjs reads the same JSON), so a token or key that reaches a log
 * line, an error message or a test name fails the build. Use these, never a literal secret.
 */
export const SENTINELS: Readonly<Record<keyof typeof data.sentinels, string>> = data.sentinels;

/** The marker every sentinel contains. */
export const SENTINEL_MARKER = 'SENTINEL';

/** The secret part of a bot token (after the colon): what a leak of the token must not show either. */
export const secretPart = (token: string) => token.slice(token.indexOf(':') + 1);
