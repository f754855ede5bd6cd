import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';
import { Parser } from 'pg-protocol/dist/parser.js';
import pgModule from 'pg';
import type pg from 'pg';

type Serialize = typeof serialize;
/** A reply, as node-postgres's own parser (pg-protocol) gives it. */
type BackendMessage = { name: string };
/** A NOTIFY heard on the engine's session. */
export interface Notification {
  channel: string;
  payload: string;
}

/**
 * node-postgres's connection to the embedded engine: what PGlite's own adapter
 * (`@electric-sql/pglite/node-postgres`) does, except that the messages of one statement (Parse, Bind,
 * Describe, Execute, Sync) go to the engine in ONE call, at Sync (or Flush, or a simple Query), where the
 * adapter made one engine call, one promise chain, one reply parse and one file-system sync for each of
 * them (docs/BENCHMARKS.md, "One engine call per statement").
 *
 * The replies are read by node-postgres's own parser, from the engine's raw bytes
 * (`execProtocolRawStream`, one copy per engine write): PGlite's parser copied every field of every row
 * into an ArrayBuffer of its own first (docs/BENCHMARKS.md, "Replies read by node-postgres's parser").
 * Not `execProtocolRaw`: PGlite 0.5 parses its replies anyway and keeps them until its next parsed call
 * (the heap grew by ~450 bytes a statement, measured). A raw stream leaves its callback installed in
 * PGlite after the call, so all SQL on the engine goes through connections like this one: PGlite's own
 * `query`/`exec` would hand their first reply to it. Notifications go to the pool's `notify`, not to
 * `PGlite.onNotification`.
 *
 * A batch runs after the ones before it and its replies are emitted in order, after the call that
 * queued it returned (node-postgres expects them later, as from a socket).
 */
export class EmbeddedConnection extends EventEmitter {
  // What node-postgres's Client reads or sets on its connection.
  _connecting = false;
  parsedStatements: Record<string, string> = {};
  submittedNamedStatements: Record<string, string> = {};
  readonly stream = { destroy: () => this.end() };

  #pglite: PGlite;
  #outgoing: Buffer[] = [];
  #queue: Promise<void>;
  #ended = false;
  #parser = new Parser();
  #notify: ((n: Notification) => void) | undefined;

  constructor(pglite: PGlite, notify?: (n: Notification) => void) {
    super();
    this.#pglite = pglite;
    this.#notify = notify;
    this.#queue = pglite.waitReady.then(() => undefined);
  }

  async connect(): Promise<void> {
    this._connecting = true;
    await this.#queue;
    // The engine has one session: statements a connection before this one prepared would clash with
    // this one's names (node-postgres prepares a name once per connection).
    await this.#pglite.execProtocolStream(serialize.query('deallocate all'), { throwOnError: false });
    process.nextTick(() => this.emit('readyForQuery'));
  }

  // Nothing to negotiate with an engine in this process.
  requestSsl(): void {}
  startup(): void {}
  cancel(): void {}
  password(): void {}
  ref(): void {}
  unref(): void {}

  query(text: string): void {
    this.#add(serialize.query(text));
    this.#send();
  }
  parse(query: Parameters<Serialize['parse']>[0]): void {
    this.#add(serialize.parse(query));
  }
  bind(config: Parameters<Serialize['bind']>[0]): void {
    this.#add(serialize.bind(config));
  }
  execute(config: Parameters<Serialize['execute']>[0]): void {
    this.#add(serialize.execute(config));
  }
  describe(msg: Parameters<Serialize['describe']>[0]): void {
    this.#add(serialize.describe(msg));
  }
  close(msg: Parameters<Serialize['close']>[0]): void {
    this.#add(serialize.close(msg));
  }
  flush(): void {
    this.#add(serialize.flush());
    this.#send();
  }
  sync(): void {
    this.#add(serialize.sync());
    this.#send();
  }
  sendCopyFromChunk(chunk: Buffer): void {
    this.#add(serialize.copyData(chunk));
  }
  endCopyFrom(): void {
    this.#add(serialize.copyDone());
    this.#send();
  }
  sendCopyFail(message: string): void {
    this.#add(serialize.copyFail(message));
    this.#send();
  }

  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#outgoing = [];
    this.#queue = this.#queue.then(() => {
      this.emit('end');
      this.removeAllListeners();
    });
  }

  #add(message: Buffer): void {
    if (!this.#ended) this.#outgoing.push(message);
  }

  #send(): void {
    if (this.#ended || this.#outgoing.length === 0) return;
    const batch = this.#outgoing.length === 1 ? this.#outgoing[0]! : Buffer.concat(this.#outgoing);
    this.#outgoing = [];
    const replies: BackendMessage[] = [];
    const collect = (msg: BackendMessage) => replies.push(msg);
    const onRawData = (bytes: Uint8Array) => this.#parser.parse(Buffer.from(bytes), collect);
    this.#queue = this.#queue
      .then(() => this.#pglite.execProtocolRawStream(batch, { onRawData }))
      .then(
        () => {
          // PGlite keeps the last callback (and with it this batch's array) until its next call.
          const batchReplies = replies.splice(0);
          if (this.#ended) return;
          const tell = this.listenerCount('message') > 0;
          for (const msg of batchReplies) {
            if (tell) this.emit('message', msg);
            if (msg.name === 'notification') this.#notify?.(msg as unknown as Notification);
            this.emit(msg.name === 'error' ? 'errorMessage' : msg.name, msg);
          }
        },
        (err: unknown) => {
          replies.length = 0;
          this.emit('error', err);
        },
      );
  }
}

/**
 * node-postgres's `Pool` of one connection to the embedded engine: each client it makes gets a connection
 * of its own (see EmbeddedConnection), all to the engine's one session. `notify` hears the session's
 * notifications (`LISTEN` on any of them), with the reply of the statement that delivered each.
 */
export function embeddedPgPool(
  pglite: PGlite,
  options: pg.PoolConfig,
  notify?: (n: Notification) => void,
): pg.Pool {
  class EmbeddedClient extends pgModule.Client {
    constructor(config?: pg.ClientConfig) {
      super({
        ...config,
        // node-postgres's `connection` option (as PGlite's adapter uses it): ours instead of a socket.
        ...({ connection: new EmbeddedConnection(pglite, notify) } as object),
      });
    }
  }
  return new pgModule.Pool({
    ...options,
    Client: EmbeddedClient,
    // Asked for by node-postgres, taken by no one.
    user: 'postgres',
    password: 'embedded',
    database: 'postgres',
    max: 1,
  });
}
