import type { InlineKeyboardButton, InlineKeyboardMarkup, Message } from 'grammy/types';
import { escapeHtml } from '../../../../app/messages.ts';
import type { Permission } from '../../../../app/ports/index.ts';
import { hubData } from '../../../callback-data/hub.ts';
import type { Context } from '../../../context.ts';

/**
 * The control center's screens: a category renders a screen (HTML text and rows of buttons); the hub
 * adds Back and Close, packs every button's target with the menu's nonce, and keeps within Telegram's
 * limits (4,096 characters of text, 100 buttons, 64 bytes of callback data).
 */

/** Where a button leads: a category (`home` for the hub), an action in it, one argument. */
export interface HubTarget {
  cat: string;
  act?: string;
  arg?: string | number;
}

export type HubButton =
  | { text: string; to: HubTarget }
  | { text: string; url: string }
  /** A button of another feature (its own callback data, which checks its own permission). */
  | { text: string; data: string };

export interface HubScreen {
  /** HTML. */
  text: string;
  rows: HubButton[][];
  /** Where Back leads (the hub by default; null on the hub itself, which has only Close). */
  back?: HubTarget | null;
  /**
   * The screen asks for typed input (a price, a text, a user to find): the member's next message in this
   * chat goes to the category's `input` with this action and argument, until they answer, press another
   * button, or send /cancel. Kept in the database (`flows`), so any replica takes the answer.
   */
  ask?: { act: string; arg?: string | number };
  /**
   * Files sent with the screen (a chart, a CSV): sent first, then the screen as a new menu message under
   * them (the pressed menu is removed), so the numbers stay beneath the picture.
   */
  attach?: HubAttachment[];
}

/** A photo or a document that comes with a screen. */
export interface HubAttachment {
  kind: 'photo' | 'document';
  data: Uint8Array;
  fileName: string;
  /** HTML. */
  caption?: string;
}

/** What a category makes of a typed answer: the next screen (which may ask again), or a retry. */
export type HubInputResult =
  | HubScreen
  /** The answer does not fit (HTML, said with the reason); the same question stays open. */
  | { retry: string }
  /** Taken, nothing to say (the second item of an album): the question stays open, no screen is sent. */
  | { silent: true };

/**
 * One category of the hub. Part of the registry (registry.ts): the hub lists the categories the member's
 * role allows, answers the direct command named by `id`, and re-checks `permission` on every press
 * before `screen` runs.
 */
export interface HubCategory {
  /** A word: the direct command (`/system`) and the category in callback data. */
  id: string;
  permission: Permission;
  /** The catalogue key of its button on the hub (and its screen's title). */
  titleKey: string;
  /** The screen for `act` (`main` first) and its argument; null when the action or argument is unknown. */
  screen(ctx: Context, act: string, arg: string): Promise<HubScreen | null>;
  /**
   * A typed answer to a screen of this category that asked (`HubScreen.ask`): `act`/`arg` are the ask's,
   * `message` the member's message (text, or media for a category that wants it). Runs after the hub has
   * re-checked `permission`. Null when the ask is no longer meaningful (the question is then dropped).
   */
  input?(ctx: Context, act: string, arg: string, message: Message): Promise<HubInputResult | null>;
}

export const MAX_TEXT = 4096;
export const MAX_BUTTONS = 100;
export const MAX_CALLBACK_BYTES = 64;
/** A button's label is cut here (Telegram shows little more on a phone). */
export const MAX_LABEL = 48;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` cut to `max` UTF-16 units on a grapheme boundary, with an ellipsis when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out}…`;
}

/** Plain text escaped for HTML, cut (before escaping, on a grapheme) so that the escaped form fits `max`. */
export function escapeCut(text: string, max: number): string {
  const escaped = escapeHtml(text);
  if (escaped.length <= max) return escaped;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    const next = escapeHtml(segment);
    if (out.length + next.length > max - 1) break;
    out += next;
  }
  return `${out}…`;
}

