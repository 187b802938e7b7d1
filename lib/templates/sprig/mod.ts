/**
 * sprig v3's text function map (`sprig.TxtFuncMap()`) without `env` and `expandenv`, as argoproj/notifications-engine
 * builds it, for the Go template executor. Every function carries its Go signature so the executor checks arity and
 * argument types as Go's reflection does; the functions also check their arguments themselves.
 *
 * Randomness and I/O (`uuidv4`, `rand*`, `bcrypt`, `genCA`…, `getHostByName`) are defined but fail at render time:
 * the core is pure (see `unavailable.ts`). Dates read the render's `now`.
 *
 * @example Calling a function directly
 * ```ts
 * import { sprigFunctions } from "./mod.ts";
 * import { expect } from "vitest";
 * const trunc = sprigFunctions["trunc"];
 * expect(trunc?.({ now: 0 }, [5, "abcdefgh"])).toBe("abcde");
 * ```
 * @module
 */
import type { GoFunc } from "../go/func.ts";
import { dateFunctions } from "./dates.ts";
import { defaultFunctions } from "./defaults.ts";
import { dictFunctions } from "./dicts.ts";
import { encodingFunctions } from "./encoding.ts";
import { hashFunctions } from "./hashes.ts";
import { listFunctions } from "./lists.ts";
import { mathFunctions } from "./math.ts";
import { pathFunctions } from "./paths.ts";
import { regexFunctions } from "./regex.ts";
import { stringFunctions } from "./strings.ts";
import { unavailableFunctions } from "./unavailable.ts";
import { urlFunctions } from "./url.ts";

/** sprig's text functions by name (209 names: sprig 3.3.0's map minus `env` and `expandenv`). */
export const sprigFunctions: Readonly<Record<string, GoFunc>> = Object.assign(
  // Object.assign, not an object literal of spreads: in V8 the literal took over a millisecond of every import (a
  // hidden-class transition per name, 209 of them), assign about a tenth of that.
  {},
  unavailableFunctions,
  stringFunctions,
  mathFunctions,
  listFunctions,
  dictFunctions,
  defaultFunctions,
  encodingFunctions,
  regexFunctions,
  pathFunctions,
  urlFunctions,
  hashFunctions,
  dateFunctions,
);
