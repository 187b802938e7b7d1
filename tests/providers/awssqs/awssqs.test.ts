import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { decodeConfig, formatDiagnostic } from "../../../mod.ts";
import { awssqsProvider } from "../../../providers/awssqs/awssqs.ts";
import { deliver } from "../../../lib/shell/mod.ts";
import { configOf, fakeIO, notificationTo, refusal } from "../../_helpers/delivery.ts";
import { type Recorded, type Reply, withLoopback } from "../../_helpers/loopback.ts";
import { checkSigV4 } from "../../_helpers/sigv4.ts";

const secret = "aws-SECRET-access/key+1";
const settings = (url: string, extra = ""): string =>
  `region: us-east-1\nkey: AKIDEXAMPLE\nsecret: ${secret}\nendpointUrl: ${url}\naccount: "123456789012"\n${extra}`;

/** An SQS endpoint that refuses requests whose signature does not check out, as SQS does. */
function sqs(url: () => string, fail?: (r: Recorded, i: number) => Reply | undefined) {
  return (r: Recorded, i: number): Reply => {
    const sig = checkSigV4(r, secret);
    if (!sig.ok) {
      return {
        status: 403,
        body: JSON.stringify({ __type: "com.amazonaws.sqs#SignatureDoesNotMatch", message: sig.why }),
      };
    }
    const failure = fail?.(r, i);
    if (failure !== undefined) return failure;
    const body = JSON.parse(r.body) as Record<string, string>;
    if (r.headers["x-amz-target"] === "AmazonSQS.GetQueueUrl") {
      return { body: JSON.stringify({ QueueUrl: `${url()}/123456789012/${body["QueueName"]}` }) };
    }
    return {
      body: JSON.stringify({
        MessageId: "m-1",
        MD5OfMessageBody: createHash("md5").update(body["MessageBody"]!).digest("hex"),
      }),
    };
  };
}

describe("awssqs", () => {
  it("finds the queue URL, then sends the message, both signed with SigV4 (Go vectors: DelaySeconds 10, no group id)", async () => {
    let url = "";
    await withLoopback(sqs(() => url), async (server) => {
      url = server.url;
      const config = configOf({ "service.awssqs": settings(server.url, "queue: default-queue") });
      const outcome = await deliver(notificationTo("awssqs", "test", { message: "Hello" }), config, fakeIO());
      expect(outcome).toEqual({ _tag: "Delivered", attempts: 2, status: 200, messageRef: "m-1" });
      expect(server.requests.map((r) => [r.headers["x-amz-target"], r.headers["content-type"], r.body])).toEqual([
        [
          "AmazonSQS.GetQueueUrl",
          "application/x-amz-json-1.0",
          '{"QueueName":"test","QueueOwnerAWSAccountId":"123456789012"}',
        ],
        [
          "AmazonSQS.SendMessage",
          "application/x-amz-json-1.0",
          `{"DelaySeconds":10,"MessageBody":"Hello","QueueUrl":"${server.url}/123456789012/test"}`,
        ],
      ]);
      for (const r of server.requests) {
        expect(checkSigV4(r, secret)).toEqual({
          ok: true,
          accessKeyId: "AKIDEXAMPLE",
          scope: "20240102/us-east-1/sqs/aws4_request",
        });
      }
      expect(server.requests[0]!.headers["x-amz-date"]).toBe("20240102T030405Z");
    });
  });

  it("sends a FIFO message with its group, no delay, and a deduplication id that a retry repeats", async () => {
    let url = "";
    await withLoopback(
      sqs(
        () => url,
        (_r, i) => (i === 1 ? { status: 500, body: '{"__type":"InternalError","message":"try again"}' } : undefined),
      ),
      async (server) => {
        url = server.url;
        const config = configOf({ "service.awssqs": settings(server.url) });
        const n = notificationTo("awssqs", "deploys.fifo", {
          message: "Hello",
          blocks: { awssqs: { messageGroupId: "test-group-id" } },
        }, "state-1");
        const io = fakeIO();
        expect(await deliver(n, config, io)).toMatchObject({ _tag: "Delivered", attempts: 3 });
        const [, first, second] = server.requests.map((r) => JSON.parse(r.body));
        expect(first).toEqual({
          MessageBody: "Hello",
          MessageDeduplicationId: expect.stringMatching(/^[0-9a-f]{40}$/),
          MessageGroupId: "test-group-id",
          QueueUrl: `${server.url}/123456789012/deploys.fifo`,
        });
        expect(second).toEqual(first);
        // the retry is signed again at its own time, and checks out
        expect(checkSigV4(server.requests[2]!, secret).ok).toBe(true);
        expect(io.sleeps).toEqual([500]);
      },
    );
  });

  it("fails a wrong secret as SQS does (the signature does not match), without retrying or showing it", async () => {
    await withLoopback(sqs(() => ""), async (server) => {
      const config = configOf({ "service.awssqs": settings(server.url).replace(secret, "aws-SECRET-wrong") });
      const outcome = await deliver(notificationTo("awssqs", "q", { message: "m" }), config, fakeIO());
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: false, attempts: 1, status: 403 });
      expect(outcome._tag === "Failed" && outcome.cause).toBe(
        "awssqs: sqs GetQueueUrl answered status 403: SignatureDoesNotMatch: the signature does not match",
      );
      expect(JSON.stringify(outcome)).not.toContain("SECRET");
    });
  });

  it("reports a region that does not match the endpoint, and missing credentials", () => {
    const { diagnostics } = decodeConfig({
      data: {
        "service.awssqs": "region: us-east-1\nkey: k\nsecret: s\nendpointUrl: https://sqs.eu-west-1.amazonaws.com",
        "service.awssqs.b": "queue: q",
      },
    });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "service.awssqs: line 4, column 14: the endpoint is in region eu-west-1, not in the configured region us-east-1",
      "service.awssqs.b: line 1, column 1: the awssqs service needs a region (the AWS environment is not read)",
      "service.awssqs.b: line 1, column 1: the awssqs service needs key and secret (the AWS default credential chain is not read)",
    ]);
  });

  it("refuses a queue name SQS would refuse, and a FIFO queue without a group", () => {
    const raw = { region: "us-east-1", key: "k", secret: "s" };
    expect(refusal(awssqsProvider, raw, notificationTo("awssqs", "my queue"))).toBe(
      'recipient "my queue" is not an SQS queue name',
    );
    expect(refusal(awssqsProvider, raw, notificationTo("awssqs", "q.fifo"))).toBe(
      "queue q.fifo is a FIFO queue: the awssqs block needs a messageGroupId",
    );
  });
});
