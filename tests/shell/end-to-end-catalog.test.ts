/**
 * The Argo CD catalog from the ConfigMap to real receivers: its `email:` blocks over SMTP (STARTTLS, AUTH) and the
 * Argo CD documentation's `github:` commit status (the catalog has none; the docs' example is added to the
 * catalog's app-deployed template) through a GitHub App installation token — evaluate, then deliver.
 */
import { describe, expect, it } from "vitest";
import { decodeConfig, evaluate, formatDiagnostic } from "../../mod.ts";
import { deliver } from "../../lib/shell/mod.ts";
import { deliverSmtp } from "../../providers/email/deliver.ts";
import { fakeIO } from "../_helpers/delivery.ts";
import { application, argoCdConfigMap, argoCdSecret } from "../_helpers/argocd.ts";
import { withLoopback } from "../_helpers/loopback.ts";
import { startSmtp } from "../_helpers/smtp.ts";
import { rsaKey } from "../_helpers/rsa.ts";

const now = Date.parse("2024-01-02T03:04:05Z");

describe("the Argo CD catalog, end to end", () => {
  it("delivers the catalog's app-deployed e-mail (subject from its email block) over SMTP", async () => {
    const smtp = await startSmtp({ user: { name: "argocd", pass: argoCdSecret.stringData["email-password"] } });
    try {
      const cm = argoCdConfigMap();
      const data = {
        ...cm.data,
        "service.email":
          `host: 127.0.0.1\nport: ${smtp.port}\nfrom: argocd@example.com\nusername: $email-username\npassword: $email-password`,
      };
      const { config, diagnostics } = decodeConfig({ data }, argoCdSecret);
      expect(diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic)).toEqual([]);
      const app = application({
        "notifications.argoproj.io/subscribe.on-deployed.email": "team@example.com, oncall@example.com",
      });
      const decision = evaluate(app, config, { now, resourceName: "app" });
      const email = decision.notifications.filter((n) => n.destination.service === "email");
      expect(email.length).toBe(1);
      const io = fakeIO({ smtp: (d, o) => deliverSmtp(d, { ...o, ca: [smtp.ca] }) });
      expect(await deliver({ ...email[0]!, idempotencyKey: email[0]!.stateKey }, config, io)).toMatchObject({
        _tag: "Delivered",
      });
      const [m] = smtp.received;
      expect(m).toMatchObject({ to: ["team@example.com", "oncall@example.com"], secure: true, user: "argocd" });
      expect(m!.parsed.subject).toBe("New version of an application guestbook is up and running.");
      expect(m!.parsed.text).toContain("Application guestbook is now running new version of deployments manifests.");
    } finally {
      await smtp.close();
    }
  });

  it("sets the docs' GitHub commit status from the catalog's app-deployed, through an App installation token", async () => {
    const key = rsaKey();
    await withLoopback(
      (
        r,
      ) => (r.path.endsWith("/access_tokens")
        ? { status: 201, body: '{"token":"ghs_T"}' }
        : { status: 201, body: "{}" }),
      async (server) => {
        const cm = argoCdConfigMap();
        const deployed = `${
          cm.data["template.app-deployed"]
        }github:\n  status:\n    state: success\n    label: "continuous-delivery/{{.app.metadata.name}}"\n    targetURL: "{{.context.argocdUrl}}/applications/{{.app.metadata.name}}?operation=true"\n`;
        const indent = key.pkcs1.trim().split("\n").map((l) => `  ${l}`).join("\n");
        const data = {
          ...cm.data,
          "template.app-deployed": deployed,
          "service.github":
            `appID: 1\ninstallationID: 2\nenterpriseBaseURL: ${server.url}/api/v3\nprivateKey: |\n${indent}\n`,
        };
        const { config, diagnostics } = decodeConfig({ data }, argoCdSecret);
        expect(diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic)).toEqual([]);
        const decision = evaluate(
          application({ "notifications.argoproj.io/subscribe.on-deployed.github": "" }),
          config,
          { now, resourceName: "app" },
        );
        const [n] = decision.notifications;
        expect(await deliver(n!, config, fakeIO())).toMatchObject({ _tag: "Delivered", attempts: 2 });
        expect(server.requests[1]).toMatchObject({
          path: "/api/v3/repos/argoproj/argocd-example-apps/statuses/8a7d7f1f2e3c4b5a69788796a5b4c3d2e1f0a9b8",
          headers: { authorization: "token ghs_T" },
        });
        expect(JSON.parse(server.requests[1]!.body)).toEqual({
          state: "success",
          target_url: "https://argocd.example.com/applications/guestbook?operation=true",
          description: n!.content.message.slice(0, 137) +
            ([...n!.content.message].length > 140 ? "..." : n!.content.message.slice(137)),
          context: "continuous-delivery/guestbook",
        });
      },
    );
  });
});
