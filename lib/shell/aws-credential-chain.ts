/**
 * The AWS SDK's default credential chain, as the Go engine's `awssqs` gets its credentials without static keys:
 * the first source that is configured gives them, in the SDK's order —
 * 1. the environment: `AWS_ACCESS_KEY_ID` (or `AWS_ACCESS_KEY`), `AWS_SECRET_ACCESS_KEY` (or `AWS_SECRET_KEY`),
 *    `AWS_SESSION_TOKEN`;
 * 2. web identity (EKS IRSA): `AWS_WEB_IDENTITY_TOKEN_FILE` and `AWS_ROLE_ARN` (`AWS_ROLE_SESSION_NAME`, else
 *    `notifications-engine-<ms>`): the token file read on every refresh and exchanged with STS
 *    `AssumeRoleWithWebIdentity` at `AWS_ENDPOINT_URL_STS`, else `https://sts.<region>.amazonaws.com`;
 * 3. container credentials (ECS, EKS Pod Identity): `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` on
 *    `http://169.254.170.2`, or `AWS_CONTAINER_CREDENTIALS_FULL_URI` (plain HTTP only to loopback and the ECS/EKS
 *    link-local addresses, as the SDK), with the `Authorization` of `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read
 *    on every refresh) or `AWS_CONTAINER_AUTHORIZATION_TOKEN`;
 * 4. the EC2 instance metadata, IMDSv2 (a session token `PUT`, then the role's credentials; no IMDSv1 fallback) at
 *    `AWS_EC2_METADATA_SERVICE_ENDPOINT`, else `http://169.254.169.254`; skipped with `AWS_EC2_METADATA_DISABLED=true`.
 *
 * A configured source that fails is the chain's failure (the SDK does not fall through either), naming every source
 * looked at and why it gave nothing. Temporary credentials are cached per source until five minutes before they
 * expire, one refresh at a time. The shared config and credentials files (`~/.aws/config`, profiles, SSO,
 * `credential_process`) are not read: the Go engine's deployments get their credentials from the four sources above.
 * Why not `@aws-sdk/credential-providers`: it pulls in the SDK's Node-only HTTP stack (megabytes, no injected `fetch`
 * or clock, so no loopback tests with our clock); the four sources are small HTTP exchanges.
 * @module
 */
import {
  type AwsCredentials,
  isAwsRegion,
  isFresh,
  readCredentialsJson,
  readStsAnswer,
} from "../../providers/aws-credentials.ts";
import { encodeForm } from "../../providers/form.ts";
import type { AwsIdentity, HttpRequest, HttpResponse } from "../../providers/provider.ts";
import { redactor } from "../config/mod.ts";
import { E, type Either } from "../fp.ts";
import type { CredentialCapabilities, CredentialsFailure, Found } from "./cloud-credentials.ts";
import type { HttpFailure } from "./delivery-failure.ts";
import { deliverHttp } from "./http.ts";

/** Cached credentials are refreshed this long before they expire. */
const refreshWindowMs = 5 * 60_000;
const httpTimeoutMs = 5_000;
/** The SDK's instance metadata timeout: off EC2 nothing answers, and the chain should say so quickly. */
const imdsTimeoutMs = 1_000;
const containerHosts = new Set([
  "127.0.0.1",
  "localhost",
  "[::1]",
  "169.254.170.2",
  "169.254.170.23",
  "[fd00:ec2::23]",
]);

