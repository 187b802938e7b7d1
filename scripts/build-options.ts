/**
 * The esbuild options of the published JavaScript: npm's `dist/` (`distOptions`, written by `scripts/bundle.ts`, and
 * checked by `scripts/check-edge.ts` for what Node loads of it) and, with `chunkedBundles`, JSR's `jsr/`
 * (`scripts/build-jsr.ts`). Both build each entry point as an ES module bundle, with the code they share in chunks
 * under `_chunks/`, so a program that imports several entry points gets one copy of the core (and one identity of its
 * values).
 *
 * For `dist/`, the pure core's dependencies (`inlined`) are bundled in, from their ES module builds (yaml's `browser/`
 * build, fp-ts's and io-ts's `es6/`): the versions are pinned exactly anyway, and ES modules keep tree-shaking working
 * for whoever bundles the package again for browsers or edge runtimes. Everything else stays an import of the
 * installed package: the shell's dependencies (Node-only), and liquidjs, which has its own Node and browser builds for
 * the bundler or runtime that loads `./liquid` to pick from.
 *
 * `dist/` is minified in whitespace and syntax only: Node 20 has no code cache for ES modules, so it parses every byte
 * at each cold start, and again each function's text at its first call. Names are kept, so stack traces name the
 * functions and the code reads after a formatter; lines are cut at 120 characters. Against the readable build,
 * interleaved cold runs of import + decodeConfig + first decision: 3 ms less (median); renaming identifiers too would
 * save 1.5 ms more, at the cost of stack traces. No source maps (see `scripts/bundle.ts`). `jsr/` is not minified:
 * Deno caches compiled code, and JSR shows the published files.
 * @module
 */
import type { BuildOptions, Metafile, Plugin } from "esbuild";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
  exports: Record<string, { default: string }>;
  bin: Record<string, string>;
};

/** The pure core's dependencies, bundled in. */
const inlined: readonly string[] = ["yaml", "fp-ts", "io-ts", "aws4fetch"];
const external = Object.keys(pkg.dependencies).filter((d) => !inlined.includes(d)).flatMap((d) => [d, `${d}/*`]);

/** The source file of a built file: `./dist/lib/shell/mod.js` → `lib/shell/mod.ts`. */
const sourceOf = (built: string): string => built.replace(/^\.\/dist\//, "").replace(/\.js$/, ".ts");
/** The sources of the entry points, `mod.ts` first. */
const entryPoints: readonly string[] = [
  ...Object.values(pkg.exports).map((e) => e.default),
  ...Object.values(pkg.bin),
]
  .map((f) => sourceOf(f.startsWith("./") ? f : `./${f}`));

/** The folder of an installed package. */
export const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/** yaml's and fp-ts's ES module builds, which Node's resolution (the `node` and `default` conditions) passes over. */
const esmBuilds: Plugin = {
  name: "esm-builds",
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: join(packageDir("yaml"), "browser", "index.js") }));
    b.onResolve({ filter: /^#fp-ts\/Either$/ }, () => ({ path: join(packageDir("fp-ts"), "es6", "Either.js") }));
  },
};

/**
 * Marks io-ts's codec classes and constants, and the unused type-class instances of fp-ts's `Either`, as free of side
 * effects, so that bundlers drop the ones nobody uses. io-ts's ES module build defines each codec class in an IIFE and
 * each constant codec with `new`, without the `@__PURE__` marks that tell a bundler they may go when unused: all ~30
 * classes stayed in every bundle. fp-ts marks most of its top-level calls but not three in `Either.js` (`as`,
 * `asUnit`, and the argument of `tap`), which kept its `Functor` and `Chain` instances and what they name. Marked,
 * `mod.ts` bundles 5.4 KiB smaller minified (1.0 KiB gzipped), for whoever bundles `dist/` or `jsr/` again too
 * (esbuild keeps the marks in its output; `vendor/`, which `jsr/` bundles, is built with them).
 *
 * What is marked in io-ts: the class IIFEs and the top-level `var x = new …(…)`, `brand(…)` and `refinement(…)`,
 * which only build values. Two statements are rewritten to the same effect, because a bundler cannot tell they are
 * free of side effects: `RecursiveType`'s `type` getter is defined inside its class IIFE instead of after it, and the
 * deprecated `Integer` calls `Number.isInteger` from a function instead of reading it when the module loads. The
 * build fails when a file is written differently from the versions this was made for (io-ts 2.2, fp-ts 2.16), so a
 * new version is looked at rather than silently bundled whole.
 */
