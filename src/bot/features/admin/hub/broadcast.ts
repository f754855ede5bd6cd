import type { Message } from 'grammy/types';
import { campaignCall } from '../../../../app/campaigns/delivery.ts';
import { MAX_GIFT_CREDITS, MAX_SPENT_FILTER, type DraftPiece } from '../../../../app/campaigns/index.ts';
import type {
  AudienceFilters,
  Campaign,
  CampaignContent,
  CampaignMedia,
} from '../../../../app/ports/index.ts';
import { parseUrlButtons } from '../../../../domain/campaigns/index.ts';
import { parseDuration } from '../../../../domain/entitlement/index.ts';
import { TIERS } from '../../../../domain/tiers/index.ts';
import type { Context } from '../../../context.ts';
import {
  escapeCut,
  fitText,
  type HubButton,
  type HubCategory,
  type HubInputResult,
  type HubScreen,
} from './screen.ts';

/**
 * Broadcast (`/broadcast`, broadcast.send) and mass gifts (gifts.send, owners): compose a draft by sending
 * it (a text, a medium, an album; URL buttons typed), choose the audience (filters or a saved segment),
 * preview it to yourself, confirm the exact count; the live progress message follows in this chat
 * (buttons handled by campaign-controls.ts). Templates, segments and the history with gift totals.
 * Every use case re-checks the permission; a draft is the member's own.
 */
const CAT = 'broadcast';
const HISTORY_PAGE = 8;

const idOf = (arg: string): number | null => (/^\d{1,12}$/.test(arg) && Number(arg) > 0 ? Number(arg) : null);
const pair = (arg: string): [number, number] | null => {
  const m = /^(\d{1,12})x(\d{1,12})$/.exec(arg);
  return m ? [Number(m[1]), Number(m[2])] : null;
};
const wholeNumber = (t: string | undefined): number | null =>
  t && /^\d{1,12}$/.test(t.replace(/[\s,._']/g, '')) ? Number(t.replace(/[\s,._']/g, '')) : null;
const tierName = (ctx: Context, tier: string) => ctx.t('tier-name', { tier });

