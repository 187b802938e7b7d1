/**
 * Cases of the delivery differential for SQS (the AWS SDK, `endpointUrl` at the receiver, static credentials, its
 * clock fixed by the oracle) and e-mail (gomail, to the oracle's loopback SMTP server). Folder-private:
 * scripts/oracle/delivery-cases.ts writes them with the others.
 * @module
 */
import { createHash } from "node:crypto";
import type { Case } from "./_delivery-case.ts";

/** Static AWS credentials (AWS's documentation example) in a region. */
const aws = (region: string): string =>
  `region: ${region}\nkey: AKIAIOSFODNN7EXAMPLE\nsecret: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`;

/**
 * The cases.
 * @param argo the variables of an Argo CD notification (an application and the context)
 * @returns the cases, in the order they run
 */
export function sqsAndEmailCases(argo: Record<string, unknown>): Case[] {
  return [
    // --- awssqs
    {
      name: "awssqs: GetQueueUrl of the configured queue in an account, then SendMessage; static key, endpointUrl",
      type: "awssqs",
      service: "awssqs",
      settings: aws("us-east-1") + "queue: argo-events\naccount: '123456789012'\nendpointUrl: {{SERVER}}\n",
      template: "message: 'Application {{.app.metadata.name}} is {{.app.status.health.status}} <ok> & \"done\"'\n",
      vars: argo,
      recipient: "",
      replies: [{ body: '{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/argo-events"}' }, {
        body: JSON.stringify({
          MessageId: "m-1",
          MD5OfMessageBody: createHash("md5").update('Application guestbook is Healthy <ok> & "done"').digest("hex"),
        }),
      }],
      deviations: ["aws-sdk-headers"],
    },
    {
      name: "awssqs: the recipient's queue over the configured one, a messageGroupId, a path in endpointUrl",
      type: "awssqs",
      service: "awssqs",
      settings: aws("eu-west-3") + "queue: unused\nendpointUrl: {{SERVER}}/sqs/\n",
      template: "message: 'ünïcode ✓ {{.app.metadata.name}}'\nawssqs:\n  messageGroupId: '{{.app.metadata.name}}'\n",
      vars: argo,
      recipient: "deployments",
      replies: [{ body: '{"QueueUrl":"http://localhost:4566/000000000000/deployments"}' }, {
        body: '{"MessageId": "m-2"}',
      }],
      deviations: ["aws-sdk-headers"],
    },
    {
      name: "awssqs: a FIFO queue (ours: no DelaySeconds, which SQS refuses there; a derived deduplication id)",
      type: "awssqs",
      service: "awssqs",
      settings: aws("eu-west-3") + "queue: unused\nendpointUrl: {{SERVER}}\n",
      template: "message: '{{.app.metadata.name}} synced'\nawssqs:\n  messageGroupId: '{{.app.metadata.namespace}}'\n",
      vars: argo,
      recipient: "deployments.fifo",
      replies: [{ body: '{"QueueUrl":"https://sqs.eu-west-3.amazonaws.com/123456789012/deployments.fifo"}' }, {
        body: '{"MessageId":"m-3","SequenceNumber":"1"}',
      }],
      deviations: ["aws-sdk-headers", "sqs-fifo"],
    },
    {
      name: "awssqs: a queue that does not exist (400) is an error, nothing sent",
      type: "awssqs",
      service: "awssqs",
      settings: aws("us-east-1") + "endpointUrl: {{SERVER}}\n",
      template: "message: m\n",
      vars: argo,
      recipient: "missing",
      replies: [{
        status: 400,
        headers: { "Content-Type": "application/x-amz-json-1.0" },
        body: '{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}',
      }],
      deviations: ["aws-sdk-headers"],
    },
    // --- email
    {
      name:
        "email: a subject and body to two recipients, AUTH PLAIN (to a loopback host: no TLS), non-ASCII, a long line",
      type: "email",
      service: "email",
      settings: [
        "host: 127.0.0.1",
        "port: {{SMTP_PORT}}",
        "username: argocd",
        "password: smtp-password-secret",
        "from: Argo CD <argocd@example.com>",
        "",
      ].join("\n"),
      template: [
        "message: not the body",
        "email:",
        "  subject: 'Application {{.app.metadata.name}} ✓ synced — {{.app.status.sync.status}}'",
        "  body: |",
        "    Application {{.app.metadata.name}} has been successfully synced at {{.app.status.operationState.finishedAt}}.",
        "    Sync operation details are available at: {{.context.argocdUrl}}/applications/{{.app.metadata.name}}?operation=true&a=b .",
        "    Grüße, =?not-encoded?= and a line that ends in spaces   ",
        "    .a line starting with a dot",
        "",
      ].join("\n"),
      vars: argo,
      recipient: " dev@example.com , ops@example.com",
    },
    {
      name: "email: html, no login, the message as the body when the block has only a subject",
      type: "email",
      service: "email",
      settings: "host: 127.0.0.1\nport: {{SMTP_PORT}}\nfrom: argocd@example.com\nhtml: true\n",
      template: [
        "message: '<p>Application <b>{{.app.metadata.name}}</b> is {{.app.status.health.status}} &amp; synced</p>'",
        "email:",
        "  subject: Sync",
        "",
      ].join("\n"),
      vars: argo,
      recipient: "dev@example.com",
    },
    {
      name: "email: a message the server refuses (554) is an error",
      type: "email",
      service: "email",
      settings: "host: 127.0.0.1\nport: {{SMTP_PORT}}\nfrom: argocd@example.com\n",
      template: "message: hello\n",
      vars: argo,
      recipient: "dev@example.com",
      mailReply: { code: 554, message: "5.7.1 message rejected" },
    },
  ];
}
