/**
 * The effectful part: delivering notifications. {@linkcode deliver} sends one notification from `evaluate` to its
 * service, under the service's delivery policy, through the capabilities of {@linkcode createDeliveryIO} (which
 * tests replace: `fetch`, clock, sleep, randomness, the message-reference store, the console's output).
 *
 * @example Deciding and delivering to the console
 * ```ts
 * import { decodeConfig, evaluate } from "notifications-engine";
 * import { createDeliveryIO, deliver } from "notifications-engine/shell";
 * import { expect } from "expect";
 *
 * const { config } = decodeConfig({
 *   data: {
 *     "trigger.on-ready": "- when: obj.ready\n  send: [ready]",
 *     "template.ready": "message: '{{.obj.name}} is ready'",
 *     "service.console": "",
 *   },
 * });
 * const lines: string[] = [];
 * const io = createDeliveryIO({ print: (text) => lines.push(text) });
 * const decision = evaluate({ name: "web", ready: true, metadata: { annotations: {
 *   "notifications.argoproj.io/subscribe.on-ready.console": "" } } }, config, { now: 0 });
 * for (const n of decision.notifications) {
 *   expect(await deliver(n, config, io)).toMatchObject({ _tag: "Delivered" });
 * }
 * expect(lines).toEqual(["message: web is ready\n"]);
 * ```
 * @module
 */
export type { Deliverable, Delivered, DeliveryOutcome, Failed } from "./deliver.ts";
export { deliver } from "./deliver.ts";
export type { DeliveryIO } from "./delivery-io.ts";
export { createDeliveryIO } from "./delivery-io.ts";
export type { Gate, Gates } from "./gates.ts";
export type { MessageStore } from "./message-store.ts";
export { createMemoryStore } from "./message-store.ts";
export type { DeliverHttpOptions } from "./http.ts";
export type { HttpFailure } from "./delivery-failure.ts";
export { deliverHttp } from "./http.ts";
export type { RuleRun, RunRuleFilesOptions } from "./cli/rule-files.ts";
export { runRuleFiles } from "./cli/rule-files.ts";
export type { CliIO } from "./cli/cli-io.ts";
export { processCliIO } from "./cli/cli-io.ts";
export { runCli } from "./cli/run-cli.ts";
export type { RuleFile, RuleFileError, RuleFileResult, RunRuleFileOptions, ScenarioResult, StepResult } from "../rules/mod.ts";
export { formatJunit, formatRuleReport, parseRuleFile, runRuleFile } from "../rules/mod.ts";
