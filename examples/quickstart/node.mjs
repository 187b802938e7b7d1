// Node quick start: `npm install notifications-engine yaml`, then `node node.mjs`.
// Decides what the cert-manager example's Certificate sends once it is ready, and shows the Slack request.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { decodeConfig, evaluate, formatDiagnostic, writeNotifiedState } from "notifications-engine";
import { builtinProviders } from "notifications-engine/providers";

const load = async (file) => parse(await readFile(new URL(`../certmanager/${file}`, import.meta.url), "utf8"));

const { config, diagnostics } = decodeConfig(await load("configmap.yaml"), await load("secret.yaml"));
for (const d of diagnostics) console.warn(formatDiagnostic(d));

const cert = await load("certificate.yaml");
cert.status.conditions = [{ type: "Ready", status: "True", reason: "Ready" }];
const decision = evaluate(cert, config, { now: Date.now(), resourceName: "cert" });

for (const n of decision.notifications) {
  console.log(`${n.trigger} → ${n.destination.service}:${n.destination.recipient}: ${n.content.message.trim()}`);
  const slack = builtinProviders[n.serviceType];
  const prepared = slack.prepare(n, config.services.get(n.destination.service).decoded, { now: Date.now() });
  if (prepared._tag === "Right" && prepared.right.kind === "http") {
    console.log(`${prepared.right.request.method} ${prepared.right.request.url}`);
  }
}
const annotations = writeNotifiedState(cert.metadata.annotations, decision.state);
console.log(
  `notified state: ${Object.keys(JSON.parse(annotations["notified.notifications.argoproj.io"])).length} entry`,
);
