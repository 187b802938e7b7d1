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
export type {
  RuleFile,
  RuleFileError,
  RuleFileResult,
  RunRuleFileOptions,
  ScenarioResult,
  StepResult,
} from "../rules/mod.ts";
export { formatJunit, formatRuleReport, parseRuleFile, runRuleFile } from "../rules/mod.ts";
// --- the controller
export type { Controller, ControllerOptions } from "./controller/controller.ts";
export { createController } from "./controller/controller.ts";
export type { ObjectRef, ResourceObject, Source, SourceEventType, SourceListener } from "./controller/source.ts";
export { objectKey, objectRef } from "./controller/source.ts";
export type { MemorySource } from "./controller/memory-source.ts";
export { createMemorySource } from "./controller/memory-source.ts";
export type { FolderSourceOptions } from "./controller/folder-source.ts";
export { folderSource } from "./controller/folder-source.ts";
export type { StateStore, StateTarget, StoreFailure } from "./controller/state-store.ts";
export { createMemoryStateStore } from "./controller/state-store.ts";
export type { FileStore } from "./controller/file-store.ts";
export { createFileStore } from "./controller/file-store.ts";
export type { ConfigHolder, ConfigHolderOptions, ConfigReport, ConfigUse } from "./controller/config-holder.ts";
export { createConfigHolder } from "./controller/config-holder.ts";
export type { ControllerHooks, PassEvent } from "./controller/hooks.ts";
export type { Backoff, WorkQueue, WorkQueueOptions } from "./controller/work-queue.ts";
export { createWorkQueue } from "./controller/work-queue.ts";
export type { FolderController, FolderControllerOptions, FolderKind } from "./controller/folder-controller.ts";
export { createFolderController } from "./controller/folder-controller.ts";
export type { KubeClient, KubeClientOptions, KubeFailure } from "./kubernetes/kube-client.ts";
export { createKubeClient } from "./kubernetes/kube-client.ts";
export type { KubeController, KubeControllerOptions, WatchedResource } from "./kubernetes/kube-controller.ts";
export { createKubeController } from "./kubernetes/kube-controller.ts";
export type { KubeSource, ResourceSpec } from "./kubernetes/informer-source.ts";
export { informerSource, parseResourceSpec } from "./kubernetes/informer-source.ts";
export { annotationStore } from "./kubernetes/annotation-store.ts";
export { configMapStore } from "./kubernetes/configmap-store.ts";
export type { ShardLeases, ShardLeasesOptions } from "./kubernetes/shard-leases.ts";
export { createShardLeases, shardOf } from "./kubernetes/shard-leases.ts";
export type { ControllerMetrics, MetricsOptions } from "./metrics.ts";
export { createControllerMetrics } from "./metrics.ts";
export type { Log, LogOptions } from "./log.ts";
export { createLog } from "./log.ts";
export type { HealthServer, HealthServerOptions } from "./health-server.ts";
export { serveHealth } from "./health-server.ts";
export type { CommandIO } from "./cli/controller-command.ts";
export { runControllerCommand } from "./cli/controller-command.ts";
