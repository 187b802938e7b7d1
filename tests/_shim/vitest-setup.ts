/**
 * vitest `setupFiles` entry: the prototype-pollution canary after every test (see `integrity.ts`). The objects are
 * recorded before the file's first test, once its imports have run (a dependency that defines globals when it loads,
 * as tslib does for the Kubernetes client, is not a test's doing).
 */
import { afterEach, beforeEach } from "vitest";
import "./fast-check-config.ts";
import { checkIntegrity, type IntegritySnapshot, takeIntegritySnapshot } from "./integrity.ts";

let before: IntegritySnapshot | undefined;
beforeEach(() => {
  before ??= takeIntegritySnapshot();
});
afterEach(() => checkIntegrity(before ?? takeIntegritySnapshot()));
