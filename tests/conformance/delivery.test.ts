/**
 * The delivery differential: for every case of scripts/oracle/delivery, the requests the Go engine sent (recorded by
 * scripts/oracle/delivery/main.go, linking github.com/argoproj/notifications-engine) and the requests this package
 * sends to a loopback receiver answering the same way must be the same — method, path, query, the headers the
 * service sets, and the body — except where a case names a deliberate deviation, which the comparison spells out.
 * Signatures made at a clock the test cannot share (a GitHub App's JWT) are checked with the signing side's public key
 * and compared by their claims; SigV4 signatures are made at the same fixed instant on both sides. E-mail goes to a
 * loopback SMTP server on each side; the messages are compared by envelope, login and content.
 */
import { type ParsedMail, simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import golden from "./delivery/go-requests.json" with { type: "json" };
import { decodeConfig, formatDiagnostic } from "../../mod.ts";
import { deliver } from "../../lib/shell/mod.ts";
import { fakeIO, notificationTo } from "../_helpers/delivery.ts";
import { type Recorded, type Reply, withLoopback } from "../_helpers/loopback.ts";
import { rsaKey, verifiedClaims } from "../_helpers/rsa.ts";
import { checkSigV4 } from "../_helpers/sigv4.ts";
import { type SmtpLoopback, startSmtp } from "../_helpers/smtp.ts";

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
    readonly mailReply?: { readonly code: number; readonly message: string };
    readonly deviations?: readonly string[];
  };
  readonly requests: readonly GoRequest[];
  readonly errors: readonly string[];
  /** The public half of the Go side's `{{PRIVATE_KEY}}` (PKIX PEM). */
  readonly publicKey?: string;
  /** The messages the Go side's SMTP server accepted. */
  readonly mails?: readonly {
    readonly user?: string;
    readonly password?: string;
    readonly from: string;
    readonly to: readonly string[];
    readonly data: string;
  }[];
}

/** A request as compared: what the service sets. */
interface Compared {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly body: unknown;
}

/** What one side's signatures are checked with. */
interface Keys {
  /** The public half of the side's GitHub App key. */
  readonly publicKey?: string | undefined;
  /** The AWS secret key of the case's settings. */
  readonly awsSecret?: string | undefined;
}

/** A deliberate deviation: a normalisation of both sides' requests before they are compared. */
type Deviation = (r: Compared, raw: Recorded, keys: Keys) => Compared;

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

/** A body as JSON: parsed when it is still text (an earlier deviation may have parsed it). */
const json = (body: unknown): unknown => (typeof body === "string" ? JSON.parse(body) : body);

/**
 * Deliberate deviations of the body, each a normalisation of both sides' bodies before they are compared:
 * - `slack-typed-json`: slack-go re-serialises `attachments` and `blocks` through its typed structs (fields in struct
 *   order, unknown fields dropped, `"blocks":null` added to each attachment, HTML characters escaped); we send the
 *   template's JSON as it rendered. The form fields must be equal, the JSON fields equal as values.
 */
