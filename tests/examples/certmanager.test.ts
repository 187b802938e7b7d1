/** The seed example, verbatim: the cert-manager ConfigMap of argoproj/notifications-engine, run through evaluate. */
import { describe, expect, it } from "vitest";
import { decodeConfig, evaluate, type NotifiedState } from "../../mod.ts";
import { loadManifest, withReady } from "../../examples/certmanager/load.ts";

const { config, diagnostics } = decodeConfig(loadManifest("configmap.yaml"), loadManifest("secret.yaml"));
const cert = loadManifest("certificate.yaml");
const t0 = Date.parse("2024-01-02T03:04:05Z");
const run = (status: "True" | "False", state: NotifiedState, minute: number) =>
  evaluate(withReady(cert, status), config, { now: t0 + minute * 60_000, state, resourceName: "cert" });

describe("examples/certmanager", () => {
  it("decodes the seed ConfigMap without diagnostics", () => {
    expect(diagnostics).toEqual([]);
    expect([...config.triggers.keys()]).toEqual(["on-cert-ready"]);
    expect(config.services.get("slack")?.settings).toEqual({ token: "xoxb-not-a-real-token" });
  });

  it("evaluate() sends nothing while the certificate is not ready", () => {
    const d = run("False", {}, 0);
    expect(d.notifications).toEqual([]);
    expect(d.state).toEqual({});
    expect(d.diagnostics).toEqual([]);
  });

  it("evaluate() sends exactly one Slack notification when it turns ready, then nothing", () => {
    const ready = run("True", {}, 1);
    expect(ready.diagnostics).toEqual([]);
    expect(ready.notifications).toHaveLength(1);
    const [n] = ready.notifications;
    expect(n?.destination).toEqual({ service: "slack", recipient: "my-channel" });
    expect(n?.serviceType).toBe("slack");
    expect(n?.trigger).toBe("on-cert-ready");
    expect(n?.content.message).toBe("Certificate example-com is ready!\n");
    expect(Object.keys(ready.state)).toEqual([n?.stateKey]);
    expect(n?.stateKey).toMatch(/^on-cert-ready:\[0\]\.[A-Za-z0-9_-]{27}:slack:my-channel$/);

    const again = run("True", ready.state, 2);
    expect(again.notifications).toEqual([]);
    expect(again.state).toEqual(ready.state);
  });

  it("evaluate() notifies again after the certificate went not ready and ready again", () => {
    const ready = run("True", {}, 1);
    const notReady = run("False", ready.state, 2);
    expect(notReady.notifications).toEqual([]);
    expect(notReady.state).toEqual({});
    const readyAgain = run("True", notReady.state, 3);
    expect(readyAgain.notifications.map((n) => n.content.message)).toEqual(["Certificate example-com is ready!\n"]);
    expect(Object.values(readyAgain.state)).toEqual([Math.floor((t0 + 3 * 60_000) / 1000)]);
  });
});
