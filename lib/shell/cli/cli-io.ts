/**
 * What the CLI touches of the world, passed in so tests and hosts can run it in-process: output streams, files read and
 * written, standard input, the working directory, the environment, the clock and the delivery capabilities.
 * @module
 */
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createDeliveryIO } from "../delivery-io.ts";
import type { DeliveryIO } from "../delivery-io.ts";

/** The CLI's capabilities. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads a file, relative to `cwd`. */
  readonly readFile: (path: string) => Promise<string>;
  /** Writes a file, relative to `cwd` (`compile`'s module). */
  readonly writeFile: (path: string, text: string) => Promise<void>;
  /** Reads all of standard input. */
  readonly readStdin: () => Promise<string>;
  readonly cwd: string;
  /** Whether standard output is a terminal (colours only then, and never with `NO_COLOR`). */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Unix milliseconds. */
  readonly now: () => number;
  /** How `template notify --send` delivers. */
  readonly delivery: () => DeliveryIO;
}

async function readAll(stream: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The capabilities of this process.
 * @returns the process's streams, files, environment and clock
 */
export function processCliIO(): CliIO {
  const cwd = process.cwd();
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(resolve(cwd, path), "utf8"),
    writeFile: (path, text) => writeFile(resolve(cwd, path), text, "utf8"),
    readStdin: () => readAll(process.stdin),
    cwd,
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    now: () => Date.now(),
    delivery: () =>
      createDeliveryIO({ print: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`) }),
  };
}
