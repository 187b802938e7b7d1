/**
 * A serverless handler for Deno (Deno Deploy, or `deno serve`-style hosting): POST a Kubernetes watch event or a
 * resource; the notified state lives in Deno KV.
 *
 *   deno run --unstable-kv --allow-net --allow-read --allow-env examples/serverless/deno/main.ts
 *
 * Environment: PORT (default 8000; 0 for any free one), KV_PATH (the KV database; Deno's default when unset),
 * CONFIG_MAP and SECRET (YAML files; this folder's parent's configmap.yaml and secret.yaml by default).
 */
import { createDeliveryIO } from "notifications-engine/shell";
import { createHandler } from "../handle-event.ts";
import { kvStore } from "./kv-store.ts";

const read = (env: string, fallback: string): Promise<string> =>
  Deno.readTextFile(Deno.env.get(env) ?? new URL(fallback, import.meta.url));

const kv = await Deno.openKv(Deno.env.get("KV_PATH"));
const store = kvStore(kv);
const handle = createHandler({
  configMap: await read("CONFIG_MAP", "../configmap.yaml"),
  secret: await read("SECRET", "../secret.yaml"),
  store,
  resourceName: "foo",
  io: createDeliveryIO({ store }),
});

Deno.serve({
  hostname: "127.0.0.1",
  port: Number(Deno.env.get("PORT") ?? 8000),
  onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}`),
}, async (request) => {
  if (request.method !== "POST") return Response.json({ error: "POST a watch event or a resource" }, { status: 405 });
  const { status, body } = await handle(await request.text());
  return Response.json(body, { status });
});
