/**
 * The `nats` client over Deno's own sockets, for `deliver.ts` under Deno. The client's Node transport
 * (`nats/lib/src/node_transport.js`) calls `socket.removeAllListeners()` after the dial, after reading the server's
 * INFO and before `destroy()`, leaving moments with no `'error'` listener; Deno's Node compatibility can emit an
 * `ECONNRESET` on such a socket late, which is then an uncaught error that ends a Deno process (a controller). A
 * server that answers `-ERR 'Authorization Violation'` and closes did it in 5 of 30 runs of the refused-login test;
 * one that resets right after that answer, in 10 of 10 (`tests/providers/nats/deliver.test.ts`). Node drops a
 * destroyed socket's errors, so Node keeps the client's own transport. `@nats-io/transport-node` 3.x has the same
 * pattern; a process-wide error handler would swallow the host's errors too.
 *
 * So the client gets a transport on `Deno.connect`, whose failures are rejected promises that reach the caller or
 * nobody (with it: 0 of 30, and 0 of 30 runs of both NATS test files). The client still does the protocol, the
 * authentication (user and password, NKey signatures), the flush and the close, which a publisher of our own would
 * have to redo. The seam is its base client's (`nats/lib/nats-base-client/internal_mod.js`, which the official Deno
 * transport builds on; `nats` is pinned): `connect` from `nats` cannot be given a transport (it sets the Node one on
 * every call), and the transport factory is one global of the base client. So this module builds the connection as
 * `connect` does, with a handler that sets this factory only for the synchronous moment it creates its transport and
 * then puts back the Node one that `connect` sets: a host's own `nats` connections in the same process keep theirs.
 * TLS as the Node transport: upgraded when the server's INFO requires or offers it, verified against Deno's roots.
 * @module
 */
import {
  checkOptions,
  type ConnectionOptions,
  type Deferred,
  deferred,
  ErrorCode,
  extractProtocolMessage,
  INFO,
  type NatsConnection,
  NatsConnectionImpl,
  NatsError,
  ProtocolHandler,
  type Server,
  type ServerInfo,
  setTransportFactory,
  type Transport,
} from "nats/lib/nats-base-client/internal_mod.js";
import { nodeResolveHost, NodeTransport } from "nats/lib/src/node_transport.js";

/** The part of a Deno connection the transport uses. */
export interface Conn {
  read(p: Uint8Array): Promise<number | null>;
  write(p: Uint8Array): Promise<number>;
  close(): void;
}

/** The part of the `Deno` namespace the transport uses. */
export interface DenoSockets {
  connect(options: { hostname: string; port: number }): Promise<Conn & { setNoDelay(on?: boolean): void }>;
  startTls(conn: Conn, options: { hostname: string }): Promise<Conn>;
}

/** `Deno`'s sockets, or `undefined` on another runtime. */
export const denoSockets: DenoSockets | undefined = (globalThis as { Deno?: DenoSockets }).Deno;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** A transport of the `nats` client on a `Deno.connect` socket: plain TCP, or TLS when the server's INFO asks. */
class DenoTransport implements Transport {
  readonly lang: string;
  readonly version: string;
  closeError?: Error;
  private conn: Conn | undefined;
  private connected = false;
  private done = false;
  private encrypted = false;
  private head: Uint8Array = new Uint8Array(0);
  private writes: Promise<void> = Promise.resolve();
  private readonly closedNotification: Deferred<void | Error> = deferred();

  constructor(private readonly deno: DenoSockets, names: { lang: string; version: string }) {
    this.lang = names.lang;
    this.version = names.version;
  }

  get isClosed(): boolean {
    return this.done;
  }

  async connect(server: Server, options: ConnectionOptions): Promise<void> {
    try {
      const tcp = await this.deno.connect({ hostname: server.hostname, port: server.port });
      this.conn = tcp;
      if (this.done) throw NatsError.errorForCode(ErrorCode.ConnectionClosed);
      tcp.setNoDelay(true);
      const info = await this.readInfo();
      checkOptions(info, options);
      if (info.tls_required === true || (info.tls_available === true && options.tls !== null)) {
        this.conn = await this.deno.startTls(tcp, { hostname: server.tlsName || server.hostname });
        await this.conn.write(new Uint8Array(0)); // the handshake, and so a certificate refused, happens on a write
        this.encrypted = true;
      }
      if (this.done) throw NatsError.errorForCode(ErrorCode.ConnectionClosed);
      this.connected = true;
    } catch (e) {
      this.shut();
      const code = (e as { code?: unknown }).code;
      throw code === "ECONNREFUSED" ? NatsError.errorForCode(ErrorCode.ConnectionRefused, e as Error) : e;
    }
  }

