/**
 * The custom resource of the conformance sample (`shared/conformance/foo-sample/`): a namespaced `Foo` in
 * `dummy.example.org/v1`, with a status subresource, and a way to install its CRD and wait until it is served.
 *
 * @module
 */
import { ApiextensionsV1Api, type KubeConfig, type V1CustomResourceDefinition } from "@kubernetes/client-node";

/** Group, version and plural of `Foo`, as the custom-objects API wants them. */
export const FOO = { group: "dummy.example.org", version: "v1", plural: "foos" } as const;

/** The `Foo` CRD: `spec` and `status` take any fields; `status` is written through the `/status` subresource. */
export const FOO_CRD: V1CustomResourceDefinition = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: `${FOO.plural}.${FOO.group}` },
  spec: {
    group: FOO.group,
    scope: "Namespaced",
    names: { kind: "Foo", listKind: "FooList", plural: FOO.plural, singular: "foo" },
    versions: [{
      name: FOO.version,
      served: true,
      storage: true,
      subresources: { status: {} },
      schema: {
        openAPIV3Schema: {
          type: "object",
          properties: {
            spec: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
            status: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
          },
        },
      },
    }],
  },
};

/**
 * The conformance sample's `foo-sample`, subscribed to `on-foo-ready` on Slack, in `namespace` under `name`.
 *
 * @param name metadata.name.
 * @param namespace metadata.namespace.
 * @returns A new object each call.
 */
export function fooObject(name: string, namespace: string): Record<string, unknown> {
  return {
    apiVersion: `${FOO.group}/${FOO.version}`,
    kind: "Foo",
    metadata: { name, namespace, annotations: { "notifications.argoproj.io/subscribe.on-foo-ready.slack": "test" } },
    spec: { foo: "bar" },
  };
}

/**
 * Creates the `Foo` CRD and waits until it is `Established` (served), polling every 100 ms up to `timeoutMs`.
 *
 * @param kc A client configuration allowed to create CRDs.
 * @param options.timeoutMs How long to wait (default 30 s).
 */
export async function installFooCrd(kc: KubeConfig, options: { timeoutMs?: number } = {}): Promise<void> {
  const api = kc.makeApiClient(ApiextensionsV1Api);
  await api.createCustomResourceDefinition({ body: FOO_CRD });
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const crd = await api.readCustomResourceDefinition({ name: FOO_CRD.metadata!.name! });
    if (crd.status?.conditions?.some((c) => c.type === "Established" && c.status === "True")) return;
    if (Date.now() > deadline) throw new Error(`CRD ${FOO_CRD.metadata!.name} not established in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
