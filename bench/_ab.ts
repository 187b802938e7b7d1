// Temporary A/B: main's evaluate against this branch's, interleaved in one process (not committed).
import * as base from "/tmp/explain-base/mod.ts";
import * as next from "../mod.ts";
import { measure, rate } from "./_measure.ts";
import { application, argoCdConfigMap, argoCdSecret, subscribeEverything } from "../tests/_helpers/argocd.ts";

const cm = argoCdConfigMap();
const engines = { base, next } as const;
const setups = Object.fromEntries(Object.entries(engines).map(([name, m]) => {
  const { config } = m.decodeConfig(cm, argoCdSecret);
  const app = application(subscribeEverything([...config.triggers.keys()]));
  const options = { now: Date.parse("2024-01-02T03:05:00Z"), resourceName: "app" } as const;
  const steady = m.evaluate(app, config, { ...options, state: {} }).state;
  return [name, {
    steady: () => m.evaluate(app, config, { ...options, state: steady }),
    first: () => m.evaluate(app, config, { ...options, state: {} }),
  }];
}));
const rounds = Number(process.env["AB_ROUNDS"] ?? 7);
const best: Record<string, number> = {};
const all: Record<string, number[]> = {};
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? ["base", "next"] : ["next", "base"];
  for (const kind of ["steady", "first"] as const) {
    for (const name of order) {
      const ops = measure((setups[name] as Record<string, () => unknown>)[kind]!, 500);
      const id = `${kind} ${name}`;
      best[id] = Math.max(best[id] ?? 0, ops);
      (all[id] ??= []).push(ops);
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const kind of ["steady", "first"]) {
  const b = best[`${kind} base`]!, n = best[`${kind} next`]!;
  const mb = median(all[`${kind} base`]!), mn = median(all[`${kind} next`]!);
  console.log(`${kind}: best main ${rate(b)} / explain ${rate(n)} (${(n / b).toFixed(3)}x); median main ${rate(mb)} / explain ${rate(mn)} (${(mn / mb).toFixed(3)}x)`);
}