  /** Reads up to the end of the server's first line, which must be its INFO; keeps what was read for the client. */
  private async readInfo(): Promise<ServerInfo> {
    const buf = new Uint8Array(64 * 1024);
    for (;;) {
      const n = await this.conn!.read(buf);
      if (n === null) {
        throw NatsError.errorForCode(
          ErrorCode.ConnectionRefused,
          new Error("the server closed the connection before its INFO"),
        );
      }
      this.head = concat(this.head, buf.subarray(0, n));
      const line = extractProtocolMessage(this.head);
      if (line === "") continue;
      const m = INFO.exec(line);
      if (m === null) {
        throw new NatsError(`unexpected response from server: ${line.trim().slice(0, 200)}`, ErrorCode.ProtocolError);
      }
      return JSON.parse(m[1]!) as ServerInfo;
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterableIterator<Uint8Array> {
    const conn = this.conn;
    if (conn === undefined) return;
    let reason: Error | undefined;
    if (this.head.length > 0) yield this.head;
    this.head = new Uint8Array(0);
    const buf = new Uint8Array(64 * 1024);
    while (!this.done) {
      let n: number | null;
      try {
        n = await conn.read(buf);
      } catch (e) {
        reason = e instanceof Error ? e : new Error(String(e));
        break;
      }
      if (n === null) break;
      yield buf.slice(0, n);
    }
    await this.closing(this.done ? undefined : reason, false);
  }

  isEncrypted(): boolean {
    return this.encrypted;
  }

  send(frame: Uint8Array): void {
    const conn = this.conn;
    if (this.done || conn === undefined) return;
    this.writes = this.writes.then(async () => {
      for (let off = 0; off < frame.length;) off += await conn.write(frame.subarray(off));
    }).catch(() => {
      // a write that fails shows as the read failing, or as the flush not answered
    });
  }

  close(err?: Error): Promise<void> {
    return this.closing(err, false);
  }

  disconnect(): void {
    void this.closing(undefined, true);
  }

  closed(): Promise<void | Error> {
    return this.closedNotification;
  }

  discard(): void {
    // nothing is buffered beyond the pending writes
  }

  /** Ends the connection once; a close of the client (`internal`, without error) first lets the pending writes go. */
  private async closing(err: Error | undefined, internal: boolean): Promise<void> {
    if (this.done) return;
    this.done = true;
    if (err !== undefined) this.closeError = err;
    if (!this.connected) {
      this.shut();
      return;
    }
    if (err === undefined && internal) await this.writes;
    this.shut();
    this.closedNotification.resolve(err);
  }

  private shut(): void {
    this.done = true;
    try {
      this.conn?.close();
    } catch {
      // already closed
    }
  }
}

/** What `deliver.ts` does with a connection. */
export type Publisher = Pick<NatsConnection, "publish" | "flush" | "closed" | "close">;

/** What `connect` from `nats` sets: the Node transport. */
const nodeFactory = { factory: (): Transport => new NodeTransport(), dnsResolveFn: nodeResolveHost };

/**
 * Connects the `nats` client through {@linkcode DenoTransport}, as `NatsConnectionImpl.connect` does (whose
 * constructor and handler's `prepare` the typings call private) but with a handler whose transport is made by this
 * module's factory.
 * @param deno Deno's sockets
 * @param options the client's options, as for `connect`
 * @returns the connection; rejects as `connect` does
 */
export async function connectOverDeno(deno: DenoSockets, options: ConnectionOptions): Promise<Publisher> {
  const names = new NodeTransport(); // the client's name and version in CONNECT, as over Node
  const denoFactory = { factory: (): Transport => new DenoTransport(deno, names) };
  const nc = new (NatsConnectionImpl as unknown as new (options: ConnectionOptions) => NatsConnectionImpl)(options);
  const handler = new ProtocolHandler(nc.options, nc);
  const own = handler as unknown as { prepare(): Deferred<void> };
  const prepare = own.prepare;
  own.prepare = function (this: ProtocolHandler): Deferred<void> {
    setTransportFactory(denoFactory);
    try {
      return prepare.call(this);
    } finally {
      setTransportFactory(nodeFactory);
    }
  };
  await handler.dialLoop();
  nc.protocol = handler;
  return nc;
}
