/**
 * The pending-updates queue behind getUpdates: offsets confirm updates, allowed_updates filters (and,
 * like Telegram, drops) updates of other types, and long polls wait for a push or their timeout.
 */
import type { Update } from 'grammy/types';
import { ApiError } from './state.ts';

export interface PollParams {
  offset?: number;
  limit?: number;
  timeout?: number;
  allowed_updates?: string[];
}

interface Waiter {
  limit: number;
  timer: ReturnType<typeof setTimeout>;
  settle(result: Update[] | ApiError): void;
}

export function updateType(update: Update): string | undefined {
  return Object.keys(update).find((key) => key !== 'update_id');
}

export class UpdateQueue {
  private queue: Update[] = [];
  private allowed: ReadonlySet<string>;
  private waiter: Waiter | undefined;
  private pollListeners: Array<() => void> = [];

  /** @param defaultAllowed update types delivered when allowed_updates was never given (or given empty). */
  constructor(private readonly defaultAllowed: ReadonlySet<string>) {
    this.allowed = defaultAllowed;
  }

  push(update: Update): void {
    this.queue.push(update);
    const waiter = this.waiter;
    if (!waiter) return;
    const ready = this.take(waiter.limit);
    if (ready.length > 0) waiter.settle(ready);
  }

  pending(): number {
    return this.queue.length;
  }

  clear(): void {
    this.queue = [];
  }

  get allowedUpdates(): string[] {
    return [...this.allowed];
  }

  /**
   * getUpdates. A poll arriving while another one waits terminates the waiting one with 409, as on
   * Telegram. `onAbort` is given a callback to run when the client goes away.
   */
  poll(params: PollParams, onAbort: (release: () => void) => void): Promise<Update[]> {
    this.waiter?.settle(
      new ApiError(
        409,
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      ),
    );
    const { offset } = params;
    if (offset !== undefined && offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    else if (offset !== undefined && offset < 0) this.queue = this.queue.slice(offset);
    if (params.allowed_updates) {
      this.allowed =
        params.allowed_updates.length > 0 ? new Set(params.allowed_updates) : this.defaultAllowed;
    }
    const limit = params.limit ?? 100;
    const ready = this.take(limit);
    const timeout = params.timeout ?? 0;
    if (ready.length > 0 || timeout <= 0) return Promise.resolve(ready);
    return new Promise<Update[]>((resolve, reject) => {
      const waiter: Waiter = {
        limit,
        timer: setTimeout(() => waiter.settle([]), timeout * 1000),
        settle: (result) => {
          if (this.waiter !== waiter) return;
          this.waiter = undefined;
          clearTimeout(waiter.timer);
          if (result instanceof ApiError) reject(result);
          else resolve(result);
        },
      };
      this.waiter = waiter;
      onAbort(() => waiter.settle([]));
      for (const listener of this.pollListeners.splice(0)) listener();
    });
  }

  /** Resolves once a long poll is waiting for updates (immediately if one already is). */
  waitForPoll(): Promise<void> {
    if (this.waiter) return Promise.resolve();
    return new Promise((resolve) => this.pollListeners.push(resolve));
  }

  /** Answers a waiting long poll with an empty list (used by close()). */
  releaseAll(): void {
    this.waiter?.settle([]);
  }

  private take(limit: number): Update[] {
    this.queue = this.queue.filter((u) => this.allowed.has(updateType(u) ?? ''));
    return this.queue.slice(0, limit);
  }
}
