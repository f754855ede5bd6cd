/** Reading Stripe form params the way Stripe validates them (types, required, metadata, URLs). */
import type { Context } from 'hono';
import { invalidRequest, parameterMissing } from './errors.ts';
import type { FormParams, FormValue } from './form.ts';
import type { Metadata } from './objects.ts';

export type Vars = {
  Variables: { params: FormParams; requestId: string; idempotencyKey: string | undefined };
};
export type Ctx = Context<Vars>;

export function str(params: FormParams, key: string, label = key): string | undefined {
  const v = params[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw invalidRequest(`Invalid string: ${JSON.stringify(v)}`, { param: label });
  return v;
}

export function reqStr(params: FormParams, key: string, label = key): string {
  const v = str(params, key, label);
  if (v === undefined || v === '') throw parameterMissing(label);
  return v;
}

export function int(params: FormParams, key: string, label = key): number | undefined {
  const v = str(params, key, label);
  if (v === undefined || v === '') return undefined;
  if (!/^-?\d+$/.test(v))
    throw invalidRequest(`Invalid integer: ${v}`, { param: label, code: 'parameter_invalid_integer' });
  return Number(v);
}

export function bool(params: FormParams, key: string, label = key): boolean | undefined {
  const v = str(params, key, label);
  if (v === undefined || v === '') return undefined;
  if (v !== 'true' && v !== 'false') throw invalidRequest(`Invalid boolean: ${v}`, { param: label });
  return v === 'true';
}

export function obj(params: FormParams, key: string, label = key): FormParams | undefined {
  const v = params[key];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw invalidRequest(`Invalid hash`, { param: label });
  return v;
}

export function arr(params: FormParams, key: string, label = key): FormValue[] | undefined {
  const v = params[key];
  if (v === undefined || v === '') return undefined;
  if (!Array.isArray(v)) throw invalidRequest(`Invalid array`, { param: label });
  return v;
}

export function strArr(params: FormParams, key: string): string[] | undefined {
  return arr(params, key)?.map((item, i) => {
    if (typeof item !== 'string') throw invalidRequest('Invalid string', { param: `${key}[${i}]` });
    return item;
  });
}

export function currency(params: FormParams, key: string, label = key): string {
  const v = reqStr(params, key, label).toLowerCase();
  if (!/^[a-z]{3}$/.test(v)) throw invalidRequest(`Invalid currency: ${v}.`, { param: label });
  return v;
}

/**
 * Stripe metadata: on create, `metadata[k]=v` pairs (empty values dropped); on update, merged into the
 * existing set, `metadata[k]=` deleting a key and `metadata=` clearing all.
 */
export function metadata(params: FormParams, key = 'metadata', existing: Metadata = {}): Metadata {
  const v = params[key];
  if (v === undefined) return { ...existing };
  if (v === '') return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw invalidRequest('Invalid hash', { param: key });
  const out: Metadata = { ...existing };
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== 'string') throw invalidRequest('Invalid metadata value', { param: `${key}[${k}]` });
    if (k.length > 40)
      throw invalidRequest(`Invalid metadata: keys can be at most 40 characters long.`, {
        param: `${key}[${k}]`,
      });
    if (value.length > 500)
      throw invalidRequest(`Invalid metadata: values can be at most 500 characters long.`, {
        param: `${key}[${k}]`,
      });
    if (value === '') delete out[k];
    else out[k] = value;
  }
  if (Object.keys(out).length > 50) {
    throw invalidRequest(
      `Invalid metadata: metadata can have up to 50 keys, but you passed in ${Object.keys(out).length} keys.`,
      { param: key },
    );
  }
  return out;
}

export function url(params: FormParams, key: string): string | null {
  const v = str(params, key);
  if (v === undefined || v === '') return null;
  try {
    new URL(v);
  } catch {
    throw invalidRequest('Not a valid URL', { param: key });
  }
  return v;
}

export const MIN_CHARGE: Record<string, number> = { usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, chf: 50 };