/** Cuts HTML at a line boundary so that it fits (every line of a screen closes its own tags). */
export function fitText(html: string, max = MAX_TEXT): string {
  if (html.length <= max) return html;
  const lines = html.split('\n');
  const out: string[] = [];
  let length = 1; // the closing "…"
  for (const line of lines) {
    if (length + line.length + 1 > max) break;
    out.push(line);
    length += line.length + 1;
  }
  return `${out.join('\n')}\n…`;
}

/** The Back and Close row. */
export function navRow(ctx: Context, back: HubTarget | null): HubButton[] {
  return [
    ...(back ? [{ text: ctx.t('admin-hub-back'), to: back }] : []),
    { text: ctx.t('admin-hub-close'), to: { cat: 'home', act: 'close' } },
  ];
}

/** The inline keyboard of a screen: its rows, then Back and Close, every target under `nonce`. */
export function keyboardOf(ctx: Context, screen: HubScreen, nonce: string): InlineKeyboardMarkup {
  const back = screen.back === undefined ? { cat: 'home' } : screen.back;
  const rows = [...screen.rows.filter((r) => r.length > 0), navRow(ctx, back)];
  const markup: InlineKeyboardButton[][] = rows.map((row) =>
    row.map((b) =>
      'url' in b
        ? { text: cut(b.text, MAX_LABEL), url: b.url }
        : 'data' in b
          ? { text: cut(b.text, MAX_LABEL), callback_data: b.data }
          : {
              text: cut(b.text, MAX_LABEL),
              callback_data: hubData.pack({
                nonce,
                cat: b.to.cat,
                act: b.to.act ?? 'main',
                arg: String(b.to.arg ?? 0),
              }),
            },
    ),
  );
  const count = markup.reduce((n, r) => n + r.length, 0);
  if (count > MAX_BUTTONS)
    throw new RangeError(`a hub screen with ${count} buttons (at most ${MAX_BUTTONS})`);
  return { inline_keyboard: markup };
}

/** Items a list screen shows per page. */
export const PAGE_SIZE = 8;

export interface Page<T> {
  items: T[];
  /** 0-based, clamped into range. */
  page: number;
  pages: number;
}

/** The page `page` of `items` (out-of-range or garbage pages land on the nearest real one). */
export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Number.isInteger(page) ? Math.min(Math.max(page, 0), pages - 1) : 0;
  return { items: items.slice(p * size, (p + 1) * size), page: p, pages };
}

/**
 * A list screen: a header, one line per item of the page (each cut so that a full page always fits in a
 * message), a button per item when `button` gives one, and ◀ n/N ▶ when there is more than one page.
 */
export function listScreen<T>(
  ctx: Context,
  opts: {
    /** HTML (at most 512 characters; cut at a line otherwise). */
    header: string;
    items: readonly T[];
    page: number;
    /** Plain text: escaped here. */
    line: (item: T) => string;
    button?: (item: T) => HubButton | null;
    /** The target showing page `p` (its argument must carry `p`). */
    pageTarget: (p: number) => HubTarget;
    empty: string;
    back?: HubTarget | null;
  },
): HubScreen {
  const { items, page, pages } = pageOf(opts.items, opts.page);
  const header = fitText(opts.header, 512);
  const footer = pages > 1 ? ctx.t('admin-hub-page', { page: page + 1, pages }) : '';
  // Each line (plain text, escaped here) gets an equal share of what the header and footer leave.
  const room = Math.floor((MAX_TEXT - header.length - footer.length - 4 - PAGE_SIZE) / PAGE_SIZE);
  const lines = items.map((i) => escapeCut(opts.line(i), room));
  const body = lines.length > 0 ? lines.join('\n') : opts.empty;
  const text = [header, body, footer].filter(Boolean).join('\n\n');
  const rows: HubButton[][] = [];
  if (opts.button)
    for (const item of items) {
      const b = opts.button(item);
      if (b) rows.push([b]);
    }
  if (pages > 1)
    rows.push([
      ...(page > 0 ? [{ text: '◀', to: opts.pageTarget(page - 1) }] : []),
      ...(page < pages - 1 ? [{ text: '▶', to: opts.pageTarget(page + 1) }] : []),
    ]);
  return { text: fitText(text), rows, ...(opts.back !== undefined ? { back: opts.back } : {}) };
}
