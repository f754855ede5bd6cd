import type { Message } from 'grammy/types';
import type { ProductsView, SaleKind, StripeSync } from '../../../../app/admin/products/index.ts';
import type { Product, ProductLabel } from '../../../../app/ports/index.ts';
import {
  parseCardPrice,
  parsePackCredits,
  parsePassLength,
  parseProductTitle,
  parseStarsPrice,
  PRODUCT_LIMITS,
} from '../../../../domain/catalog/index.ts';
import { contentListData } from '../../../callback-data/content.ts';
import { startLink } from '../../../helpers/start-payload.ts';
import type { Context } from '../../../context.ts';
import { cut, listScreen, type HubButton, type HubCategory, type HubScreen } from './screen.ts';

/**
 * Products (owners and managers, `products.edit`): credit packs and time passes with their prices per
 * rail and state; a guided creation (kind → name → credits or length → card price → Stars price), edits
 * of every field, on/off, order, badges, the Stripe sync with its Retry, and a way to premium content
 * (the content screens, not a second copy of them).
 */
const CAT = 'products';

/** A new product's answers so far, kept in the open question (`ask.arg`) between the steps. */
interface Draft {
  kind: SaleKind;
  title?: string;
  amount?: number;
  /** Minor units; null: not sold by card. */
  card?: number | null;
}

const encodeDraft = (d: Draft): string => JSON.stringify(d);

/** The draft from a question's argument (written by this file; checked all the same). */
function decodeDraft(arg: string): Draft | null {
  try {
    const d = JSON.parse(arg) as Record<string, unknown>;
    if (d.kind !== 'credits' && d.kind !== 'time') return null;
    if (d.title !== undefined && (typeof d.title !== 'string' || parseProductTitle(d.title) !== d.title))
      return null;
    if (d.amount !== undefined && (!Number.isSafeInteger(d.amount) || (d.amount as number) <= 0)) return null;
    if (d.card !== undefined && d.card !== null && (!Number.isSafeInteger(d.card) || (d.card as number) <= 0))
      return null;
    return d as unknown as Draft;
  } catch {
    return null;
  }
}

/** A positive id from a button's argument (anything else is tampered with). */
const idOf = (arg: string): number | null => (/^\d{1,9}$/.test(arg) && Number(arg) > 0 ? Number(arg) : null);

const money = (minor: number, currency: string) => ({ money: { minor, currency } });

/** What it gives: credits, or the pass's length. */
const amountText = (ctx: Context, p: Pick<Product, 'kind' | 'amount'>) =>
  p.kind === 'time'
    ? ctx.t('admin-products-amount-time', { length: { duration: p.amount * 1000 } })
    : ctx.t('admin-products-amount-credits', { credits: p.amount });

const cardText = (ctx: Context, p: Pick<Product, 'priceMinor' | 'currency'>) =>
  p.priceMinor === null
    ? ctx.t('admin-products-card-none')
    : ctx.t('admin-products-card', { price: money(p.priceMinor, p.currency) });

const labelText = (ctx: Context, label: ProductLabel | null) =>
  label === 'popular'
    ? ctx.t('billing-label-popular')
    : label === 'best_value'
      ? ctx.t('billing-label-best-value')
      : ctx.t('admin-products-label-none');

/** Card payments, as this screen sees them: Stripe configured or not, the setting on or not. */
function cardState(ctx: Context, v: Pick<ProductsView, 'stripe' | 'cardPayments' | 'storeCurrency'>): string {
  const currency = v.storeCurrency.toUpperCase();
  if (!v.stripe) return ctx.t('admin-products-stripe-off', { currency });
  if (!v.cardPayments) return ctx.t('admin-products-card-payments-off', { currency });
  return ctx.t('admin-products-stripe-on', { currency });
}

/** Whether the product's card price still has to reach Stripe. */
const needsSync = (p: Product) =>
  (p.priceMinor !== null && p.stripePriceId === null) || p.stripeRetiredPriceId !== null;

/** Sold by card from the recorded amount since before the Products screen (the seeded catalog): no Stripe
 * Price was ever made for it, so there is nothing wrong to warn about. */
