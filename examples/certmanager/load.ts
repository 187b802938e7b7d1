/**
 * Loads the example's Kubernetes manifests (the ConfigMap, Secret and Certificate) from this folder.
 * Shared by the runnable example and its test.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** Reads and parses one YAML manifest, relative to this folder unless absolute. */
export function loadManifest(file: string): Record<string, unknown> {
  const url = file.startsWith("/") ? file : new URL(file, import.meta.url);
  return parse(readFileSync(url, "utf8")) as Record<string, unknown>;
}

/** A copy of the Certificate with its Ready condition set to `status`. */
export function withReady(cert: Record<string, unknown>, status: "True" | "False"): Record<string, unknown> {
  const copy = structuredClone(cert) as { status: { conditions: Record<string, string>[] } };
  copy.status.conditions = [{
    type: "Ready",
    status,
    reason: status === "True" ? "Ready" : "Pending",
    message: status === "True" ? "Certificate is up to date and has not expired" : "Issuing certificate",
    lastTransitionTime: "2024-01-02T03:04:05Z",
  }];
  return copy;
}