export const broadcastCategory: HubCategory = {
  id: CAT,
  permission: 'broadcast.send',
  titleKey: 'admin-hub-category-broadcast',
  async screen(ctx, act, arg) {
    const actor = ctx.from!.id;
    const svc = ctx.services.campaigns;
    switch (act) {
      case 'main':
        return mainScreen(ctx);
      case 'new': {
        const res = await svc.start(actor, 'broadcast');
        return res.ok ? composeAsk(ctx, res.id, 'broadcast') : refusal(ctx, res.code);
      }
      case 'gift':
        if (!(await ctx.services.access.can(actor, 'gifts.send'))) return refusal(ctx, 'not_allowed');
        return {
          text: ctx.t('admin-broadcast-gift-kind'),
          rows: [
            [
              { text: ctx.t('admin-broadcast-gift-credits'), to: { cat: CAT, act: 'giftask', arg: 'c' } },
              { text: ctx.t('admin-broadcast-gift-pass'), to: { cat: CAT, act: 'giftask', arg: 'p' } },
            ],
          ],
          back: { cat: CAT },
        };
      case 'giftask':
        if (arg !== 'c' && arg !== 'p') return null;
        return {
          text: ctx.t(arg === 'c' ? 'admin-broadcast-gift-credits-ask' : 'admin-broadcast-gift-pass-ask', {
            max: MAX_GIFT_CREDITS,
          }),
          rows: [],
          back: { cat: CAT, act: 'gift' },
          ask: { act: 'giftamt', arg },
        };
      case 'draft': {
        const id = idOf(arg);
        return id === null ? null : draftScreen(ctx, id);
      }
      case 'preview': {
        const id = idOf(arg);
        if (id === null) return null;
        const res = await svc.review(actor, id);
        if (!res.ok) return refusal(ctx, res.code);
        if (!res.draft.content) return draftScreen(ctx, id, ctx.t('admin-broadcast-empty'));
        const call = campaignCall(res.draft.content, actor, giftPreview(ctx, res.draft));
        const raw = ctx.api.raw as unknown as Record<string, (p: unknown) => Promise<unknown>>;
        await raw[call.method]!(call.params);
        return draftScreen(ctx, id, ctx.t('admin-broadcast-previewed'));
      }
      case 'buttons': {
        const id = idOf(arg);
        if (id === null) return null;
        return {
          text: ctx.t('admin-broadcast-buttons-ask'),
          rows: [],
          back: { cat: CAT, act: 'draft', arg: id },
          ask: { act: 'buttons', arg: id },
        };
      }
      case 'aud': {
        const id = idOf(arg);
        return id === null ? null : audienceScreen(ctx, id);
      }
      case 'ftier':
      case 'fact':
      case 'fpaid': {
        const p = pair(arg);
        if (!p) return null;
        const [id, v] = p;
        const patch: Partial<Record<keyof AudienceFilters, unknown>> =
          act === 'ftier'
            ? { tier: v === 0 ? null : (TIERS[v - 1] ?? 'x') }
            : act === 'fact'
              ? { activeDays: v === 0 ? null : v }
              : { neverPaid: v === 1 ? true : null };
        const res = await svc.setFilters(actor, id, patch);
        return res.ok ? audienceScreen(ctx, id) : refusal(ctx, res.code);
      }
      case 'fspent': {
        const p = pair(arg);
        if (!p) return null;
        if (p[1] === 0) {
          const res = await svc.setFilters(actor, p[0], { spentMin: null });
          return res.ok ? audienceScreen(ctx, p[0]) : refusal(ctx, res.code);
        }
        return {
          text: ctx.t('admin-broadcast-spent-ask'),
          rows: [],
          back: { cat: CAT, act: 'aud', arg: p[0] },
          ask: { act: 'spent', arg: p[0] },
        };
      }
      case 'useseg': {
        const p = pair(arg);
        if (!p) return null;
        const res = await svc.useSegment(actor, p[0], p[1]);
        return res.ok ? audienceScreen(ctx, p[0]) : refusal(ctx, res.code);
      }
      case 'saveseg':
      case 'savetpl': {
        const id = idOf(arg);
        if (id === null) return null;
        return {
          text: ctx.t('admin-broadcast-name-ask'),
          rows: [],
          back: { cat: CAT, act: act === 'saveseg' ? 'aud' : 'draft', arg: id },
          ask: { act, arg: id },
        };
      }
      case 'review': {
        const id = idOf(arg);
        if (id === null) return null;
        const res = await svc.review(actor, id);
        if (!res.ok) return refusal(ctx, res.code);
        return confirmScreen(ctx, res.draft, res.count);
      }
      case 'send': {
        const p = pair(arg);
        if (!p) return null;
        const res = await svc.confirm(actor, p[0], p[1], ctx.chat!.id);
        if (res.ok)
          return {
            text: ctx.t('admin-broadcast-started', {
              kind: res.campaign.kind,
              id: res.campaign.id,
              count: p[1],
            }),
            rows: [
              [
                {
                  text: ctx.t('admin-broadcast-open-card'),
                  to: { cat: CAT, act: 'card', arg: res.campaign.id },
                },
              ],
            ],
            back: { cat: CAT },
          };
        if (res.code === 'count_changed' && res.count !== undefined) {
          const again = await svc.review(actor, p[0]);
          if (again.ok)
            return confirmScreen(ctx, again.draft, again.count, ctx.t('admin-broadcast-count-changed'));
        }
        return refusal(ctx, res.code, p[0]);
      }
      case 'tpls': {
        const list = await svc.templates(actor);
        if (!list) return refusal(ctx, 'not_allowed');
        return {
          text: [ctx.t('admin-broadcast-templates'), list.length ? '' : ctx.t('admin-broadcast-none')].join(
            '\n',
          ),
          rows: list.slice(0, 20).map((t) => [{ text: t.name, to: { cat: CAT, act: 'tpl', arg: t.id } }]),
          back: { cat: CAT },
        };
      }
      case 'tpl': {
        const id = idOf(arg);
        if (id === null) return null;
        const t = await svc.template(actor, id);
        if (!t) return refusal(ctx, 'gone');
        return {
          text: [ctx.t('admin-broadcast-template', { name: t.name }), summary(ctx, t.content)].join('\n\n'),
          rows: [
            [
              { text: ctx.t('admin-broadcast-use'), to: { cat: CAT, act: 'tplu', arg: id } },
              { text: ctx.t('admin-broadcast-delete'), to: { cat: CAT, act: 'tpld', arg: id } },
            ],
          ],
          back: { cat: CAT, act: 'tpls' },
        };
      }
      case 'tplu': {
        const id = idOf(arg);
        if (id === null) return null;
        const t = await svc.template(actor, id);
        if (!t) return refusal(ctx, 'gone');
        const res = await svc.start(actor, 'broadcast', undefined, t.content);
        return res.ok ? draftScreen(ctx, res.id) : refusal(ctx, res.code);
      }
      case 'tpld': {
        const id = idOf(arg);
        if (id === null) return null;
        const res = await svc.deleteTemplate(actor, id);
        return res.ok ? mainScreen(ctx, ctx.t('admin-broadcast-deleted')) : refusal(ctx, res.code);
      }
      case 'segs': {
        const list = await svc.segments(actor);
        if (!list) return refusal(ctx, 'not_allowed');
        return {
          text: [
            ctx.t('admin-broadcast-segments'),
            ...list.map((s) => `• ${escapeCut(s.name, 60)} — ${filtersLine(ctx, s.filters)}`),
          ].join('\n'),
          rows: list
            .slice(0, 20)
            .map((s) => [{ text: `🗑 ${s.name}`, to: { cat: CAT, act: 'segd', arg: s.id } }]),
          back: { cat: CAT },
        };
      }
      case 'segd': {
        const id = idOf(arg);
        if (id === null) return null;
        const res = await svc.deleteSegment(actor, id);
        return res.ok ? mainScreen(ctx, ctx.t('admin-broadcast-deleted')) : refusal(ctx, res.code);
      }
      case 'hist': {
        const m = /^([bg])(\d{1,4})$/.exec(arg);
        if (!m) return null;
        const kind = m[1] === 'g' ? 'gift' : 'broadcast';
        const page = Number(m[2]);
        const res = await svc.history(actor, kind, page, HISTORY_PAGE);
        if (!res.ok) return refusal(ctx, res.code);
        const rows: HubButton[][] = res.items.map((c) => [
          { text: campaignLine(ctx, c), to: { cat: CAT, act: 'card', arg: c.id } },
        ]);
        const nav: HubButton[] = [
          ...(page > 0 ? [{ text: '◀', to: { cat: CAT, act: 'hist', arg: `${m[1]}${page - 1}` } }] : []),
          ...(res.hasMore ? [{ text: '▶', to: { cat: CAT, act: 'hist', arg: `${m[1]}${page + 1}` } }] : []),
        ];
        if (nav.length) rows.push(nav);
        return {
          text: ctx.t(kind === 'gift' ? 'admin-broadcast-gift-history' : 'admin-broadcast-history', {
            count: res.items.length,
          }),
          rows,
          back: { cat: CAT },
        };
      }
      case 'card': {
        const id = idOf(arg);
        return id === null ? null : cardScreen(ctx, id);
      }
      case 'pause':
      case 'resume':
      case 'cancel': {
        const id = idOf(arg);
        if (id === null) return null;
        const res = await svc[act](actor, id);
        return res.ok
          ? cardScreen(ctx, id)
          : cardScreen(ctx, id, ctx.t('admin-broadcast-refused', { code: res.code }));
      }
      default:
        return null;
    }
  },

  async input(ctx, act, arg, message) {
    const actor = ctx.from!.id;
    const svc = ctx.services.campaigns;
    const typed = message.text?.trim();
    switch (act) {
      case 'giftamt': {
        if (arg !== 'c' && arg !== 'p') return null;
        let gift;
        if (arg === 'c') {
          const n = wholeNumber(typed);
          if (n === null || n < 1 || n > MAX_GIFT_CREDITS)
            return { retry: ctx.t('admin-broadcast-gift-invalid') };
          gift = { credits: n };
        } else {
          const seconds = typed ? parseDuration(typed) : null;
          if (seconds === null || seconds < 60 || seconds > 365 * 86_400)
            return { retry: ctx.t('admin-broadcast-gift-invalid') };
          gift = { seconds };
        }
        const res = await svc.start(actor, 'gift', gift);
        return res.ok ? composeAsk(ctx, res.id, 'gift') : refusal(ctx, res.code);
      }
      case 'compose': {
        const id = idOf(arg);
        if (id === null) return null;
        const piece = pieceOf(message);
        if (!piece) return { retry: ctx.t('admin-broadcast-unsupported') };
        const res = await svc.compose(actor, id, piece);
        if (!res.ok) {
          if (res.code === 'gone' || res.code === 'not_allowed') return null;
          return { retry: ctx.t('admin-broadcast-refused', { code: res.code }) };
        }
        if (res.joined) return { silent: true };
        return draftScreen(ctx, id);
      }
      case 'buttons': {
        const id = idOf(arg);
        if (id === null) return null;
        const buttons = typed === '-' ? [] : typed ? parseUrlButtons(typed) : null;
        if (!buttons) return { retry: ctx.t('admin-broadcast-buttons-invalid') };
        const res = await svc.setButtons(actor, id, buttons);
        if (!res.ok)
          return res.code === 'gone' ? null : { retry: ctx.t('admin-broadcast-refused', { code: res.code }) };
        return draftScreen(ctx, id);
      }
      case 'spent': {
        const id = idOf(arg);
        if (id === null) return null;
        const n = wholeNumber(typed);
        if (n === null || n < 1 || n > MAX_SPENT_FILTER)
          return { retry: ctx.t('admin-broadcast-spent-invalid', { max: MAX_SPENT_FILTER }) };
        const res = await svc.setFilters(actor, id, { spentMin: n });
        return res.ok ? audienceScreen(ctx, id) : null;
      }
      case 'saveseg':
      case 'savetpl': {
        const id = idOf(arg);
        if (id === null) return null;
        if (!typed) return { retry: ctx.t('admin-broadcast-name-invalid') };
        const res =
          act === 'saveseg'
            ? await svc.saveSegment(actor, id, typed)
            : await svc.saveTemplate(actor, id, typed);
        if (!res.ok) {
          if (res.code === 'gone' || res.code === 'not_allowed') return null;
          return {
            retry: ctx.t(
              res.code === 'name_taken' ? 'admin-broadcast-name-taken' : 'admin-broadcast-name-invalid',
            ),
          };
        }
        return act === 'saveseg'
          ? audienceScreen(ctx, id, ctx.t('admin-broadcast-saved'))
          : draftScreen(ctx, id, ctx.t('admin-broadcast-saved'));
      }
      default:
        return null;
    }
  },
};

