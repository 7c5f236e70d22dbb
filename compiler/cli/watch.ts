// `flbc run --watch`: rerun on every save. The plugin and its input file
// (an input plugin has none) are watched through their directories, not the files themselves: editors save
// by writing a new file and renaming it over the old one, which ends a
// watch on the old file's inode. Bursts of events (one save is often
// several) are debounced into one run; a change during a run reruns once it
// finishes. Errors end a run, never the watch.
import fs from "node:fs";
import path from "node:path";

export interface WatchOptions {
  /** The plugin file. */
  file: string;
  /** The input file (stdin cannot be read twice); none for an input plugin. */
  input?: string;
  /** One compile-and-run; resolves to its exit code. */
  run: () => Promise<number>;
  /** Where status lines go (stderr). */
  status: NodeJS.WritableStream;
  /** Clear the terminal before each run (when stdout is a terminal). */
  clear: boolean;
  /** Quiet period after the last change before rerunning. */
  debounceMs?: number;
}

/** Runs now and after every change; resolves only when `signal` aborts. */
export async function watchRun(opts: WatchOptions, signal?: AbortSignal): Promise<number> {
  const files = opts.input !== undefined ? [opts.file, opts.input] : [opts.file];
  const watched = new Set(files.map((f) => path.resolve(f)));
  const on = opts.input !== undefined ? ` on ${opts.input}` : "";
  const dirs = new Set([...watched].map((f) => path.dirname(f)));
  const debounce = opts.debounceMs ?? 100;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = false;
  let reason = "start";

  const runOnce = async (): Promise<void> => {
    running = true;
    pending = false;
    if (opts.clear) process.stdout.write("\x1b[2J\x1b[3J\x1b[H");
    const started = performance.now();
    opts.status.write(`flbc: ${time()} ${reason}: running ${opts.file}${on}\n`);
    let code: number;
    try {
      code = await opts.run();
    } catch (e) {
      opts.status.write(`flbc: ${(e as Error).stack ?? String(e)}\n`);
      code = 1;
    }
    const ms = (performance.now() - started).toFixed(0);
    const outcome = code === 0 ? "done" : `failed (exit ${code})`;
    opts.status.write(`flbc: ${outcome} in ${ms} ms; watching ${files.join(" and ")} (Ctrl-C to stop)\n`);
    running = false;
    if (pending) schedule(reason);
  };

  const schedule = (why: string): void => {
    reason = why;
    if (running) {
      pending = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => void runOnce(), debounce);
  };

  const watchers = [...dirs].map((dir) =>
    fs.watch(dir, (_event, name) => {
      if (name === null) return;
      const changed = path.join(dir, name.toString());
      if (watched.has(changed)) schedule(`${path.relative(process.cwd(), changed) || changed} changed`);
    }),
  );

  await runOnce();
  return new Promise((resolve) => {
    const stop = (): void => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      resolve(0);
    };
    if (signal?.aborted) stop();
    signal?.addEventListener("abort", stop, { once: true });
  });
}

function time(): string {
  return new Date().toTimeString().slice(0, 8);
}
