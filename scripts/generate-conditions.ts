/**
 * `tsx scripts/generate-conditions.ts <configmap.yaml> [out.mjs]`: writes the ahead-of-time module of a ConfigMap's
 * trigger conditions (see `generateConditionsModule`), and says which conditions it covers. What
 * `notifications-engine compile` does; the CLI calls the same pure function.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { generateConditionsModule } from "../mod.ts";

const [input, output = "conditions.generated.mjs"] = process.argv.slice(2);
if (input === undefined) {
  console.error("usage: tsx scripts/generate-conditions.ts <configmap.yaml> [out.mjs]");
  process.exit(2);
}
const manifest = parse(readFileSync(input, "utf8")) as { data?: Record<string, string> } | null;
const m = generateConditionsModule({ data: manifest?.data ?? {} });
writeFileSync(output, m.text);
console.log(`${output}: ${m.covered.length} conditions compiled ahead of time, ${m.uncovered.length} left to the closures`);
for (const s of m.uncovered) console.log(`  closures: ${s.split("\n")[0]}`);
