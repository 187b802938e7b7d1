/**
 * sprig functions that need randomness, key generation or the network (`uuidv4`, `rand*`, `shuffle`, `bcrypt`,
 * `htpasswd`, `genCA`…, `encryptAES`, `getHostByName`), plus the few deterministic crypto helpers not ported
 * (`decryptAES`, `derivePassword`, `buildCustomCert`, `semver`, `semverCompare`).
 *
 * The core is pure (no clock, no random source, no I/O), so these stay defined — a template using them still
 * parses, as it does in Go — and fail at render time with a clear message instead of returning something random
 * or silently empty.
 * @module
 */
import { type GoFunc, GoFuncError } from "../go/func.ts";
import { any, variadic } from "./_define.ts";

function unavailable(name: string, why: string): GoFunc {
  return variadic([], any, () => {
    throw new GoFuncError(`${name} is not available in notifications-engine: ${why}`);
  });
}

const random = "it needs randomness, and templates render deterministically";
const notPorted = "not implemented in the TypeScript engine";

/** The sprig names this engine defines but refuses at render time. */
export const unavailableFunctions: Readonly<Record<string, GoFunc>> = {
  ...Object.fromEntries(
    [
      "uuidv4",
      "randAlpha",
      "randAlphaNum",
      "randAscii",
      "randNumeric",
      "randInt",
      "randBytes",
      "shuffle",
      "bcrypt",
      "htpasswd",
      "genPrivateKey",
      "genCA",
      "genCAWithKey",
      "genSelfSignedCert",
      "genSelfSignedCertWithKey",
      "genSignedCert",
      "genSignedCertWithKey",
      "encryptAES",
    ].map((n) => [n, unavailable(n, random)]),
  ),
  getHostByName: unavailable("getHostByName", "it needs the network, and the core does no I/O"),
  ...Object.fromEntries(
    ["decryptAES", "derivePassword", "buildCustomCert", "semver", "semverCompare"].map((
      n,
    ) => [n, unavailable(n, notPorted)]),
  ),
};