const neverSynced = (p: Product) => p.stripeProductId === null && p.stripeRetiredPriceId === null;

function mainScreen(ctx: Context, v: ProductsView, page: number, notice?: string): HubScreen {
  const screen = listScreen(ctx, {
    header: [notice, ctx.t('admin-products-title'), cardState(ctx, v)].filter(Boolean).join('\n'),
    items: v.products,
    page,
    line: (p) =>
      [
        `${p.active ? '🟢' : '⚪️'} ${p.title}`,
        amountText(ctx, p),
        `⭐ ${p.priceStars}`,
        p.priceMinor === null
          ? '💳 —'
          : `💳 ${ctx.t('admin-products-money', { price: money(p.priceMinor, p.currency) })}`,
        ...(p.label ? [labelText(ctx, p.label)] : []),
      ].join(' · '),
    button: (p) => ({
      text: `${p.active ? '🟢' : '⚪️'} ${p.title}`,
      to: { cat: CAT, act: 'item', arg: p.id },
    }),
    pageTarget: (p) => ({ cat: CAT, act: 'main', arg: p }),
    empty: ctx.t('admin-products-empty'),
  });
  screen.rows.push(
    [{ text: ctx.t('admin-products-new-button'), to: { cat: CAT, act: 'new' } }],
    [{ text: ctx.t('admin-products-content-button'), data: contentListData.pack({ page: 1 }) }],
  );
  return screen;
}

function syncLine(ctx: Context, sync: StripeSync | null): string | undefined {
  if (!sync) return undefined;
  if (sync.state === 'failed') return ctx.t('admin-products-sync-failed', { error: cut(sync.error, 300) });
  if (sync.state === 'off') return ctx.t('admin-products-sync-off');
  return ctx.t('admin-products-sync-done');
}

/** One product: every field, its Stripe state, and what can be done with it. */
function itemScreen(
  ctx: Context,
  v: { product: Product } & Omit<ProductsView, 'products'>,
  notices: Array<string | undefined> = [],
): HubScreen {
  const p = v.product;
  const stripeLine = !v.stripe
    ? ctx.t('admin-products-item-stripe-off')
    : p.priceMinor === null
      ? ctx.t('admin-products-item-stripe-none')
      : needsSync(p) && neverSynced(p)
        ? ctx.t('admin-products-item-stripe-inline')
        : needsSync(p)
          ? ctx.t('admin-products-item-stripe-pending')
          : ctx.t('admin-products-item-stripe-synced', { price: p.stripePriceId ?? '' });
  const text = [
    ...notices.filter(Boolean),
    ctx.t(p.kind === 'time' ? 'admin-products-item-pass' : 'admin-products-item-pack', {
      title: cut(p.title, 100),
    }),
    ctx.t(p.active ? 'admin-products-item-active' : 'admin-products-item-inactive'),
    amountText(ctx, p),
    ctx.t('admin-products-item-stars', { stars: p.priceStars }),
    cardText(ctx, p),
    stripeLine,
    ctx.t('admin-products-item-label', { label: labelText(ctx, p.label) }),
    // A link for the creator's channel or a broadcast: opens this product's purchase in the bot.
    ctx.t('admin-products-item-link', { link: startLink(ctx.me.username, `buy_${p.id}`) }),
  ].join('\n');
  const to = (act: string) => ({ cat: CAT, act, arg: p.id });
  const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label);
  const rows: HubButton[][] = [
    [
      { text: ctx.t('admin-products-edit-title'), to: to('etitle') },
      {
        text: ctx.t(p.kind === 'time' ? 'admin-products-edit-length' : 'admin-products-edit-credits'),
        to: to('eamount'),
      },
    ],
    [
      { text: ctx.t('admin-products-edit-stars'), to: to('estars') },
      { text: ctx.t('admin-products-edit-card'), to: to('ecard') },
    ],
    [
      {
        text: ctx.t(p.active ? 'admin-products-deactivate' : 'admin-products-activate'),
        to: to(p.active ? 'off' : 'on'),
      },
    ],
    [
      { text: ctx.t('admin-products-up'), to: to('up') },
      { text: ctx.t('admin-products-down'), to: to('down') },
    ],
    [
      { text: mark(p.label === 'popular', ctx.t('billing-label-popular')), to: to('lpop') },
      { text: mark(p.label === 'best_value', ctx.t('billing-label-best-value')), to: to('lbest') },
      { text: mark(p.label === null, ctx.t('admin-products-label-none')), to: to('lnone') },
    ],
  ];
  if (v.stripe && needsSync(p))
    rows.push([
      {
        text: ctx.t(neverSynced(p) ? 'admin-products-create-price' : 'admin-products-retry-sync'),
        to: to('sync'),
      },
    ]);
  return { text, rows, back: { cat: CAT } };
}

