/**
 * Builds catalogs.json from the shared conformance ConfigMaps, so the decoding tests import them as JSON (no file
 * reads in tests/lib). Run: npx tsx tests/lib/config/_fixtures/build-catalogs.ts [path to shared/conformance]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";

const root = process.argv[2] ?? new URL("../../../fixtures/conformance", import.meta.url).pathname;
const read = (path: string): unknown => parse(readFileSync(`${root}/${path}`, "utf8"));
const data = (path: string): unknown => (read(path) as { data: unknown }).data;

const catalogs = {
  "argo-cd": { configMap: { data: data("argo-cd/argocd-notifications-cm.yaml") } },
  "argo-rollouts": { configMap: { data: data("argo-rollouts/argo-rollouts-notification-configmap.yaml") } },
  "certmanager": { configMap: { data: data("certmanager/config.yaml") } },
  "foo-sample": { configMap: { data: data("foo-sample/config.yaml") }, secret: read("foo-sample/secret.yaml") },
};
writeFileSync(new URL("./catalogs.json", import.meta.url), JSON.stringify(catalogs, null, 2) + "\n");
