/**
 * `npm run bench regexp`: `matches`-style tests per second of lib/go/regexp.ts on catalog-like patterns and inputs,
 * next to JavaScript's RegExp (the baseline, backtracking) in the same run; then expr's `matches` end to end.
 * A compiled pattern is reused, as expr and sprig reuse it (compiled once, cached).
 */
import { compileGoRegexp, type GoRegexp } from "../lib/go/regexp.ts";
import { compileExpr } from "../lib/expr/mod.ts";
import { measure, rate } from "./_measure.ts";

const message = "ComparisonError: failed to sync app guestbook: one or more objects failed to apply, reason: " +
  'services "guestbook-ui" is forbidden: User cannot patch resource in the namespace default (retried 3 times)';

const rows = [
  { pattern: "^h.*o$", js: /^h.*o$/u, input: "hello" },
  { pattern: "(?i)healthy", js: /healthy/iu, input: "Healthy" },
  { pattern: "^[0-9]+$", js: /^[0-9]+$/u, input: "2024-01-01T00:10:00Z" },
  { pattern: "Degraded|Failed|Error", js: /Degraded|Failed|Error/u, input: "Progressing" },
  { pattern: "^v[0-9]+\\.[0-9]+", js: /^v[0-9]+\.[0-9]+/u, input: "v1.2.3" },
  {
    pattern: "^git@github.com:(.*)\\.git$",
    js: /^git@github.com:(.*)\.git$/u,
    input: "git@github.com:argoproj/argocd-example-apps.git",
  },
  { pattern: "\\bforbidden\\b", js: /\bforbidden\b/u, input: message },
  { pattern: "[a-f0-9]{6}", js: /[a-f0-9]{6}/u, input: "rev abc123def" },
  { pattern: ".*prod.*", js: /.*prod.*/u, input: "my-app-production-eu" },
  { pattern: "(?i)retried \\d+ times", js: /retried \d+ times/iu, input: message },
  { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", js: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/u, input: "guestbook-ui-7d9f" },
] as const;

const ratios: number[] = [];
console.log("pattern".padEnd(36), "input".padStart(5), "ours".padStart(10), "RegExp".padStart(10), "ratio".padStart(7));
for (const r of rows) {
  const c = compileGoRegexp(r.pattern);
  if (c._tag === "Left") throw new Error(c.left);
  const re: GoRegexp = c.right;
  if (re.matchString(r.input) !== r.js.test(r.input)) throw new Error(`disagreement on ${r.pattern}`);
  const ours = measure(() => re.matchString(r.input));
  const js = measure(() => r.js.test(r.input));
  ratios.push(js / ours);
  console.log(
    r.pattern.slice(0, 36).padEnd(36),
    String(r.input.length).padStart(5),
    rate(ours).padStart(10),
    rate(js).padStart(10),
    `${(js / ours).toFixed(1)}×`.padStart(7),
  );
}
const geo = Math.exp(ratios.reduce((a, b) => a + Math.log(b), 0) / ratios.length);
console.log(`geometric mean: lib/go/regexp takes ${geo.toFixed(1)}× the time of RegExp`);

const app = { metadata: { name: "guestbook-ui-7d9f" }, status: { operationState: { message } } };
const exprRows = [
  { source: "app.metadata.name matches '^guestbook'", hand: () => /^guestbook/u.test(app.metadata.name) },
  {
    source: "app.status.operationState.message matches '(?i)forbidden|denied'",
    hand: () => /forbidden|denied/iu.test(app.status.operationState.message),
  },
] as const;
for (const r of exprRows) {
  const c = compileExpr(r.source);
  if (c._tag === "Left") throw new Error(c.left.message);
  const run = c.right.run;
  const ours = measure(() => run({ app }, { now: 0 }));
  const hand = measure(r.hand);
  console.log(
    `expr ${r.source}: ${rate(ours)} vs ${rate(hand)} hand-written with RegExp (${(hand / ours).toFixed(1)}×)`,
  );
}
