/**
 * A bounded memo of what the subscriptions of a resource resolve to, checked against the content it was made from.
 * @module
 */
import type { Destinations } from "../subscriptions/mod.ts";

/** The content a memo entry is made from, and how to compare it with a kept copy. */
export interface MemoProbe {
  /** Picks the entry to compare with (the resource's `metadata.uid`); never decides a hit by itself. */
  readonly slot: string;
  /** Whether `kept`, a {@linkcode MemoProbe.snapshot} of an earlier probe, holds the same content as this one. */
  same(kept: readonly unknown[]): boolean;
  /** The content as a flat list of strings and numbers. */
  snapshot(): readonly unknown[];
}

/** A memo of one value per distinct content. */
export interface SubscriptionsMemo<V> {
  /** The value kept for exactly this content, or the one `make` returns (kept when small enough). */
  get(probe: MemoProbe, make: () => V): V;
  /** How many entries are kept. */
  readonly size: number;
}

interface Entry<V> {
  readonly content: readonly unknown[];
  readonly chars: number;
  readonly value: V;
}

/** At most this many entries are kept, the oldest dropped first. */
const maxEntries = 1024;
/** At most this many characters of content are kept over all entries (about 8 MiB). */
const maxChars = 4 * 1024 * 1024;
/** Content larger than this is resolved every time, never kept. */
const maxEntryChars = 64 * 1024;

/**
 * A memo keyed by content: an entry is used only when its probe says the content is the same as the one it was made
 * from, so what it answers is what `make` would. The slot (`metadata.uid`) only says which entry to compare with: two
 * resources sharing a uid, or a resource changed without a new `resourceVersion`, still get what resolving gives.
 * Bounded in entries and in characters kept.
 *
 * @returns An empty memo.
 */
export function subscriptionsMemo<V>(): SubscriptionsMemo<V> {
  const entries = new Map<string, Entry<V>>();
  let chars = 0;
  return {
    get size() {
      return entries.size;
    },
    get(probe, make) {
      const hit = entries.get(probe.slot);
      if (hit !== undefined && probe.same(hit.content)) return hit.value;
      const value = make();
      const content = probe.snapshot();
      const size = charsOf(content);
      if (hit !== undefined) {
        entries.delete(probe.slot);
        chars -= hit.chars;
      }
      if (size > maxEntryChars) return value;
      for (const [slot, old] of entries) {
        if (entries.size < maxEntries && chars + size <= maxChars) break;
        entries.delete(slot);
        chars -= old.chars;
      }
      entries.set(probe.slot, { content, chars: size, value });
      chars += size;
      return value;
    },
  };
}

function charsOf(content: readonly unknown[]): number {
  let n = 0;
  for (const x of content) n += typeof x === "string" ? x.length + 1 : 1;
  return n;
}

// --- probes

/**
 * The probe of a resource's subscription annotations (own ones starting with `marker`, names and values in iteration
 * order), its labels when they are read, and `scope` (whatever else the value depends on).
 */
export function annotationsProbe(
  slot: string,
  scope: string,
  marker: string,
  maps: {
    readonly annotations: Readonly<Record<string, string>>;
    readonly labels: Readonly<Record<string, string>> | undefined;
  },
): MemoProbe {
  const { annotations, labels } = maps;
  return {
    slot,
    same(kept) {
      if (kept[0] !== scope || kept[1] !== marker) return false;
      let i = 2;
      for (const k in annotations) {
        // The kept name is compared first: equal names are the common case, and cheaper to tell than the marker.
        if (kept[i] !== k && !startsWith(k, marker)) continue;
        if (kept[i] !== k || kept[i + 1] !== annotations[k] || !Object.hasOwn(annotations, k)) return false;
        i += 2;
      }
      if (kept[i++] !== (labels === undefined ? 0 : 1)) return false;
      if (labels !== undefined) {
        for (const k in labels) {
          if (!Object.hasOwn(labels, k)) continue;
          if (kept[i] !== k || kept[i + 1] !== labels[k]) return false;
          i += 2;
        }
      }
      return i === kept.length;
    },
    snapshot() {
      const out: unknown[] = [scope, marker];
      for (const k in annotations) {
        if (startsWith(k, marker) && Object.hasOwn(annotations, k)) out.push(k, annotations[k]);
      }
      out.push(labels === undefined ? 0 : 1);
      if (labels !== undefined) { for (const k in labels) if (Object.hasOwn(labels, k)) out.push(k, labels[k]); }
      return out;
    },
  };
}

/** The probe of destinations a host resolved (each trigger, its count of destinations, their services and recipients). */
export function destinationsProbe(slot: string, scope: string, destinations: Destinations): MemoProbe {
  return {
    slot,
    same(kept) {
      if (kept[0] !== scope) return false;
      let i = 1;
      for (const [trigger, list] of destinations) {
        if (kept[i] !== trigger || kept[i + 1] !== list.length) return false;
        i += 2;
        for (let j = 0; j < list.length; j++, i += 2) {
          const d = list[j]!;
          if (kept[i] !== d.service || kept[i + 1] !== d.recipient) return false;
        }
      }
      return i === kept.length;
    },
    snapshot() {
      const out: unknown[] = [scope];
      for (const [trigger, list] of destinations) {
        out.push(trigger, list.length);
        for (const d of list) out.push(d.service, d.recipient);
      }
      return out;
    },
  };
}

/** `k.startsWith(marker)`, by one native comparison (`startsWith` compares character by character). */
function startsWith(k: string, marker: string): boolean {
  return k.length >= marker.length && k.slice(0, marker.length) === marker;
}
