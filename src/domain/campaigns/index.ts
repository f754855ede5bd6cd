/**
 * Broadcasts and mass gifts, the pure parts: Telegram's limits on what is sent, URL buttons as typed,
 * the progress bar and its ETA.
 */

/** Telegram's limits: a text message, a caption, an album, and the URL buttons we allow. */
export const MAX_CAMPAIGN_TEXT = 4096;
export const MAX_CAMPAIGN_CAPTION = 1024;
export const MAX_ALBUM_ITEMS = 10;
export const MAX_URL_BUTTONS = 8;
export const MAX_BUTTON_LABEL = 64;
/** A gift's line is added under the creator's text: this much room is kept for it. */
export const GIFT_LINE_ROOM = 200;

export interface ParsedButton {
  text: string;
  url: string;
}

/**
 * URL buttons typed one per line as `Label - https://…` (or `Label | https://…`). Null when a line does
 * not parse, a link is not http(s) or t.me-style `tg://`, a label is empty or too long, or there are too
 * many.
 */
export function parseUrlButtons(typed: string): ParsedButton[] | null {
  const lines = typed
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0 || lines.length > MAX_URL_BUTTONS) return null;
  const out: ParsedButton[] = [];
  for (const line of lines) {
    const m = /^(.+?)\s+[-|–—]\s+(\S+)$/.exec(line);
    if (!m) return null;
    const text = m[1]!.trim();
    const url = m[2]!;
    if (text.length === 0 || text.length > MAX_BUTTON_LABEL) return null;
    if (!isButtonUrl(url)) return null;
    out.push({ text, url });
  }
  return out;
}

function isButtonUrl(url: string): boolean {
  if (url.length > 512) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:' || u.protocol === 'tg:') && u.href.length > 0;
  } catch {
    return false;
  }
}

/** `[██████░░░░] 60%`: the share done of `total` (0 of 0 is done). */
export function progressBar(done: number, total: number, width = 10): { bar: string; percent: number } {
  const share = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(share * width);
  return { bar: `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`, percent: Math.floor(share * 100) };
}

/**
 * Time left at the rate since sending (re)started: `done − base` sends in `now − since`. Null until
 * there is a rate to go by (nothing sent yet since then).
 */
export function etaMs(a: {
  done: number;
  base: number;
  since: Date | null;
  now: Date;
  left: number;
}): number | null {
  if (a.left <= 0) return 0;
  if (!a.since) return null;
  const sent = a.done - a.base;
  const elapsed = a.now.getTime() - a.since.getTime();
  if (sent <= 0 || elapsed <= 0) return null;
  return Math.round((a.left * elapsed) / sent);
}
