import { eq } from 'drizzle-orm';
import { createUnitOfWork } from '../../src/db/repos/index.ts';
import { users } from '../../src/db/schema/index.ts';
import type { TestApp } from './app.ts';

/** Test-side account changes, through the same ledger the app uses. */
export async function grantCredits(
  t: TestApp,
  userId: number,
  credits: number,
  key = `test-grant:${userId}:${Date.now()}:${Math.random()}`,
) {
  const uow = createUnitOfWork(t.db.database);
  return uow.run((r) =>
    r.ledger.apply({ userId, delta: credits, reason: 'adjustment', idempotencyKey: key, actor: 'test' }),
  );
}

export async function setBanned(t: TestApp, userId: number, banned = true) {
  await createUnitOfWork(t.db.database).repos.users.setBanned(userId, banned);
}

export async function setPass(t: TestApp, userId: number, until: Date | null) {
  await t.db.database.db.update(users).set({ timePassUntil: until }).where(eq(users.id, userId));
}

export async function balanceOf(t: TestApp, userId: number): Promise<number> {
  return (await createUnitOfWork(t.db.database).repos.users.get(userId))?.creditBalance ?? -1;
}

export async function ledgerOf(t: TestApp, userId: number) {
  const snapshot = await createUnitOfWork(t.db.database).repos.ledger.snapshot();
  return snapshot.find((s) => s.userId === userId)?.entries ?? [];
}
