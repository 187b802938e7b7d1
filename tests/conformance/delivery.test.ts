/**
 * The delivery differential: for every case of scripts/oracle/delivery, the requests the Go engine sent (recorded by
 * scripts/oracle/delivery/main.go, linking github.com/argoproj/notifications-engine) and the requests this package
 * sends to a loopback receiver answering the same way must be the same — method, path, query, the headers the
 * service sets, and the body — except where a case names a deliberate deviation, which the comparison spells out.
 */
import { describe, expect, it } from "vitest";
import golden from "./delivery/go-requests.json" with { type: "json" };
import { decodeConfig, formatDiagnostic } from "../../mod.ts";
import { deliver } from "../../lib/shell/mod.ts";
import { fakeIO, notificationTo } from "../_helpers/delivery.ts";
import { type Recorded, type Reply, withLoopback } from "../_helpers/loopback.ts";

interface GoRequest {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly body: string;
}

interface GoCase {
  readonly case: {
    readonly name: string;
    readonly type: string;
    readonly service: string;
    readonly settings: string;
    readonly template: string;
    readonly vars: Readonly<Record<string, unknown>>;
    readonly recipient: string;
    readonly sends: number;
    readonly replies: readonly Reply[] | null;
    readonly replyAlways?: Reply;
    readonly tsSettings?: string;
    readonly deviations?: readonly string[];
  };
  readonly requests: readonly GoRequest[];
  readonly errors: readonly string[];
}

/** Headers the HTTP client adds on its own (Go's or fetch's), not the service. */
const transport = new Set(["user-agent", "accept-encoding", "content-length", "host", "connection", "accept-language", "sec-fetch-mode"]);

function serviceHeaders(headers: Readonly<Record<string, string | readonly string[]>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const name = k.toLowerCase();
    const value = typeof v === "string" ? v : v.join(", ");
    if (transport.has(name) || (name === "accept" && value === "*/*")) continue;
    out[name] = value;
  }
  return out;
}

/**
 * Deliberate deviations, each a normalisation of both sides' bodies before they are compared:
 * - `slack-typed-json`: slack-go re-serialises `attachments` and `blocks` through its typed structs (fields in struct
 *   order, unknown fields dropped, `"blocks":null` added to each attachment, HTML characters escaped); we send the
 *   template's JSON as it rendered. The form fields must be equal, the JSON fields equal as values.
 */
const deviations: Readonly<Record<string, (body: string) => unknown>> = {
  /**
   * The Rocket.Chat SDK re-serialises attachments through its typed struct (known fields only, `collapsed: false`
   * and each field's `short` always written); we send the template's JSON as it rendered.
   */
  "rocketchat-typed-attachments": (body) => {
    if (!body.startsWith("{")) return body;
    const message = JSON.parse(body) as { attachments?: Record<string, unknown>[] };
    const attachments = message.attachments?.map((a) => Object.fromEntries(Object.entries(a).filter(([k, v]) => !(k === "collapsed" && v === false))));
    return { ...message, attachments };
  },
  /**
   * Google's Go client re-serialises cards through its typed structs (fields in struct order, unknown fields
   * dropped); we send the template's cards as they rendered, empty values left out. Equal as JSON values.
   */
  "googlechat-typed-cards": (body) => JSON.parse(body),
  /** Google's Go client gives each v2 card a random UUID as its id; we number them (`card-1`). */
  "googlechat-card-ids": (body) => {
    const message = JSON.parse(body) as { cardsV2?: { cardId?: string }[] };
    for (const c of message.cardsV2 ?? []) delete c.cardId;
    return message;
  },
  /** Without the template's `dedupKey`, ours derives one from the notification (a retry cannot open a second incident). */
  "derived-dedup-key": (body) => {
    const event = JSON.parse(body) as Record<string, unknown>;
    delete event["dedup_key"];
    return event;
  },
  /** Without the template's `alias`, ours derives one from the notification (a retry cannot open a second alert). */
  "derived-alias": (body) => {
    const alert = JSON.parse(body.trimEnd()) as Record<string, unknown>;
    delete alert["alias"];
    return alert;
  },
  /** Go stamps the annotation with its own clock; ours with the delivery's clock (the test's fixed time). */
  "grafana-time": (body) => {
    const annotation = JSON.parse(body) as Record<string, unknown>;
    expect(annotation["time"]).toEqual(expect.any(Number));
    delete annotation["time"];
    return annotation;
  },
  /** Go stamps the alert with its own clock when it renders; ours with the render's clock (the test's fixed time). */
  "alertmanager-starts-at": (body) => {
    const alerts = JSON.parse(body) as Record<string, unknown>[];
    for (const a of alerts) {
      expect(a["startsAt"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      delete a["startsAt"];
    }
    return alerts;
  },
  "slack-typed-json": (body) => {
    const form: Record<string, unknown> = Object.fromEntries(new URLSearchParams(body));
    for (const k of ["attachments", "blocks"]) {
      if (form[k] === undefined) continue;
      const v = JSON.parse(String(form[k])) as unknown;
      form[k] = Array.isArray(v) && k === "attachments"
        ? v.map((a: Record<string, unknown>) => Object.fromEntries(Object.entries(a).filter(([f, x]) => !(f === "blocks" && x === null))))
        : v;
    }
    return form;
  },
};

function comparable(c: GoCase["case"], body: string): unknown {
  let out: unknown = body;
  for (const d of c.deviations ?? []) {
    const normalise = deviations[d];
    if (normalise === undefined) throw new Error(`unknown deviation ${d}`);
    out = normalise(body);
  }
  return out;
}

function serviceKey(c: GoCase["case"]): string {
  return c.service === c.type ? `service.${c.type}` : `service.${c.type}.${c.service}`;
}

describe("delivery: the Go engine's requests, request for request", () => {
  for (const g of golden as unknown as readonly GoCase[]) {
    const c = g.case;
    it(c.name, async () => {
      const replies = c.replies ?? [];
      await withLoopback((_, i) => replies[i] ?? c.replyAlways ?? {}, async (server) => {
        const host = server.url.replace(/^http:\/\//, "");
        const fill = (text: string): string => text.replaceAll("{{SERVER}}", server.url).replaceAll("{{HOST}}", host);
        const settings = fill(c.settings) + fill(c.tsSettings ?? "");
        const { config, diagnostics } = decodeConfig({ data: { [serviceKey(c)]: settings, "template.t": c.template } });
        expect(diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic)).toEqual([]);
        const rendered = config.templates.get("t")!.render({ ...c.vars, serviceType: c.service, recipient: c.recipient }, {
          now: Date.parse("2024-01-02T03:04:05Z"),
          service: c.type,
        });
        if (rendered._tag === "Left") throw new Error(formatDiagnostic(rendered.left));
        const io = fakeIO();
        const outcomes = [];
        for (let i = 0; i < Math.max(1, c.sends); i++) {
          outcomes.push(await deliver(notificationTo(c.service, c.recipient, rendered.right), config, io));
        }
        expect(outcomes.map((o) => o._tag)).toEqual(g.errors.map((e) => (e === "" ? "Delivered" : "Failed")));
        const ours = server.requests.map((r: Recorded) => ({
          method: r.method,
          path: r.path,
          query: r.query,
          headers: serviceHeaders(r.headers),
          body: comparable(c, r.body),
        }));
        const theirs = g.requests.map((r) => ({
          method: r.method,
          path: r.path,
          query: r.query,
          headers: serviceHeaders(r.headers),
          body: comparable(c, r.body),
        }));
        expect(ours).toEqual(theirs);
      });
    });
  }
});
