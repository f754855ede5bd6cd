import { createHash, randomInt } from 'node:crypto';
import { decide, windowStart, type RateRule } from '../../../domain/rate-limit/index.ts';
import type { Clock } from '../../../domain/shared/index.ts';
import type { UnitOfWork } from '../../ports/index.ts';

/**
 * `/claim`: a bot with no owner (no `ADMIN_USER_IDS`, no stored owner) mints a code at start, prints it
 * on the operator's terminal, and whoever sends it in a private chat becomes the owner. Only the code's
 * SHA-256 is stored (with its expiry), so any replica accepts a code another one printed, and a database
 * dump does not give it away.
 */

export interface ClaimDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** Owners from `ADMIN_USER_IDS`: with any, claiming is closed. */
  adminUserIds: readonly number[];
}

export const CLAIM_TTL_MS = 24 * 3600_000;

/** Tries per person, and for everyone together (many accounts guessing at once). */
export const CLAIM_LIMITS: readonly RateRule[] = [
  { name: 'claim', limit: 5, windowMs: 10 * 60_000 },
  // Counted only for tries a person's own limit allowed: one account hammering cannot use it up.
  { name: 'claimall', limit: 100, windowMs: 10 * 60_000 },
];

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 characters (80 random bits) in four groups: `7KQ2-M9XD-…`. */
export function newClaimCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** What was typed, as the code it means: case, spaces and dashes ignored; O read as 0, I and L as 1. */
export function normaliseClaimCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const hashClaimCode = (code: string): string =>
  createHash('sha256').update(normaliseClaimCode(code)).digest('hex');

async function storedOwner(uow: UnitOfWork): Promise<boolean> {
  return (await uow.repos.team.list()).some((m) => m.role === 'owner');
}

/** A new code when the bot has no owner (stored hashed, valid 24 h); null when it has one. */
export async function prepareClaimCode(deps: ClaimDeps): Promise<string | null> {
  if (deps.adminUserIds.length > 0 || (await storedOwner(deps.uow))) return null;
  const code = newClaimCode();
  const now = deps.clock.now();
  await deps.uow.repos.claimCodes.add(hashClaimCode(code), now, new Date(now.getTime() + CLAIM_TTL_MS));
  return code;
}

export type ClaimResult =
  | { ok: true }
  /** The bot has an owner: there is nothing to claim (answered like any unknown command). */
  | { ok: false; code: 'closed' }
  | { ok: false; code: 'already_owner' }
  | { ok: false; code: 'missing' }
  | { ok: false; code: 'invalid' }
  | { ok: false; code: 'slow_down'; retryAfterSeconds: number };

/** Makes `userId` the owner if `code` is a valid claim code; voids every code; audited. */
export async function claimOwnership(
  deps: ClaimDeps,
  a: { userId: number; code: string },
): Promise<ClaimResult> {
  if (deps.adminUserIds.includes(a.userId)) return { ok: false, code: 'already_owner' };
  if (deps.adminUserIds.length > 0) return { ok: false, code: 'closed' };
  const member = await deps.uow.repos.team.get(a.userId);
  if (member?.role === 'owner') return { ok: false, code: 'already_owner' };
  if (await storedOwner(deps.uow)) return { ok: false, code: 'closed' };
  if (normaliseClaimCode(a.code) === '') return { ok: false, code: 'missing' };

  // Every try counts (a right code ends the claiming anyway): first against the person's own limit, and
  // only a try that passes it against everyone's, so that one account cannot lock the real owner out.
  const now = deps.clock.now();
  for (const rule of CLAIM_LIMITS) {
    const key = `${rule.name}:${rule.name === 'claim' ? a.userId : 0}`;
    const hits = await deps.uow.repos.rateLimits.hit([{ key, windowStart: windowStart(now, rule.windowMs) }]);
    const decision = decide([rule], hits, now);
    if (!decision.allowed)
      return { ok: false, code: 'slow_down', retryAfterSeconds: decision.retryAfterSeconds };
  }

  const hash = hashClaimCode(a.code);
  return deps.uow.run(async (r) => {
    // One claim at a time across replicas: two right codes at once make one owner.
    await r.claimCodes.lock();
    if ((await r.team.list()).some((m) => m.role === 'owner')) return { ok: false, code: 'closed' } as const;
    if (!(await r.claimCodes.isValid(hash, now))) return { ok: false, code: 'invalid' } as const;
    await r.team.set({ userId: a.userId, role: 'owner', addedBy: null }, now);
    await r.claimCodes.voidAll(a.userId, hash, now);
    await r.admin.audit({
      actorId: a.userId,
      userId: a.userId,
      action: 'team_claim',
      details: { role: 'owner' },
    });
    return { ok: true } as const;
  });
}
