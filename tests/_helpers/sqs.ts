/**
 * An SQS endpoint double on loopback: it refuses requests whose SigV4 signature does not check out with the secret of
 * the key id they name (as SQS does), and requests of temporary keys without their session token in a signed
 * `X-Amz-Security-Token`; it answers `GetQueueUrl` and `SendMessage` as SQS's JSON protocol does.
 */
import { createHash } from "node:crypto";
import type { Recorded, Reply } from "./loopback.ts";
import { checkSigV4 } from "./sigv4.ts";

/** A key SQS knows: its secret, and the session token that must come with it (temporary keys). */
export interface SqsKey {
  readonly secret: string;
  readonly sessionToken?: string;
}

/**
 * The double's responder.
 * @param url the server's own URL (queue URLs are made of it)
 * @param keys the keys it accepts, by key id
 * @param fail an answer to give instead, after the signature is checked
 */
export function sqsDouble(
  url: () => string,
  keys: Readonly<Record<string, SqsKey>>,
  fail?: (r: Recorded, i: number) => Reply | undefined,
): (r: Recorded, i: number) => Reply {
  const refuse = (type: string, message: string): Reply => ({
    status: 403,
    body: JSON.stringify({ __type: `com.amazonaws.sqs#${type}`, message }),
  });
  return (r, i) => {
    const keyId = /Credential=([^/]+)\//.exec(r.headers["authorization"] ?? "")?.[1] ?? "";
    const key = keys[keyId];
    if (key === undefined) {
      return refuse("InvalidClientTokenId", "the security token included in the request is invalid");
    }
    const sig = checkSigV4(r, key.secret);
    if (!sig.ok) return refuse("SignatureDoesNotMatch", sig.why);
    const signed = /SignedHeaders=([^,]+)/.exec(r.headers["authorization"] ?? "")?.[1]?.split(";") ?? [];
    if (key.sessionToken !== undefined) {
      if (r.headers["x-amz-security-token"] !== key.sessionToken || !signed.includes("x-amz-security-token")) {
        return refuse("InvalidClientTokenId", "the session token is missing or wrong");
      }
    }
    const failure = fail?.(r, i);
    if (failure !== undefined) return failure;
    const body = JSON.parse(r.body) as Record<string, string>;
    if (r.headers["x-amz-target"] === "AmazonSQS.GetQueueUrl") {
      return { body: JSON.stringify({ QueueUrl: `${url()}/123456789012/${body["QueueName"]}` }) };
    }
    return {
      body: JSON.stringify({
        MessageId: "m-1",
        MD5OfMessageBody: createHash("md5").update(body["MessageBody"]!).digest("hex"),
      }),
    };
  };
}
