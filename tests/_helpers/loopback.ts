/**
 * Real HTTP servers on loopback for provider and shell tests (node:http and node:net, which Deno provides too): each
 * records every request and answers as the test says — a status, headers, a body, after a delay, never, or by
 * resetting the connection.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type Socket } from "node:net";

/** A request as the server saw it. Header names in lower case. */
export interface Recorded {
  readonly method: string;
  readonly path: string;
  /** The raw query string without `?` ("" when none). */
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** How to answer one request. */
export interface Reply {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Milliseconds to wait before answering. */
  readonly delayMs?: number;
  /** Never answer (until the server closes). */
  readonly hang?: boolean;
  /** Destroy the connection instead of answering. */
  readonly reset?: boolean;
  /** Stream this many bytes of body (a large answer) instead of `body`. */
  readonly bytes?: number;
  /** Send the headers, then a byte of body every 20 ms, never ending. */
  readonly trickle?: boolean;
}

/** Decides the answer to the i-th request (0-based). */
export type Responder = (request: Recorded, index: number) => Reply | Promise<Reply>;

/** A running server. */
export interface Loopback {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: Recorded[];
  /** The most requests in flight at once. */
  readonly maxInFlight: () => number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) {
      out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
    }
  }
  return out;
}

function listen(
  server: { listen(port: number, host: string, cb: () => void): unknown; address(): unknown },
): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const a = server.address() as { port: number };
      resolve(`http://127.0.0.1:${a.port}`);
    });
  });
}

/**
 * Starts an HTTP server on 127.0.0.1 with a free port.
 * @param respond the answers; 200 with an empty body by default
 */
export async function startLoopback(respond: Responder = () => ({})): Promise<Loopback> {
  const requests: Recorded[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const body = await readBody(req);
      const raw = req.url ?? "/";
      const q = raw.indexOf("?");
      const recorded: Recorded = {
        method: req.method ?? "",
        path: q < 0 ? raw : raw.slice(0, q),
        query: q < 0 ? "" : raw.slice(q + 1),
        headers: headersOf(req),
        body,
      };
      const index = requests.length;
      requests.push(recorded);
      const reply = await respond(recorded, index);
      if (reply.delayMs !== undefined) await new Promise((r) => setTimeout(r, reply.delayMs));
      if (reply.hang === true) return;
      if (reply.reset === true) {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status || 200, reply.headers ?? {});
      if (reply.trickle === true) {
        while (!res.destroyed && !res.writableEnded) {
          res.write("a");
          await new Promise((r) => setTimeout(r, 20));
        }
      } else if (reply.bytes !== undefined) {
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        for (let sent = 0; sent < reply.bytes && !res.destroyed; sent += chunk.length) {
          if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
        }
        res.end();
      } else res.end(reply.body ?? "");
    } finally {
      inFlight--;
    }
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  const url = await listen(server);
  return {
    url,
    requests,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Starts a TCP server that answers every connection with `bytes` and closes it: a receiver that is not HTTP.
 * @param bytes what to write
 */
export async function startGarbage(bytes: string): Promise<{ readonly url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.once("data", () => s.end(bytes));
    s.on("error", () => undefined);
  });
  const url = await listen(server);
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs `body` with a server started for it, and closes the server afterwards.
 * @param respond the answers
 * @param body the test
 */
export async function withLoopback<T>(respond: Responder, body: (server: Loopback) => Promise<T>): Promise<T> {
  const server = await startLoopback(respond);
  try {
    return await body(server);
  } finally {
    await server.close();
  }
}
