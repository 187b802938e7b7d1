// Run by bench/cold-start.ts in a fresh process (Node or Deno): imports the engine from the URL it is given, decodes
// the Argo CD catalog and makes one first-sight decision, and prints how long each step took (milliseconds).
const t0 = performance.now();
const url = globalThis.Deno ? globalThis.Deno.args[0] : process.argv[2];
const scenarioUrl = globalThis.Deno ? globalThis.Deno.args[1] : process.argv[3];
const { decodeConfig, evaluate } = await import(url);
const t1 = performance.now();
const text = globalThis.Deno
  ? await globalThis.Deno.readTextFile(new URL(scenarioUrl))
  : await (await import("node:fs/promises")).readFile(new URL(scenarioUrl), "utf8");
const scenario = JSON.parse(text);
const t2 = performance.now();
const { config } = decodeConfig(scenario.configMap, scenario.secret);
const t3 = performance.now();
const decision = evaluate(scenario.resource, config, { now: scenario.now, resourceName: "app", state: {} });
const t4 = performance.now();
console.log(JSON.stringify({ import: t1 - t0, decode: t3 - t2, first: t4 - t3, sent: decision.notifications.length }));
