/**
 * The CLI's help texts, one per verb.
 * @module
 */

const sources = `Where the configuration comes from:
  --config-map <file|->     the notifications ConfigMap (YAML; - reads standard input)
  --secret <file|-|:empty>  its Secret (YAML), if its services reference $keys
  --kubeconfig <file>       read them from a cluster instead (and resources as [apiVersion/]Kind/name)
  -n, --namespace <ns>      the cluster namespace (the kubeconfig context's by default)
  --config-map-name <name>  default argocd-notifications-cm
  --secret-name <name>      default argocd-notifications-secret`;

/** Help text by verb; `""` is the top level. */
export const usage: Readonly<Record<string, string>> = {
  "": `notifications-engine: check, preview and test notification rules (Argo CD / Argo Rollouts compatible)

Usage: notifications-engine <command> [options]

Commands:
  test <files|globs…>                    run rule test files
  validate                               report every problem of a configuration, with key and line
  trigger get [name]                     list triggers
  trigger run <trigger> <resource>       run a trigger's conditions on a resource, and explain the outcome
  template get [name]                    list templates
  template notify <template> <resource>  render a template and show the request each service would receive
  compile <configmap.yaml>               write the trigger conditions as a module compiled ahead of time
  controller --resource <g/v/r>=<name>   run the controller on a cluster (watch, evaluate, deliver, record)
  help [command]                         show help

Every command takes --help. Output is text for people; --output json|yaml for scripts.
Secrets are never printed.
`,
  compile: `Usage: notifications-engine compile <configmap.yaml|-> [-o <file|->] [--output text|json]

Writes the ahead-of-time module of the ConfigMap's trigger conditions (when and oncePer): a plain JavaScript
module without imports or eval, generated from the syntax trees of the shapes it covers. Load it and pass
precompiled(exprRuntime) as decodeConfig's expr.precompiled: the conditions it covers run its code (same results,
errors and budgets), the others their closures. Reports which conditions it covers and which it leaves to the
closures; exits 1 when the ConfigMap cannot be read or the module not written, 2 on a usage error.

  import { decodeConfig, exprRuntime } from "notifications-engine";
  import { precompiled } from "./conditions.generated.mjs";
  const { config } = decodeConfig(configMap, secret, { expr: { precompiled: precompiled(exprRuntime) } });

Options:
  -o <file|->             the module's file (default conditions.generated.mjs; - for standard output, the report
                          then goes to standard error). An ES module: name it .mjs unless it sits in an ES package.
  --output text|json      the report's format (default text); unlike other commands, -o is not --output here
  -h, --help              show this help
`,
  test: `Usage: notifications-engine test <files|globs…> [--output text|json|junit]

Runs rule test files (YAML): a configuration, a time, and scenarios, each a sequence of resource states with
the notifications each must send. The notified state carries from step to step as the controller carries it.
Prints each failure with what was expected, what was sent, and why; exits 1 when a test fails or a file is
invalid, 2 on a usage error.

Options:
  -o, --output text|json|junit   the report's format (default text)
  -h, --help                     show this help
`,
  validate: `Usage: notifications-engine validate --config-map <file|-> [--secret <file|->] [--output text|json|yaml]

Decodes the configuration and reports every problem at once, each with its ConfigMap key and line.
Exits 1 when there is an error (warnings alone exit 0).

${sources}
  -o, --output text|json|yaml
  -h, --help
`,
  trigger: `Usage:
  notifications-engine trigger get [name] [options]
  notifications-engine trigger run <trigger> <resource> [options]

get: lists the triggers (name, conditions, templates).
run: runs every condition of the trigger on the resource (a file, -, or with --kubeconfig
     [apiVersion/]Kind/name) and prints each result and oncePer value, then explains what the engine would do
     for the resource's subscriptions and notified state.

${sources}
  --as <name>                 the resource's name in conditions (default: app, rollout, or as the conditions name it)
  --now <RFC 3339 time>       the time conditions see (default: now)
  -o, --output text|json|yaml
  -h, --help
`,
  template: `Usage:
  notifications-engine template get [name] [options]
  notifications-engine template notify <template> <resource> [--recipient service:recipient]… [--send] [options]

get:    lists the templates (name, language, message preview).
notify: renders the template for the resource (a file, -, or with --kubeconfig [apiVersion/]Kind/name) and
        prints, per recipient, the exact request the service would receive (secrets redacted). With --send it
        really delivers, and prints the outcome.

${sources}
  --recipient <service:recipient>  repeatable; default console:stdout
  --send                           deliver for real
  --as <name>                      the resource's name in templates (default: app, rollout, or as the conditions name it)
  --now <RFC 3339 time>            the time templates see (default: now)
  -o, --output text|json|yaml
  -h, --help
`,
};
