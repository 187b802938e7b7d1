/**
 * Cloud credentials from the host's environment, for the providers' `aws-credentials` and `gcp-credentials` steps:
 * the AWS SDK's default chain (`aws-credential-chain.ts`) and Google's key file (`keyFile`, else
 * `GOOGLE_APPLICATION_CREDENTIALS`; without one the provider asks the metadata server). Built on the capabilities
 * of a delivery — environment variables, file reads, `fetch`, the clock — so tests point every source at loopback.
 * @module
 */
import type {
  AwsCredentialsDelivery,
  AwsIdentity,
  GcpCredentialsDelivery,
  GcpKeyFile,
  StepResult,
} from "../../providers/provider.ts";
import { E, type Either } from "../fp.ts";
import { type AwsAsk, createAwsCredentialChain } from "./aws-credential-chain.ts";

/** Credentials found, and the values in them to redact wherever they could appear. */
export interface Found<T> {
  readonly value: T;
  readonly secrets: readonly string[];
}

/**
 * No credentials: every source looked at and why it gave nothing (`tried`, in order), whether asking again later
 * may work, and the whole as one sentence. Never holds a secret.
 */
export interface CredentialsFailure {
  readonly _tag: "CredentialsFailure";
  readonly cloud: "aws" | "gcp";
  readonly retryable: boolean;
  readonly tried: readonly string[];
  readonly cause: string;
}

/** Where a delivery's cloud credentials come from; `createCloudCredentials` by default, a host may bring its own. */
export interface CloudCredentials {
  aws(ask: AwsAsk): Promise<Either<CredentialsFailure, Found<AwsIdentity>>>;
  /** `keyFile` "" for `GOOGLE_APPLICATION_CREDENTIALS`; no key file found is `value: undefined`. */
  gcp(ask: { readonly keyFile: string }): Promise<Either<CredentialsFailure, Found<GcpKeyFile | undefined>>>;
}

/** What the sources read: environment variables, text files, HTTP, the clock (unix milliseconds). */
export interface CredentialCapabilities {
  readonly env: (name: string) => string | undefined;
  readonly readFile: (path: string) => Promise<string>;
  readonly fetch: typeof globalThis.fetch;
  readonly now: () => number;
}

/**
 * The default sources, each with its own cache.
 * @param caps the environment, files, `fetch` and clock
 * @returns the AWS chain and Google's key file
 */
export function createCloudCredentials(caps: CredentialCapabilities): CloudCredentials {
  return {
    aws: createAwsCredentialChain(caps),
    async gcp(ask) {
      const fromEnv = ask.keyFile === "";
      const path = fromEnv ? caps.env("GOOGLE_APPLICATION_CREDENTIALS")?.trim() ?? "" : ask.keyFile;
      if (path === "") return E.right({ value: undefined, secrets: [] });
      let text: string;
      try {
        text = await caps.readFile(path);
      } catch (e) {
        const code = typeof e === "object" && e !== null && "code" in e ? ` (${String(e.code)})` : "";
        const why = `cannot read ${path}${code}, named by ${fromEnv ? "GOOGLE_APPLICATION_CREDENTIALS" : "keyFile"}`;
        return E.left({
          _tag: "CredentialsFailure",
          cloud: "gcp",
          retryable: true,
          tried: [why],
          cause: `no Google credentials: ${why}`,
        });
      }
      return E.right({ value: { path, text }, secrets: [text, privateKeyOf(text)] });
    },
  };
}

function privateKeyOf(text: string): string {
  try {
    const key: unknown = (JSON.parse(text) as Record<string, unknown>)?.["private_key"];
    return typeof key === "string" ? key : "";
  } catch {
    return "";
  }
}

/**
 * Runs a credentials step: finds what it asks for, and lets the provider's `then` build the rest.
 * @param credentials the sources
 * @param step the step
 * @returns the step's result, and the secrets to redact from here on
 */
export async function resolveCredentialsStep(
  credentials: CloudCredentials,
  step: AwsCredentialsDelivery | GcpCredentialsDelivery,
): Promise<{ readonly result: StepResult; readonly secrets: readonly string[] }> {
  if (step.kind === "aws-credentials") {
    const found = await credentials.aws({
      region: step.region,
      ...(step.keys !== undefined ? { keys: step.keys } : {}),
    });
    if (found._tag === "Left") return { result: rejected(found.left), secrets: [] };
    return { result: step.then(found.right.value), secrets: found.right.secrets };
  }
  const found = await credentials.gcp({ keyFile: step.keyFile });
  if (found._tag === "Left") return { result: rejected(found.left), secrets: [] };
  return { result: step.then(found.right.value), secrets: found.right.secrets };
}

function rejected(f: CredentialsFailure): StepResult {
  return { _tag: "Rejected", retryable: f.retryable, cause: f.cause };
}

/**
 * The process's environment variable `name`, on Node and Deno (`process.env`); undefined where there is none (edge
 * runtimes) or reading it is not allowed (Deno without `--allow-env`).
 * @param name the variable
 * @returns its value
 */
export function processEnv(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  } catch {
    return undefined;
  }
}

/**
 * Reads a UTF-8 file with `node:fs/promises` (Node and Deno), loaded on first use so edge runtimes import this
 * module without it.
 * @param path the file
 * @returns its text
 */
export async function readTextFile(path: string): Promise<string> {
  const fs = await import("node:fs/promises");
  return await fs.readFile(path, "utf8");
}
