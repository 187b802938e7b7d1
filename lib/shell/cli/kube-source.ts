/**
 * Reading the configuration and resources from a cluster (`--kubeconfig`), with @kubernetes/client-node, loaded only
 * when a command asks for it. Errors become sentences without response bodies or headers.
 * @module
 */

/** Where to read from. */
export interface ClusterRef {
  readonly kubeconfig: string;
  /** The namespace; the kubeconfig context's namespace, else `default`, when absent. */
  readonly namespace?: string | undefined;
}

/** A resource named on the command line: `[apiVersion/]Kind/name` (`argoproj.io/v1alpha1/Application/guestbook`). */
export interface ResourceRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
}

/**
 * Parses `[apiVersion/]Kind/name`; without an apiVersion the core `v1`.
 * @param text the argument
 * @returns the reference, or why it is not one
 */
export function parseResourceRef(text: string): ResourceRef | string {
  const parts = text.split("/");
  if (parts.length < 2 || parts.some((p) => p === "")) {
    return `"${text}" does not name a resource: write [apiVersion/]Kind/name, e.g. argoproj.io/v1alpha1/Application/guestbook`;
  }
  const name = parts.pop()!;
  const kind = parts.pop()!;
  return { apiVersion: parts.length === 0 ? "v1" : parts.join("/"), kind, name };
}

/** Turns a client error into a sentence: the status and reason only, never the body or headers. */
function describeError(e: unknown, what: string): string {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  if (code === 404) return `${what} was not found`;
  if (code === 401 || code === 403) return `${what}: access denied (HTTP ${code})`;
  if (typeof code === "number") return `${what}: the API server answered HTTP ${code}`;
  const message = e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e);
  return `${what}: ${message.slice(0, 200)}`;
}

async function connect(ref: ClusterRef) {
  const k8s = await import("@kubernetes/client-node");
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(ref.kubeconfig);
  const namespace = ref.namespace ?? (kc.getContextObject(kc.getCurrentContext())?.namespace || "default");
  return { k8s, kc, namespace };
}

/**
 * Reads the notification ConfigMap and Secret.
 * @param ref the kubeconfig and namespace
 * @param names the ConfigMap's and Secret's names
 * @returns their `data` (the Secret's still base64), or why not; a missing Secret is no Secret
 */
export async function readClusterConfig(
  ref: ClusterRef,
  names: { readonly configMap: string; readonly secret: string },
): Promise<{ configMap: { data: Record<string, string> }; secret?: { data: Record<string, string> } } | string> {
  let connection;
  try {
    connection = await connect(ref);
  } catch (e) {
    return describeError(e, `kubeconfig ${ref.kubeconfig}`);
  }
  const { k8s, kc, namespace } = connection;
  const core = kc.makeApiClient(k8s.CoreV1Api);
  let data: Record<string, string>;
  try {
    data = (await core.readNamespacedConfigMap({ name: names.configMap, namespace })).data ?? {};
  } catch (e) {
    return describeError(e, `ConfigMap ${namespace}/${names.configMap}`);
  }
  try {
    const secret = await core.readNamespacedSecret({ name: names.secret, namespace });
    return { configMap: { data }, secret: { data: secret.data ?? {} } };
  } catch (e) {
    const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
    if (code === 404) return { configMap: { data } };
    return describeError(e, `Secret ${namespace}/${names.secret}`);
  }
}

/**
 * Reads one resource of any kind.
 * @param ref the kubeconfig and namespace
 * @param resource what to read
 * @returns the resource as the API server returns it, or why not
 */
export async function readClusterResource(
  ref: ClusterRef,
  resource: ResourceRef,
): Promise<Record<string, unknown> | string> {
  try {
    const { k8s, kc, namespace } = await connect(ref);
    const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
    const read = await objects.read({
      apiVersion: resource.apiVersion,
      kind: resource.kind,
      metadata: { name: resource.name, namespace },
    });
    return JSON.parse(JSON.stringify(read)) as Record<string, unknown>;
  } catch (e) {
    return describeError(e, `${resource.kind} ${resource.name}`);
  }
}
