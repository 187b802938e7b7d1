/**
 * Bundles each pure entry point for a browser/worker target and fails on any Node built-in or dynamic code
 * evaluation; prints the minified and gzipped sizes (`-- --parts`: and the minified size of each package and folder).
 * Run with `npm run check:edge`.
 */
import { build, type Metafile } from "esbuild";
import { gzipSync } from "node:zlib";

const entries = ["mod.ts", "providers/mod.ts", "lib/liquid/mod.ts"];
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
  if (process.argv.includes("--parts")) printParts(result.metafile);
  for (const p of problems) console.error(`  ✗ ${entry}: ${p}`);
  if (problems.length > 0) failed = true;
}

/** The minified bytes of each package and each folder of ours in a bundle, largest first. */
function printParts(metafile: Metafile): void {
  const parts = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const p = file.split("/");
      const part = p[0] === "node_modules"
        ? p.slice(0, p[1]?.startsWith("@") ? 3 : 2).join("/")
        : p.slice(0, p.length > 2 ? 2 : 1).join("/");
      parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
    }
  }
  for (const [part, bytes] of [...parts].sort((a, b) => b[1] - a[1])) {
    if (bytes >= 1024) console.log(`  ${(bytes / 1024).toFixed(1).padStart(6)} KiB  ${part}`);
  }
}

if (failed) {
  console.error("check:edge failed: the pure core must bundle without Node built-ins or dynamic code evaluation");
  process.exit(1);
}
console.log("check:edge ok: no node: imports, no eval/new Function");
