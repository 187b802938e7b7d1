import { describe, expect, it } from "vitest";
import { isAwsRegion, isFresh, readCredentialsJson, readStsAnswer } from "../../providers/aws-credentials.ts";

const t = Date.UTC(2024, 0, 2, 4, 4, 5);

describe("readStsAnswer", () => {
  const cases: readonly [string, number, string, unknown][] = [
    [
      "temporary credentials",
      200,
      "<R><Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>a&amp;b</SecretAccessKey>" +
      "<SessionToken>tok</SessionToken><Expiration>2024-01-02T04:04:05Z</Expiration></Credentials></R>",
      { _tag: "Right", right: { accessKeyId: "ASIA1", secretAccessKey: "a&b", sessionToken: "tok", expiresAt: t } },
    ],
    [
      "an error's code and message",
      403,
      "<ErrorResponse><Error><Code>AccessDenied</Code><Message>Not authorized to perform " +
      "sts:AssumeRoleWithWebIdentity</Message></Error></ErrorResponse>",
      {
        _tag: "Left",
        left: "STS answered status 403: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity",
      },
    ],
    ["a 200 without credentials", 200, "<R/>", {
      _tag: "Left",
      left: "STS's answer has no AccessKeyId and SecretAccessKey",
    }],
    [
      "an expiration that is not a time",
      200,
      "<Credentials><AccessKeyId>A</AccessKeyId><SecretAccessKey>s</SecretAccessKey><Expiration>soon</Expiration>" +
      "</Credentials>",
      { _tag: "Left", left: 'STS\'s answer: the expiration "soon" is not a time' },
    ],
    ["a body that is not XML", 502, "Bad Gateway", { _tag: "Left", left: "STS answered status 502" }],
  ];
  for (const [name, status, body, expected] of cases) {
    it(name, () => expect(readStsAnswer(status, body)).toEqual(expected));
  }
});

describe("readCredentialsJson", () => {
  const cases: readonly [string, number, string, unknown][] = [
    [
      "the container endpoint's credentials",
      200,
      '{"AccessKeyId":"ASIA2","SecretAccessKey":"s","Token":"tok","Expiration":"2024-01-02T04:04:05Z","RoleArn":"r"}',
      { _tag: "Right", right: { accessKeyId: "ASIA2", secretAccessKey: "s", sessionToken: "tok", expiresAt: t } },
    ],
    [
      "IMDS's credentials (Code: Success)",
      200,
      '{"Code":"Success","Type":"AWS-HMAC","AccessKeyId":"ASIA3","SecretAccessKey":"s","Token":"x","Expiration":"2024-01-02T04:04:05Z"}',
      { _tag: "Right", right: { accessKeyId: "ASIA3", secretAccessKey: "s", sessionToken: "x", expiresAt: t } },
    ],
    [
      "long-term credentials without token or expiry",
      200,
      '{"AccessKeyId":"AKID","SecretAccessKey":"s"}',
      { _tag: "Right", right: { accessKeyId: "AKID", secretAccessKey: "s" } },
    ],
    [
      "an error answer",
      401,
      '{"code":"AccessDenied","message":"the token is not valid"}',
      { _tag: "Left", left: "the endpoint answered status 401: AccessDenied: the token is not valid" },
    ],
    [
      "IMDS's failure code in a 200",
      200,
      '{"Code":"AssumeRoleUnauthorizedAccess","Message":"EC2 cannot assume the role"}',
      {
        _tag: "Left",
        left: "the endpoint answered status 200: AssumeRoleUnauthorizedAccess: EC2 cannot assume the role",
      },
    ],
    [
      "a body that is not JSON, which is not repeated",
      200,
      "AccessKeyId=A SecretAccessKey=SECRET",
      { _tag: "Left", left: "the endpoint's answer has no AccessKeyId and SecretAccessKey" },
    ],
  ];
  for (const [name, status, body, expected] of cases) {
    it(name, () => expect(readCredentialsJson("the endpoint", status, body)).toEqual(expected));
  }
});

describe("isFresh and isAwsRegion", () => {
  it("keeps credentials until the window before their expiry, and those without one always", () => {
    const c = { accessKeyId: "A", secretAccessKey: "s", expiresAt: 10_000 };
    expect([
      isFresh(c, 4_999, 5_000),
      isFresh(c, 5_000, 5_000),
      isFresh({ accessKeyId: "A", secretAccessKey: "s" }, 1e15, 0),
    ])
      .toEqual([true, false, true]);
  });

  it("tells AWS regions from other text", () => {
    expect(["us-east-1", "us-gov-west-1", "cn-north-1", "Virginia", "us-east", ""].map(isAwsRegion)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