/** What the member sent, as a piece of the draft (null: a kind of message a broadcast cannot carry). */
function pieceOf(m: Message): DraftPiece | null {
  if (m.text !== undefined)
    return { type: 'text', text: m.text, ...(m.entities ? { entities: m.entities as never } : {}) };
  const media = mediaOf(m);
  if (!media) return null;
  return { type: 'media', media, ...(m.media_group_id ? { mediaGroupId: m.media_group_id } : {}) };
}

function mediaOf(m: Message): CampaignMedia | null {
  const base = {
    messageId: m.message_id,
    ...(m.caption ? { caption: m.caption } : {}),
    ...(m.caption_entities?.length ? { entities: m.caption_entities as never } : {}),
  };
  if (m.photo?.length) return { type: 'photo', fileId: m.photo.at(-1)!.file_id, ...base };
  if (m.video) return { type: 'video', fileId: m.video.file_id, ...base };
  if (m.animation) return { type: 'animation', fileId: m.animation.file_id, ...base };
  if (m.document) return { type: 'document', fileId: m.document.file_id, ...base };
  if (m.audio) return { type: 'audio', fileId: m.audio.file_id, ...base };
  if (m.voice) return { type: 'voice', fileId: m.voice.file_id, ...base };
  return null;
}

function refusal(ctx: Context, code: string, draftId?: number): HubScreen {
  const text =
    code === 'not_allowed'
      ? ctx.t('admin-hub-not-allowed')
      : code === 'gone'
        ? ctx.t('admin-broadcast-gone')
        : code === 'nobody'
          ? ctx.t('admin-broadcast-nobody')
          : ctx.t('admin-broadcast-refused', { code });
  return {
    text,
    rows: [],
    back: draftId && code !== 'gone' ? { cat: CAT, act: 'draft', arg: draftId } : { cat: CAT },
  };
}

