/**
 * Produces `tests/conformance/templates/go-fuzz-golden.json` from the Go oracle (Go 1.19 text/template + sprig 3.2.3):
 * the reduced divergences of `template-fuzz-cases.ts`, rendered by `/work/shared/oracle/bin/oracle` (or `$ORACLE`).
 *
 *     npx tsx scripts/oracle/template-fuzz-golden.ts
 *
 * Run it by hand when cases change and commit the JSON; CI never needs Go.
 */
import { writeFileSync } from "node:fs";
import { fuzzGoldenCases } from "./template-fuzz-cases.ts";
import { fuzzNow, runOracle } from "./template-fuzz.ts";

const cases = fuzzGoldenCases.map((c, i) => ({
  id: `fuzz-${String(i + 1).padStart(3, "0")}`,
  found: c.found,
  source: c.source,
  vars: c.vars ?? {},
}));
const outcomes = runOracle(cases);
const goldens = cases.map((c, i) => ({ ...c, now: fuzzNow, expected: outcomes[i] }));
const file = new URL("../../tests/conformance/templates/go-fuzz-golden.json", import.meta.url);
writeFileSync(file, JSON.stringify(goldens, null, 1) + "\n");
console.log(
  `go-fuzz-golden.json: ${goldens.length} cases, ${goldens.filter((g) => g.expected?.ok === false).length} errors`,
);