const bodyDeviations: Readonly<Record<string, (body: unknown) => unknown>> = {
  /**
   * The Rocket.Chat SDK re-serialises attachments through its typed struct (known fields only, `collapsed: false`
   * and each field's `short` always written); we send the template's JSON as it rendered.
   */
  "rocketchat-typed-attachments": (body) => {
    if (typeof body === "string" && !body.startsWith("{")) return body;
    const message = json(body) as { attachments?: Record<string, unknown>[] };
    const attachments = message.attachments?.map((a) => Object.fromEntries(Object.entries(a).filter(([k, v]) => !(k === "collapsed" && v === false))));
    return { ...message, attachments };
  },
  /**
   * Google's Go client re-serialises cards through its typed structs (fields in struct order, unknown fields
   * dropped); we send the template's cards as they rendered, empty values left out. Equal as JSON values.
   */
  "googlechat-typed-cards": json,
  /** Google's Go client gives each v2 card a random UUID as its id; we number them (`card-1`). */
  "googlechat-card-ids": (body) => {
    const message = json(body) as { cardsV2?: { cardId?: string }[] };
    for (const c of message.cardsV2 ?? []) delete c.cardId;
    return message;
  },
  /** Without the template's `dedupKey`, ours derives one from the notification (a retry cannot open a second incident). */
  "derived-dedup-key": (body) => {
    const event = json(body) as Record<string, unknown>;
    delete event["dedup_key"];
    return event;
  },
  /** Without the template's `alias`, ours derives one from the notification (a retry cannot open a second alert). */
  "derived-alias": (body) => {
    const alert = json(body) as Record<string, unknown>;
    delete alert["alias"];
    return alert;
  },
  /** Go stamps the annotation with its own clock; ours with the delivery's clock (the test's fixed time). */
  "grafana-time": (body) => {
    const annotation = json(body) as Record<string, unknown>;
    expect(annotation["time"]).toEqual(expect.any(Number));
    delete annotation["time"];
    return annotation;
  },
  /** Go stamps the alert with its own clock when it renders; ours with the render's clock (the test's fixed time). */
  "alertmanager-starts-at": (body) => {
    const alerts = json(body) as Record<string, unknown>[];
    for (const a of alerts) {
      expect(a["startsAt"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      delete a["startsAt"];
    }
    return alerts;
  },
  "slack-typed-json": (body) => {
    const form: Record<string, unknown> = Object.fromEntries(new URLSearchParams(String(body)));
    for (const k of ["attachments", "blocks"]) {
      if (form[k] === undefined) continue;
      const v = JSON.parse(String(form[k])) as unknown;
      form[k] = Array.isArray(v) && k === "attachments"
        ? v.map((a: Record<string, unknown>) => Object.fromEntries(Object.entries(a).filter(([f, x]) => !(f === "blocks" && x === null))))
        : v;
    }
    return form;
  },
  /** Ours derives an `incident_key` from the notification (a retry cannot open a second incident); Go sends none. */
  "derived-incident-key": (body) => {
    const { incident } = json(body) as { incident: Record<string, unknown> };
    delete incident["incident_key"];
    return { incident };
  },
  /** PagerDuty refuses the `{"type":"priority"}` go-pagerduty sends without a `priorityId`; ours leaves it out. */
  "pagerduty-no-empty-priority": (body) => {
    const { incident } = json(body) as { incident: Record<string, unknown> };
    const priority = incident["priority"] as { id?: string } | undefined;
    if (priority !== undefined && priority.id === undefined) delete incident["priority"];
    return { incident };
  },
  /**
   * SQS refuses `DelaySeconds` on a FIFO queue, which the Go engine always sends (10); ours leaves it out there, and
   * gives the message a `MessageDeduplicationId` derived from the notification (Go sends none, which SQS refuses
   * unless the queue de-duplicates by content), so SQS drops a retry's copy.
   */
  "sqs-fifo": (body) => {
    const input = json(body) as Record<string, unknown>;
    if (typeof input["QueueUrl"] === "string" && input["QueueUrl"].endsWith(".fifo")) {
      delete input["DelaySeconds"];
      delete input["MessageDeduplicationId"];
    }
    return input;
  },
  /**
   * A comment with a tag: the Go engine appends the tag's marker when it renders and again when it sends (and,
   * commenting on a second pull request, once more onto the first one's body); ours appends it once. To edit the
   * tagged comment, Go sends back the comment it listed (its id and every field go-github knows) with the new body;
   * ours sends the body, the one field the edit changes.
   */
  "github-comment-tag": (body) => {
    const comment = body === "" ? undefined : json(body) as { body?: string } | undefined;
    if (typeof comment?.body !== "string") return body;
    return { body: comment.body.replace(/(\n<!-- argocd-notifications [^\n]* -->)(\1)+$/, "$1") };
  },
};

/** Header names that differ by case between Go's recording and ours. */
const lower = (headers: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** A JWT whose signature checked out with `publicKey`, by what does not depend on the clock: issuer and lifetime. */
function checkedJwt(jwt: string, publicKey: string | undefined): unknown {
  expect(publicKey).toEqual(expect.any(String));
  const claims = verifiedClaims(jwt, publicKey!);
  return { iss: claims["iss"], lifetime: Number(claims["exp"]) - Number(claims["iat"]) };
}

const deviations: Readonly<Record<string, Deviation>> = {
  /**
   * A GitHub App's JWT is signed at the signing side's clock (Go's is the real one) with its own throwaway key: each
   * side's is checked with its public key and compared by header, issuer and lifetime. ghinstallation sets the
   * token request's `Accept` and then adds the same value again; ours sends it once.
   */
  "github-app-jwt": (r, _raw, keys) => {
    const headers = lower(r.headers);
    const auth = String(headers["authorization"] ?? "");
    if (!auth.startsWith("Bearer ")) return r;
    const accept = [...new Set(String(headers["accept"]).split(", "))].join(", ");
    return { ...r, headers: { ...headers, accept, authorization: checkedJwt(auth.slice(7), keys.publicKey) } };
  },
  /**
   * The AWS SDK adds its own bookkeeping, which ours does not send: `amz-sdk-invocation-id` and `amz-sdk-request`
   * (a random id and the attempt count, for AWS's logs) and `x-amzn-query-mode` (asks SQS for the old query
   * protocol's error codes, which only the SDK's error mapping reads). It signs them, `content-length` and
   * `content-type` (aws4fetch signs neither), so the signatures differ: each side's is checked with the case's
   * secret, and both must sign what SigV4 requires (the host and the `x-amz-` headers).
   */
  "aws-sdk-headers": (r, raw, keys) => {
    const check = checkSigV4(raw, keys.awsSecret ?? "");
    expect(check).toMatchObject({ ok: true });
    const auth = String(lower(r.headers)["authorization"]);
    const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(";") ?? [];
    const headers = Object.fromEntries(
      Object.entries(lower(r.headers)).filter(([k]) => !["amz-sdk-invocation-id", "amz-sdk-request", "x-amzn-query-mode"].includes(k)),
    );
    return {
      ...r,
      headers: { ...headers, authorization: { ...check, signs: ["host", "x-amz-date", "x-amz-target"].filter((h) => signed.includes(h)) } },
    };
  },
  ...Object.fromEntries(Object.entries(bodyDeviations).map(([name, f]): [string, Deviation] => [name, (r) => ({ ...r, body: f(r.body) })])),
};

function comparable(c: GoCase["case"], raw: Recorded, keys: Keys): Compared {
  let out: Compared = { method: raw.method, path: raw.path, query: raw.query, headers: serviceHeaders(raw.headers), body: raw.body };
  for (const d of c.deviations ?? []) {
    const normalise = deviations[d];
    if (normalise === undefined) throw new Error(`unknown deviation ${d}`);
    out = normalise(out, raw, keys);
  }
  return out;
}

/** A Go request as ours are recorded: header names in lower case, values joined. */
function recordedOf(r: GoRequest): Recorded {
  const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v.join(", ")]));
  return { method: r.method, path: r.path, query: r.query, headers, body: r.body };
}


