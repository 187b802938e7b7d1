/**
 * The certificates and keys a test API server needs, generated per cluster as controller-runtime's envtest does:
 * a self-signed CA, a serving certificate for the loopback addresses signed by it, and an ECDSA key pair with which
 * the API server signs service-account tokens.
 *
 * Node has no X.509 writer, so the certificates come from `@peculiar/x509` (WebCrypto based, runs under Node and
 * Deno); its dependency tsyringe needs a `Reflect` metadata polyfill, hence the `reflect-metadata` import.
 *
 * @module
 */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";

/** A PEM certificate with its PKCS#8 PEM private key. */
export interface PemPair {
  /** The certificate, PEM. */
  readonly certPem: string;
  /** Its private key, PKCS#8 PEM. */
  readonly keyPem: string;
}

/** Everything {@linkcode generateClusterPki} makes. */
export interface ClusterPki {
  /** The self-signed certificate authority, PEM: trust it to talk to the server. Its key is not kept. */
  readonly caPem: string;
  /** The serving certificate for `127.0.0.1` and `localhost`, signed by the CA. */
  readonly serving: PemPair;
  /** The service-account token key pair: a PKCS#8 PEM private key and an SPKI PEM public key. */
  readonly serviceAccount: { readonly keyPem: string; readonly publicKeyPem: string };
}

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

function pem(label: string, der: ArrayBuffer): string {
  const base64 = Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n").replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}

async function keyPair(): Promise<CryptoKeyPair> {
  return await crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
}

async function privatePem(keys: CryptoKeyPair): Promise<string> {
  return pem("PRIVATE KEY", await crypto.subtle.exportKey("pkcs8", keys.privateKey));
}

function serial(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString("hex").replace(/^[89a-f]/, "1");
}

/**
 * Generates a fresh CA, serving certificate and service-account key pair, valid from an hour ago for `days` days.
 *
 * @param options.days Validity of the certificates in days (default 2).
 * @returns The PEM material.
 */
export async function generateClusterPki(options: { days?: number } = {}): Promise<ClusterPki> {
  const notBefore = new Date(Date.now() - 60 * 60 * 1000);
  const notAfter = new Date(Date.now() + (options.days ?? 2) * DAY_MS);
  const caKeys = await keyPair();
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: "CN=notifications-engine-test-ca",
    notBefore,
    notAfter,
    signingAlgorithm: ALGORITHM,
    keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const servingKeys = await keyPair();
  const servingCert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: "CN=kube-apiserver",
    issuer: caCert.subject,
    notBefore,
    notAfter,
    signingAlgorithm: ALGORITHM,
    publicKey: servingKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: "ip", value: "127.0.0.1" },
        { type: "dns", value: "localhost" },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const saKeys = await keyPair();
  return {
    caPem: caCert.toString("pem") + "\n",
    serving: { certPem: servingCert.toString("pem") + "\n", keyPem: await privatePem(servingKeys) },
    serviceAccount: {
      keyPem: await privatePem(saKeys),
      publicKeyPem: pem("PUBLIC KEY", await crypto.subtle.exportKey("spki", saKeys.publicKey)),
    },
  };
}
