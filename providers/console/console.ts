/**
 * The `console` service, for local runs: prints the rendered notification as YAML (keys sorted), as the Go engine's
 * `template notify` command does. The recipient is ignored. The shell redacts secrets before printing. Not a Go
 * ConfigMap service type (the Go CLI registers it itself); here `service.console` may be configured like any other.
 * @module
 */
import { stringify } from "yaml";
import { E } from "../../lib/fp.ts";
import type { Provider } from "../provider.ts";
import { type ConsoleSettings, decodeConsoleSettings } from "./settings.ts";

/** The `console` provider. */
export const consoleProvider: Provider<ConsoleSettings> = {
  type: "console",
  decodeSettings: decodeConsoleSettings,
  secrets: () => [],
  prepare: (n) =>
    E.right({
      kind: "print",
      text: stringify({ message: n.content.message, ...n.content.blocks }, { sortMapEntries: true, lineWidth: 0 }),
    }),
};
