import { describe, expect, it } from "vitest";
import { decodeConfig, formatDiagnostic } from "../../../mod.ts";
import { gcppubsubProvider } from "../../../providers/gcppubsub/gcppubsub.ts";
import { deliver } from "../../../lib/shell/mod.ts";
import { configOf, fakeIO, notificationTo, refusal } from "../../_helpers/delivery.ts";
import { type Recorded, type Reply, withLoopback } from "../../_helpers/loopback.ts";
import { rsaKey, verifiedClaims } from "../../_helpers/rsa.ts";

const key = rsaKey();
const now = Date.parse("2024-01-02T03:04:05Z") / 1000;

/** Google's token endpoint (checking the assertion's signature) and Pub/Sub's publish. */
function google(url: () => string, publish?: (r: Recorded, i: number) => Reply | undefined) {
  return (r: Recorded, i: number): Reply => {
    if (r.path === "/token") {
      const assertion = new URLSearchParams(r.body).get("assertion") ?? "";
      try {
        const claims = verifiedClaims(assertion, key.publicPem);
        if (claims["aud"] !== `${url()}/token`) return { status: 400, body: '{"error":"invalid_grant"}' };
      } catch {
        return { status: 400, body: '{"error":"invalid_grant","error_description":"Invalid JWT Signature."}' };
      }
      return { body: '{"access_token":"ya29.ACCESS","expires_in":3599,"token_type":"Bearer"}' };
    }
    if (r.path.startsWith("/computeMetadata/")) {
      return r.headers["metadata-flavor"] === "Google"
        ? { body: '{"access_token":"ya29.METADATA","expires_in":3599}' }
        : { status: 403 };
    }
    return publish?.(r, i) ?? { body: '{"messageIds":["42"]}' };
  };
}

const credentials = (url: string): string =>
  JSON.stringify({
    type: "service_account",
    client_email: "notifier@p.iam.gserviceaccount.com",
    private_key: key.pkcs8,
    token_uri: `${url}/token`,
  });

describe("gcppubsub", () => {
  it("gets a token with a signed JWT assertion, then publishes the message with its attributes (Go vectors 1, 2)", async () => {
    let url = "";
    await withLoopback(google(() => url), async (server) => {
      url = server.url;
      const config = configOf({
        "service.gcppubsub":
          `project: test-project\ntopic: default-topic\napiURL: ${server.url}\ncredentials: $gcp-key`,
      }, { stringData: { "gcp-key": credentials(server.url) } });
      const n = notificationTo("gcppubsub", "override-topic", {
        message: "hello world",
        blocks: { gcppubsub: { attributes: { foo: "bar" }, orderingKey: "app-1" } },
      });
      expect(await deliver(n, config, fakeIO())).toEqual({
        _tag: "Delivered",
        attempts: 2,
        status: 200,
        messageRef: "42",
      });
      const [token, publish] = server.requests;
      const form = new URLSearchParams(token!.body);
      expect(form.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
      expect(verifiedClaims(form.get("assertion")!, key.publicPem)).toEqual({
        iss: "notifier@p.iam.gserviceaccount.com",
        scope: "https://www.googleapis.com/auth/pubsub",
        aud: `${server.url}/token`,
        iat: now,
        exp: now + 3600,
      });
      expect(publish).toMatchObject({
        method: "POST",
        path: "/v1/projects/test-project/topics/override-topic:publish",
        headers: { authorization: "Bearer ya29.ACCESS", "content-type": "application/json" },
        body: JSON.stringify({
          messages: [{ data: btoa("hello world"), attributes: { foo: "bar" }, orderingKey: "app-1" }],
        }),
      });
    });
  });

  it("uses the metadata server's token without credentials, and the configured topic without a recipient", async () => {
    let url = "";
    await withLoopback(google(() => url), async (server) => {
      url = server.url;
      const config = configOf({
        "service.gcppubsub": `project: p\ntopic: default-topic\napiURL: ${server.url}\nmetadataURL: ${server.url}`,
      });
      expect((await deliver(notificationTo("gcppubsub", "", { message: "m" }), config, fakeIO()))._tag).toBe(
        "Delivered",
      );
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        "GET /computeMetadata/v1/instance/service-accounts/default/token",
        "POST /v1/projects/p/topics/default-topic:publish",
      ]);
      expect(server.requests[1]!.headers["authorization"]).toBe("Bearer ya29.METADATA");
    });
  });

  it("retries a 503 of the publish, and fails a refused token without retrying (Go vector 3)", async () => {
    let url = "";
    await withLoopback(
      google(() => url, (_, i) => (i === 1 ? { status: 503, body: "{}" } : undefined)),
      async (server) => {
        url = server.url;
        const config = configOf({ "service.gcppubsub": `project: p\napiURL: ${server.url}\ncredentials: $gcp-key` }, {
          stringData: { "gcp-key": credentials(server.url) },
        });
        expect(await deliver(notificationTo("gcppubsub", "t-1", { message: "m" }), config, fakeIO())).toMatchObject({
          _tag: "Delivered",
          attempts: 3,
        });
      },
    );
    const other = rsaKey();
    await withLoopback(google(() => url), async (server) => {
      url = server.url;
      const wrong = JSON.stringify({
        client_email: "x@p.iam.gserviceaccount.com",
        private_key: other.pkcs8,
        token_uri: `${server.url}/token`,
      });
      const config = configOf({ "service.gcppubsub": `project: p\napiURL: ${server.url}\ncredentials: $gcp-key` }, {
        stringData: { "gcp-key": wrong },
      });
      const outcome = await deliver(notificationTo("gcppubsub", "t-1", { message: "m" }), config, fakeIO());
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: false, attempts: 1, status: 400 });
      expect(JSON.stringify(outcome)).not.toContain("PRIVATE KEY");
    });
  });

  it("reports credentials that are not a key without showing them, and warns that keyFile is not read", () => {
    const { diagnostics } = decodeConfig({
      data: {
        "service.gcppubsub": "project: p\ncredentials: $k",
        "service.gcppubsub.b": "project: p\nkeyFile: /var/key.json",
      },
    }, { stringData: { k: '{"client_email":"a@b","private_key":"SECRET-not-pem"}' } });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "service.gcppubsub: line 2, column 14: credentials: the private key is not PEM (no -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY----- block)",
      "service.gcppubsub.b: line 2, column 10: keyFile is not read (no files are): put the key in the Secret and set credentials: $<key>; the metadata server's token is used meanwhile",
    ]);
    expect(refusal(gcppubsubProvider, { project: "p" }, notificationTo("gcppubsub", ""))).toBe(
      'recipient "" is not a Pub/Sub topic id',
    );
  });
});
