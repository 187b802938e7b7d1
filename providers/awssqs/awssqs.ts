/**
 * The `awssqs` service: the message sent to an SQS queue over the SQS JSON protocol, as the Go engine's AWS SDK
 * sends it — `GetQueueUrl` for the queue named by the recipient (or `queue`), then `SendMessage` with the message as
 * the body and the template's `messageGroupId` — each request signed with SigV4 by aws4fetch (Web Crypto; signed
 * again before every attempt, so a retry carries a fresh date). `endpointUrl` replaces the regional endpoint
 * (LocalStack, ElasticMQ, a VPC endpoint).
 *
 * Credentials, as the Go engine's: the static `key` and `secret` when both are set; otherwise the AWS SDK's default
 * chain, which the shell runs (`io.credentials.aws`, `lib/shell/aws-credential-chain.ts`), in the SDK's order:
 * - the environment: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`;
 * - web identity (EKS IRSA): `AWS_ROLE_ARN` and `AWS_WEB_IDENTITY_TOKEN_FILE` (optional `AWS_ROLE_SESSION_NAME`),
 *   exchanged with STS `AssumeRoleWithWebIdentity` (endpoint `AWS_ENDPOINT_URL_STS`, else the region's);
 * - container credentials (ECS, EKS Pod Identity): `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on 169.254.170.2) or
 *   `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or
 *   `AWS_CONTAINER_AUTHORIZATION_TOKEN`;
 * - the EC2 instance metadata, IMDSv2 only (endpoint `AWS_EC2_METADATA_SERVICE_ENDPOINT`; off with
 *   `AWS_EC2_METADATA_DISABLED=true`).
 * Temporary credentials are cached until five minutes before they expire; their session token is sent as
 * `X-Amz-Security-Token`. The shared config and credentials files (`~/.aws`, profiles, SSO, `credential_process`)
 * are not read. The region is the setting's, else `AWS_REGION`, else `AWS_DEFAULT_REGION`.
 *
 * Differences, on purpose: `DelaySeconds: 10` is not sent to FIFO queues (`.fifo`), which refuse it (the fix proposed
 * upstream); FIFO messages carry a `MessageDeduplicationId` derived from the notification, so a retry within SQS's
 * five-minute window is dropped by SQS (standard queues have no de-duplication: a retry after a lost answer may
 * deliver twice).
 * @module
 */
import { AwsV4Signer } from "aws4fetch";
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { idempotencyToken } from "../idempotency.ts";
import type {
  AwsIdentity,
  Delivery,
  HttpDelivery,
  HttpRequest,
  HttpResponse,
  Provider,
  StepResult,
} from "../provider.ts";
import { excerpt, isRetryableStatus } from "../rejection.ts";
import { awssqsBlock } from "./block.ts";
import { type AwsSqsSettings, decodeAwssqsSettings } from "./settings.ts";

/** An SQS JSON-protocol request to `endpoint`, signed with `identity` before each attempt. */
function sqsRequest(
  endpoint: string,
  identity: AwsIdentity,
  action: string,
  body: unknown,
  read: (answer: Readonly<Record<string, unknown>>) => StepResult,
): HttpDelivery {
  const request: HttpRequest = {
    method: "POST",
    url: `${endpoint}/`,
    headers: { "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": `AmazonSQS.${action}` },
    body: JSON.stringify(body),
  };
  return {
    kind: "http",
    request,
    sign: async (req, now) => {
      const signer = new AwsV4Signer({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: req.body ?? "",
        accessKeyId: identity.accessKeyId,
        secretAccessKey: identity.secretAccessKey,
        ...(identity.sessionToken !== undefined ? { sessionToken: identity.sessionToken } : {}),
        service: "sqs",
        region: identity.region,
        datetime: new Date(now).toISOString().replace(/[:-]|\.\d{3}/g, ""),
      });
      const signed = await signer.sign();
      const headers: Record<string, string> = {};
      for (const [k, v] of signed.headers) headers[k] = v;
      return E.right({ ...req, headers });
    },
    read: (response) => readAnswer(action, response, read),
  };
}

