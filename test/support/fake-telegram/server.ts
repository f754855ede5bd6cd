/**
 * The fake Bot API HTTP endpoint: `POST /bot<token>/<method>` (JSON, multipart or url-encoded) and
 * `GET /file/bot<token>/<file_path>`.
 *
 * Pipeline of every call: decode body → spec validation (violations → 400) → early-retry check →
 * injected failure (failNext) → kicked / blocked chat (403) → flood windows (429) → method handler.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import { FLOOD_COUNTED_METHODS, type FloodGate } from './flood.ts';
import { handlers, type MethodContext } from './methods/index.ts';
import { BodyDecodeError, decodeBody, type UploadedFile } from './multipart.ts';
import type { ApiSpec } from './spec.ts';
import { ApiError, type ChatState, type FakeState } from './state.ts';
import type { PollParams, UpdateQueue } from './update-queue.ts';
import { validateCall } from './validate.ts';

export interface RecordedCall {
  /** Canonical method name (Telegram method names are case-insensitive). */
  method: string;
  /** Validated payload; form-encoded values are coerced (numbers, booleans, parsed JSON, uploads). */
  payload: Record<string, any>;
  /** Arrival time (ms, from the fake's clock). */
  at: number;
  ok: boolean;
  result?: unknown;
  error?: {
    error_code: number;
    description: string;
    parameters?: { retry_after?: number; migrate_to_chat_id?: number };
  };
  /** Spec violations found in this call (they are also in `fake.violations`). */
  violations?: string[];
}

export interface InjectedError {
  error_code: number;
  description: string;
  retry_after?: number;
  migrate_to_chat_id?: number;
  /** Close the connection without an answer (a network failure: grammY throws HttpError). */
  drop?: true;
  /** With `drop`: the call is carried out first, only its answer is lost (the caller cannot know it worked). */
  afterHandling?: true;
}

/** A failNext that closes the connection without answering, as a dropped keep-alive socket does. */
export const DROP_CONNECTION: InjectedError = {
  error_code: 0,
  description: 'connection dropped',
  drop: true,
};

/** The call is carried out, then the connection closes before the answer: a lost answer. */
export const LOSE_ANSWER: InjectedError = {
  ...DROP_CONNECTION,
  description: 'answer lost',
  afterHandling: true,
};

export interface ServerDeps {
  token: string;
  spec: ApiSpec;
  state: FakeState;
  flood: FloodGate;
  updates: UpdateQueue;
  clock: () => number;
  /** The failNext error that applies to this call, if any (consumed). */
  takeInjection(method: string, payload: Record<string, any>): InjectedError | undefined;
  /** A finished call, with its arrival sequence number. */
  record(call: RecordedCall, seq: number): void;
}

/** How Telegram names a chat type in "bot is not a member of the … chat". */
const chatKind = (type: string) =>
  type === 'channel' ? 'channel' : type === 'group' ? 'group' : 'supergroup';

/** Methods refused with 403 when the target private chat blocked the bot. */
const SEND_LIKE = new Set([...FLOOD_COUNTED_METHODS, 'sendChatAction', 'setMessageReaction']);

export class BotApiServer {
  private readonly server: Server;
  private arrivals = 0;
  private closed = false;

