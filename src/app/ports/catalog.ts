/** The catalog: what fans can buy. */

export type ProductKind = 'credits' | 'time' | 'unlock';
/** A badge beside a product in /buy. */
export type ProductLabel = 'popular' | 'best_value';

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
  label: ProductLabel | null;
  /** The Stripe Product carrying its Prices (null until the first sync). */
  stripeProductId: string | null;
  /** A Price a price change retired, archived by the next sync. */
  stripeRetiredPriceId: string | null;
  /** Bumped by every card price change; keys that change's Stripe calls. */
  cardPriceRevision: number;
}

export type NewProduct = Omit<
  Product,
  | 'id'
  | 'description'
  | 'currency'
  | 'stripePriceId'
  | 'active'
  | 'sort'
  | 'label'
  | 'stripeProductId'
  | 'stripeRetiredPriceId'
  | 'cardPriceRevision'
> &
  Partial<Pick<Product, 'description' | 'currency' | 'stripePriceId' | 'active' | 'sort' | 'label'>>;

/** What the Products screen may change on a product (the card price goes through `setCardPrice`). */
export type ProductPatch = Partial<Pick<Product, 'title' | 'amount' | 'priceStars' | 'active' | 'label'>>;

export interface ProductsRepo {
  listActive(): Promise<Product[]>;
  get(id: number): Promise<Product | null>;
  count(): Promise<number>;
  insertMany(products: NewProduct[]): Promise<void>;
  /** Credit packs and time passes (not content unlocks), active or not, in /buy's order. */
  listForSale(): Promise<Product[]>;
  /** Inserts one product at the end of the list; returns it. */
  create(p: NewProduct): Promise<Product>;
  /** Locks the row until the transaction ends. */
  getForUpdate(id: number): Promise<Product | null>;
  update(id: number, patch: ProductPatch, at: Date): Promise<void>;
  /**
   * A new card price (null: not sold by card) in `currency`: the stored Stripe Price is cleared (checkout
   * charges the recorded amount until the next sync) and kept as retired, and the revision is bumped.
   */
  setCardPrice(id: number, a: { priceMinor: number | null; currency: string }, at: Date): Promise<Product>;
  /**
   * Records a finished Stripe sync, only if the product is still at `revision` (a later price change
   * wins): the Stripe Product, the new Price (null: none), and the retired Price forgotten.
   */
  recordStripeSync(
    id: number,
    a: { revision: number; stripeProductId: string; stripePriceId: string | null },
  ): Promise<boolean>;
  /** Gives each product its position (`ids` in the new order, 10 apart). */
  setOrder(ids: number[], at: Date): Promise<void>;
  /**
   * Pauses auto-recharge of every fan who has it on with this pack; returns who was paused and their
   * threshold (for the question asking them to confirm).
   */
  pauseAutoRecharge(productId: number): Promise<Array<{ userId: number; threshold: number | null }>>;
}
