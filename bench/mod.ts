/**
 * `npm run bench`: runs every benchmark in this folder, one after the other. Each prints its figures and the ratios
 * against a baseline measured in the same run.
 */
for (const name of ["evaluate", "expr", "templates"]) {
  console.log(`\n## bench/${name}`);
  await import(`./${name}.ts`);
}
