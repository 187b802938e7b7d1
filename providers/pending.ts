/**
 * Service types the Go engine has and this package does not deliver to yet (e-mail, incidents, forges, queues): their
 * settings are kept as written and their template blocks compile, so configurations that name them decode; a
 * delivery to them fails with a clear cause.
 * @module
 */
import { E } from "../lib/fp.ts";
import type { BlockSpec } from "../lib/templates/mod.ts";
import { defaultPolicy } from "./delivery-policy.ts";
import { invalidDelivery } from "./content.ts";
import type { Provider } from "./provider.ts";

/**
 * A provider for a service type that cannot deliver yet.
 * @param type the service type
 * @param block its template block, if it has one
 * @returns the provider; its `prepare` always fails with an `InvalidDelivery` diagnostic
 */
export function pendingProvider(type: string, block?: BlockSpec): Provider<Readonly<Record<string, unknown>>> {
  return {
    type,
    ...(block !== undefined ? { block } : {}),
    decodeSettings: (raw) => ({ value: raw, diagnostics: [] }),
    policy: () => defaultPolicy,
    secrets: (settings) => Object.values(settings).filter((v): v is string => typeof v === "string"),
    prepare: () => E.left(invalidDelivery(`the ${type} service cannot deliver yet`)),
  };
}