const refusal = (ctx: Context, code: 'not_allowed' | 'not_found' | 'invalid'): HubScreen => ({
  text: ctx.t(
    code === 'not_allowed'
      ? 'admin-hub-not-allowed'
      : code === 'not_found'
        ? 'admin-products-not-found'
        : 'admin-products-invalid',
  ),
  rows: [],
  back: { cat: CAT },
});

/** The product's screen, fresh from the database, with notices above it. */
async function showItem(
  ctx: Context,
  id: number,
  notices: Array<string | undefined> = [],
): Promise<HubScreen> {
  const res = await ctx.services.productsAdmin.get(ctx.from!.id, id);
  return res.ok ? itemScreen(ctx, res, notices) : refusal(ctx, res.code);
}

/** A question for one field of a product (its answer comes to `input`). */
async function askField(
  ctx: Context,
  field: 'title' | 'amount' | 'stars' | 'card',
  id: number,
): Promise<HubScreen> {
  const res = await ctx.services.productsAdmin.get(ctx.from!.id, id);
  if (!res.ok) return refusal(ctx, res.code);
  const p = res.product;
  const current =
    field === 'title'
      ? cut(p.title, 100)
      : field === 'amount'
        ? amountText(ctx, p)
        : field === 'stars'
          ? `⭐ ${p.priceStars}`
          : cardText(ctx, p);
  return {
    text: [
      ctx.t('admin-products-ask-current', { current }),
      questionText(ctx, field, p.kind as SaleKind, res.storeCurrency),
    ].join('\n\n'),
    rows: [],
    back: { cat: CAT, act: 'item', arg: id },
    ask: { act: field, arg: id },
  };
}

function questionText(
  ctx: Context,
  field: 'title' | 'amount' | 'stars' | 'card',
  kind: SaleKind,
  currency: string,
) {
  switch (field) {
    case 'title':
      return ctx.t('admin-products-ask-title', { max: PRODUCT_LIMITS.titleMax });
    case 'amount':
      return kind === 'time'
        ? ctx.t('admin-products-ask-length')
        : ctx.t('admin-products-ask-credits', { max: PRODUCT_LIMITS.creditsMax });
    case 'stars':
      return ctx.t('admin-products-ask-stars', { max: PRODUCT_LIMITS.starsMax });
    case 'card':
      return ctx.t('admin-products-ask-card', {
        currency: currency.toUpperCase(),
        max: PRODUCT_LIMITS.cardMax,
      });
  }
}

/** Why a typed value does not fit (HTML), for a retry. */
function badValue(
  ctx: Context,
  field: 'title' | 'amount' | 'stars' | 'card',
  kind: SaleKind,
  currency: string,
) {
  switch (field) {
    case 'title':
      return ctx.t('admin-products-bad-title', { max: PRODUCT_LIMITS.titleMax });
    case 'amount':
      return kind === 'time'
        ? ctx.t('admin-products-bad-length')
        : ctx.t('admin-products-bad-credits', { max: PRODUCT_LIMITS.creditsMax });
    case 'stars':
      return ctx.t('admin-products-bad-stars', { max: PRODUCT_LIMITS.starsMax });
    case 'card':
      return ctx.t('admin-products-bad-card', {
        currency: currency.toUpperCase(),
        max: PRODUCT_LIMITS.cardMax,
      });
  }
}

type Parsed = { ok: true; value: string | number | null } | { ok: false };

