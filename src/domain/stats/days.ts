/**
 * Local days in an IANA time zone (the `timezone` setting): the dashboard counts "today", "7 days" and
 * "30 days" from local midnights, so a creator in Tokyo sees their day, not UTC's.
 */

/** Whether `zone` is a time zone this runtime knows (`UTC`, `Europe/Madrid`…). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormat.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormat.set(zone, f);
  }
  return f;
}

/** The wall-clock fields of `at` in `zone`. */
function wallClock(at: Date, zone: string): { y: number; m: number; d: number; ms: number } {
  const p = Object.fromEntries(
    formatter(zone)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  const y = Number(p.year);
  const m = Number(p.month);
  const d = Number(p.day);
  const ms = Date.UTC(y, m - 1, d, Number(p.hour), Number(p.minute), Number(p.second));
  return { y, m, d, ms };
}

/** How far `zone`'s wall clock is ahead of UTC at `at`, in ms (whole seconds). */
function offsetMs(at: Date, zone: string): number {
  return wallClock(at, zone).ms - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant local midnight began, `daysBack` local days before the day `now` falls in (0: today).
 * Days where midnight does not exist (a DST jump at 00:00) start at the first instant that does.
 */
export function startOfLocalDay(now: Date, zone: string, daysBack = 0): Date {
  const { y, m, d } = wallClock(now, zone);
  const midnightAsUtc = Date.UTC(y, m - 1, d - daysBack);
  // The offset at that midnight may differ from now's (DST): correct twice, then settle on the later.
  let guess = midnightAsUtc - offsetMs(new Date(midnightAsUtc), zone);
  guess = midnightAsUtc - offsetMs(new Date(guess), zone);
  const local = wallClock(new Date(guess), zone);
  if (local.ms < midnightAsUtc) guess += midnightAsUtc - local.ms;
  return new Date(guess);
}

/** Today, the last 7 and the last 30 local days (each including today). */
export function statWindows(now: Date, zone: string): { today: Date; days7: Date; days30: Date } {
  return {
    today: startOfLocalDay(now, zone, 0),
    days7: startOfLocalDay(now, zone, 6),
    days30: startOfLocalDay(now, zone, 29),
  };
}
