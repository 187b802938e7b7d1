/**
 * Builds what JSR publishes (`npm run build:jsr`, before `deno publish`): each entry point of deno.json `exports` as
 * an ES module bundle in `jsr/`, with the code they share in chunks under `jsr/_chunks/` (one copy of the core for a
 * program that imports several entry points), and its types from declaration files written from the sources, one
 * beside each file, which each bundle names with `// @ts-self-types`.
 *
 * Why bundles: Deno loads each module on its own, and a TypeScript module also has its emitted JavaScript looked up
 * and checked in its cache. The core is ~250 modules: a JSR user's cold import of the published sources took 53–61 ms
 * (the package from a local stand-in for jsr.io, cached; 40–44 ms from local files), of the bundles 14–15 ms; the
 * same ~250 modules as JavaScript files still took 3/5 of the sources' time (`npm run bench cold-start`, README).
 *
 * The pure core's dependencies are bundled in, so importing it resolves no npm package (~5 ms more from a registry):
 * `io-ts` and fp-ts's `Either` from `vendor/`, as deno.json maps them, and `aws4fetch` from its ES modules. Their
 * licences go to `jsr/THIRD-PARTY-LICENSES.md`. Every other package stays an `npm:` import of the version package.json
 * pins (the shell's dependencies, and liquidjs).
 */
import { build, type Plugin } from "esbuild";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { createRequire } from "node:module";
import ts from "typescript";
import { bundledPackages, chunkedBundles, coreFirst, writeLicenceNotices } from "./build-options.ts";

const require = createRequire(import.meta.url);

const out = "jsr";
const deno = JSON.parse(readFileSync("deno.json", "utf8")) as {
  exports: Record<string, string>;
  imports: Record<string, string>;
};
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };

/** The packages bundled in from node_modules; `vendor/` (mapped in deno.json) is bundled in too. */
const inlined = ["aws4fetch"];

/** `@scope/name/sub/path.js` → [`@scope/name`, `/sub/path.js`]. */
const splitPackage = (specifier: string): [string, string] => {
  const m = /^((?:@[^/]+\/)?[^/]+)(.*)$/.exec(specifier)!;
  return [m[1]!, m[2]!];
};
/** The `vendor/` file deno.json maps a specifier to (`io-ts` → `vendor/io-ts.mjs`), if any. */
const vendored = (specifier: string): string | undefined => {
  const target = deno.imports[specifier];
  return target?.startsWith("./vendor/") ? target.slice(2) : undefined;
};
/** How the published files import a package: as Deno names it on npm, at the version package.json pins. */
const npmSpecifier = (specifier: string): string => {
  const [name, subpath] = splitPackage(specifier);
  const version = pkg.dependencies[name];
  if (version === undefined) throw new Error(`"${specifier}" is imported, but ${name} is not a dependency`);
  return `npm:${name}@${version}${subpath}`;
};
/** The `@ts-self-types` of each `vendor/` file, read once (hundreds of declaration files import io-ts or fp-ts). */
const selfTypesOf = new Map<string, string>();
/** Where a bare specifier's types come from: a `vendor/` file's own `@ts-self-types`, else the npm package. */
const typesSpecifier = (specifier: string): string => {
  const file = vendored(specifier);
  if (file === undefined) return specifier.startsWith("node:") ? specifier : npmSpecifier(specifier);
  let types = selfTypesOf.get(file);
  if (types === undefined) {
    const selfTypes = /^\/\/ @ts-self-types="([^"]+)"/.exec(readFileSync(file, "utf8"));
    if (selfTypes === null) throw new Error(`${file} names no @ts-self-types`);
    selfTypesOf.set(file, types = selfTypes[1]!);
  }
  return types;
};

/** The source of a built file: `./jsr/lib/shell/mod.js` → `lib/shell/mod.ts`. */
const sourceOf = (built: string): string => {
  if (!built.startsWith(`./${out}/`) || !built.endsWith(".js")) {
    throw new Error(`deno.json exports ${built}: expected a file ./${out}/….js built from its .ts source`);
  }
  return built.slice(`./${out}/`.length).replace(/\.js$/, ".ts");
};

/** Resolves bare specifiers as Deno does for the sources, keeping what is not bundled in as `npm:` imports. */
const denoResolution: Plugin = {
  name: "deno-resolution",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      const file = vendored(path);
      if (file !== undefined) return { path: resolve(file) };
      if (path.startsWith("node:")) return { path, external: true };
      if (inlined.includes(splitPackage(path)[0])) return undefined;
      return { path: npmSpecifier(path), external: true };
    });
  },
};

rmSync(out, { recursive: true, force: true });
const exported = Object.values(deno.exports);
const result = await build({
  ...chunkedBundles,
  entryPoints: exported.map(sourceOf),
  outdir: out,
  platform: "neutral",
  target: "es2022",
  plugins: [coreFirst(exported.map(sourceOf)), denoResolution],
});
for (const built of exported) {
  const file = built.slice(2);
  const types = `./${basename(file, ".js")}.d.ts`;
  writeFileSync(file, `// @ts-self-types="${types}"\n${readFileSync(file, "utf8")}`);
}

/**
 * A declaration file for each source file (the sources declare their types, `isolatedDeclarations`), importing the
 * others' declarations (`./x.ts` → `./x.d.ts`) and packages as the published code does.
 */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []
  );
const specifierNodes = (file: ts.SourceFile): ts.StringLiteral[] => {
  const found: ts.StringLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) {
      found.push(node.moduleSpecifier as ts.StringLiteral);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      found.push(node.argument.literal as ts.StringLiteral);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
};
const { include } = JSON.parse(readFileSync("tsconfig.json", "utf8")) as { include: string[] };
for (const source of include.flatMap((path) => path.endsWith(".ts") ? [path] : sources(path))) {
  const { outputText, diagnostics } = ts.transpileDeclaration(readFileSync(source, "utf8"), {
    fileName: source,
    reportDiagnostics: true,
    compilerOptions: { allowImportingTsExtensions: true, isolatedDeclarations: true, target: ts.ScriptTarget.ES2022 },
  });
  if (diagnostics !== undefined && diagnostics.length > 0) {
    throw new Error(
      `${source}: ${diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, " ")).join("; ")}`,
    );
  }
  const parsed = ts.createSourceFile(source, outputText, ts.ScriptTarget.ES2022);
  let text = outputText;
  for (const node of specifierNodes(parsed).sort((a, b) => b.getStart(parsed) - a.getStart(parsed))) {
    const specifier = node.text;
    const rewritten = specifier.startsWith(".") ? specifier.replace(/\.ts$/, ".d.ts") : typesSpecifier(specifier);
    text = text.slice(0, node.getStart(parsed)) + JSON.stringify(rewritten) + text.slice(node.getEnd());
  }
  const target = join(out, source.replace(/\.ts$/, ".d.ts"));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}

/** Each package bundled in, by its folder (a `vendor/` file by the package it is built from), for its licence. */
const packages = bundledPackages(result.metafile);
for (const input of Object.keys(result.metafile.inputs)) {
  for (const specifier of Object.keys(deno.imports)) {
    if (vendored(specifier) === relative(".", input)) {
      const name = splitPackage(specifier.replace(/^#/, ""))[0];
      packages.set(name, dirname(require.resolve(`${name}/package.json`)));
    }
  }
}
writeLicenceNotices(out, packages);
console.log(
  `${out}/: ${exported.length} entry points, ${Object.keys(result.metafile.outputs).length} files of JavaScript; ` +
    `bundled in: ${[...packages.keys()].sort().join(", ")}`,
);
