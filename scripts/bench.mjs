// `npm run bench [name…]`: runs the benchmarks in bench/ under Node. Each is bundled first with esbuild into
// bench/.<name>.bundle.mjs, without the `keepNames` wrappers that on-the-fly TypeScript loaders add around every
// closure: those would distort the figures. Each module keeps its own `import.meta.url`, so fixture paths hold.
import { build } from "esbuild";
import { readFile, rm } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const ownImportMetaUrl = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      return {
        contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
        loader: "ts",
      };
    });
  },
};

const names = process.argv.length > 2
  ? process.argv.slice(2)
  : ["evaluate", "decode-config", "expr", "templates", "regexp", "delivery", "cold-start"];
for (const name of names) {
  const outfile = `bench/.${name}.bundle.mjs`;
  await build({
    entryPoints: [`bench/${name}.ts`],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    plugins: [ownImportMetaUrl],
  });
  console.log(`\n## bench/${name} (Node ${process.version})`);
  try {
    await import(pathToFileURL(outfile).href);
  } finally {
    await rm(outfile, { force: true });
  }
}
