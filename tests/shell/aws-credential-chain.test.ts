import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deliver } from "../../lib/shell/mod.ts";
import { configOf, fakeIO, notificationTo } from "../_helpers/delivery.ts";
import { type Loopback, type Recorded, type Reply, startLoopback } from "../_helpers/loopback.ts";
import { checkSigV4 } from "../_helpers/sigv4.ts";
import { sqsDouble, type SqsKey } from "../_helpers/sqs.ts";

const dir = mkdtempSync(join(tmpdir(), "aws-chain-"));
const webToken = "eyJ-WEB-IDENTITY-TOKEN.payload.sig";
const tokenFile = join(dir, "web-identity-token");
writeFileSync(tokenFile, `${webToken}\n`);
const containerToken = "CONTAINER-AUTH-TOKEN-value";
const containerTokenFile = join(dir, "container-token");
writeFileSync(containerTokenFile, containerToken);

/** Temporary credentials as a source hands them out: the n-th issue of a source. */
const temporary = (source: string, n: number) => ({
  id: `ASIA${source.toUpperCase()}${n}`,
  secret: `${source}-SECRET-${n}/abc+def`,
  token: `${source}-SESSION-TOKEN-${n}`,
});
const base = Date.parse("2024-01-02T03:04:05Z");
const expiry = new Date(base + 60 * 60_000).toISOString();

/** STS: AssumeRoleWithWebIdentity, anonymous, a form; the n-th call issues the n-th credentials. */
function sts(r: Recorded, i: number): Reply {
  const form = new URLSearchParams(r.body);
  if (form.get("Action") !== "AssumeRoleWithWebIdentity" || form.get("WebIdentityToken") !== webToken) {
    return {
      status: 400,
      body: `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code>` +
        `<Message>Couldn't validate the token ${form.get("WebIdentityToken")}</Message></Error></ErrorResponse>`,
    };
  }
  const c = temporary("sts", i + 1);
  return {
    headers: { "content-type": "text/xml" },
    body: `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>system:serviceaccount:argocd:notifications</SubjectFromWebIdentityToken>
    <Credentials>
      <AccessKeyId>${c.id}</AccessKeyId>
      <SecretAccessKey>${c.secret}</SecretAccessKey>
      <SessionToken>${c.token}</SessionToken>
      <Expiration>${expiry}</Expiration>
    </Credentials>
  </AssumeRoleWithWebIdentityResult>
</AssumeRoleWithWebIdentityResponse>`,
  };
}

/** The container credentials endpoint: the authorization token required. */
function containerEndpoint(r: Recorded, i: number): Reply {
  if (r.headers["authorization"] !== containerToken) {
    return { status: 403, body: '{"code":"AccessDenied","message":"bad token"}' };
  }
  const c = temporary("container", i + 1);
  return {
    body: JSON.stringify({
      AccessKeyId: c.id,
      SecretAccessKey: c.secret,
      Token: c.token,
      Expiration: expiry,
      RoleArn: "arn:aws:iam::123456789012:role/n",
    }),
  };
}

/** IMDSv2: a session token from a PUT, then the role and its credentials only with that token. */
function imds(r: Recorded): Reply {
  if (r.method === "PUT" && r.path === "/latest/api/token") {
    return r.headers["x-aws-ec2-metadata-token-ttl-seconds"] === "21600" ? { body: "IMDS-SESSION" } : { status: 400 };
  }
  if (r.headers["x-aws-ec2-metadata-token"] !== "IMDS-SESSION") return { status: 401 };
  if (r.path === "/latest/meta-data/iam/security-credentials/") return { body: "node-role\n" };
  if (r.path === "/latest/meta-data/iam/security-credentials/node-role") {
    const c = temporary("imds", 1);
    return {
      body: JSON.stringify({
        Code: "Success",
        Type: "AWS-HMAC",
        AccessKeyId: c.id,
        SecretAccessKey: c.secret,
        Token: c.token,
        Expiration: expiry,
      }),
    };
  }
  return { status: 404 };
}

