/** RSA keys for JWT tests (node:crypto, which Deno has too), and a JWT check by node:crypto (independent of Web Crypto). */
import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";

/** A 2048-bit RSA key as PKCS#1 and PKCS#8 PEM, with its public key. */
export function rsaKey(): { readonly pkcs1: string; readonly pkcs8: string; readonly publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    pkcs1: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    pkcs8: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** The claims of an RS256 JWT whose signature the public key verifies; throws otherwise. */
export function verifiedClaims(jwt: string, publicPem: string): Record<string, unknown> {
  const [h, c, s] = jwt.split(".");
  const header = JSON.parse(Buffer.from(h!, "base64url").toString()) as { alg?: string };
  if (header.alg !== "RS256") throw new Error(`alg ${header.alg}`);
  const ok = verify("sha256", Buffer.from(`${h}.${c}`), createPublicKey(publicPem), Buffer.from(s!, "base64url"));
  if (!ok) throw new Error("bad signature");
  return JSON.parse(Buffer.from(c!, "base64url").toString()) as Record<string, unknown>;
}
