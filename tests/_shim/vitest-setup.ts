/** vitest `setupFiles` entry: the prototype-pollution canary after every test (see `integrity.ts`). */
import { afterEach } from "vitest";
import { checkIntegrity, takeIntegritySnapshot } from "./integrity.ts";

const before = takeIntegritySnapshot();
afterEach(() => checkIntegrity(before));
