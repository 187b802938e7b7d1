/**
 * The esbuild options of the npm package's JavaScript (`dist/`), shared by `scripts/bundle.ts`, which writes it, and
 * `scripts/check-edge.ts`, which checks what Node loads of it: each entry point of package.json `exports` (and the
 * `bin`) as an ES module bundle, with the code they share in chunks under `dist/_chunks/`, so a program that imports
 * several entry points gets one copy of the core (and one identity of its values).
 *
 * The pure core's dependencies (`inlined`) are bundled in, from their ES module builds (yaml's `browser/` build,
 * fp-ts's and io-ts's `es6/`): the versions are pinned exactly anyway, and ES modules keep tree-shaking working for
 * whoever bundles the package again for browsers or edge runtimes. Everything else stays an import of the installed
 * package: the shell's dependencies (Node-only), and liquidjs, which has its own Node and browser builds for the
 * bundler or runtime that loads `./liquid` to pick from.
 *
 * Not minified, so the package stays readable (a minified `dist/mod.js` imported 3 to 4 ms sooner, and decoded the Argo
 * CD catalog 1 to 2 ms sooner, in `npm run bench cold-start`); no source maps (see `scripts/bundle.ts`).
 * @module
 */
import type { BuildOptions, Plugin } from "esbuild";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
  exports: Record<string, { default: string }>;
  bin: Record<string, string>;
};

/** The pure core's dependencies, bundled in. */
export const inlined: readonly string[] = ["yaml", "fp-ts", "io-ts", "@noble/hashes", "aws4fetch"];
const external = Object.keys(pkg.dependencies).filter((d) => !inlined.includes(d)).flatMap((d) => [d, `${d}/*`]);

/** The source file of a built file: `./dist/lib/shell/mod.js` → `lib/shell/mod.ts`. */
const sourceOf = (built: string): string => built.replace(/^\.\/dist\//, "").replace(/\.js$/, ".ts");
/** The sources of the entry points, `mod.ts` first. */
export const entryPoints: readonly string[] = [
  ...Object.values(pkg.exports).map((e) => e.default),
  ...Object.values(pkg.bin),
]
  .map((f) => sourceOf(f.startsWith("./") ? f : `./${f}`));

const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/** yaml's and fp-ts's ES module builds, which Node's resolution (the `node` and `default` conditions) passes over. */
const esmBuilds: Plugin = {
  name: "esm-builds",
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: join(packageDir("yaml"), "browser", "index.js") }));
    b.onResolve({ filter: /^#fp-ts\/Either$/ }, () => ({ path: join(packageDir("fp-ts"), "es6", "Either.js") }));
  },
};

/** How `dist/` is built (with `outdir: "dist"`). */
export const distOptions: BuildOptions & { readonly metafile: true } = {
  entryPoints: [...entryPoints],
  outbase: ".",
  bundle: true,
  splitting: true,
  chunkNames: "_chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  external,
  plugins: [esmBuilds],
  metafile: true,
  logLevel: "warning",
};
