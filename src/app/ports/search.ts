/** The control center's search (`/search`): the message log's texts and the members' saved searches. */

/** One message found by its text. */
export interface MessageHit {
  id: number;
  userId: number;
  fanName: string;
  username: string | null;
  direction: 'in' | 'out';
  type: string;
  text: string;
  at: Date;
  /** Where the message (or its copy) is in the fan's topic, when known: a t.me/c link is built from it. */
  groupId: number | null;
  threadId: number | null;
  groupMessageId: number | null;
}

export interface MessageLogRepo {
  /**
   * Messages whose kept text matches `query` (PostgreSQL full text, `simple` configuration: every word,
   * any language, no stemming), newest first; `limit + 1` rows tell whether there is more.
   */
  search(query: string, offset: number, limit: number): Promise<MessageHit[]>;
  /** Clears the fan's kept texts ("delete my data"); returns how many were cleared. */
  forgetFan(userId: number): Promise<number>;
  /** Clears texts of messages relayed before `before` (the retention); returns how many. */
  pruneTexts(before: Date): Promise<number>;
}

export interface SearchesRepo {
  get(actorId: number, kind: 'payments' | 'messages'): Promise<Record<string, unknown> | null>;
  put(actorId: number, kind: 'payments' | 'messages', criteria: Record<string, unknown>): Promise<void>;
}