/** What the settings give and ask for. */
export interface AwsAsk {
  /** "" to take `AWS_REGION`, else `AWS_DEFAULT_REGION`. */
  readonly region: string;
  /** Static keys from the settings: only the region is looked up. */
  readonly keys?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** A source's failure: why, and whether asking again later may work. */
interface SourceFailure {
  readonly retryable: boolean;
  readonly why: string;
}

type Fetched = Either<SourceFailure, AwsCredentials>;

/**
 * The default chain, with its cache.
 * @param caps the environment, files, `fetch` and clock
 * @returns what finds an identity for an ask
 */
export function createAwsCredentialChain(
  caps: CredentialCapabilities,
): (ask: AwsAsk) => Promise<Either<CredentialsFailure, Found<AwsIdentity>>> {
  const cache = new Map<string, AwsCredentials>();
  const pending = new Map<string, Promise<Fetched>>();
  const env = (name: string): string => caps.env(name)?.trim() ?? "";

  const http = async (request: HttpRequest, timeoutMs = httpTimeoutMs): Promise<Either<HttpFailure, HttpResponse>> =>
    await deliverHttp(request, { fetch: caps.fetch, timeoutMs, maxResponseBytes: 64 * 1024 });

  /** Cached credentials of a source, or fresh ones (one refresh at a time per source). */
  async function cached(key: string, get: () => Promise<Fetched>): Promise<Fetched> {
    const known = cache.get(key);
    if (known !== undefined && isFresh(known, caps.now(), refreshWindowMs)) return E.right(known);
    let inFlight = pending.get(key);
    if (inFlight === undefined) {
      inFlight = get().then((got) => {
        pending.delete(key);
        if (got._tag === "Right") cache.set(key, got.right);
        else cache.delete(key);
        return got;
      });
      pending.set(key, inFlight);
    }
    return await inFlight;
  }

  const answerOf = (what: string, sent: Either<HttpFailure, HttpResponse>): Either<SourceFailure, HttpResponse> =>
    sent._tag === "Left"
      ? E.left({ retryable: sent.left.retryable, why: `${what}: ${sent.left.cause}` })
      : E.right(sent.right);

  const refused = (response: HttpResponse, why: string): SourceFailure => ({
    retryable: response.status === 429 || response.status >= 500,
    why,
  });

  async function readText(path: string, what: string): Promise<Either<SourceFailure, string>> {
    try {
      return E.right((await caps.readFile(path)).trim());
    } catch (e) {
      const code = typeof e === "object" && e !== null && "code" in e ? ` (${String(e.code)})` : "";
      return E.left({ retryable: true, why: `cannot read ${what} ${path}${code}` });
    }
  }

  async function webIdentity(region: string, roleArn: string, tokenFile: string): Promise<Fetched> {
    const token = await readText(tokenFile, "the web identity token file");
    if (token._tag === "Left") return token;
    const endpoint = (env("AWS_ENDPOINT_URL_STS") || `https://sts.${region}.amazonaws.com`).replace(/\/+$/, "");
    const sent = await http({
      method: "POST",
      url: `${endpoint}/`,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/xml" },
      body: encodeForm({
        Action: ["AssumeRoleWithWebIdentity"],
        RoleArn: [roleArn],
        RoleSessionName: [env("AWS_ROLE_SESSION_NAME") || `notifications-engine-${caps.now()}`],
        Version: ["2011-06-15"],
        WebIdentityToken: [token.right],
      }),
    });
    const answer = answerOf(`STS at ${endpoint}`, sent);
    if (answer._tag === "Left") return hide(answer.left, [token.right]);
    const read = readStsAnswer(answer.right.status, answer.right.body);
    return read._tag === "Left" ? hide(refused(answer.right, read.left), [token.right]) : read;
  }

  async function container(url: string): Promise<Fetched> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return E.left({ retryable: false, why: "the container credentials URI is not a URL" });
    }
    if (parsed.protocol === "http:" && !containerHosts.has(parsed.hostname)) {
      return E.left({
        retryable: false,
        why: `plain HTTP to ${parsed.hostname} is refused (only loopback and the ECS/EKS addresses)`,
      });
    }
    const tokenFile = env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
    const token = tokenFile !== ""
      ? await readText(tokenFile, "the container authorization token file")
      : E.right(env("AWS_CONTAINER_AUTHORIZATION_TOKEN"));
    if (token._tag === "Left") return token;
    const sent = await http({
      method: "GET",
      url,
      headers: { Accept: "application/json", ...(token.right !== "" ? { Authorization: token.right } : {}) },
    });
    const answer = answerOf(`the container credentials endpoint ${parsed.origin}`, sent);
    if (answer._tag === "Left") return hide(answer.left, [token.right]);
    const read = readCredentialsJson("the container credentials endpoint", answer.right.status, answer.right.body);
    return read._tag === "Left" ? hide(refused(answer.right, read.left), [token.right]) : read;
  }

  async function instanceMetadata(endpoint: string): Promise<Fetched> {
    const what = `the instance metadata at ${endpoint}`;
    const put = answerOf(
      what,
      await http({
        method: "PUT",
        url: `${endpoint}/latest/api/token`,
        headers: { "X-aws-ec2-metadata-token-ttl-seconds": "21600" },
      }, imdsTimeoutMs),
    );
    if (put._tag === "Left") return put;
    if (put.right.status !== 200) {
      return E.left(refused(put.right, `${what}: the token PUT answered ${put.right.status}`));
    }
    const headers = { "X-aws-ec2-metadata-token": put.right.body.trim() };
    const base = `${endpoint}/latest/meta-data/iam/security-credentials/`;
    const roles = answerOf(what, await http({ method: "GET", url: base, headers }, imdsTimeoutMs));
    if (roles._tag === "Left") return roles;
    const role = roles.right.body.split("\n")[0]?.trim() ?? "";
    if (roles.right.status !== 200 || role === "") {
      return E.left(refused(roles.right, `${what}: no instance role (status ${roles.right.status})`));
    }
    const got = answerOf(
      what,
      await http({ method: "GET", url: base + encodeURIComponent(role), headers }, imdsTimeoutMs),
    );
    if (got._tag === "Left") return got;
    const read = readCredentialsJson(`the instance metadata's role ${role}`, got.right.status, got.right.body);
    return read._tag === "Left" ? E.left(refused(got.right, read.left)) : read;
  }

  /** The chain: the first configured source's credentials, or every source's reason. */
  async function chain(region: string): Promise<Either<CredentialsFailure, AwsCredentials>> {
    const tried: string[] = [];
    const fail = (f: SourceFailure): Either<CredentialsFailure, AwsCredentials> =>
      E.left(failure([...tried, f.why], f.retryable));
    const id = env("AWS_ACCESS_KEY_ID") || env("AWS_ACCESS_KEY");
    const secret = env("AWS_SECRET_ACCESS_KEY") || env("AWS_SECRET_KEY");
    if (id !== "" && secret !== "") {
      const session = env("AWS_SESSION_TOKEN");
      return E.right({
        accessKeyId: id,
        secretAccessKey: secret,
        ...(session !== "" ? { sessionToken: session } : {}),
      });
    }
    tried.push(`environment: ${id === "" ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY"} is not set`);

    const roleArn = env("AWS_ROLE_ARN");
    const tokenFile = env("AWS_WEB_IDENTITY_TOKEN_FILE");
    if (roleArn !== "" && tokenFile !== "") {
      const got = await cached(
        `web-identity ${region} ${roleArn} ${tokenFile}`,
        () => webIdentity(region, roleArn, tokenFile),
      );
      return got._tag === "Left" ? fail({ ...got.left, why: `web identity: ${got.left.why}` }) : got;
    }
    tried.push(`web identity: ${roleArn === "" ? "AWS_ROLE_ARN" : "AWS_WEB_IDENTITY_TOKEN_FILE"} is not set`);

    const relative = env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    const full = env("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    if (relative !== "" || full !== "") {
      const url = relative !== "" ? `http://169.254.170.2${relative}` : full;
      const got = await cached(`container ${url}`, () => container(url));
      return got._tag === "Left" ? fail({ ...got.left, why: `container credentials: ${got.left.why}` }) : got;
    }
    tried.push("container credentials: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI are not set");

    if (env("AWS_EC2_METADATA_DISABLED").toLowerCase() === "true") {
      return fail({ retryable: false, why: "instance metadata: AWS_EC2_METADATA_DISABLED is true" });
    }
    const endpoint = (env("AWS_EC2_METADATA_SERVICE_ENDPOINT") || "http://169.254.169.254").replace(/\/+$/, "");
    const got = await cached(`imds ${endpoint}`, () => instanceMetadata(endpoint));
    return got._tag === "Left" ? fail({ ...got.left, why: `instance metadata: ${got.left.why}` }) : got;
  }

  return async (ask) => {
    const region = ask.region || env("AWS_REGION") || env("AWS_DEFAULT_REGION");
    if (region === "") {
      return E.left(
        failure(["the settings have none, and AWS_REGION and AWS_DEFAULT_REGION are not set"], false, "no AWS region"),
      );
    }
    if (!isAwsRegion(region)) {
      return E.left(failure([`"${region.slice(0, 40)}" is not an AWS region`], false, "no AWS region"));
    }
    if (ask.keys !== undefined) return E.right(identityOf(region, ask.keys));
    const found = await chain(region);
    return found._tag === "Left" ? found : E.right(identityOf(region, found.right));
  };
}

/** A source's failure with the tokens it sent redacted (should an answer repeat them). */
function hide(f: SourceFailure, tokens: readonly string[]): Fetched {
  return E.left({ ...f, why: redactor(tokens)(f.why) });
}

function identityOf(region: string, c: AwsCredentials): Found<AwsIdentity> {
  return {
    value: {
      region,
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      ...(c.sessionToken !== undefined ? { sessionToken: c.sessionToken } : {}),
    },
    secrets: [c.secretAccessKey, c.sessionToken ?? ""],
  };
}

function failure(tried: readonly string[], retryable: boolean, what = "no AWS credentials"): CredentialsFailure {
  return { _tag: "CredentialsFailure", cloud: "aws", retryable, tried, cause: `${what}: ${tried.join("; ")}` };
}
