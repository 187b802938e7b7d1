/**
 * Snapshots of the objects a sandbox escape would change (`Object.prototype`, `Function.prototype`,
 * `Array.prototype`, `String.prototype`, `globalThis`), for checks inside a test: the prototype-pollution canary's
 * own (tests/_shim/integrity.ts), which also runs after every test. `changedGlobals(before, globalsSnapshot())`
 * lists what was added, removed or replaced in between.
 */
export { changesBetween as changedGlobals, takeIntegritySnapshot as globalsSnapshot } from "../_shim/integrity.ts";
