/**
 * Builds and runs bench/go: the Go notifications engine's decision path (argoproj/notifications-engine at the version
 * Argo CD pins, expr v1.17.8, text/template, sprig v3.3.0) on a scenario given as JSON, and returns what it measured.
 * Go is optional: without `go` on PATH, or when the build fails, {@linkcode buildGoEngine} says why in one line and the
 * benchmarks go on without the comparison. The binary is cached in bench/go/.bin (git-ignored); `go build` rebuilds it
 * only when bench/go changes.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** What the Go program prints: its build, its first decision, and decisions per second. */
export interface GoEngineRun {
  readonly go: string;
  readonly modules: Readonly<Record<string, string>>;
  readonly check: {
    readonly sends: readonly GoSend[];
    readonly stateKeys: readonly string[];
  };
  readonly steady: GoRates;
  readonly firstSight: GoRates;
  /** Configurations read per second: `api.ParseConfig` and `api.NewAPI` on the scenario's ConfigMap and Secret. */
  readonly config: number;
}

/** One notification the Go engine's first decision sent. */
export interface GoSend {
  readonly templates: readonly string[];
  readonly service: string;
  readonly recipient: string;
  readonly message: string;
}

/** Decisions per second with the state handed over as a value, and read from and written to the annotation. */
export interface GoRates {
  readonly stateValue: number;
  readonly annotation: number;
}

/** The ConfigMap, Secret and resource the Go engine decides on. */
export interface GoScenario {
  readonly configMap: { readonly data: Readonly<Record<string, string>> };
  readonly secret: { readonly stringData: Readonly<Record<string, string>> };
  readonly resource: unknown;
}

const dir = fileURLToPath(new URL("./go/", import.meta.url));
const binary = `${dir}.bin/go-engine`;

/**
 * Builds bench/go into bench/go/.bin/go-engine.
 * @returns the binary's path, or the one-line reason there is none.
 */
export function buildGoEngine(): { readonly binary: string } | { readonly skipped: string } {
  const version = spawnSync("go", ["version"], { encoding: "utf8" });
  if (version.error !== undefined) {
    return { skipped: "Go is not installed (no `go` on PATH): the comparison with the Go engine is skipped." };
  }
  if (!existsSync(binary)) {
    console.log(
      `building bench/go with ${version.stdout.trim()} (the first build downloads its modules: a few minutes)…`,
    );
  }
  const build = spawnSync("go", ["build", "-o", binary, "."], { cwd: dir, stdio: ["ignore", "inherit", "inherit"] });
  if (build.status !== 0) {
    return {
      skipped: `bench/go did not build (go build exited with ${
        build.status ?? build.signal
      }): the comparison with the Go engine is skipped.`,
    };
  }
  return { binary };
}

/**
 * Runs the Go engine's benchmark once.
 * @param path The binary from {@linkcode buildGoEngine}.
 * @param scenario What to decide on.
 * @param ms CPU milliseconds per figure.
 * @returns what it printed; throws if it failed, since then its figures mean nothing.
 */
export function runGoEngine(path: string, scenario: GoScenario, ms: number): GoEngineRun {
  const run = spawnSync(path, [`-ms=${ms}`], { input: JSON.stringify(scenario), encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`bench/go failed (${run.status ?? run.signal}): ${run.stderr || run.error}`);
  return JSON.parse(run.stdout) as GoEngineRun;
}

/** What the Go engine's cold start took, in milliseconds, as bench/_cold-child.mjs reports it for JavaScript. */
export interface GoColdStart {
  /** From the process's start to `main`: the runtime and every package's initialisation (`GODEBUG=inittrace=1`). */
  readonly import: number;
  /** `api.ParseConfig` + `api.NewAPI`. */
  readonly decode: number;
  /** The first decision, at first sight. */
  readonly first: number;
  readonly sent: number;
}

/**
 * Runs the Go engine's binary once with `-cold`: a fresh process that reads the configuration and decides once.
 * @param path The binary from {@linkcode buildGoEngine}.
 * @param scenario The scenario as JSON text.
 * @returns the times; throws if it failed.
 */
export function runGoColdStart(path: string, scenario: string): GoColdStart {
  const run = spawnSync(path, ["-cold"], {
    input: scenario,
    encoding: "utf8",
    maxBuffer: 1 << 24,
    env: { ...process.env, GODEBUG: "inittrace=1" },
  });
  if (run.status !== 0) {
    throw new Error(`bench/go -cold failed (${run.status ?? run.signal}): ${run.stderr || run.error}`);
  }
  // init <package> @<ms since the process started> ms, <ms> ms clock, …: the last one to finish is where main starts.
  const inits = [...run.stderr.matchAll(/^init \S+ @([\d.]+) ms, ([\d.]+) ms clock/gm)];
  if (inits.length === 0) throw new Error("bench/go -cold printed no GODEBUG=inittrace lines");
  const main = Math.max(...inits.map((m) => Number(m[1]) + Number(m[2])));
  return { import: main, ...(JSON.parse(run.stdout) as Omit<GoColdStart, "import">) };
}
