/**
 * Bundles each pure entry point for a browser/worker target and fails on any Node built-in or dynamic code
 * evaluation; prints the minified and gzipped sizes. Run with `npm run check:edge`.
 */
import { build } from "esbuild";
import { gzipSync } from "node:zlib";

const entries = ["mod.ts", "providers/mod.ts"];
let failed = false;

for (const entry of entries) {
  const nodeImports = new Set<string>();
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [{
      name: "forbid-node-builtins",
      setup(b) {
        b.onResolve({ filter: /^node:/ }, (args) => {
          nodeImports.add(`${args.path} (imported by ${args.importer})`);
          return { path: args.path, external: true };
        });
      },
    }],
  });
  const code = result.outputFiles[0]!.text;
  const problems = [...nodeImports];
  if (/\bnew Function\s*\(/.test(code)) problems.push("uses new Function(...)");
  if (/[^.\w]eval\s*\(/.test(code)) problems.push("uses eval(...)");
  const size = Buffer.byteLength(code);
  const gz = gzipSync(code).byteLength;
  console.log(`${entry}: ${(size / 1024).toFixed(1)} KiB minified, ${(gz / 1024).toFixed(1)} KiB gzipped`);
  for (const p of problems) console.error(`  ✗ ${entry}: ${p}`);
  if (problems.length > 0) failed = true;
}

if (failed) {
  console.error("check:edge failed: the pure core must bundle without Node built-ins or dynamic code evaluation");
  process.exit(1);
}
console.log("check:edge ok: no node: imports, no eval/new Function");
