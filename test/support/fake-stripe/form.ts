/**
 * Stripe's v1 API takes `application/x-www-form-urlencoded` bodies (and query strings) whose keys
 * use bracket nesting: `metadata[order]=7&line_items[0][price_data][currency]=usd&expand[]=customer`.
 * This mirrors how the API decodes them: every leaf stays a string (the API coerces per parameter),
 * `[n]` / `[]` segments build arrays (sparse indices are compacted, as the SDK never sends gaps),
 * and an empty value (`metadata=`) is kept as `''`, which Stripe reads as "unset".
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormParams = { [key: string]: FormValue };

type Draft = { [key: string]: Draft | string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

function decode(component: string): string {
  const spaced = component.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** `a[b][0][]` → `['a', 'b', '0', '']`; a key with unbalanced brackets is taken literally. */
export function splitFormKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  const rest = key.slice(open);
  const re = /\[([^[\]]*)\]/gy;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(rest)) !== null) {
    segments.push(match[1] ?? '');
    consumed = re.lastIndex;
  }
  return consumed === rest.length ? segments : [key];
}

function assign(root: Draft, segments: string[], value: string): void {
  let node = root;
  for (let i = 0; i < segments.length; i++) {
    let segment = segments[i] ?? '';
    if (FORBIDDEN_KEYS.has(segment)) return;
    // `x[]` appends: the next free index of a (so far) array-like container.
    if (segment === '' && i > 0) segment = String(Object.keys(node).length);
    if (i === segments.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next === 'object') {
      node = next;
    } else {
      // A scalar already sitting here (`a=1&a[b]=2`) is replaced by the nested value.
      const child: Draft = {};
      node[segment] = child;
      node = child;
    }
  }
}

const INDEX = /^(0|[1-9]\d{0,5})$/;

function finish(draft: Draft | string, parentKey: string | undefined): FormValue {
  if (typeof draft === 'string') return draft;
  const keys = Object.keys(draft);
  // Metadata keys are free-form strings, even when they look like indices.
  const arrayLike = parentKey !== 'metadata' && keys.length > 0 && keys.every((k) => INDEX.test(k));
  if (arrayLike) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => finish(draft[String(index)] as Draft | string, undefined));
  }
  const out: { [key: string]: FormValue } = {};
  for (const key of keys) out[key] = finish(draft[key] as Draft | string, key);
  return out;
}

export function parseStripeForm(encoded: string): FormParams {
  const draft: Draft = {};
  const text = encoded.startsWith('?') ? encoded.slice(1) : encoded;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const key = decode(rawKey);
    if (key === '') continue;
    assign(draft, splitFormKey(key), decode(rawValue));
  }
  return finish(draft, undefined) as FormParams;
}

/** Key-order-independent serialisation, used to compare the params of idempotent requests. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
