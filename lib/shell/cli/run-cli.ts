/**
 * The `notifications-engine` command line: parses the arguments and runs a verb. Mirrors (and extends)
 * `argocd admin notifications`: `validate`, `trigger get|run`, `template get|notify`, plus `test` for rule tests and
 * `compile` for conditions ahead of time.
 * @module
 */
import { parseArgs } from "node:util";
import type { CliIO } from "./cli-io.ts";
import { compileCommand } from "./compile-command.ts";
import { templateGetCommand, templateNotifyCommand } from "./template-command.ts";
import { testCommand } from "./test-command.ts";
import { triggerGetCommand, triggerRunCommand } from "./trigger-command.ts";
import { usage } from "./usage.ts";
import { validateCommand } from "./validate-command.ts";

/** A verb that takes over the rest of the arguments (the controller's, added by its own module). */
export type ExternalVerb = (argv: readonly string[], io: CliIO) => Promise<number>;

/**
 * Verbs provided by other modules, by name. THE place to wire `controller`:
 *   import { runControllerCommand } from "./controller-command.ts";
 *   const externalVerbs = { controller: runControllerCommand };
 * (and add a line for it to the top-level help in usage.ts).
 */
const externalVerbs: Readonly<Record<string, ExternalVerb>> = {
  // Loaded on use: the Kubernetes client it needs costs every other command nothing.
  controller: async (argv, io) => (await import("./controller-command.ts")).runControllerCommand(argv, io),
};

const options = {
  help: { type: "boolean", short: "h" },
  output: { type: "string", short: "o" },
  "config-map": { type: "string" },
  secret: { type: "string" },
  kubeconfig: { type: "string" },
  namespace: { type: "string", short: "n" },
  "config-map-name": { type: "string" },
  "secret-name": { type: "string" },
  recipient: { type: "string", multiple: true },
  send: { type: "boolean" },
  as: { type: "string" },
  now: { type: "string" },
} as const;

/** The flags of every verb that reads a configuration (from files or a cluster). */
const configFlags = ["config-map", "secret", "kubeconfig", "namespace", "config-map-name", "secret-name"] as const;

const verbOptions: Readonly<Record<string, readonly string[]>> = {
  test: ["help", "output"],
  validate: ["help", "output", ...configFlags],
  trigger: ["help", "output", ...configFlags, "as", "now"],
  template: ["help", "output", ...configFlags, "as", "now", "recipient", "send"],
};

type Parsed = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>;

function parse(verb: string, argv: readonly string[]): Parsed | string {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    const allowed = verbOptions[verb] ?? ["help"];
    const stray = Object.keys(parsed.values).find((k) => !allowed.includes(k));
    return stray === undefined ? parsed : `${verb}: --${stray} is not an option of this command`;
  } catch (e) {
    return `${verb}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
  }
}

/**
 * Runs the command line.
 * @param argv the arguments after the program name
 * @param io the CLI's capabilities
 * @returns the exit code: 0 success, 1 a check failed, 2 a usage error
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === "--help" || verb === "-h" || verb === "help") {
    const topic = verb === "help" ? rest[0] ?? "" : "";
    if (externalVerbs[topic] !== undefined) return await externalVerbs[topic]!(["--help"], io);
    io.stdout(usage[topic] ?? usage[""]!);
    return verb === undefined ? 2 : 0;
  }
  const external = externalVerbs[verb];
  if (external !== undefined) return await external(rest, io);
  // compile has its own flags: -o names the module's file there, as for a compiler.
  if (verb === "compile") return await compileCommand(rest, io, usage[verb]!);
  if (usage[verb] === undefined) {
    io.stderr(`notifications-engine: unknown command "${verb}"\n\n${usage[""]}`);
    return 2;
  }
  const parsed = parse(verb, rest);
  if (typeof parsed === "string") {
    io.stderr(`${parsed}\n\n${usage[verb]}`);
    return 2;
  }
  const { values: flags, positionals } = parsed;
  if (flags.help === true) {
    io.stdout(usage[verb]!);
    return 0;
  }
  return await dispatch(verb, positionals, flags, io);
}

async function dispatch(
  verb: string,
  positionals: readonly string[],
  flags: Parsed["values"],
  io: CliIO,
): Promise<number> {
  const [sub, ...args] = positionals;
  switch (verb) {
    case "test":
      return await testCommand(positionals, flags, io);
    case "validate":
      if (positionals.length > 0) {
        return usageError(io, verb, `validate takes no arguments (got ${positionals.join(" ")})`);
      }
      return await validateCommand(flags, io);
    case "trigger":
      if (sub === "get" && args.length <= 1) return await triggerGetCommand(args[0], flags, io);
      if (sub === "run") return await triggerRunCommand(args, flags, io);
      return usageError(io, verb, sub === undefined ? "trigger needs get or run" : `unknown trigger command "${sub}"`);
    case "template":
      if (sub === "get" && args.length <= 1) return await templateGetCommand(args[0], flags, io);
      if (sub === "notify") return await templateNotifyCommand(args, flags, io);
      return usageError(
        io,
        verb,
        sub === undefined ? "template needs get or notify" : `unknown template command "${sub}"`,
      );
    default:
      return usageError(io, verb, `unknown command "${verb}"`);
  }
}

function usageError(io: CliIO, verb: string, message: string): number {
  io.stderr(`${message}\n\n${usage[verb] ?? usage[""]}`);
  return 2;
}
