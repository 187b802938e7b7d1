/**
 * Compares the export maps of package.json (npm: built files in dist/) and deno.json (JSR: built files in jsr/): the
 * same subpaths, each built from the same TypeScript source, every file present after `npm run build` and
 * `npm run build:jsr`, and the `bin` built too. Run with `npm run check:exports`.
 */
import { existsSync, readFileSync } from "node:fs";

type Conditions = { readonly types?: string; readonly default?: string };
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  exports: Record<string, Conditions>;
  bin?: Record<string, string>;
};
const deno = JSON.parse(readFileSync("deno.json", "utf8")) as { exports: Record<string, string> };
const problems: string[] = [];

const npmKeys = Object.keys(pkg.exports).sort();
const denoKeys = Object.keys(deno.exports).sort();
if (JSON.stringify(npmKeys) !== JSON.stringify(denoKeys)) {
  problems.push(`the subpaths differ: package.json has ${npmKeys.join(", ")}; deno.json has ${denoKeys.join(", ")}`);
}
for (const key of npmKeys) {
  const npm = pkg.exports[key]!;
  const jsr = deno.exports[key];
  if (jsr === undefined) continue;
  const stem = jsr.replace(/^\.\/jsr\//, "").replace(/\.js$/, "");
  const expected = { types: `./dist/${stem}.d.ts`, default: `./dist/${stem}.js` };
  if (npm.types !== expected.types || npm.default !== expected.default) {
    problems.push(
      `"${key}": package.json points at ${JSON.stringify(npm)}, deno.json at ${jsr} (expected ${
        JSON.stringify(expected)
      })`,
    );
  }
  for (const file of [`./${stem}.ts`, expected.types, expected.default, jsr, `./jsr/${stem}.d.ts`]) {
    if (!existsSync(file)) problems.push(`"${key}": ${file} does not exist`);
  }
}
for (const [name, file] of Object.entries(pkg.bin ?? {})) {
  if (!existsSync(file)) problems.push(`bin "${name}": ${file} does not exist (run npm run build)`);
  else if (!readFileSync(file, "utf8").startsWith("#!/usr/bin/env node\n")) {
    problems.push(`bin "${name}": ${file} has no #!/usr/bin/env node line`);
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(`check:exports: ${p}`);
  process.exit(1);
}
console.log(
  `check:exports: ${npmKeys.length} subpaths agree (${npmKeys.join(", ")}); bin ${
    Object.keys(pkg.bin ?? {}).join(", ")
  } built`,
);