/** The typed value for a field, checked. */
function parseField(
  field: 'title' | 'amount' | 'stars' | 'card',
  kind: SaleKind,
  text: string,
  currency: string,
): Parsed {
  const value =
    field === 'title'
      ? parseProductTitle(text)
      : field === 'amount'
        ? kind === 'time'
          ? parsePassLength(text)
          : parsePackCredits(text)
        : field === 'stars'
          ? parseStarsPrice(text)
          : (() => {
              const c = parseCardPrice(text, currency);
              return c === null ? undefined : 'none' in c ? null : c.minor;
            })();
  return value === undefined || (value === null && field !== 'card') ? { ok: false } : { ok: true, value };
}

/** The steps of a new product, in order, each with the question it asks. */
const STEPS = ['ntitle', 'namount', 'ncard', 'nstars'] as const;
type Step = (typeof STEPS)[number];
const FIELD_OF: Record<Step, 'title' | 'amount' | 'card' | 'stars'> = {
  ntitle: 'title',
  namount: 'amount',
  ncard: 'card',
  nstars: 'stars',
};

function stepScreen(ctx: Context, step: Step, draft: Draft, currency: string): HubScreen {
  const done = [
    ctx.t(draft.kind === 'time' ? 'admin-products-new-pass' : 'admin-products-new-pack'),
    ...(draft.title !== undefined
      ? [ctx.t('admin-products-new-so-far-title', { title: cut(draft.title, 100) })]
      : []),
    ...(draft.amount !== undefined ? [amountText(ctx, { kind: draft.kind, amount: draft.amount })] : []),
    ...(draft.card !== undefined
      ? [
          draft.card === null
            ? ctx.t('admin-products-card-none')
            : ctx.t('admin-products-card', { price: money(draft.card, currency) }),
        ]
      : []),
  ];
  return {
    text: [
      done.join('\n'),
      ctx.t('admin-products-step', { step: STEPS.indexOf(step) + 2, steps: STEPS.length + 1 }),
      questionText(ctx, FIELD_OF[step], draft.kind, currency),
      ctx.t('admin-products-cancel-hint'),
    ].join('\n\n'),
    rows: [],
    back: { cat: CAT },
    ask: { act: step, arg: encodeDraft(draft) },
  };
}

