// Deno quick start: `deno add jsr:@notifications-engine/core npm:yaml` (mapping "notifications-engine" to it),
// then `deno run --allow-read --allow-env deno.ts` from any folder (the yaml package reads LOG_TOKENS).
import { decodeConfig, evaluate, formatDiagnostic, writeNotifiedState } from "notifications-engine";
import { parse } from "yaml";

const load = async (file: string) => parse(await Deno.readTextFile(new URL(`../certmanager/${file}`, import.meta.url)));

const { config, diagnostics } = decodeConfig(await load("configmap.yaml"), await load("secret.yaml"));
for (const d of diagnostics) console.warn(formatDiagnostic(d));

const cert = await load("certificate.yaml");
cert.status.conditions = [{ type: "Ready", status: "True", reason: "Ready" }];
const { notifications, state } = evaluate(cert, config, { now: Date.now(), resourceName: "cert" });

for (const n of notifications) {
  console.log(`${n.trigger} → ${n.destination.service}:${n.destination.recipient}: ${n.content.message.trim()}`);
}
console.log(writeNotifiedState(cert.metadata.annotations, state));