function serviceKey(c: GoCase["case"]): string {
  return c.service === c.type ? `service.${c.type}` : `service.${c.type}.${c.service}`;
}

/**
 * A message as compared: the envelope, the login, and the message as mailparser reads it (encodings undone: gomail
 * writes quoted-printable, nodemailer chooses its own). Headers either side adds on its own (`Date` at its clock,
 * nodemailer's `Message-ID`) are not compared.
 */
function comparableMail(envelope: { from: string; to: readonly string[]; user?: string | undefined }, m: ParsedMail): unknown {
  const addresses = (a: ParsedMail["to"]): string[] => [a ?? []].flat().map((x) => x.text);
  return {
    envelope: { from: envelope.from, to: envelope.to, user: envelope.user },
    from: addresses(m.from),
    to: addresses(m.to),
    subject: m.subject,
    // a charset's name is case-insensitive (RFC 2046): gomail writes UTF-8, nodemailer utf-8
    type: JSON.stringify(m.headers.get("content-type")).toLowerCase(),
    text: m.text,
    html: m.html,
  };
}

/** The setting `name` of a case's settings, as written. */
const setting = (settings: string, name: string): string | undefined => new RegExp(`^${name}: (.*)$`, "m").exec(settings)?.[1];

/** Runs `body` with an SMTP server on loopback when the case sends e-mail (`{{SMTP_PORT}}`), as the Go side did. */
async function withSmtp<T>(c: GoCase["case"], body: (smtp: SmtpLoopback | undefined) => Promise<T>): Promise<T> {
  if (!c.settings.includes("{{SMTP_PORT}}")) return await body(undefined);
  const name = setting(c.settings, "username");
  const smtp = await startSmtp({
    noStartTls: true,
    ...(name !== undefined ? { user: { name, pass: setting(c.settings, "password") ?? "" } } : {}),
    respond: () => c.mailReply,
  });
  try {
    return await body(smtp);
  } finally {
    await smtp.close();
  }
}

describe("delivery: the Go engine's requests, request for request", () => {
  for (const g of golden as unknown as readonly GoCase[]) {
    const c = g.case;
    it(c.name, async () => {
      const replies = c.replies ?? [];
      await withSmtp(c, (smtp) =>
        withLoopback((_, i) => replies[i] ?? c.replyAlways ?? {}, async (server) => {
          const host = server.url.replace(/^http:\/\//, "");
          const key = c.settings.includes("{{PRIVATE_KEY}}") ? rsaKey() : undefined;
          const fill = (text: string): string =>
            text.replaceAll("{{SERVER}}", server.url).replaceAll("{{HOST}}", host).replaceAll("{{SMTP_PORT}}", String(smtp?.port))
              .replaceAll("{{PRIVATE_KEY}}", JSON.stringify(key?.pkcs1 ?? ""));
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
          const secret = setting(c.settings, "secret");
          const ours = server.requests.map((r: Recorded) => comparable(c, r, { publicKey: key?.publicPem, awsSecret: secret }));
          const theirs = g.requests.map((r) => comparable(c, recordedOf(r), { publicKey: g.publicKey, awsSecret: secret }));
          expect(ours).toEqual(theirs);
          const theirMails = await Promise.all((g.mails ?? []).map(async (m) => comparableMail(m, await simpleParser(m.data))));
          expect((smtp?.received ?? []).map((m) => comparableMail(m, m.parsed))).toEqual(theirMails);
          for (const m of g.mails ?? []) expect(m.password).toBe(m.user === undefined ? undefined : setting(c.settings, "password"));
        }));
    });
  }
});
