/** Responses: objects with `expand[]` applied, and list pages. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { invalidRequest, resourceMissing } from './errors.ts';
import type { StripeJson } from './fixtures.ts';
import { list } from './objects.ts';
import { type Ctx, int, obj, str } from './params.ts';
import type { State } from './state.ts';
import { clone } from './state.ts';

function expandInto(state: State, node: StripeJson, segments: string[], full: string): void {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (head === 'line_items' && node.object === 'checkout.session') {
    const items = state.store.checkoutLineItems.get(node.id) as StripeJson[] | undefined;
    node.line_items = list(`/v1/checkout/sessions/${node.id}/line_items`, clone(items ?? []));
  } else if (!(head in node)) {
    throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
  } else if (typeof node[head] === 'string') {
    const target = state.find(node[head]);
    if (!target) throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
    node[head] = clone(target);
  }
  const child = node[head];
  if (rest.length === 0 || child === null) return;
  if (Array.isArray(child)) {
    for (const item of child) if (item && typeof item === 'object') expandInto(state, item, rest, full);
  } else if (typeof child === 'object') {
    expandInto(state, child, rest, full);
  }
}

export function render(
  state: State,
  c: Ctx,
  object: StripeJson,
  status: ContentfulStatusCode = 200,
): Response {
  const out = clone(object);
  const expand = c.var.params.expand;
  const paths = Array.isArray(expand) ? expand : typeof expand === 'string' ? [expand] : [];
  for (const path of paths) if (typeof path === 'string') expandInto(state, out, path.split('.'), path);
  return c.json(out, status);
}

export function page(c: Ctx, items: StripeJson[], urlPath: string, label: string): StripeJson {
  const params = c.var.params;
  const limit = int(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100)
    throw invalidRequest('This value must be between 1 and 100.', { param: 'limit' });
  const after = str(params, 'starting_after');
  const before = str(params, 'ending_before');
  let window = items;
  let hasMore: boolean;
  if (after) {
    const i = items.findIndex((o) => o.id === after);
    if (i === -1) throw resourceMissing(label, after, 'starting_after');
    window = items.slice(i + 1);
  }
  if (before) {
    const i = window.findIndex((o) => o.id === before);
    if (i === -1) throw resourceMissing(label, before, 'ending_before');
    window = window.slice(Math.max(0, i - limit), i);
    hasMore = i - limit > 0;
  } else {
    hasMore = window.length > limit;
    window = window.slice(0, limit);
  }
  return list(urlPath, window.map(clone), hasMore);
}

/** Stripe lists newest first. */
export const newestFirst = (map: Map<string, StripeJson>): StripeJson[] => [...map.values()].reverse();

/**
 * List filters as Stripe applies them: `created` (a timestamp, or `created[gt|gte|lt|lte]`) and exact
 * matches on the given id fields (`customer`, `payment_intent`, `charge`…), each only when sent.
 */
export function listFilter(c: Ctx, fields: readonly string[] = []): (o: StripeJson) => boolean {
  const params = c.var.params;
  const exact = typeof params.created === 'string' ? int(params, 'created') : undefined;
  const range = typeof params.created === 'object' ? (obj(params, 'created') ?? {}) : {};
  const gt = int(range, 'gt', 'created[gt]');
  const gte = int(range, 'gte', 'created[gte]');
  const lt = int(range, 'lt', 'created[lt]');
  const lte = int(range, 'lte', 'created[lte]');
  const wanted = fields.flatMap((f) => {
    const v = str(params, f);
    return v === undefined ? [] : [[f, v] as const];
  });
  return (o) => {
    const created = Number(o.created);
    if (exact !== undefined && created !== exact) return false;
    if (gt !== undefined && !(created > gt)) return false;
    if (gte !== undefined && !(created >= gte)) return false;
    if (lt !== undefined && !(created < lt)) return false;
    if (lte !== undefined && !(created <= lte)) return false;
    return wanted.every(([f, v]) => {
      const have = o[f];
      return (typeof have === 'string' ? have : have?.id) === v;
    });
  };
}
