/** Guided flows: step rows in the database (see db/schema/flows.ts). */

export interface FlowState<D extends Record<string, unknown> = Record<string, unknown>> {
  actorId: number;
  flow: string;
  step: string;
  data: D;
  updatedAt: Date;
}

export interface FlowsRepo {
  /** The person's open flow of this kind (null: none, or another kind is open). */
  get(actorId: number, flow: string): Promise<FlowState | null>;
  /** The same, locked until the transaction ends (messages of one flow racing each other, albums). */
  getForUpdate(actorId: number, flow: string): Promise<FlowState | null>;
  /** Starts or advances the person's flow (replacing any other they had open). */
  save(state: Omit<FlowState, 'updatedAt'>, at: Date): Promise<void>;
  /** Ends the person's flow of this kind; true when there was one. */
  end(actorId: number, flow: string): Promise<boolean>;
}