function readAnswer(
  action: string,
  response: HttpResponse,
  then: (answer: Readonly<Record<string, unknown>>) => StepResult,
): StepResult {
  let answer: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(response.body);
    if (typeof parsed === "object" && parsed !== null) answer = parsed as Record<string, unknown>;
  } catch {
    // described below
  }
  if (response.status >= 200 && response.status <= 299) return then(answer);
  const type = String(answer["__type"] ?? answer["code"] ?? "").replace(/^.*#/, "");
  const message = String(answer["message"] ?? answer["Message"] ?? excerpt(response.body));
  const throttled = /Throttl|RequestThrottled|ServiceUnavailable|InternalError/.test(type);
  return {
    _tag: "Rejected",
    retryable: throttled || isRetryableStatus(response.status),
    cause: `sqs ${action} answered status ${response.status}: ${type === "" ? "" : `${type}: `}${message}`,
  };
}

/** The `awssqs` provider. */
export const awssqsProvider: Provider<AwsSqsSettings> = {
  type: "awssqs",
  block: awssqsBlock,
  decodeSettings: decodeAwssqsSettings,
  secrets: (settings) => [settings.secret],
  prepare(n, settings, options) {
    const queue = n.destination.recipient || settings.queue;
    if (!/^[\w-]{1,80}(\.fifo)?$/.test(queue)) {
      return E.left(invalidDelivery(`recipient "${queue}" is not an SQS queue name`));
    }
    const fifo = queue.endsWith(".fifo");
    const group = textOf(blockOf(n.content, "awssqs"), "messageGroupId");
    if (fifo && group === "") {
      return E.left(invalidDelivery(`queue ${queue} is a FIFO queue: the awssqs block needs a messageGroupId`));
    }
    const key = options.idempotencyKey;
    const deliveryTo = (identity: AwsIdentity): Delivery => {
      const endpoint = settings.endpoint !== "" ? settings.endpoint : `https://sqs.${identity.region}.amazonaws.com`;
      const send = (queueUrl: string): HttpDelivery =>
        sqsRequest(
          endpoint,
          identity,
          "SendMessage",
          {
            ...(fifo ? {} : { DelaySeconds: 10 }),
            MessageBody: n.content.message,
            ...(fifo && key !== undefined
              ? { MessageDeduplicationId: idempotencyToken(key, [n.destination.service, queue]) }
              : {}),
            ...(group !== "" ? { MessageGroupId: group } : {}),
            QueueUrl: queueUrl,
          },
          (answer) => ({
            _tag: "Done",
            ...(typeof answer["MessageId"] === "string" ? { messageRef: answer["MessageId"] } : {}),
          }),
        );
      return sqsRequest(endpoint, identity, "GetQueueUrl", {
        QueueName: queue,
        ...(settings.account !== "" ? { QueueOwnerAWSAccountId: settings.account } : {}),
      }, (answer) => {
        const url = answer["QueueUrl"];
        return typeof url === "string" && url !== ""
          ? { _tag: "Next", next: send(url) }
          : { _tag: "Rejected", retryable: false, cause: "sqs GetQueueUrl: the answer has no QueueUrl" };
      });
    };
    const keys = settings.key !== "" && settings.secret !== ""
      ? { accessKeyId: settings.key, secretAccessKey: settings.secret }
      : undefined;
    if (keys !== undefined && settings.region !== "") return E.right(deliveryTo({ region: settings.region, ...keys }));
    return E.right({
      kind: "aws-credentials",
      region: settings.region,
      ...(keys !== undefined ? { keys } : {}),
      then: (identity) => ({ _tag: "Next", next: deliveryTo(identity) }),
    });
  },
};
