/** The catalog: what fans can buy. */

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

export interface ProductsRepo {
  listActive(): Promise<Product[]>;
  get(id: number): Promise<Product | null>;
  count(): Promise<number>;
  insertMany(products: NewProduct[]): Promise<void>;
}
