// `npm run bench [name…]`: runs the benchmarks in bench/ under Node. Each is bundled first with esbuild into
// bench/.<name>.bundle.mjs (beside its source, so relative fixture paths hold), without the `keepNames` wrappers that
// on-the-fly TypeScript loaders add around every closure: those would distort the figures.
import { build } from "esbuild";
import { rm } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const names = process.argv.length > 2 ? process.argv.slice(2) : ["evaluate", "expr", "templates"];
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
  });
  console.log(`\n## bench/${name} (Node ${process.version})`);
  try {
    await import(pathToFileURL(outfile).href);
  } finally {
    await rm(outfile, { force: true });
  }
}
