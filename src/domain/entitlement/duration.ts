import { InvalidDurationError } from './errors.ts';

const DISPLAY_UNITS = [
  { label: 'd', seconds: 86_400 },
  { label: 'h', seconds: 3_600 },
  { label: 'min', seconds: 60 },
  { label: 's', seconds: 1 },
] as const;

/**
 * Compact text for a remaining time on bot screens: `2 d 3 h`, `45 min`, `30 s`.
 *
 * Shows the largest unit and the next one only if it is non-zero (`2 d` rather than `2 d 0 h`, and
 * never `2 d 5 min`); lower units are dropped, not rounded. Partial seconds round up so a live pass
 * never reads `0 s`. Zero and negative inputs read `0 s`.
 *
 * @throws InvalidDurationError for NaN or infinite input.
 */
export function formatDuration(ms: number): string {
  return durationParts(ms)
    .map((p) => `${p.count} ${p.unit}`)
    .join(' ');
}

export type DurationUnit = (typeof DISPLAY_UNITS)[number]['label'];

/** The parts `formatDuration` shows (`[{ unit: 'd', count: 2 }, { unit: 'h', count: 3 }]`), for any language. */
export function durationParts(ms: number): Array<{ unit: DurationUnit; count: number }> {
  if (!Number.isFinite(ms)) throw new InvalidDurationError(ms);
  if (ms <= 0) return [{ unit: 's', count: 0 }];
  let rest = Math.ceil(ms / 1000);
  const parts: Array<{ unit: DurationUnit; count: number }> = [];
  for (const { label, seconds } of DISPLAY_UNITS) {
    const count = Math.floor(rest / seconds);
    rest -= count * seconds;
    if (count > 0) parts.push({ unit: label, count });
    else if (parts.length > 0) break;
    if (parts.length === 2) break;
  }
  return parts;
}

const PARSE_UNITS: Readonly<Record<string, number>> = {
  s: 1,
  m: 60,
  min: 60,
  h: 3_600,
  d: 86_400,
  w: 604_800,
};

const WHOLE = /^(?:\d+\s*(?:min|[smhdw])\s*)+$/i;
const PART = /(\d+)\s*(min|[smhdw])/gi;

/**
 * Parses an admin-typed duration into seconds: `30m`, `2h`, `3d`, `1w`, also combined (`1d 12h`) and
 * with `min` for minutes. Units are case-insensitive except `M`, which is rejected because an admin
 * typing it likely means months, not minutes.
 *
 * @returns seconds (a positive safe integer), or `null` for anything else: a bare number, decimals,
 * unknown units, or a zero total.
 */
export function parseDuration(text: string): number | null {
  const input = text.trim();
  if (!WHOLE.test(input)) return null;
  let total = 0;
  for (const [, amount, unit] of input.matchAll(PART)) {
    if (unit === 'M') return null;
    const size = PARSE_UNITS[unit!.toLowerCase()]!;
    total += Number(amount) * size;
  }
  return Number.isSafeInteger(total) && total > 0 ? total : null;
}
