/**
 * Leader election and sharding on `coordination.k8s.io/v1` Leases. Resources are split into N shards by a stable
 * hash of their UID; each shard is owned through its own Lease (`<name>` when N is 1: plain leader election, else
 * `<name>-<i>`), so two replicas never process the same resource, and a replica that dies loses its shards to the
 * others once its Leases go unrenewed for the lease duration. Replicas announce themselves with a member Lease each
 * (`<name>-member-<identity hash>`), and each holds at most ⌈N / live replicas⌉ shards, handing extras back once
 * their passes are done, the way Argo CD spreads its application controller's shards.
 *
 * Expiry follows client-go's leader election: a Lease is expired when its record has not changed for the lease
 * duration as measured by the local clock (never by comparing clocks across machines), and a holder stops using a
 * shard when it could not renew within the renew deadline, which is shorter than the lease duration.
 * @module
 */
import type { KubeClient, KubeFailure } from "./_client.ts";

/** Options of {@linkcode createShardLeases}. */
export interface ShardLeasesOptions {
  /** Where the Leases live. */
  readonly namespace: string;
  /** The Leases' name, and prefix of the shard and member Leases. */
  readonly name: string;
  /** Number of shards (1: leader election). */
  readonly shards: number;
  /** This replica's identity (the pod name). */
  readonly identity: string;
  /** How long an unrenewed Lease stays held (default 15 s). */
  readonly leaseDurationMs?: number;
  /** How long a holder keeps using a shard it cannot renew (default 10 s; less than the lease duration). */
  readonly renewDeadlineMs?: number;
  /** Time between two rounds of renewing and acquiring (default 2 s). */
  readonly retryPeriodMs?: number;
  /** Whether no pass over a shard's resources is in flight (before a shard is handed back); default always. */
  readonly drained?: (shard: number) => boolean;
  readonly onError?: (failure: KubeFailure) => void;
  /** Told when this replica starts or stops owning a shard. */
  readonly onChange?: (shard: number, owned: boolean) => void;
  /** The clock (unix ms). */
  readonly now?: () => number;
}

/** The running election. */
export interface ShardLeases {
  /** Runs rounds until `stop`; resolves after the first round. */
  start(): Promise<void>;
  /** Stops and hands every held shard back at once. */
  stop(): Promise<void>;
  /** Whether this replica may process the shard now. */
  owns(shard: number): boolean;
  /** The shards this replica holds. */
  held(): readonly number[];
}

/**
 * The shard of a resource: FNV-1a (32 bits) of its UID, modulo `shards`. Stable across processes and versions.
 * @param uid the resource's `metadata.uid`
 * @param shards the number of shards
 * @returns a shard in `[0, shards)`
 * @example
 * ```ts
 * import { shardOf } from "./shard-leases.ts";
 * import { expect } from "expect";
 * expect(shardOf("6c2b9c3e-0d7a-4f0e-9d8e-5a1b2c3d4e5f", 1)).toBe(0);
 * expect(shardOf("a", 4)).toBe(shardOf("a", 4));
 * ```
 */
export function shardOf(uid: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < uid.length; i++) {
    hash ^= uid.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % Math.max(1, shards);
}

interface LeaseObject {
  metadata: { name: string; resourceVersion?: string; labels?: Record<string, string> };
  spec?: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    renewTime?: string;
    acquireTime?: string;
    leaseTransitions?: number;
  };
}

interface Observed {
  readonly record: string;
  readonly since: number;
}

const microTime = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");

/**
 * Creates the election; `start` it.
 * @param client the API server
 * @param options namespace, name, shard count, identity, timings
 * @returns the election
 */
