/**
 * AWS Signature Version 4, checked on the receiving side with node:crypto — an implementation independent of the
 * signer under test (aws4fetch, Web Crypto): the canonical request rebuilt from what the server received.
 */
import { createHash, createHmac } from "node:crypto";
import type { Recorded } from "./loopback.ts";

const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");
const hmac = (key: Buffer | string, s: string): Buffer => createHmac("sha256", key).update(s, "utf8").digest();

/** What a check found: the credential scope, or why the signature is wrong. */
export type SigV4Check = { readonly ok: true; readonly accessKeyId: string; readonly scope: string } | {
  readonly ok: false;
  readonly why: string;
};

/**
 * Checks the SigV4 signature of a received request.
 * @param r the request as the loopback server recorded it
 * @param secret the secret access key the signer should have used
 * @returns the credential's key id and scope, or why not
 */
export function checkSigV4(r: Recorded, secret: string): SigV4Check {
  const auth =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/
      .exec(r.headers["authorization"] ?? "");
  if (auth === null) {
    return { ok: false, why: `no SigV4 Authorization header: ${r.headers["authorization"] ?? "(none)"}` };
  }
  const [, keyId, day, region, service, signed, signature] = auth as unknown as string[];
  const amzDate = r.headers["x-amz-date"] ?? "";
  if (!amzDate.startsWith(day!)) return { ok: false, why: "x-amz-date is not the credential's day" };
  const names = signed!.split(";");
  const canonicalHeaders = names.map((n) => `${n}:${(r.headers[n] ?? "").trim().replace(/\s+/g, " ")}\n`).join("");
  const canonical = [r.method, r.path, r.query, canonicalHeaders, signed, sha256(r.body)].join("\n");
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day!), region!), service!), "aws4_request");
  const expected = createHmac("sha256", key).update(toSign, "utf8").digest("hex");
  return expected === signature
    ? { ok: true, accessKeyId: keyId!, scope }
    : { ok: false, why: "the signature does not match" };
}