async function mainScreen(ctx: Context, notice?: string): Promise<HubScreen> {
  const actor = ctx.from!.id;
  const canGift = await ctx.services.access.can(actor, 'gifts.send');
  const running = await ctx.services.campaigns.running(actor);
  const lines = [
    ...(notice ? [notice, ''] : []),
    ctx.t('admin-broadcast-title'),
    ...(running.length ? ['', ctx.t('admin-broadcast-running')] : []),
  ];
  const rows: HubButton[][] = [
    [
      { text: ctx.t('admin-broadcast-new'), to: { cat: CAT, act: 'new' } },
      ...(canGift ? [{ text: ctx.t('admin-broadcast-gift'), to: { cat: CAT, act: 'gift' } }] : []),
    ],
    ...running.map((c) => [{ text: campaignLine(ctx, c), to: { cat: CAT, act: 'card', arg: c.id } }]),
    [
      { text: ctx.t('admin-broadcast-templates'), to: { cat: CAT, act: 'tpls' } },
      { text: ctx.t('admin-broadcast-segments'), to: { cat: CAT, act: 'segs' } },
    ],
    [
      { text: ctx.t('admin-broadcast-history-button'), to: { cat: CAT, act: 'hist', arg: 'b0' } },
      ...(canGift
        ? [{ text: ctx.t('admin-broadcast-gift-history-button'), to: { cat: CAT, act: 'hist', arg: 'g0' } }]
        : []),
    ],
  ];
  return { text: lines.join('\n'), rows };
}

