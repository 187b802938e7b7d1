/**
 * The answers of AWS's credential sources, read: STS `AssumeRoleWithWebIdentity` (XML), the container credentials
 * endpoint and the instance metadata's role credentials (the same JSON shape). Pure; the shell's default chain
 * (`lib/shell/aws-credential-chain.ts`) sends the requests and caches what these return. No error message repeats
 * the answer's body past its error code and message, so a secret in an answer never reaches a cause.
 * @module
 */
import { E, type Either } from "../lib/fp.ts";

/** Credentials from a source; temporary ones carry a session token and when they expire (unix milliseconds). */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiresAt?: number;
}

/** Whether a text is an AWS region name (`us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`). */
export function isAwsRegion(text: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(text);
}

function expiryOf(text: string | undefined): Either<string, number | undefined> {
  if (text === undefined || text === "") return E.right(undefined);
  const t = Date.parse(text);
  return Number.isNaN(t) ? E.left(`the expiration "${text.slice(0, 40)}" is not a time`) : E.right(t);
}

function xmlText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return m?.[1]?.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * Reads STS's answer to `AssumeRoleWithWebIdentity`: the temporary credentials of a 200, or the error's code and
 * message (`InvalidIdentityToken: …`).
 * @param status the response's status
 * @param body the XML
 * @returns the credentials, or why not
 * @example
 * ```ts
 * import { readStsAnswer } from "./aws-credentials.ts";
 * import { expect } from "expect";
 * const xml = "<Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>s</SecretAccessKey>" +
 *   "<SessionToken>t</SessionToken><Expiration>2024-01-02T04:04:05Z</Expiration></Credentials>";
 * expect(readStsAnswer(200, xml)).toEqual({
 *   _tag: "Right",
 *   right: { accessKeyId: "ASIA1", secretAccessKey: "s", sessionToken: "t", expiresAt: Date.UTC(2024, 0, 2, 4, 4, 5) },
 * });
 * ```
 */
export function readStsAnswer(status: number, body: string): Either<string, AwsCredentials> {
  if (status !== 200) {
    const code = xmlText(body, "Code");
    const message = xmlText(body, "Message");
    return E.left(
      `STS answered status ${status}${code !== undefined ? `: ${code}` : ""}${
        message !== undefined ? `: ${message.slice(0, 200)}` : ""
      }`,
    );
  }
  const credentials = /<Credentials>([\s\S]*?)<\/Credentials>/.exec(body)?.[1] ?? "";
  return fromParts("STS's answer", {
    accessKeyId: xmlText(credentials, "AccessKeyId"),
    secretAccessKey: xmlText(credentials, "SecretAccessKey"),
    sessionToken: xmlText(credentials, "SessionToken"),
    expiration: xmlText(credentials, "Expiration"),
  });
}

/**
 * Reads the JSON of the container credentials endpoint (ECS, EKS Pod Identity) or of the instance metadata's role
 * (`AccessKeyId`, `SecretAccessKey`, `Token`, `Expiration`); an error answer's `code`/`message` (`Code` on IMDS).
 * @param what the source, for messages ("the container credentials endpoint")
 * @param status the response's status
 * @param body the JSON
 * @returns the credentials, or why not
 */
export function readCredentialsJson(what: string, status: number, body: string): Either<string, AwsCredentials> {
  let json: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null) json = parsed as Record<string, unknown>;
  } catch {
    // described below
  }
  const str = (k: string): string | undefined => typeof json[k] === "string" ? json[k] as string : undefined;
  const code = str("code") ?? (str("Code") === "Success" ? undefined : str("Code"));
  if (status !== 200 || code !== undefined) {
    const message = str("message") ?? str("Message");
    return E.left(
      `${what} answered status ${status}${code !== undefined ? `: ${code}` : ""}${
        message !== undefined ? `: ${message.slice(0, 200)}` : ""
      }`,
    );
  }
  return fromParts(`${what}'s answer`, {
    accessKeyId: str("AccessKeyId"),
    secretAccessKey: str("SecretAccessKey"),
    sessionToken: str("Token"),
    expiration: str("Expiration"),
  });
}

function fromParts(what: string, parts: {
  readonly accessKeyId: string | undefined;
  readonly secretAccessKey: string | undefined;
  readonly sessionToken: string | undefined;
  readonly expiration: string | undefined;
}): Either<string, AwsCredentials> {
  const { accessKeyId, secretAccessKey, sessionToken } = parts;
  if (accessKeyId === undefined || accessKeyId === "" || secretAccessKey === undefined || secretAccessKey === "") {
    return E.left(`${what} has no AccessKeyId and SecretAccessKey`);
  }
  const expiresAt = expiryOf(parts.expiration);
  if (expiresAt._tag === "Left") return E.left(`${what}: ${expiresAt.left}`);
  return E.right({
    accessKeyId,
    secretAccessKey,
    ...(sessionToken !== undefined && sessionToken !== "" ? { sessionToken } : {}),
    ...(expiresAt.right !== undefined ? { expiresAt: expiresAt.right } : {}),
  });
}

/**
 * Whether cached credentials are still good at `now`: those without an expiry always, the others until
 * `windowMs` before it (the SDKs refresh ahead, so a request signed now is not refused as expired in flight).
 * @param credentials the cached credentials
 * @param now unix milliseconds
 * @param windowMs how long before the expiry to stop using them
 * @returns whether to use them
 */
export function isFresh(credentials: AwsCredentials, now: number, windowMs: number): boolean {
  return credentials.expiresAt === undefined || now < credentials.expiresAt - windowMs;
}
