/**
 * The serverless examples, each started as its own process: a resource posted to the handler is decided, delivered
 * to a loopback receiver, and its notified state kept in a real store — Deno KV for the Deno handler, Redis
 * (Debian's redis-server, on a free loopback port) for the Node Lambda handler under a plain HTTP server. Posting
 * the same resource again sends nothing, because the state came back from the store.
 */
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Loopback, startLoopback } from "../_helpers/loopback.ts";
import { freePort } from "../_helpers/cluster-processes.ts";
import { denoBinary, output, type Started, startProcess } from "./_processes.ts";

const key = "state/dummy.example.org/v1/Foo/default/foo-sample";
const token = "example-receiver-token";

function foo(ready: boolean): string {
  return JSON.stringify({
    type: "MODIFIED",
    object: {
      apiVersion: "dummy.example.org/v1",
      kind: "Foo",
      metadata: {
        name: "foo-sample",
        namespace: "default",
        annotations: { "notifications.argoproj.io/subscribe.on-foo-ready.receiver": "" },
      },
      status: { ready },
    },
  });
}

async function post(
  url: string,
  body: string,
): Promise<{ status: number; body: { notifications: { outcome: { _tag: string } }[] } }> {
  const response = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json" } });
  return { status: response.status, body: await response.json() };
}

/** Posts ready, ready again, then not ready as a plain object; checks the receiver and the store after each. */
async function exercise(url: string, receiver: Loopback, readStore: () => Promise<string>): Promise<void> {
  const first = await post(url, foo(true));
  expect(first.status).toBe(200);
  expect(first.body.notifications.map((n) => n.outcome._tag)).toEqual(["Delivered"]);
  expect(receiver.requests.map((r) => [r.method, r.path, r.body, r.headers["authorization"]])).toEqual([
    ["POST", "/foo/default/foo-sample", '{"name": "foo-sample", "ready": true}\n', `Bearer ${token}`],
  ]);
  const held = JSON.parse(await readStore()) as Record<string, number>;
  expect(Object.keys(held)).toHaveLength(1);
  expect(Object.keys(held)[0]).toMatch(/^on-foo-ready:\[0\]\.[\w-]+:receiver:$/);

  const again = await post(url, foo(true));
  expect(again.body.notifications).toEqual([]);
  expect(receiver.requests).toHaveLength(1);

  const plain = await post(url, JSON.stringify((JSON.parse(foo(false)) as { object: unknown }).object));
  expect(plain.body.notifications).toEqual([]);
  expect(JSON.parse(await readStore())).toEqual({});
}

describe("serverless examples", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setUp(): Promise<{ dir: string; receiver: Loopback; env: Record<string, string> }> {
    const dir = mkdtempSync(join(tmpdir(), "ne-serverless-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const receiver = await startLoopback(() => ({ status: 200 }));
    cleanups.push(() => receiver.close());
    const secret = join(dir, "secret.yaml");
    writeFileSync(secret, `kind: Secret\nstringData:\n  receiver-url: ${receiver.url}\n  receiver-token: ${token}\n`);
    return { dir, receiver, env: { SECRET: secret, PORT: "0" } };
  }

  function track(started: Started): Started {
    cleanups.push(() => started.stop());
    return started;
  }

  it("Deno: Deno.serve with the state in Deno KV", async () => {
    const { dir, receiver, env } = await setUp();
    const kvPath = join(dir, "kv.sqlite");
    const server = track(
      await startProcess(denoBinary(), ["run", "--unstable-kv", "-A", "examples/serverless/deno/main.ts"], {
        env: { ...env, KV_PATH: kvPath },
        ready: /^listening on http:\/\/127\.0\.0\.1:\d+$/,
      }),
    );
    const url = server.line.replace("listening on ", "");
    const readStore = (): Promise<string> =>
      output(denoBinary(), [
        "eval",
        "--unstable-kv",
        `const kv = await Deno.openKv(${
          JSON.stringify(kvPath)
        }); console.log((await kv.get(["notifications-engine", ...${
          JSON.stringify(key)
        }.split("/")])).value); kv.close();`,
      ]);
    await exercise(url, receiver, readStore);
  }, 90_000);

  it("Node: the Lambda handler under an HTTP server, with the state in Redis", async () => {
    const { receiver, env } = await setUp();
    const port = await freePort();
    track(
      await startProcess("redis-server", [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
      ], {
        ready: /Ready to accept connections/,
      }),
    );
    const server = track(
      await startProcess("node", ["--import", "tsx", "examples/serverless/node/server.ts"], {
        env: { ...env, REDIS_URL: `redis://127.0.0.1:${port}` },
        ready: /^listening on http:\/\/127\.0\.0\.1:\d+$/,
      }),
    );
    const url = server.line.replace("listening on ", "");
    const readStore = async (): Promise<string> =>
      (await output("redis-cli", ["-p", String(port), "GET", `notifications-engine/${key}`])).trim();
    await exercise(url, receiver, readStore);
  }, 90_000);
});