export const pureDependencies: Plugin = {
  name: "pure-dependencies",
  setup(b) {
    b.onLoad({ filter: /io-ts[/\\]es6[/\\]index\.js$/ }, async ({ path }) => {
      const text = edit(path, await readFile(path, "utf8"), [
        [
          /(\n {4}return RecursiveType;\n\}\(Type\)\);\nexport \{ RecursiveType \};\n)(Object\.defineProperty\(RecursiveType\.prototype, 'type', \{\n[\s\S]*?\n\}\);\n)/,
          (_, classEnd, getter) => `\n    ${getter!.trimEnd()}${classEnd}`,
          1,
        ],
        [
          /refinement\(number, Number\.isInteger, 'Integer'\)/,
          () => "refinement(number, function (n) { return Number.isInteger(n); }, 'Integer')",
          1,
        ],
        [/(= )\/\*\* @class \*\/ (\(function)/g, pure, 30],
        [/^((?:export )?var \w+ = )(new \w+\(|brand\(|refinement\()/gm, pure, 10],
      ]);
      return { contents: text, loader: "js" };
    });
    b.onLoad({ filter: /fp-ts[/\\]es6[/\\]Either\.js$/ }, async ({ path }) => {
      const text = edit(path, await readFile(path, "utf8"), [
        [
          /^(export var as = )(dual\(2, )(as_\(Functor\))/m,
          (_, head, dual, arg) => `${head}${PURE}${dual}${PURE}${arg}`,
          1,
        ],
        [/^(export var asUnit = )(asUnit_\(Functor\))/m, pure, 1],
        [/^(export var tap = \/\*#__PURE__\*\/ dual\(2, )(chainable\.tap\(Chain\))/m, pure, 1],
      ]);
      return { contents: text, loader: "js" };
    });
  },
};

const PURE = "/* @__PURE__ */ ";

function pure(_: string, head: string, call: string): string {
  return `${head}${PURE}${call}`;
}

/**
 * Applies each edit to `text`, failing unless it matches at least the given number of times (exactly, for a pattern
 * that is not global).
 */
function edit(
  path: string,
  text: string,
  edits: readonly (readonly [RegExp, (...groups: string[]) => string, number])[],
): string {
  for (const [pattern, replacement, least] of edits) {
    let count = 0;
    text = text.replace(pattern, (...groups: string[]) => {
      count++;
      return replacement(...groups);
    });
    if (count < least) {
      throw new Error(`pure-dependencies: ${pattern} matched ${count} times in ${path}, expected at least ${least}`);
    }
  }
  return text;
}

/**
 * Makes every entry point import the core (`mod.ts`), so that the core is one chunk. esbuild puts the files reached
 * from the same set of entry points in one chunk; the core's files were reached from five different sets (`./liquid`
 * reaches few of them, `./providers` some, …), so `dist/mod.js` loaded six modules, each resolved, read, compiled and
 * linked on its own by Node (about 1 ms more to import than the same code in two, in interleaved cold runs). Every
 * other entry point runs the core anyway (their users call `decodeConfig` and `evaluate`); `./liquid` imported alone
 * now loads the core too. The import is of a virtual module that re-exports `mod.ts` (a bare `import "./mod.ts"` draws
 * a warning, the package being free of side effects), appended to `mod.ts` too, so that it lands in the core's chunk.
 * @param entryPoints the entry points' sources, `mod.ts` among them
 * @returns the plugin
 */
export function coreFirst(entryPoints: readonly string[]): Plugin {
  const core = resolve("mod.ts");
  const entries = new Set(entryPoints.map((e) => resolve(e)));
  return {
    name: "core-first",
    setup(b) {
      b.onResolve({ filter: /^notifications-engine:core$/ }, () => ({ path: "core", namespace: "core-first" }));
      b.onLoad({ filter: /^core$/, namespace: "core-first" }, () => ({
        contents: `export * from ${JSON.stringify(core)};`,
        loader: "js",
        resolveDir: dirname(core),
      }));
      b.onLoad(
        { filter: /\.ts$/ },
        async ({ path }) =>
          entries.has(path)
            ? { contents: `${await readFile(path, "utf8")}\nimport "notifications-engine:core";\n`, loader: "ts" }
            : undefined,
      );
    },
  };
}

/** What `dist/` and `jsr/` share: the entry points' bundles and their shared chunks, with a metafile. */
export const chunkedBundles: BuildOptions & { readonly metafile: true } = {
  outbase: ".",
  bundle: true,
  splitting: true,
  chunkNames: "_chunks/[name]-[hash]",
  format: "esm",
  mainFields: ["module", "main"],
  metafile: true,
  logLevel: "warning",
};

/** How `dist/` is built (with `outdir: "dist"`). */
export const distOptions: BuildOptions & { readonly metafile: true } = {
  ...chunkedBundles,
  entryPoints: [...entryPoints],
  platform: "node",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  lineLimit: 120,
  external,
  plugins: [esmBuilds, pureDependencies, coreFirst(entryPoints)],
};

/**
 * The packages a build bundled in from `node_modules`, each with its folder.
 * @param metafile the build's metafile
 * @returns each bundled package's folder, by package name
 */
export function bundledPackages(metafile: Metafile): Map<string, string> {
  const bundled = new Map<string, string>();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (m !== null) bundled.set(m[2]!, m[1]!);
  }
  return bundled;
}

/**
 * Writes `<out>/THIRD-PARTY-LICENSES.md`: for each package bundled into `out`, its name, version, licence and the text
 * of its LICENSE file.
 * @param out the folder built (`dist`, `jsr`)
 * @param bundled each bundled package's folder, by package name
 */
export function writeLicenceNotices(out: string, bundled: ReadonlyMap<string, string>): void {
  const notices = [...bundled].sort(([a], [b]) => a.localeCompare(b)).map(([name, dir]) => {
    const { version, license } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, string>;
    const file = ["LICENSE", "LICENSE.md", "LICENSE.txt", "license"].map((f) => join(dir, f)).find(existsSync);
    if (file === undefined) throw new Error(`${name} is bundled into ${out}/ but has no LICENSE file to copy`);
    return `## ${name} ${version} (${license})\n\n${readFileSync(file, "utf8").trim()}\n`;
  });
  writeFileSync(
    join(out, "THIRD-PARTY-LICENSES.md"),
    `# Third-party code bundled into ${out}/\n\n${notices.join("\n")}`,
  );
}