function composeAsk(ctx: Context, id: number, kind: Campaign['kind']): HubScreen {
  return {
    text: ctx.t(kind === 'gift' ? 'admin-broadcast-gift-compose' : 'admin-broadcast-compose'),
    rows: [],
    back: { cat: CAT },
    ask: { act: 'compose', arg: id },
  };
}

function summary(ctx: Context, c: CampaignContent | null): string {
  if (!c) return ctx.t('admin-broadcast-empty');
  const body =
    c.type === 'text' ? c.text : c.type === 'media' ? (c.media.caption ?? '') : (c.media[0]?.caption ?? '');
  const kind = c.type === 'text' ? 'text' : c.type === 'media' ? c.media.type : 'album';
  const buttons = c.type !== 'album' ? (c.buttons?.length ?? 0) : 0;
  return [
    ctx.t('admin-broadcast-content', { kind, items: c.type === 'album' ? c.media.length : 1, buttons }),
    body ? `<blockquote>${escapeCut(body, 600)}</blockquote>` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function filtersLine(ctx: Context, f: AudienceFilters): string {
  const parts: string[] = [];
  if (f.tier) parts.push(ctx.t('admin-broadcast-crit-tier', { tier: tierName(ctx, f.tier) }));
  if (f.activeDays) parts.push(ctx.t('admin-broadcast-crit-active', { days: f.activeDays }));
  if (f.spentMin) parts.push(ctx.t('admin-broadcast-crit-spent', { credits: f.spentMin }));
  if (f.neverPaid) parts.push(ctx.t('admin-broadcast-crit-never-paid'));
  return parts.length ? parts.join(' · ') : ctx.t('admin-broadcast-crit-all');
}

function giftPreview(ctx: Context, c: Campaign): string | null {
  if (!c.gift) return null;
  return 'credits' in c.gift
    ? ctx.t('campaign-gift-credits', { credits: c.gift.credits }).replace(/<[^>]+>/g, '')
    : ctx.t('campaign-gift-pass', { duration: { duration: c.gift.seconds * 1000 } }).replace(/<[^>]+>/g, '');
}

async function draftScreen(ctx: Context, id: number, notice?: string): Promise<HubScreen> {
  const res = await ctx.services.campaigns.review(ctx.from!.id, id);
  if (!res.ok) return refusal(ctx, res.code);
  const d = res.draft;
  const to = (act: string) => ({ cat: CAT, act, arg: id });
  const text = [
    ...(notice ? [notice, ''] : []),
    ctx.t(d.kind === 'gift' ? 'admin-broadcast-gift-draft' : 'admin-broadcast-draft', {
      ...(d.gift && 'credits' in d.gift ? { credits: d.gift.credits } : { credits: 0 }),
      pass: d.gift && 'seconds' in d.gift ? { duration: d.gift.seconds * 1000 } : { duration: 0 },
      what: d.gift ? ('credits' in d.gift ? 'credits' : 'pass') : 'none',
    }),
    summary(ctx, d.content),
    ctx.t('admin-broadcast-audience-line', {
      audience: d.audience.segment ?? filtersLine(ctx, d.audience.filters),
      count: res.count,
    }),
    '',
    ctx.t('admin-broadcast-replace-hint'),
  ].join('\n');
  const rows: HubButton[][] = d.content
    ? [
        [
          { text: ctx.t('admin-broadcast-preview'), to: to('preview') },
          ...(d.content.type !== 'album'
            ? [{ text: ctx.t('admin-broadcast-buttons'), to: to('buttons') }]
            : []),
        ],
        [
          { text: ctx.t('admin-broadcast-audience'), to: to('aud') },
          ...(d.kind === 'broadcast'
            ? [{ text: ctx.t('admin-broadcast-save-template'), to: to('savetpl') }]
            : []),
        ],
        [{ text: ctx.t('admin-broadcast-review'), to: to('review') }],
      ]
    : [];
  // The draft keeps listening: another message replaces the content (album items join it).
  return { text: fitText(text), rows, back: { cat: CAT }, ask: { act: 'compose', arg: id } };
}

async function audienceScreen(ctx: Context, id: number, notice?: string): Promise<HubScreen> {
  const actor = ctx.from!.id;
  const res = await ctx.services.campaigns.review(actor, id);
  if (!res.ok) return refusal(ctx, res.code);
  const f = res.draft.audience.filters;
  const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label);
  const to = (act: string, v: number) => ({ cat: CAT, act, arg: `${id}x${v}` });
  const segments = (await ctx.services.campaigns.segments(actor)) ?? [];
  const rows: HubButton[][] = [
    [
      { text: mark(!f.tier, ctx.t('admin-broadcast-any-tier')), to: to('ftier', 0) },
      ...TIERS.map((t, i) => ({ text: mark(f.tier === t, tierName(ctx, t)), to: to('ftier', i + 1) })),
    ],
    [
      { text: mark(!f.activeDays, ctx.t('admin-broadcast-active-any')), to: to('fact', 0) },
      ...[1, 7, 30, 90].map((d) => ({
        text: mark(f.activeDays === d, ctx.t('admin-broadcast-active', { days: d })),
        to: to('fact', d),
      })),
    ],
    [
      { text: mark(!f.neverPaid, ctx.t('admin-broadcast-paid-any')), to: to('fpaid', 0) },
      { text: mark(Boolean(f.neverPaid), ctx.t('admin-broadcast-never-paid')), to: to('fpaid', 1) },
    ],
    [
      {
        text: f.spentMin
          ? ctx.t('admin-broadcast-crit-spent', { credits: f.spentMin })
          : ctx.t('admin-broadcast-spent'),
        to: to('fspent', 1),
      },
      ...(f.spentMin ? [{ text: ctx.t('admin-broadcast-spent-clear'), to: to('fspent', 0) }] : []),
    ],
    ...segments
      .slice(0, 5)
      .map((s) => [
        { text: mark(res.draft.audience.segment === s.name, `🎯 ${s.name}`), to: to('useseg', s.id) },
      ]),
    [{ text: ctx.t('admin-broadcast-save-segment'), to: { cat: CAT, act: 'saveseg', arg: id } }],
    [{ text: ctx.t('admin-broadcast-audience-done'), to: { cat: CAT, act: 'draft', arg: id } }],
  ];
  return {
    text: [
      ...(notice ? [notice, ''] : []),
      ctx.t('admin-broadcast-audience-title'),
      ctx.t('admin-broadcast-audience-line', {
        audience: res.draft.audience.segment ?? filtersLine(ctx, f),
        count: res.count,
      }),
    ].join('\n'),
    rows,
    back: { cat: CAT, act: 'draft', arg: id },
  };
}

function confirmScreen(
  ctx: Context,
  d: Campaign,
  count: number,
  notice?: string,
): HubInputResult & HubScreen {
  const to = (act: string, arg: string | number) => ({ cat: CAT, act, arg });
  if (count === 0) return { text: ctx.t('admin-broadcast-nobody'), rows: [], back: to('aud', d.id) };
  return {
    text: [
      ...(notice ? [notice, ''] : []),
      ctx.t(d.kind === 'gift' ? 'admin-broadcast-confirm-gift' : 'admin-broadcast-confirm', {
        count,
        audience: d.audience.segment ?? filtersLine(ctx, d.audience.filters),
        credits: d.gift && 'credits' in d.gift ? d.gift.credits * count : 0,
      }),
    ].join('\n'),
    rows: [
      [{ text: ctx.t('admin-broadcast-send', { count }), to: to('send', `${d.id}x${count}`) }],
      [{ text: ctx.t('admin-broadcast-back-draft'), to: to('draft', d.id) }],
    ],
    back: to('draft', d.id),
  };
}

function campaignLine(ctx: Context, c: Campaign): string {
  return ctx.t('admin-broadcast-line', {
    kind: c.kind,
    id: c.id,
    status: c.status,
    sent: c.sent,
    total: c.queuedAll ? c.queued : (c.confirmedCount ?? c.queued),
  });
}

async function cardScreen(ctx: Context, id: number, notice?: string): Promise<HubScreen> {
  const res = await ctx.services.campaigns.campaign(ctx.from!.id, id);
  if (!res.ok) return refusal(ctx, res.code);
  const c = res.campaign;
  const to = (act: string) => ({ cat: CAT, act, arg: id });
  const lines = [
    ...(notice ? [notice, ''] : []),
    ctx.t('admin-broadcast-card', {
      kind: c.kind,
      id: c.id,
      status: c.status,
      at: c.confirmedAt ?? c.createdAt,
      audience: c.audience.segment ?? filtersLine(ctx, c.audience.filters),
      targeted: c.queuedAll ? c.queued : (c.confirmedCount ?? c.queued),
      sent: c.sent,
      blocked: c.blocked,
      failed: c.failed,
      skipped: c.skipped,
    }),
    ...(c.gift
      ? [
          'credits' in c.gift
            ? ctx.t('admin-broadcast-gift-totals-credits', {
                gifted: c.gifted,
                each: c.gift.credits,
                total: c.gifted * c.gift.credits,
              })
            : ctx.t('admin-broadcast-gift-totals-pass', {
                gifted: c.gifted,
                each: { duration: c.gift.seconds * 1000 },
              }),
        ]
      : []),
    summary(ctx, c.content),
  ];
  const rows: HubButton[][] = [];
  if (c.status === 'sending')
    rows.push([
      { text: ctx.t('campaign-pause'), to: to('pause') },
      { text: ctx.t('campaign-cancel'), to: to('cancel') },
    ]);
  if (c.status === 'paused')
    rows.push([
      { text: ctx.t('campaign-resume'), to: to('resume') },
      { text: ctx.t('campaign-cancel'), to: to('cancel') },
    ]);
  rows.push([{ text: ctx.t('admin-broadcast-refresh'), to: to('card') }]);
  return {
    text: fitText(lines.join('\n')),
    rows,
    back: { cat: CAT, act: 'hist', arg: c.kind === 'gift' ? 'g0' : 'b0' },
  };
}
