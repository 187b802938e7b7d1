/**
 * The Lambda handler under a plain Node HTTP server, for running it anywhere (and for its test):
 *
 *   npx tsx examples/serverless/node/server.ts      # PORT (default 8080; 0 for any free one), REDIS_URL, …
 */
import { createServer } from "node:http";
import { handler } from "./lambda.ts";

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const event = {
      body: Buffer.concat(chunks).toString("utf8"),
      isBase64Encoded: false,
      requestContext: { http: { method: req.method ?? "GET" } },
    };
    handler(event).then(
      (result) => res.writeHead(result.statusCode, result.headers).end(result.body),
      (e: unknown) =>
        res.writeHead(500, { "content-type": "application/json" }).end(
          JSON.stringify({ error: e instanceof Error ? e.message : String(e) }),
        ),
    );
  });
});

server.listen(Number(process.env["PORT"] ?? 8080), "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : ""}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
