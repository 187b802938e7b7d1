/**
 * Renders every template of the conformance corpus (Argo CD catalog, Argo Rollouts catalog, cert-manager,
 * foo-sample), field by field as the Go engine does, for realistic resources and destinations, through the Go
 * oracle; writes `tests/conformance/templates/catalog-<corpus>.json`.
 *
 *     npx tsx scripts/oracle/catalog.ts   # needs /work/shared/oracle/bin/oracle (see its README)
 * @module
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { compileDocument } from "../../lib/templates/compile-document.ts";
import type { TextTemplate } from "../../lib/templates/text-template.ts";
import { builtinBlocks } from "../../providers/mod.ts";
import {
  argoCdScenarios,
  argoRolloutsScenarios,
  certmanagerScenarios,
  fooSampleScenarios,
  type Scenario,
} from "./catalog-scenarios.ts";

const shared = process.env["SHARED"] ?? "/work/shared";
const oracle = `${shared}/oracle/bin/oracle`;
const now = "2024-01-02T03:04:05Z";

interface Corpus {
  readonly id: string;
  readonly file: string;
  readonly numbers: "int64" | "float64";
  readonly scenarios: readonly Scenario[];
}

const corpora: readonly Corpus[] = [
  { id: "argo-cd", file: "argo-cd/argocd-notifications-cm.yaml", numbers: "int64", scenarios: argoCdScenarios },
  {
    id: "argo-rollouts",
    file: "argo-rollouts/argo-rollouts-notification-configmap.yaml",
    numbers: "float64",
    scenarios: argoRolloutsScenarios,
  },
  { id: "certmanager", file: "certmanager/config.yaml", numbers: "int64", scenarios: certmanagerScenarios },
  { id: "foo-sample", file: "foo-sample/config.yaml", numbers: "int64", scenarios: fooSampleScenarios },
];

interface Recorded extends TextTemplate {
  readonly source: string;
  readonly goName: string;
}

/** The templated fields of a document, as our compiler finds them, with their Go source and template name. */
function fieldsOf(name: string, doc: unknown): { field: string; source: string; goName: string }[] {
  const record = (source: string, goName: string) => ({
    _tag: "Right" as const,
    right: { source, goName, render: () => ({ _tag: "Right" as const, right: "" }) } as Recorded,
  });
  const { plan, diagnostics } = compileDocument(name, doc, {
    compilers: { go: () => record, liquid: () => record },
    blocks: builtinBlocks,
  });
  if (plan === undefined) throw new Error(`template.${name}: ${JSON.stringify(diagnostics)}`);
  return plan.slots.map((s) => ({
    field: s.label,
    source: (s.template as Recorded).source,
    goName: (s.template as Recorded).goName,
  }));
}

interface OracleResult {
  readonly id: string;
  readonly ok: boolean;
  readonly text?: string;
  readonly error?: string;
  readonly phase?: string;
}

function runOracle(lines: readonly object[]): OracleResult[] {
  const out = spawnSync(oracle, { input: lines.map((l) => JSON.stringify(l)).join("\n"), maxBuffer: 1 << 28 });
  if (out.status !== 0) throw new Error(`oracle failed: ${out.stderr.toString()}`);
  return out.stdout.toString().trim().split("\n").map((l) => JSON.parse(l) as OracleResult);
}

for (const corpus of corpora) {
  const cm = parse(readFileSync(`${shared}/conformance/${corpus.file}`, "utf8")) as { data: Record<string, string> };
  const templates: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cm.data)) {
    if (key.startsWith("template.")) templates[key.slice("template.".length)] = parse(value);
  }
  const requests: object[] = [];
  const meta: { template: string; scenario: string; field: string }[] = [];
  for (const [name, doc] of Object.entries(templates)) {
    for (const f of fieldsOf(name, doc)) {
      for (const s of corpus.scenarios) {
        const id = `${requests.length}`;
        requests.push({
          id,
          kind: "template",
          name: f.goName,
          source: f.source,
          vars: s.vars,
          now,
          numbers: corpus.numbers,
        });
        meta.push({ template: name, scenario: s.id, field: f.field });
      }
    }
  }
  const results = runOracle(requests);
  const cases = results.map((r, i) => ({
    ...meta[i],
    ok: r.ok,
    ...(r.ok ? { text: r.text } : { phase: r.phase, error: r.error }),
  }));
  const fixture = {
    source: corpus.file,
    oracle: "Go 1.19 text/template + sprig 3.2.3 (shared/oracle), each field rendered on its own",
    now,
    numbers: corpus.numbers,
    templates,
    scenarios: corpus.scenarios,
    cases,
  };
  const path = `tests/conformance/templates/catalog-${corpus.id}.json`;
  writeFileSync(path, JSON.stringify(fixture, null, 1) + "\n");
  const failed = cases.filter((c) => !c.ok).length;
  console.log(`${path}: ${cases.length} cases (${failed} Go errors)`);
}