export function createShardLeases(client: KubeClient, options: ShardLeasesOptions): ShardLeases {
  const now = options.now ?? (() => Date.now());
  const duration = options.leaseDurationMs ?? 15_000;
  const deadline = options.renewDeadlineMs ?? 10_000;
  const period = options.retryPeriodMs ?? 2_000;
  const shards = Math.max(1, options.shards);
  const group = `notifications.argoproj.io/lease-group`;
  const base = `/apis/coordination.k8s.io/v1/namespaces/${options.namespace}/leases`;
  const leaseName = (shard: number): string => (shards === 1 ? options.name : `${options.name}-${shard}`);
  const memberName = `${options.name}-member-${hashHex(options.identity)}`;
  const renewed = new Map<number, number>();
  const observed = new Map<string, Observed>();
  const releasing = new Set<number>();
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;

  const owns = (shard: number): boolean => (renewed.get(shard) ?? -Infinity) + deadline > now();
  const setOwned = (shard: number, at: number | undefined): void => {
    const before = renewed.has(shard);
    if (at === undefined) renewed.delete(shard);
    else renewed.set(shard, at);
    if (before !== (at !== undefined)) options.onChange?.(shard, at !== undefined);
  };
  const expired = (lease: LeaseObject): boolean => {
    const holder = lease.spec?.holderIdentity ?? "";
    if (holder === "") return true;
    const record = `${holder}\n${lease.spec?.renewTime ?? ""}`;
    const seen = observed.get(lease.metadata.name);
    if (seen === undefined || seen.record !== record) {
      observed.set(lease.metadata.name, { record, since: now() });
      return false;
    }
    return now() - seen.since > duration;
  };
  const body = (name: string, holder: string, previous?: LeaseObject): LeaseObject => {
    const t = microTime(now());
    const same = previous?.spec?.holderIdentity === holder;
    return {
      metadata: {
        name,
        labels: { [group]: options.name },
        ...(previous?.metadata.resourceVersion !== undefined
          ? { resourceVersion: previous.metadata.resourceVersion }
          : {}),
      },
      spec: {
        holderIdentity: holder,
        leaseDurationSeconds: Math.ceil(duration / 1000),
        acquireTime: same ? previous?.spec?.acquireTime ?? t : t,
        renewTime: t,
        leaseTransitions: (previous?.spec?.leaseTransitions ?? 0) + (same || previous === undefined ? 0 : 1),
      },
    };
  };
  const put = async (name: string, holder: string, previous: LeaseObject | undefined): Promise<boolean> => {
    const answer = previous === undefined
      ? await client.request("POST", base, {
        body: { apiVersion: "coordination.k8s.io/v1", kind: "Lease", ...body(name, holder) },
      })
      : await client.request("PUT", `${base}/${name}`, {
        body: { apiVersion: "coordination.k8s.io/v1", kind: "Lease", ...body(name, holder, previous) },
      });
    if (!answer.ok && answer.failure.status !== 409) options.onError?.(answer.failure);
    return answer.ok;
  };

  const round = async (): Promise<void> => {
    const listed = await client.request<{ items?: LeaseObject[] }>("GET", base, {
      query: { labelSelector: `${group}=${options.name}` },
    });
    if (!listed.ok) {
      options.onError?.(listed.failure);
      for (const shard of [...renewed.keys()]) if (!owns(shard)) setOwned(shard, undefined);
      return;
    }
    const leases = new Map((listed.value.items ?? []).map((l) => [l.metadata.name, l]));
    let members = 1;
    if (shards > 1) {
      await put(memberName, options.identity, leases.get(memberName));
      for (const [name, lease] of leases) {
        if (name !== memberName && name.startsWith(`${options.name}-member-`) && !expired(lease)) members++;
      }
    }
    const target = Math.ceil(shards / members);
    for (let shard = 0; shard < shards; shard++) {
      const lease = leases.get(leaseName(shard));
      if (lease !== undefined) expired(lease);
      if (lease?.spec?.holderIdentity === options.identity) await keep(shard, lease, target);
      else await take(shard, lease, target);
    }
  };

  /** Renews a shard this replica holds, or hands it back (once drained) when it holds more than its share. */
  const keep = async (shard: number, lease: LeaseObject, target: number): Promise<void> => {
    if (!releasing.has(shard) && renewed.size > target && shard === Math.max(...renewed.keys())) {
      releasing.add(shard);
      setOwned(shard, undefined);
    }
    if (releasing.has(shard)) {
      if (options.drained?.(shard) ?? true) {
        await put(leaseName(shard), "", lease);
        releasing.delete(shard);
      }
      return;
    }
    const at = now();
    if (await put(leaseName(shard), options.identity, lease)) setOwned(shard, at);
    else if (!owns(shard)) setOwned(shard, undefined);
  };

  /** Acquires a shard held by nobody (or whose holder stopped renewing) while this replica holds less than its share. */
  const take = async (shard: number, lease: LeaseObject | undefined, target: number): Promise<void> => {
    releasing.delete(shard);
    if (renewed.has(shard)) setOwned(shard, undefined);
    if (renewed.size >= target) return;
    if (lease !== undefined && !expired(lease)) return;
    const at = now();
    if (await put(leaseName(shard), options.identity, lease)) setOwned(shard, at);
  };

  const loop = async (): Promise<void> => {
    while (running) {
      try {
        await round();
      } catch (e) {
        options.onError?.({
          _tag: "KubeFailure",
          message: `lease round failed: ${e instanceof Error ? e.message : String(e)}`,
          retryable: true,
        });
      }
      if (!running) break;
      await new Promise<void>((r) => {
        wake = r;
        timer = setTimeout(r, period);
      });
    }
  };
  let looping: Promise<void> | undefined;

  return {
    async start() {
      running = true;
      await round().catch(() => undefined);
      looping = loop();
    },
    async stop() {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      wake?.();
      await looping;
      const held = [...renewed.keys()];
      for (const shard of held) setOwned(shard, undefined);
      const listed = await client.request<{ items?: LeaseObject[] }>("GET", base, {
        query: { labelSelector: `${group}=${options.name}` },
      });
      if (!listed.ok) return;
      for (const lease of listed.value.items ?? []) {
        if (lease.spec?.holderIdentity === options.identity) await put(lease.metadata.name, "", lease);
      }
    },
    owns,
    held: () => [...renewed.keys()].filter(owns).sort((a, b) => a - b),
  };
}

function hashHex(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
