/** What the use cases need from the outside world. Implemented in db/repos and jobs/. */

export interface TelegramProfile {
  id: number;
  firstName: string;
  lastName?: string | undefined;
  username?: string | undefined;
  languageCode?: string | undefined;
}

export interface User {
  id: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
  tier: string;
  isBanned: boolean;
  blockedBot: boolean;
  stripeCustomerId: string | null;
  creditBalance: number;
  timePassUntil: Date | null;
  createdAt: Date;
  lastSeenAt: Date;
}

export type ProductKind = 'credits' | 'time' | 'unlock';

export interface Product {
  id: number;
  kind: ProductKind;
  title: string;
  description: string;
  amount: number;
  priceStars: number;
  priceMinor: number | null;
  currency: string;
  stripePriceId: string | null;
  active: boolean;
  sort: number;
}

export type NewProduct = Omit<
  Product,
  'id' | 'description' | 'currency' | 'stripePriceId' | 'active' | 'sort'
> &
  Partial<Pick<Product, 'description' | 'currency' | 'stripePriceId' | 'active' | 'sort'>>;

export interface UsersRepo {
  /** Inserts or refreshes the profile and last-seen time; `created` tells a first contact. */
  upsert(profile: TelegramProfile, now: Date): Promise<{ user: User; created: boolean }>;
  get(id: number): Promise<User | null>;
}

export interface SettingsRepo {
  all(): Promise<Record<string, unknown>>;
  set(key: string, value: unknown, by: number | null): Promise<void>;
}

export interface ProductsRepo {
  listActive(): Promise<Product[]>;
  get(id: number): Promise<Product | null>;
  count(): Promise<number>;
  insertMany(products: NewProduct[]): Promise<void>;
}

export interface UpdatesRepo {
  /** Records the update id; false when it was already there (a redelivery). */
  claim(updateId: number): Promise<boolean>;
  pruneOlderThan(cutoff: Date): Promise<number>;
}

export interface OnceRepo {
  /** True for exactly one caller per key, across processes. */
  claim(key: string): Promise<boolean>;
  /** Drops marks with this key prefix created before `cutoff` (expired throttle windows). */
  pruneOlderThan(prefix: string, cutoff: Date): Promise<number>;
}

/** Repositories bound to one database handle (the pool, or an open transaction). */
export interface Repos {
  users: UsersRepo;
  settings: SettingsRepo;
  products: ProductsRepo;
  updates: UpdatesRepo;
  once: OnceRepo;
}

export interface UnitOfWork {
  /** Runs `fn` in one transaction: every write and every job enqueued in it commit together. */
  run<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
  /** Repositories outside any transaction, for reads and single-statement writes. */
  readonly repos: Repos;
}
