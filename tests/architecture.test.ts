/**
 * Enforces the dependency rule: the pure core (mod.ts, lib/ outside lib/shell/, providers/ outside deliver.ts)
 * imports nothing effectful and touches no clock, randomness, console or process.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(sourceFiles(path));
    else if (path.endsWith(".ts")) out.push(path);
  }
  return out;
}

const pure = ["mod.ts", ...sourceFiles("lib"), ...sourceFiles("providers")]
  .filter((f) => !f.startsWith(join("lib", "shell")) && !f.endsWith("deliver.ts"));

const forbiddenImports: readonly RegExp[] = [
  /^node:/,
  /^(fs|path|os|crypto|http|https|net|child_process|zlib|stream|url|util)$/,
  /^ky$/,
  /^@kubernetes\/client-node/,
  /\/shell\//,
  /deliver\.ts$/,
];
const forbiddenGlobals: readonly [RegExp, string][] = [
  [/\bDate\.now\s*\(/, "Date.now()"],
  [/\bnew Date\s*\(\s*\)/, "new Date()"],
  [/\bMath\.random\s*\(/, "Math.random()"],
  [/\bcrypto\.randomUUID\s*\(/, "crypto.randomUUID()"],
  [/(^|[^.\w])fetch\s*\(/, "fetch()"],
  [/\bDeno\./, "Deno.*"],
  [/\bprocess\./, "process.*"],
  [/\bconsole\./, "console.*"],
  [/\bnew Function\s*\(/, "new Function()"],
  [/(^|[^.\w])eval\s*\(/, "eval()"],
];

/** Drops comments and string contents so that doc comments and messages do not count as code. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
}

describe("architecture", () => {
  it("finds the pure core", () => expect(pure).toContain(join("lib", "diagnostics.ts")));

  it("the pure core imports nothing effectful", () => {
    const offenders: string[] = [];
    for (const file of pure) {
      const src = readFileSync(file, "utf8");
      for (const m of src.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? "";
        if (forbiddenImports.some((r) => r.test(spec))) offenders.push(`${file}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("the pure core uses no clock, randomness, I/O or dynamic code", () => {
    const offenders: string[] = [];
    for (const file of pure) {
      const code = codeOnly(readFileSync(file, "utf8"));
      for (const [re, what] of forbiddenGlobals) if (re.test(code)) offenders.push(`${file}: ${what}`);
    }
    expect(offenders).toEqual([]);
  });

  it("relative imports carry a .ts extension", () => {
    const offenders: string[] = [];
    for (const file of pure) {
      const src = readFileSync(file, "utf8");
      for (const m of src.matchAll(/from\s+["'](\.{1,2}\/[^"']+)["']/g)) {
        if (!m[1]!.endsWith(".ts") && !m[1]!.endsWith(".json")) offenders.push(`${file}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