/** Every temporary key the sources issue, and a long-term one in the environment, known to SQS. */
const known: Record<string, SqsKey> = { AKIDENV: { secret: "env-SECRET-key" } };
for (const source of ["sts", "container", "imds"]) {
  for (const n of [1, 2]) {
    const c = temporary(source, n);
    known[c.id] = { secret: c.secret, sessionToken: c.token };
  }
}

interface Servers {
  readonly sqs: Loopback;
  readonly sts: Loopback;
  readonly container: Loopback;
  readonly imds: Loopback;
}

async function withServers(body: (s: Servers) => Promise<void>): Promise<void> {
  let sqsUrl = "";
  const servers: Servers = {
    sqs: await startLoopback(sqsDouble(() => sqsUrl, known)),
    sts: await startLoopback(sts),
    container: await startLoopback(containerEndpoint),
    imds: await startLoopback(imds),
  };
  sqsUrl = servers.sqs.url;
  try {
    await body(servers);
  } finally {
    for (const s of Object.values(servers)) await s.close();
  }
}

/** The environment of each source, pointed at the loopback servers. */
const sources = (s: Servers): Record<string, Record<string, string>> => ({
  environment: { AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "env-SECRET-key" },
  "web identity": {
    AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/notifications",
    AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
    AWS_ROLE_SESSION_NAME: "argocd-notifications",
    AWS_ENDPOINT_URL_STS: s.sts.url,
  },
  container: {
    AWS_CONTAINER_CREDENTIALS_FULL_URI: `${s.container.url}/v1/credentials`,
    AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: containerTokenFile,
  },
  imds: { AWS_EC2_METADATA_SERVICE_ENDPOINT: s.imds.url },
});

const keyIdOf = (r: Recorded): string => /Credential=([^/]+)\//.exec(r.headers["authorization"] ?? "")?.[1] ?? "";

const envOf = (vars: Record<string, string>) => (name: string): string | undefined => vars[name];

const service = (s: Servers, extra = "region: us-east-1\n"): Record<string, string> => ({
  "service.awssqs": `${extra}endpointUrl: ${s.sqs.url}\naccount: "123456789012"`,
});

