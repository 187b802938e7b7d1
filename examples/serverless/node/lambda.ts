/**
 * A serverless handler for Node in the shape of an AWS Lambda function behind API Gateway or a function URL
 * (payload format 2.0): POST a Kubernetes watch event or a resource; the notified state lives in Redis.
 *
 * Environment: REDIS_URL (default redis://127.0.0.1:6379), CONFIG_MAP and SECRET (YAML files; this folder's
 * parent's configmap.yaml and secret.yaml by default).
 */
import { readFile } from "node:fs/promises";
import { createClient } from "@redis/client";
import { createHandler, type HandleBody } from "../handle-event.ts";
import { redisStore } from "./redis-store.ts";

/** The parts of a Lambda HTTP event the handler reads. */
export interface HttpEvent {
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly requestContext?: { readonly http?: { readonly method?: string } };
}

/** A Lambda HTTP result. */
export interface HttpResult {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

let ready: Promise<HandleBody> | undefined;

async function start(): Promise<HandleBody> {
  const read = (env: string, fallback: string): Promise<string> =>
    readFile(process.env[env] ?? new URL(fallback, import.meta.url), "utf8");
  const redis = await createClient({ url: process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379" }).connect();
  return createHandler({
    configMap: await read("CONFIG_MAP", "../configmap.yaml"),
    secret: await read("SECRET", "../secret.yaml"),
    store: redisStore(redis),
    resourceName: "foo",
  });
}

/**
 * The Lambda handler. The configuration and the Redis connection are set up on the first call and kept while the
 * function stays warm.
 * @param event the HTTP event
 * @returns the HTTP result
 */
export async function handler(event: HttpEvent): Promise<HttpResult> {
  const json = (statusCode: number, body: unknown): HttpResult => ({
    statusCode,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if ((event.requestContext?.http?.method ?? "POST") !== "POST") {
    return json(405, { error: "POST a watch event or a resource" });
  }
  ready ??= start();
  const handle = await ready;
  const body = event.isBase64Encoded === true
    ? Buffer.from(event.body ?? "", "base64").toString("utf8")
    : event.body ?? "";
  const { status, body: answer } = await handle(body);
  return json(status, answer);
}
