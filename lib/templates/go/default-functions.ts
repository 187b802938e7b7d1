/**
 * The default function map of the Go engine: sprig's text functions without `env` and `expandenv` (Go's builtins
 * are added by the executor; sprig's `slice` shadows the builtin one, as user functions do in Go).
 * @module
 */
import { sprigFunctions } from "../sprig/mod.ts";
import type { GoFunc } from "./func.ts";

/** The functions every Go template gets unless the caller passes its own map. */
export const defaultFunctions: Readonly<Record<string, GoFunc>> = sprigFunctions;
