/**
 * The custom resource of the conformance sample (`shared/conformance/foo-sample/`): a namespaced `Foo` in
 * `dummy.example.org/v1`, with a status subresource, and a way to install its CRD and wait until it is served.
 *
 * @module
 */
import {
  ApiException,
  ApiextensionsV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1CustomResourceDefinition,
} from "@kubernetes/client-node";

/** Group, version and plural of `Foo`, as the custom-objects API wants them. */
export const FOO = { group: "dummy.example.org", version: "v1", plural: "foos" } as const;

/**
 * The `Foo` CRD: `spec` and `status` take any fields; `status` is written through the `/status` subresource.
 * Typed models of @kubernetes/client-node serialize by their own field names and silently drop others: it is
 * `x_kubernetes_preserve_unknown_fields` here, sent as `x-kubernetes-preserve-unknown-fields`.
 */
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
            spec: { type: "object", x_kubernetes_preserve_unknown_fields: true },
            status: { type: "object", x_kubernetes_preserve_unknown_fields: true },
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
 * Creates the `Foo` CRD and waits until Foos are served: the CRD `Established`, then a list from the watch cache
 * (`resourceVersion=0`) no longer answers 429 "storage is (re)initializing" (which a watch would get too). Polls
 * every 100 ms up to `timeoutMs`.
 *
 * @param kc A client configuration allowed to create CRDs.
 * @param options.timeoutMs How long to wait (default 30 s).
 */
export async function installFooCrd(kc: KubeConfig, options: { timeoutMs?: number } = {}): Promise<void> {
  const api = kc.makeApiClient(ApiextensionsV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  await api.createCustomResourceDefinition({ body: FOO_CRD });
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const established = async (): Promise<boolean> => {
    const crd = await api.readCustomResourceDefinition({ name: FOO_CRD.metadata!.name! });
    return crd.status?.conditions?.some((c) => c.type === "Established" && c.status === "True") === true;
  };
  const cached = (): Promise<boolean> =>
    custom.listClusterCustomObject({ ...FOO, resourceVersion: "0" }).then(
      () => true,
      (e: unknown) => {
        if (e instanceof ApiException && (e.code === 429 || e.code === 404)) return false;
        throw e;
      },
    );
  for (const [what, ready] of [["established", established], ["served from the watch cache", cached]] as const) {
    while (!(await ready())) {
      if (Date.now() > deadline) throw new Error(`CRD ${FOO_CRD.metadata!.name} not ${what} in time`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
