/**
 * Builds the JavaScript of the npm package (`npm run build`, after `tsc` has written the declarations) with the
 * options of `scripts/build-options.ts`: each entry point as an ES module bundle, the code they share in chunks under
 * `dist/_chunks/`, the pure core's dependencies bundled in, their licences copied to `dist/THIRD-PARTY-LICENSES.md`.
 *
 * Why bundles: Node loading the core as ~300 files, plus the CommonJS builds of `yaml`, `io-ts` and `fp-ts` its
 * resolution picks, took ~170 ms to import (`npm run bench cold-start`); one bundle takes ~20 ms.
 *
 * No source maps: only whitespace and syntax are minified (see `scripts/build-options.ts`), so stack traces keep the
 * functions' names; maps would be 2.9 MB next to the JavaScript (+695 KB to the tarball with the sources inlined,
 * which npm users otherwise lack), and Node reads them only under `--enable-source-maps`.
 */
import { build } from "esbuild";
import { bundledPackages, distOptions, writeLicenceNotices } from "./build-options.ts";

const result = await build({ ...distOptions, outdir: "dist" });

writeLicenceNotices("dist", bundledPackages(result.metafile));
