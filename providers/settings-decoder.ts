/**
 * Builds a provider's `decodeSettings` from an io-ts description of its settings: keys matched as Go's JSON decoding
 * matches them (exact first, then without regard to case), unknown keys reported as warnings with a suggestion, type
 * errors as errors with the path of the value, the shared `delivery:` policy resolved, then the provider's own checks.
 * @module
 */
import * as t from "io-ts";
import type { DecodedSettings, SettingsDiagnostic } from "../lib/config/mod.ts";
import { diagnostic } from "../lib/diagnostics.ts";
import { didYouMean } from "../lib/suggest.ts";
import { deliveryCodec, type RawDelivery, resolvePolicy } from "./delivery-policy.ts";
import { goString, goStringMap } from "./go-codecs.ts";
import type { DeliveryPolicy } from "./provider.ts";

type Path = readonly (string | number)[];

/** What a provider's `build` returns: the settings, or the problems that prevent them (warnings may accompany both). */
export interface Built<S> {
  readonly value?: S;
  readonly problems?: readonly SettingsDiagnostic[];
}

/** The description a provider gives of its settings. */
export interface SettingsSpec<P extends t.Props, S> {
  /** The service type, for messages (`"slack"`). */
  readonly type: string;
  /** The settings' keys and their codecs, as the Go option struct has them. */
  readonly props: P;
  /** The service's default delivery policy. */
  readonly policy: DeliveryPolicy;
  /**
   * Builds the settings from the decoded keys (`delivery` as written, for services whose Go keys also set the
   * policy) and the resolved policy; checks what types cannot say.
   */
  build(raw: t.TypeOf<t.PartialC<P>> & { readonly delivery?: RawDelivery }, policy: DeliveryPolicy): Built<S>;
}

/**
 * A problem with one setting.
 * @param path where in the settings
 * @param message the sentence
 * @param options severity (error by default) and a hint
 * @returns the diagnostic
 */
export function settingProblem(
  path: Path,
  message: string,
  options: { readonly severity?: "error" | "warning"; readonly hint?: string } = {},
): SettingsDiagnostic {
  return { ...diagnostic("InvalidField", message, options), path };
}

function isRecord(u: unknown): u is Readonly<Record<string, unknown>> {
  return typeof u === "object" && u !== null && !Array.isArray(u);
}

function label(path: Path): string {
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

function describe(u: unknown): string {
  if (Array.isArray(u)) return "a list";
  if (typeof u === "object" && u !== null) return "a map";
  if (typeof u === "boolean") return `a boolean (${u})`;
  return typeof u === "number" ? `a number (${u})` : "a string";
}

/** The props of a struct codec, when it is one. */
function propsOf(codec: t.Mixed): t.Props | undefined {
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) return codec.props as t.Props;
  if (codec instanceof t.ReadonlyType || codec instanceof t.ExactType) return propsOf(codec.type as t.Mixed);
  return undefined;
}

/**
 * Walks `value` along `codec`: `null` is Go's zero value (absent), struct keys match as Go matches them, unknown keys
 * become warnings. Lists and maps are walked item by item.
 */
function normalize(value: unknown, codec: t.Mixed, path: Path, out: SettingsDiagnostic[], type: string): unknown {
  if (value === null) return undefined;
  const props = propsOf(codec);
  if (props !== undefined && isRecord(value)) {
    const keys = Object.keys(props);
    const result: Record<string, unknown> = {};
    const exact = new Set(Object.keys(value).filter((k) => keys.includes(k)));
    for (const [k, v] of Object.entries(value)) {
      const field = exact.has(k) ? k : keys.find((f) => f.toLowerCase() === k.toLowerCase());
      if (field === undefined) {
        const where = path.length === 0 ? `the ${type} service` : `"${label(path)}"`;
        out.push({
          ...diagnostic("UnknownField", `"${k}" is not a setting of ${where}; it is ignored`, {
            severity: "warning",
            hint: didYouMean(k, keys),
          }),
          path: [...path, k],
          atKey: true,
        });
      } else if (field === k || !exact.has(field)) {
        const n = normalize(v, props[field] as t.Mixed, [...path, field], out, type);
        if (n !== undefined) result[field] = n;
      }
    }
    return result;
  }
  if ((codec instanceof t.ReadonlyArrayType || codec instanceof t.ArrayType) && Array.isArray(value)) {
    return value.map((item, i) => normalize(item, codec.type as t.Mixed, [...path, i], out, type));
  }
  if (codec === goStringMap && isRecord(value)) {
    const result: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) result[k] = normalize(v, goString, [...path, k], out, type) ?? "";
    return result;
  }
  return value;
}

function reportErrors(errors: t.Errors): SettingsDiagnostic[] {
  const seen = new Set<string>();
  const out: SettingsDiagnostic[] = [];
  for (const e of errors) {
    const path = e.context.slice(1).map((c, i) => (Array.isArray(e.context[i]?.actual) ? Number(c.key) : c.key));
    const expected = e.context[e.context.length - 1]?.type.name ?? "something else";
    const message = `"${label(path)}" must be ${expected}, not ${describe(e.value)}`;
    if (seen.has(message)) continue;
    seen.add(message);
    out.push(settingProblem(path, message));
  }
  return out;
}

/**
 * Builds the `decodeSettings` of a provider.
 * @typeParam P the settings' props
 * @typeParam S the decoded settings
 * @param spec the settings' description
 * @returns a decoder that never throws
 */
export function settingsDecoder<P extends t.Props, S>(
  spec: SettingsSpec<P, S>,
): (raw: Readonly<Record<string, unknown>>) => DecodedSettings<S> {
  // Built at the first decode, not at import: every provider's decoder is made when the package loads, while a
  // configuration decodes one or two service types (io-ts builds each codec's name from its props eagerly).
  let codec: t.PartialC<P & { delivery: typeof deliveryCodec }> | undefined;
  return (raw) => {
    codec ??= t.partial({ ...spec.props, delivery: deliveryCodec });
    const diagnostics: SettingsDiagnostic[] = [];
    const normalized = normalize(raw, codec, [], diagnostics, spec.type);
    const decoded = codec.decode(normalized ?? {});
    if (decoded._tag === "Left") {
      return { value: undefined, diagnostics: [...diagnostics, ...reportErrors(decoded.left)] };
    }
    const value = decoded.right as t.TypeOf<t.PartialC<P>> & {
      readonly delivery?: RawDelivery;
      readonly insecureSkipVerify?: boolean;
    };
    const resolved = resolvePolicy(value.delivery, spec.policy);
    const built = spec.build(value, resolved.policy);
    const insecure = value.insecureSkipVerify === true
      ? [
        settingProblem(
          ["insecureSkipVerify"],
          "insecureSkipVerify is not supported: TLS certificates are verified (trust a private CA with NODE_EXTRA_CA_CERTS or DENO_CERT)",
          { severity: "warning" },
        ),
      ]
      : [];
    const all = [...diagnostics, ...resolved.problems, ...insecure, ...(built.problems ?? [])];
    return { value: all.some((d) => d.severity === "error") ? undefined : built.value, diagnostics: all };
  };
}