  constructor(private readonly deps: ServerDeps) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        respond(res, 500, {
          ok: false,
          error_code: 500,
          description: `Internal Server Error: ${String(err)}`,
        });
      });
    });
    // Node's default (5 s) closes idle keep-alive sockets that grammY's pooled agent may be reusing at
    // that moment, failing a random call with a network error; proxies in front of the real Bot API keep
    // them longer. That failure is tested on purpose with DROP_CONNECTION instead.
    this.server.keepAliveTimeout = 65_000;
  }

  /** Listens on an ephemeral port of 127.0.0.1 and returns the apiRoot. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Answers waiting long polls with [], then stops the server and drops keep-alive connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.deps.updates.releaseAll();
    await new Promise((resolve) => setImmediate(resolve)); // let released polls flush their responses
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
      setTimeout(() => this.server.closeAllConnections(), 200).unref();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = this.deps.clock();
    const seq = this.arrivals++;
    const url = new URL(req.url ?? '/', 'http://fake-telegram');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);

    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) {
      const known =
        file[1] === this.deps.token
          ? [...this.deps.state.files.values()].find((f) => f.file_path === file[2])
          : undefined;
      res.writeHead(known ? 200 : 404, { 'content-type': 'application/octet-stream' });
      res.end(known ? (known.contents ?? Buffer.from(`fake contents of ${file[2]}`)) : undefined);
      return;
    }
    const route = /^\/bot([^/]*)\/(?:test\/)?([^/]+)$/.exec(url.pathname);
    if (!route) return respond(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token = '', name = ''] = route;

    const call: RecordedCall = { method: name, payload: {}, at, ok: false };
    let decoded;
    try {
      decoded = decodeBody(req.headers['content-type'], body, url.searchParams);
    } catch (err) {
      if (!(err instanceof BodyDecodeError)) throw err;
      return this.finish(res, call, seq, new ApiError(400, err.message), [`${name}: ${err.message}`]);
    }
    call.payload = decoded.fields;
    if (token !== this.deps.token) {
      return this.finish(res, call, seq, new ApiError(401, 'Unauthorized'), [
        `${name}: called with a wrong bot token`,
      ]);
    }
    const method = this.deps.spec.method(name);
    if (!method) {
      // What Telegram answers for a method that does not exist.
      return this.finish(res, call, seq, new ApiError(404, 'Not Found'), [
        `${name}: unknown Bot API method (not in ${this.deps.spec.version})`,
      ]);
    }
    call.method = method.name;
    const validated = validateCall(this.deps.spec, method, decoded);
    call.payload = validated.payload;
    if (validated.issues.length > 0) {
      const first = validated.issues[0] as (typeof validated.issues)[number];
      return this.finish(
        res,
        call,
        seq,
        new ApiError(400, first.description),
        validated.issues.map((i) => `${method.name}: ${i.path}: ${i.message}`),
      );
    }
    try {
      const result = await this.execute(method.name, validated.payload, decoded.uploads, at, res);
      this.finish(res, call, seq, result);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const unimplemented = err.error_code === 501 ? [`${method.name}: ${err.description}`] : [];
      this.finish(res, call, seq, err, unimplemented);
    }
  }

  private async execute(
    method: string,
    payload: Record<string, any>,
    uploads: Map<string, UploadedFile>,
    now: number,
    res: ServerResponse,
  ): Promise<unknown> {
    const chat: ChatState | undefined =
      payload.chat_id !== undefined ? this.deps.state.resolveChat(payload.chat_id) : undefined;
    const chatId = chat?.chat.id;
    const counted = FLOOD_COUNTED_METHODS.has(method);
    if (counted) this.throwIfLimited(this.deps.flood.checkEarlyRetry(chatId, now));

    const injection = this.deps.takeInjection(method, payload);
    if (injection?.drop && injection.afterHandling) {
      const handler = handlers[method];
      if (handler)
        handler({
          method,
          state: this.deps.state,
          payload,
          uploads,
          updates: { pending: () => this.deps.updates.pending(), clear: () => this.deps.updates.clear() },
        });
      if (counted) this.deps.flood.commit(chatId, now);
      res.socket?.destroy();
      throw new ApiError(0, injection.description);
    }
    if (injection?.drop) {
      res.socket?.destroy();
      throw new ApiError(0, injection.description);
    }
    if (injection) {
      const { error_code, description, retry_after, migrate_to_chat_id } = injection;
      if (retry_after !== undefined && chatId !== undefined)
        this.deps.flood.noteRetryAfter(chatId, retry_after, now);
      const parameters = {
        ...(retry_after !== undefined ? { retry_after } : {}),
        ...(migrate_to_chat_id !== undefined ? { migrate_to_chat_id } : {}),
      };
      throw new ApiError(
        error_code,
        description,
        Object.keys(parameters).length > 0 ? parameters : undefined,
      );
    }

    if (chat?.kicked) {
      const description =
        chat.chat.type === 'private'
          ? 'Forbidden: bot was blocked by the user'
          : 'Forbidden: bot was kicked from the supergroup chat';
      throw new ApiError(403, description);
    }
    if (chat?.left && chat.chat.type !== 'private')
      throw new ApiError(403, `Forbidden: bot is not a member of the ${chatKind(chat.chat.type)} chat`);
    if (chat?.blocked && SEND_LIKE.has(method))
      throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    if (counted) this.throwIfLimited(this.deps.flood.checkWindows(chatId, now));

    if (method === 'getUpdates') return this.getUpdates(payload as PollParams, res);
    const handler = handlers[method];
    const ctx: MethodContext = {
      method,
      state: this.deps.state,
      payload,
      uploads,
      updates: { pending: () => this.deps.updates.pending(), clear: () => this.deps.updates.clear() },
    };
    let result: unknown;
    if (handler) result = handler(ctx);
    else if (['True', 'Boolean'].includes(this.deps.spec.method(method)?.returns.join() ?? '')) result = true;
    else
      throw new ApiError(
        501,
        `[fake] ${method} is not implemented by the fake Telegram (add it to test/support/fake-telegram/methods/)`,
      );
    if (counted) this.deps.flood.commit(chatId, now);
    return result;
  }

  private throwIfLimited(verdict: ReturnType<FloodGate['checkWindows']>): void {
    if (verdict.ok) return;
    throw new ApiError(429, `Too Many Requests: retry after ${verdict.retryAfter}`, {
      retry_after: verdict.retryAfter,
    });
  }

  private async getUpdates(params: PollParams, res: ServerResponse): Promise<Update[]> {
    if (this.deps.state.webhook) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    if (this.closed) return [];
    return this.deps.updates.poll(params, (release) => res.once('close', release));
  }

  private finish(
    res: ServerResponse,
    call: RecordedCall,
    seq: number,
    outcome: unknown,
    violations: string[] = [],
  ): void {
    if (violations.length > 0) call.violations = violations;
    if (outcome instanceof ApiError) {
      call.ok = false;
      call.error = {
        error_code: outcome.error_code,
        description: outcome.description,
        ...(outcome.parameters ? { parameters: outcome.parameters } : {}),
      };
      respond(res, outcome.error_code, { ok: false, ...call.error });
    } else {
      call.ok = true;
      call.result = outcome;
      respond(res, 200, { ok: true, result: outcome });
    }
    this.deps.record(call, seq);
  }
}

function respond(res: ServerResponse, status: number, body: unknown): void {
  // A dropped connection (DROP_CONNECTION) gets no answer.
  if (res.headersSent || res.destroyed || !res.socket || res.socket.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}
