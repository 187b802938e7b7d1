/**
 * Builds the JavaScript of the npm package (`npm run build`, after `tsc` has written the declarations): each entry
 * point of package.json `exports` (and the `bin`) as an ES module bundle, with the code they share in chunks under
 * `dist/_chunks/`, so a program that imports several entry points gets one copy of the core.
 *
 * Why bundles: Node loading the core as ~300 files, plus the CommonJS builds of `yaml`, `io-ts` and `fp-ts` its
 * resolution picks, took ~170 ms to import (`npm run bench cold-start`); one bundle takes ~20 ms.
 *
 * The pure core's dependencies (`inlined`) are bundled in, from their ES module builds (yaml's `browser/` build,
 * fp-ts's and io-ts's `es6/`): the versions are pinned exactly anyway, and ES modules keep tree-shaking working for
 * whoever bundles the package again for browsers or edge runtimes. Their licences are copied to
 * `dist/THIRD-PARTY-LICENSES.md`. Everything else stays an import of the installed package: the shell's
 * dependencies (Node-only), and liquidjs, which has its own Node and browser builds for the bundler or runtime that
 * loads `./liquid` to pick from.
 */
import { build, type Plugin } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
  exports: Record<string, { default: string }>;
  bin: Record<string, string>;
};

/** The pure core's dependencies, bundled in. */
const inlined = ["yaml", "fp-ts", "io-ts", "aws4fetch"];
const external = Object.keys(pkg.dependencies).filter((d) => !inlined.includes(d)).flatMap((d) => [d, `${d}/*`]);

/** The source file of a built file: `./dist/lib/shell/mod.js` → `lib/shell/mod.ts`. */
const sourceOf = (built: string): string => built.replace(/^\.\/dist\//, "").replace(/\.js$/, ".ts");
const entryPoints = [...Object.values(pkg.exports).map((e) => e.default), ...Object.values(pkg.bin)].map((f) =>
  sourceOf(f.startsWith("./") ? f : `./${f}`)
);

const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/** yaml's and fp-ts's ES module builds, which Node's resolution (the `node` and `default` conditions) passes over. */
const esmBuilds: Plugin = {
  name: "esm-builds",
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: join(packageDir("yaml"), "browser", "index.js") }));
    b.onResolve({ filter: /^#fp-ts\/Either$/ }, () => ({ path: join(packageDir("fp-ts"), "es6", "Either.js") }));
  },
};

const result = await build({
  entryPoints,
  outdir: "dist",
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
});

/** The folder of each package bundled in, by name. */
const bundled = new Map<string, string>();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
  if (m !== null) bundled.set(m[2]!, m[1]!);
}
const notices = [...bundled].sort(([a], [b]) => a.localeCompare(b)).map(([name, dir]) => {
  const { version, license } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, string>;
  const file = ["LICENSE", "LICENSE.md", "LICENSE.txt", "license"].map((f) => join(dir, f)).find((f) => {
    try {
      readFileSync(f);
      return true;
    } catch {
      return false;
    }
  });
  if (file === undefined) throw new Error(`${name} is bundled into dist/ but has no LICENSE file to copy`);
  return `## ${name} ${version} (${license})\n\n${readFileSync(file, "utf8").trim()}\n`;
});
writeFileSync(
  join("dist", "THIRD-PARTY-LICENSES.md"),
  `# Third-party code bundled into dist/\n\n${notices.join("\n")}`,
);
