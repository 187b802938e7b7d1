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

/** The relative import specifiers of a file, resolved against its folder (posix separators). */
function importsOf(file: string): string[] {
  // Doc comments' examples run as doc tests against the package's entry point; they are not the module's imports.
  const src = readFileSync(file, "utf8").replace(/^\s*\*.*$/gm, "");
  const out: string[] = [];
  for (const m of src.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
    const spec = m[1] ?? m[2] ?? "";
    out.push(spec.startsWith(".") ? join(file, "..", spec).split("\\").join("/") : spec);
  }
  return out;
}

const posix = (f: string): string => f.split("\\").join("/");
const core = ["mod.ts", ...sourceFiles("lib")].map(posix).filter((f) => !f.startsWith("lib/shell/"));
const shell = sourceFiles(join("lib", "shell")).map(posix);
const providers = sourceFiles("providers").map(posix);

describe("architecture: core, providers and shell", () => {
  it("finds the providers and the shell", () => {
    expect(providers).toContain("providers/provider.ts");
    expect(shell).toContain("lib/shell/deliver.ts");
  });

  it("the core (lib/ outside the shell) imports no provider; mod.ts only the service types (no prepare code)", () => {
    const offenders: string[] = [];
    for (const file of core) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith("providers/")) continue;
        if (file === "mod.ts" && spec === "providers/service-types.ts") continue;
        offenders.push(`${file}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("providers never import the shell, and only lib/shell imports ky or a provider's deliver.ts", () => {
    const offenders: string[] = [];
    for (const file of [...core, ...providers]) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith("lib/shell/") || spec === "ky" || spec.endsWith("/deliver.ts")) {
          offenders.push(`${file}: ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("mod.ts and providers/mod.ts never expose the shell", () => {
    for (const entry of ["mod.ts", "providers/mod.ts"]) {
      expect(importsOf(entry).filter((s) => s.includes("shell"))).toEqual([]);
    }
  });

  it("folder-private files of lib/shell and providers are imported only from their own folder", () => {
    const offenders: string[] = [];
    for (const file of [...core, ...shell, ...providers]) {
      for (const spec of importsOf(file)) {
        const base = spec.split("/").at(-1) ?? "";
        const folder = spec.split("/").slice(0, -1).join("/");
        const inScope = spec.startsWith("lib/shell/") || spec.startsWith("providers/");
        if (inScope && base.startsWith("_") && posix(join(file, "..")) !== folder) offenders.push(`${file}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("architecture", () => {
  it("finds the pure core", () => expect(pure).toContain(join("lib", "diagnostics.ts")));

  it("the pure core imports nothing effectful", () => {
    const offenders: string[] = [];
    for (const file of pure) {
      const src = readFileSync(file, "utf8");
      for (
        const m of src.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)
      ) {
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

/**
 * The core's layers, lowest first. A folder imports only its own files and the folders of lower layers; the Go layer
 * (Go's behaviour: UTF-8, JSON, regular expressions, fmt, Go values) is one unit whose three folders import each
 * other's files directly. Every other import across folders goes through the folder's `mod.ts`.
 */
const layers: readonly (readonly string[])[] = [
  ["lib/diagnostics.ts", "lib/fp.ts", "lib/limits.ts", "lib/suggest.ts", "lib/internalize.ts", "lib/line-index.ts"],
  ["lib/go", "lib/gofmt", "lib/values"],
  ["lib/digest"],
  ["lib/yaml"],
  ["lib/expr"],
  ["lib/templates"],
  ["lib/liquid"],
  ["lib/argocd"],
  ["lib/subscriptions"],
  ["lib/state"],
  ["lib/config"],
  ["lib/engine"],
  ["lib/rules"],
  ["lib/compile"],
  ["mod.ts"],
];
const goLayer = new Set(layers[1]);
/** The folder of a core file (`lib/expr`), or the file itself for the files at lib/'s root and mod.ts. */
const unitOf = (f: string): string => (f.split("/").length > 2 ? f.split("/").slice(0, 2).join("/") : f);
const layerOf = (unit: string): number => layers.findIndex((l) => l.includes(unit));

describe("architecture: layers of the core", () => {
  it("places every folder and root file of the core in a layer", () => {
    expect(core.map(unitOf).filter((u) => layerOf(u) < 0)).toEqual([]);
  });

  it("imports only from its own folder and lower layers; the Go layer imports nothing above it", () => {
    const offenders: string[] = [];
    for (const file of core) {
      const from = unitOf(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith("lib/") && spec !== "mod.ts") continue;
        const to = unitOf(spec);
        if (to === from || (goLayer.has(from) && goLayer.has(to))) continue;
        if (layerOf(to) >= layerOf(from)) offenders.push(`${file}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("imports another folder only through its mod.ts (the Go layer's folders excepted among themselves)", () => {
    const offenders: string[] = [];
    for (const file of core) {
      const from = unitOf(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith("lib/")) continue;
        const to = unitOf(spec);
        if (to === from || to === spec || (goLayer.has(from) && goLayer.has(to))) continue;
        if (spec !== `${to}/mod.ts`) offenders.push(`${file}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("imports a _-private file only from its own folder", () => {
    const offenders: string[] = [];
    for (const file of core) {
      for (const spec of importsOf(file)) {
        const base = spec.split("/").at(-1) ?? "";
        if (base.startsWith("_") && posix(join(file, "..")) !== spec.split("/").slice(0, -1).join("/")) {
          offenders.push(`${file}: ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});

/** The relative imports of a file that load code (`import type` and `export type` are erased, so they do not count). */
function valueImportsOf(file: string): string[] {
  const src = readFileSync(file, "utf8").replace(/^\s*\*.*$/gm, "");
  const out: string[] = [];
  for (const m of src.matchAll(/(?:import|export)\s(?!type\s)[^;]*?from\s+["'](\.[^"']+)["']/g)) {
    out.push(posix(join(file, "..", m[1]!)));
  }
  return out;
}

/** The strongly connected components of more than one file of `graph` (Tarjan): each is an import cycle. */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], onStack = new Set();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return cycles;
}

describe("architecture: no import cycles", () => {
  it("finds the cycles of a graph, and only them", () => {
    const graph = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a", "d"]], ["d", []], ["e", ["d", "outside"]]]);
    expect(importCycles(graph)).toEqual([["a", "b", "c"]]);
  });

  it("reads imports of code and leaves type-only imports out", () => {
    expect(valueImportsOf("lib/shell/kubernetes/_client.ts")).toContain("lib/shell/kubernetes/_informer.ts");
    expect(valueImportsOf("lib/shell/kubernetes/_informer.ts")).not.toContain("lib/shell/kubernetes/_client.ts");
  });

  it("no file of lib/, providers/ or mod.ts reaches itself through imports of code", () => {
    const files = [...core, ...shell, ...providers];
    expect(importCycles(new Map(files.map((f) => [f, valueImportsOf(f)])))).toEqual([]);
  });
});
