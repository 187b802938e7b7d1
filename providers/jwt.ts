/**
 * RS256 JSON Web Tokens signed with Web Crypto (edge-clean): GitHub App tokens and Google service-account assertions.
 * Keys come as PEM, PKCS#8 (`BEGIN PRIVATE KEY`, Google's) or PKCS#1 (`BEGIN RSA PRIVATE KEY`, GitHub's); Web Crypto
 * imports only PKCS#8, so a PKCS#1 key is wrapped in the PKCS#8 structure first (a few bytes of DER, written here:
 * no library for it is smaller than this).
 * @module
 */
import { decodeBase64, encodeBase64 } from "../lib/go/base64.ts";
import { E, type Either } from "../lib/fp.ts";

/** A private key read from PEM, as PKCS#8 DER. */
export interface PemKey {
  readonly pkcs8: Uint8Array;
}

/** DER length octets. */
function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return [0x80 | bytes.length, ...bytes];
}

function der(tag: number, content: Uint8Array): Uint8Array {
  const head = [tag, ...derLength(content.length)];
  const out = new Uint8Array(head.length + content.length);
  out.set(head, 0);
  out.set(content, head.length);
  return out;
}

/** `SEQUENCE { OID rsaEncryption, NULL }` */
const rsaAlgorithm = Uint8Array.from([
  0x30,
  0x0d,
  0x06,
  0x09,
  0x2a,
  0x86,
  0x48,
  0x86,
  0xf7,
  0x0d,
  0x01,
  0x01,
  0x01,
  0x05,
  0x00,
]);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Reads an RSA private key from PEM. Checks the structure only (a base64 DER SEQUENCE under a known label); whether
 * the key is a usable RSA key shows when it signs.
 * @param pem the PEM text
 * @returns the key, or why the text is not one (never quoting the text)
 * @example A text that is not PEM
 * ```ts
 * import { readPemKey } from "./jwt.ts";
 * import { expect } from "expect";
 * expect(readPemKey("my-key")).toEqual({ _tag: "Left", left: "the private key is not PEM (no -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY----- block)" });
 * ```
 */
export function readPemKey(pem: string): Either<string, PemKey> {
  const m = /-----BEGIN (RSA )?PRIVATE KEY-----([\s\S]*?)-----END \1?PRIVATE KEY-----/.exec(pem);
  if (m === null) {
    return E.left(
      "the private key is not PEM (no -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY----- block)",
    );
  }
  const body = (m[2] ?? "").replace(/\s+/g, "");
  const bytes = decodeBase64(body);
  if (bytes._tag === "Left" || bytes.right.length < 64 || bytes.right[0] !== 0x30) {
    return E.left("the private key's PEM block is not base64 DER");
  }
  if (m[1] === undefined) return E.right({ pkcs8: bytes.right });
  const inner = concat(Uint8Array.from([0x02, 0x01, 0x00]), rsaAlgorithm, der(0x04, bytes.right));
  return E.right({ pkcs8: der(0x30, inner) });
}

const b64url = (bytes: Uint8Array): string => encodeBase64(bytes, { url: true, padding: false });
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * Signs claims as an RS256 JWT.
 * @param key the key (from {@linkcode readPemKey})
 * @param claims the claims, in the order to write them
 * @returns the token, or why the key cannot sign
 */
export async function signRS256(
  key: PemKey,
  claims: Readonly<Record<string, unknown>>,
): Promise<Either<string, string>> {
  const input = `${b64url(text(JSON.stringify({ alg: "RS256", typ: "JWT" })))}.${b64url(text(JSON.stringify(claims)))}`;
  try {
    const k = await crypto.subtle.importKey(
      "pkcs8",
      new Uint8Array(key.pkcs8),
      { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
      false,
      ["sign"],
    );
    const signature = new Uint8Array(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", k, new Uint8Array(text(input))));
    return E.right(`${input}.${b64url(signature)}`);
  } catch (e) {
    return E.left(`the private key cannot sign: ${e instanceof Error ? e.name : "unknown error"}`);
  }
}