export const productsCategory: HubCategory = {
  id: CAT,
  permission: 'products.edit',
  titleKey: 'admin-hub-category-products',
  async screen(ctx, act, arg) {
    const actor = ctx.from!.id;
    const svc = ctx.services.productsAdmin;
    if (act === 'main') {
      const page = /^\d{1,4}$/.test(arg) ? Number(arg) : null;
      if (page === null) return null;
      const res = await svc.list(actor);
      return res.ok ? mainScreen(ctx, res, page) : refusal(ctx, res.code);
    }
    if (act === 'new') {
      if (arg !== '0') return null;
      return {
        text: [
          ctx.t('admin-products-new-title'),
          ctx.t('admin-products-step', { step: 1, steps: STEPS.length + 1 }),
          ctx.t('admin-products-ask-kind'),
        ].join('\n\n'),
        rows: [
          [
            { text: ctx.t('admin-products-kind-credits'), to: { cat: CAT, act: 'newk', arg: 'credits' } },
            { text: ctx.t('admin-products-kind-time'), to: { cat: CAT, act: 'newk', arg: 'time' } },
          ],
        ],
        back: { cat: CAT },
      };
    }
    if (act === 'newk') {
      if (arg !== 'credits' && arg !== 'time') return null;
      if (!(await ctx.services.access.can(actor, 'products.edit'))) return refusal(ctx, 'not_allowed');
      return stepScreen(ctx, 'ntitle', { kind: arg }, await svc.storeCurrency());
    }
    const id = idOf(arg);
    if (id === null) return null;
    switch (act) {
      case 'item':
        return showItem(ctx, id);
      case 'etitle':
        return askField(ctx, 'title', id);
      case 'eamount':
        return askField(ctx, 'amount', id);
      case 'estars':
        return askField(ctx, 'stars', id);
      case 'ecard':
        return askField(ctx, 'card', id);
      case 'on':
      case 'off': {
        const res = await svc.setActive(actor, id, act === 'on');
        if (!res.ok) return refusal(ctx, res.code);
        return showItem(ctx, id, [
          ctx.t(act === 'on' ? 'admin-products-activated' : 'admin-products-deactivated'),
          pausedLine(ctx, res.paused),
        ]);
      }
      case 'up':
      case 'down': {
        const res = await svc.move(actor, id, act);
        if (!res.ok) return refusal(ctx, res.code);
        return showItem(ctx, id, [ctx.t(res.moved ? 'admin-products-moved' : 'admin-products-not-moved')]);
      }
      case 'lpop':
      case 'lbest':
      case 'lnone': {
        const label = act === 'lpop' ? 'popular' : act === 'lbest' ? 'best_value' : null;
        const res = await svc.setLabel(actor, id, label);
        if (!res.ok) return refusal(ctx, res.code);
        return showItem(ctx, id, [ctx.t('admin-products-label-saved')]);
      }
      case 'sync': {
        const res = await svc.syncStripe(actor, id);
        if (!res.ok) return refusal(ctx, res.code);
        return showItem(ctx, id, [syncLine(ctx, res.sync)]);
      }
      default:
        return null;
    }
  },
  async input(ctx, act, arg, message) {
    const svc = ctx.services.productsAdmin;
    const actor = ctx.from!.id;
    const typed = textOf(message);
    if ((STEPS as readonly string[]).includes(act)) {
      const step = act as Step;
      const draft = decodeDraft(arg);
      if (!draft) return null;
      const currency = await svc.storeCurrency();
      const field = FIELD_OF[step];
      const parsed =
        typed === null ? ({ ok: false } as const) : parseField(field, draft.kind, typed, currency);
      if (!parsed.ok) return { retry: badValue(ctx, field, draft.kind, currency) };
      const next = { ...draft, [field]: parsed.value };
      if (step === 'ntitle') return stepScreen(ctx, 'namount', next, currency);
      if (step === 'namount') return stepScreen(ctx, 'ncard', next, currency);
      if (step === 'ncard') return stepScreen(ctx, 'nstars', next, currency);
      if (draft.title === undefined || draft.amount === undefined || draft.card === undefined) return null;
      const res = await svc.create(actor, {
        kind: draft.kind,
        title: draft.title,
        amount: draft.amount,
        priceMinor: draft.card,
        priceStars: parsed.value as number,
      });
      if (!res.ok)
        return res.code === 'invalid' ? { retry: ctx.t('admin-products-invalid') } : refusal(ctx, res.code);
      return showItem(ctx, res.product.id, [
        ctx.t('admin-products-created'),
        draft.card === null ? undefined : syncLine(ctx, res.sync),
      ]);
    }
    if (act !== 'title' && act !== 'amount' && act !== 'stars' && act !== 'card') return null;
    const id = idOf(arg);
    if (id === null) return null;
    const current = await svc.get(actor, id);
    if (!current.ok) return current.code === 'not_found' ? null : refusal(ctx, current.code);
    const currency = current.storeCurrency;
    const parsed =
      typed === null
        ? ({ ok: false } as const)
        : parseField(act, current.product.kind as SaleKind, typed, currency);
    if (!parsed.ok) return { retry: badValue(ctx, act, current.product.kind as SaleKind, currency) };
    const change: Parameters<typeof svc.edit>[2] =
      act === 'title'
        ? { field: 'title', value: parsed.value as string }
        : act === 'card'
          ? { field: 'card', value: parsed.value as number | null }
          : { field: act, value: parsed.value as number };
    const res = await svc.edit(actor, id, change);
    if (!res.ok)
      return res.code === 'invalid' ? { retry: ctx.t('admin-products-invalid') } : refusal(ctx, res.code);
    return showItem(ctx, id, [
      ctx.t(res.changed ? 'admin-products-saved' : 'admin-products-unchanged'),
      syncLine(ctx, res.sync),
      pausedLine(ctx, res.paused),
    ]);
  },
};

/** The typed text of an answer (a photo or a sticker is not an answer). */
const textOf = (message: Message): string | null => (typeof message.text === 'string' ? message.text : null);

const pausedLine = (ctx: Context, paused: number) =>
  paused > 0 ? ctx.t('admin-products-paused-fans', { count: paused }) : undefined;
