/** Quick replies: the team's saved answers (app/admin/quick-replies). */

export interface QuickReply {
  id: number;
  /** '' = no category. */
  category: string;
  title: string;
  body: string;
  /** Telegram's MessageEntity[] of the text, as received (null: plain). */
  entities: Array<Record<string, unknown>> | null;
  sort: number;
  uses: number;
  lastUsedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewQuickReply {
  category: string;
  title: string;
  body: string;
  entities: Array<Record<string, unknown>> | null;
  createdBy: number;
}

export interface QuickRepliesRepo {
  /** Every template: by category (none first), then `sort`, then id. */
  list(): Promise<QuickReply[]>;
  get(id: number): Promise<QuickReply | null>;
  /**
   * Templates whose title, category or text contains `query` (any case; '' matches all), most used first,
   * then in list order: `limit` of them from `offset`.
   */
  search(query: string, offset: number, limit: number): Promise<QuickReply[]>;
  count(): Promise<number>;
  /** The template with this category and title (any case), if any. */
  findByName(category: string, title: string): Promise<QuickReply | null>;
  /** Adds it at the end of its category; null when its name is taken. */
  add(t: NewQuickReply, at: Date): Promise<number | null>;
  /** False when the new name is taken (or the template is gone). Moving category puts it at the end. */
  update(
    id: number,
    patch: Partial<Pick<QuickReply, 'category' | 'title' | 'body' | 'entities'>>,
    at: Date,
  ): Promise<boolean>;
  remove(id: number): Promise<boolean>;
  /** Swaps the template with its neighbour in its category (`-1` up, `1` down); false at an end. */
  move(id: number, direction: -1 | 1): Promise<boolean>;
  /** One more use. */
  used(id: number, at: Date): Promise<boolean>;
}
