/**
 * Access to a Kubernetes API server (kubeconfig or in-cluster credentials): JSON requests that never reject and
 * list-and-watch caches. The client lives in the folder-private `_client.ts`, `_raw-sender.ts` and `_informer.ts`, the
 * only importers of @kubernetes/client-node.
 * @module
 */
export type {
  KubeClient,
  KubeClientOptions,
  KubeFailure,
  KubeRequestOptions,
  KubeResult,
  RawInformer,
  RawInformerHandlers,
  RawInformerOptions,
} from "./_client.ts";
export { createKubeClient } from "./_client.ts";
