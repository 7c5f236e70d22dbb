// Running the host attached to flbc's own stdin, stdout and stderr (`flbc
// run`): the plugin's output and logs stream straight through, and how the
// host ended becomes flbc's exit code. A host killed by a signal (a crash
// in the plugin or the runtime) must not look like an ordinary failed run:
// it gets a message of its own and the shells' 128 + N exit code.
import { spawn } from "node:child_process";
import os from "node:os";

export interface HostEnd {
  /** The exit code, or null when a signal killed the host. */
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs binary with stdout and stderr inherited; rejects when it cannot be started. */
export function runAttached(binary: string, args: string[], stdin: number | "inherit" | "ignore"): Promise<HostEnd> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: [stdin, "inherit", "inherit"] });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
}

/** Signals a program gets for its own fault, as opposed to being stopped from outside. */
const crashSignals = new Set<string>(["SIGSEGV", "SIGABRT", "SIGBUS", "SIGFPE", "SIGILL", "SIGTRAP", "SIGSYS"]);

export interface HostExit {
  code: number;
  /** Why the host ended, when a signal ended it. */
  message?: string;
  /** Killed by a signal for its own fault: a bug in the plugin or the runtime. */
  crashed: boolean;
}

/** flbc's exit code for a host that ended so: its own code, or 128 + the signal's number. */
export function hostExit(end: HostEnd): HostExit {
  if (end.signal === null) return { code: end.code ?? 1, crashed: false };
  const code = 128 + (os.constants.signals[end.signal] ?? 0);
  if (crashSignals.has(end.signal)) return { code, message: `host crashed: killed by ${end.signal}`, crashed: true };
  return { code, message: `host killed by ${end.signal}`, crashed: false };
}
