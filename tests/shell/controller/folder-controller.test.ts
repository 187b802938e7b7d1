/**
 * The controller over a folder of YAML files (what `npm start` runs): a Certificate turning ready is printed once by
 * the console service, an edit of the file is picked up while it runs, state survives a restart in the local file,
 * and a configuration edit with errors keeps the last good one.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFolderController } from "../../../lib/shell/controller/folder-controller.ts";
import type { ConfigReport } from "../../../lib/shell/controller/config-holder.ts";

const config = (when: string): string =>
  `apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
data:
  trigger.on-ready: |
    - when: ${when}
      send: [ready]
  template.ready: "message: '{{.cert.metadata.name}} is ready'"
  service.console: "{}"
`;
const cert = (status: string): string =>
  `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: web
  namespace: default
  annotations: {notifications.argoproj.io/subscribe.on-ready.console: ""}
status:
  conditions: [{type: Ready, status: "${status}"}]
`;
const when = "any(cert.status.conditions, {.type == 'Ready' && .status == 'True'})";

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe("createFolderController", () => {
  it("prints once, picks up edits while watching, and remembers across restarts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "folder-controller-"));
    const stateFile = join(dir, ".state", "state.json");
    writeFileSync(join(dir, "config.yaml"), config(when));
    writeFileSync(join(dir, "cert.yaml"), cert("True"));
    const printed: string[] = [];
    const reports: ConfigReport[] = [];
    const make = () =>
      createFolderController({
        dir,
        stateFile,
        kinds: [{ kind: "Certificate", resourceName: "cert" }],
        io: { print: (t) => printed.push(t) },
        onConfig: (r) => reports.push(r),
      });
    const first = make();
    await first.start();
    await first.controller.idle();
    expect(printed).toEqual(["message: web is ready\n"]);

    writeFileSync(join(dir, "cert.yaml"), cert("False"));
    await until("the state to clear", () => !readFileSync(stateFile, "utf8").includes("on-ready"));
    writeFileSync(join(dir, "cert.yaml"), cert("True"));
    await until("the second notification", () => printed.length === 2);

    writeFileSync(join(dir, "config.yaml"), config("cert.status.conditions[0].status =="));
    await until("the broken configuration to be reported", () => reports.some((r) => r.outcome === "kept"));
    await first.stop();

    const second = make();
    await second.start();
    await second.controller.idle();
    await second.stop();
    expect(printed).toHaveLength(2);
  });
});
