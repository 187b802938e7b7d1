/**
 * bench/delivery: 10,000 webhook notifications delivered to a loopback receiver (a child process, so it shares
 * neither the sender's event loop nor its CPU count), one at a time as the Go engine sends them, and from 8 and 32
 * senders with the service's concurrency limit at 8 and 32 — throughput, p50/p99 latency and the sender's CPU time per
 * notification, for `deliver` and for a bare `fetch` loop to the same receiver at the same concurrency (the floor).
 * The two alternate in five rounds of 2,000, so a busy machine slows both alike. Then the same 10,000 handed to
 * `deliver` all at once, the concurrency limit alone holding them back.
 */
import { spawn } from "node:child_process";
import { decodeConfig, formatDiagnostic } from "../mod.ts";
import { createDeliveryIO, deliver } from "../lib/shell/mod.ts";

const total = 10_000;
const body = JSON.stringify({
  state: "success",
  context: "continuous-delivery/guestbook",
  target_url: "https://argocd.example.com/applications/guestbook",
});

const receiverSource = `
const { createServer } = require("node:http");
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => { res.writeHead(200, { "content-type": "application/json" }); res.end('{"ok":true}'); });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

function startReceiver(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ["-e", receiverSource], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve) => {
    child.stdout.once(
      "data",
      (d: Buffer) => resolve({ url: `http://127.0.0.1:${String(d).trim()}`, stop: () => child.kill() }),
    );
  });
}

/** The measurements of one kind of sender over all its rounds. */
interface Tally {
  readonly latencies: number[];
  ms: number;
  cpuUs: number;
  count: number;
}

const tally = (): Tally => ({ latencies: [], ms: 0, cpuUs: 0, count: 0 });

/** Runs `one` `n` times from `concurrency` loops, adding to the tally. */
async function round(t: Tally, n: number, concurrency: number, one: () => Promise<void>): Promise<void> {
  let next = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) {
      next++;
      const begun = performance.now();
      await one();
      t.latencies.push(performance.now() - begun);
    }
  }));
  t.ms += performance.now() - start;
  const used = process.cpuUsage(cpu);
  t.cpuUs += used.user + used.system;
  t.count += n;
}

function fmt(t: Tally): string {
  const sorted = [...t.latencies].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const perSecond = Math.round((t.count * 1000) / t.ms).toLocaleString("en");
  return `${perSecond.padStart(6)}/s  p50 ${at(0.5).toFixed(2)} ms  p99 ${at(0.99).toFixed(2)} ms  cpu ${
    Math.round(t.cpuUs / t.count)
  } µs each`;
}

const receiver = await startReceiver();
const url = `${receiver.url}/hook`;
const configFor = (concurrency: number) => {
  const { config, diagnostics } = decodeConfig({
    data: {
      "service.webhook.hook":
        `url: ${receiver.url}\nheaders:\n- name: Content-Type\n  value: application/json\ndelivery:\n  concurrency: ${concurrency}\n`,
    },
  });
  if (diagnostics.length > 0) throw new Error(diagnostics.map(formatDiagnostic).join("; "));
  return config;
};
const notification = {
  destination: { service: "hook", recipient: "" },
  content: { message: "", blocks: { webhook: { hook: { method: "POST", path: "/hook", body } } } },
};

const bareFetch = async (): Promise<void> => {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body });
  await response.text();
  if (response.status !== 200) throw new Error(`status ${response.status}`);
};

const rounds = 5;
const perRound = total / rounds;
let failed = 0;
const send =
  (config: ReturnType<typeof configFor>, io: ReturnType<typeof createDeliveryIO>) => async (): Promise<void> => {
    const outcome = await deliver(notification, config, io);
    if (outcome._tag !== "Delivered") failed++;
  };

// warm up both paths (connections, JIT)
await round(tally(), 2000, 8, bareFetch);
await round(tally(), 2000, 8, send(configFor(8), createDeliveryIO()));

console.log(`${total.toLocaleString("en")} webhook notifications to a loopback receiver, ${rounds} alternating rounds`);
for (const concurrency of [1, 8, 32]) {
  const config = configFor(concurrency);
  const io = createDeliveryIO();
  const ours = tally();
  const floor = tally();
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      await round(floor, perRound, concurrency, bareFetch);
      await round(ours, perRound, concurrency, send(config, io));
    } else {
      await round(ours, perRound, concurrency, send(config, io));
      await round(floor, perRound, concurrency, bareFetch);
    }
  }
  if (failed > 0) throw new Error(`${failed} deliveries failed`);
  const label = concurrency === 1 ? "sequential (as Go sends)" : `concurrency ${concurrency}`;
  console.log(`  ${label.padEnd(26)} deliver ${fmt(ours)}`);
  console.log(`  ${"".padEnd(26)} fetch   ${fmt(floor)}`);
  console.log(
    `  ${"".padEnd(26)} deliver takes ${(ours.ms / floor.ms).toFixed(2)}× the time of bare fetch (aim ≤ 1.5×), ${
      (ours.cpuUs / floor.cpuUs).toFixed(2)
    }× its CPU`,
  );
}

{
  const config = configFor(32);
  const io = createDeliveryIO();
  const start = performance.now();
  const outcomes = await Promise.all(Array.from({ length: total }, () => deliver(notification, config, io)));
  const elapsed = performance.now() - start;
  const delivered = outcomes.filter((o) => o._tag === "Delivered").length;
  console.log(
    `  all ${total.toLocaleString("en")} at once, limit 32   ${
      Math.round((total * 1000) / elapsed).toLocaleString("en")
    }/s (${delivered.toLocaleString("en")} delivered)`,
  );
}

receiver.stop();