describe("the AWS default credential chain", () => {
  it("takes the first configured source, in the SDK's order: environment, web identity, container, IMDS", async () => {
    await withServers(async (s) => {
      const all = sources(s);
      const order = ["environment", "web identity", "container", "imds"];
      const keyIds = ["AKIDENV", temporary("sts", 1).id, temporary("container", 1).id, temporary("imds", 1).id];
      for (const [i, first] of order.entries()) {
        const env = Object.assign({}, ...order.slice(i).map((k) => all[k]!)) as Record<string, string>;
        for (const server of Object.values(s)) server.requests.length = 0;
        const outcome = await deliver(
          notificationTo("awssqs", "q", { message: "m" }),
          configOf(service(s)),
          fakeIO({ env: envOf(env) }),
        );
        expect([first, outcome._tag]).toEqual([first, "Delivered"]);
        const used = s.sqs.requests.map(keyIdOf);
        expect(used).toEqual([keyIds[i], keyIds[i]]);
        // the later sources are never asked
        expect([s.sts, s.container, s.imds].map((x) => x.requests.length)).toEqual(
          [i === 1 ? 1 : 0, i === 2 ? 1 : 0, i === 3 ? 3 : 0],
        );
      }
    });
  });

  it("exchanges the web identity token with STS and signs with the temporary key and its session token (IRSA)", async () => {
    await withServers(async (s) => {
      const io = fakeIO({ env: envOf(sources(s)["web identity"]!) });
      const outcome = await deliver(notificationTo("awssqs", "q", { message: "m" }), configOf(service(s)), io);
      expect(outcome).toEqual({ _tag: "Delivered", attempts: 2, status: 200, messageRef: "m-1" });
      const [call] = s.sts.requests;
      expect(call).toMatchObject({ method: "POST", path: "/" });
      expect(call!.headers["authorization"]).toBeUndefined();
      expect(Object.fromEntries(new URLSearchParams(call!.body))).toEqual({
        Action: "AssumeRoleWithWebIdentity",
        RoleArn: "arn:aws:iam::123456789012:role/notifications",
        RoleSessionName: "argocd-notifications",
        Version: "2011-06-15",
        WebIdentityToken: webToken,
      });
      const c = temporary("sts", 1);
      for (const r of s.sqs.requests) {
        expect(checkSigV4(r, c.secret)).toEqual({
          ok: true,
          accessKeyId: c.id,
          scope: "20240102/us-east-1/sqs/aws4_request",
        });
        expect(r.headers["x-amz-security-token"]).toBe(c.token);
        expect(r.headers["authorization"]).toContain("x-amz-security-token");
      }
    });
  });

  it("caches temporary credentials until five minutes before they expire, then refreshes them", async () => {
    await withServers(async (s) => {
      let clock = base;
      const io = fakeIO({ env: envOf(sources(s)["web identity"]!), now: () => clock });
      const config = configOf(service(s));
      const send = () => deliver(notificationTo("awssqs", "q", { message: "m" }), config, io);
      const keyOfLast = () => keyIdOf(s.sqs.requests.at(-1)!);
      await Promise.all([send(), send()]);
      clock = base + 54 * 60_000; // six minutes before the expiry
      expect((await send())._tag).toBe("Delivered");
      expect([s.sts.requests.length, keyOfLast()]).toEqual([1, temporary("sts", 1).id]);
      clock = base + 56 * 60_000; // four minutes before: refreshed
      expect((await send())._tag).toBe("Delivered");
      expect([s.sts.requests.length, keyOfLast()]).toEqual([2, temporary("sts", 2).id]);
      expect(s.sqs.requests.length).toBe(8);
    });
  });

  it("asks the container endpoint with the token of the token file, in the region of AWS_REGION", async () => {
    await withServers(async (s) => {
      const env = { ...sources(s)["container"]!, AWS_REGION: "eu-west-3", AWS_DEFAULT_REGION: "us-west-2" };
      const outcome = await deliver(
        notificationTo("awssqs", "q", { message: "m" }),
        configOf(service(s, "")),
        fakeIO({ env: envOf(env) }),
      );
      expect(outcome._tag).toBe("Delivered");
      expect(s.container.requests.map((r) => [r.method, r.path, r.headers["authorization"]])).toEqual([
        ["GET", "/v1/credentials", containerToken],
      ]);
      const c = temporary("container", 1);
      expect(checkSigV4(s.sqs.requests[0]!, c.secret)).toMatchObject({
        ok: true,
        accessKeyId: c.id,
        scope: "20240102/eu-west-3/sqs/aws4_request",
      });
    });
  });

  it("gets an IMDSv2 session token, then the instance role's credentials with it", async () => {
    await withServers(async (s) => {
      const outcome = await deliver(
        notificationTo("awssqs", "q", { message: "m" }),
        configOf(service(s)),
        fakeIO({ env: envOf(sources(s)["imds"]!) }),
      );
      expect(outcome._tag).toBe("Delivered");
      expect(s.imds.requests.map((r) => [r.method, r.path, r.headers["x-aws-ec2-metadata-token"] ?? ""])).toEqual([
        ["PUT", "/latest/api/token", ""],
        ["GET", "/latest/meta-data/iam/security-credentials/", "IMDS-SESSION"],
        ["GET", "/latest/meta-data/iam/security-credentials/node-role", "IMDS-SESSION"],
      ]);
      expect(s.sqs.requests[1]!.headers["x-amz-security-token"]).toBe(temporary("imds", 1).token);
    });
  });

  it("takes static keys from the settings and the region from AWS_DEFAULT_REGION, asking no source", async () => {
    await withServers(async (s) => {
      const env = { ...sources(s)["web identity"]!, AWS_DEFAULT_REGION: "ap-south-1" };
      const outcome = await deliver(
        notificationTo("awssqs", "q", { message: "m" }),
        configOf(service(s, "key: AKIDENV\nsecret: env-SECRET-key\n")),
        fakeIO({ env: envOf(env) }),
      );
      expect(outcome._tag).toBe("Delivered");
      expect(checkSigV4(s.sqs.requests[0]!, "env-SECRET-key")).toMatchObject({
        scope: "20240102/ap-south-1/sqs/aws4_request",
      });
      expect(s.sqs.requests[0]!.headers["x-amz-security-token"]).toBeUndefined();
      expect(s.sts.requests).toEqual([]);
    });
  });

  it("fails, naming every source it looked at and why, when none gives credentials (not delivered)", async () => {
    await withServers(async (s) => {
      const io = (env: Record<string, string>) => fakeIO({ env: envOf(env) });
      const n = notificationTo("awssqs", "q", { message: "m" });
      expect(await deliver(n, configOf(service(s)), io({ AWS_EC2_METADATA_DISABLED: "true" }))).toEqual({
        _tag: "Failed",
        retryable: false,
        attempts: 0,
        cause: "awssqs: no AWS credentials: environment: AWS_ACCESS_KEY_ID is not set; " +
          "web identity: AWS_ROLE_ARN is not set; " +
          "container credentials: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI are not set; " +
          "instance metadata: AWS_EC2_METADATA_DISABLED is true",
      });
      const closed = await startLoopback();
      await closed.close();
      const offEc2 = await deliver(n, configOf(service(s)), io({ AWS_EC2_METADATA_SERVICE_ENDPOINT: closed.url }));
      expect(offEc2).toMatchObject({ _tag: "Failed", retryable: true, attempts: 0 });
      expect(offEc2._tag === "Failed" && offEc2.cause).toMatch(
        new RegExp(`; instance metadata: the instance metadata at ${closed.url}: the connection failed: `),
      );
      expect(await deliver(n, configOf(service(s, "")), io({}))).toEqual({
        _tag: "Failed",
        retryable: false,
        attempts: 0,
        cause: "awssqs: no AWS region: the settings have none, and AWS_REGION and AWS_DEFAULT_REGION are not set",
      });
      expect(s.sqs.requests).toEqual([]);
    });
  });

  it("never shows a secret key, session token or web identity token in a failure", async () => {
    await withServers(async (s) => {
      // STS repeats the token it refuses; SQS repeats the session token it refuses
      const wrongToken = join(dir, "wrong-token");
      writeFileSync(wrongToken, "eyJ-OTHER-TOKEN.secret.sig");
      const refused = await deliver(
        notificationTo("awssqs", "q", { message: "m" }),
        configOf(service(s)),
        fakeIO({ env: envOf({ ...sources(s)["web identity"]!, AWS_WEB_IDENTITY_TOKEN_FILE: wrongToken }) }),
      );
      expect(refused).toEqual({
        _tag: "Failed",
        retryable: false,
        attempts: 0,
        cause: "awssqs: no AWS credentials: environment: AWS_ACCESS_KEY_ID is not set; web identity: " +
          "STS answered status 400: InvalidIdentityToken: Couldn't validate the token ***",
      });
      let sqsUrl = "";
      const echo = await startLoopback(sqsDouble(() => sqsUrl, known, (r) => ({
        status: 400,
        body: JSON.stringify({
          __type: "InvalidParameterValue",
          message: `bad request ${r.headers["x-amz-security-token"]} ${known[keyIdOf(r)]?.secret}`,
        }),
      })));
      sqsUrl = echo.url;
      try {
        const outcome = await deliver(
          notificationTo("awssqs", "q", { message: "m" }),
          configOf({ "service.awssqs": `region: us-east-1\nendpointUrl: ${echo.url}` }),
          fakeIO({ env: envOf(sources(s)["web identity"]!) }),
        );
        expect(outcome).toMatchObject({ _tag: "Failed", status: 400 });
        expect(outcome._tag === "Failed" && outcome.cause).toBe(
          "awssqs: sqs GetQueueUrl answered status 400: InvalidParameterValue: bad request *** ***",
        );
        // the web identity token goes to STS only
        expect(echo.requests.some((r) => JSON.stringify(r).includes(webToken))).toBe(false);
      } finally {
        await echo.close();
      }
    });
  });
});
