// `flbc run --watch`: runs once, reruns when the plugin or the input file is
// saved, keeps watching after a failed run, and needs --input (an input
// plugin, --count or --duration).
import test from "ava";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const flbcBin = path.join(root, "bin", "flbc.js");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-watch-test-"));
const children: ChildProcess[] = [];
test.after.always(() => {
  for (const c of children) c.kill();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const filter = (value: string): string => `import { defineFilter } from "flbc";

export default defineFilter({
  name: "stamp",
  filter(record) {
    record.stamp = "${value}";
  },
});
`;

/** A running `flbc run --watch` whose output can be awaited. */
class Watcher {
  stdout = "";
  stderr = "";
  private readonly child: ChildProcess;
  private waiters: (() => void)[] = [];

  constructor(dir: string, args: string[]) {
    this.child = spawn(process.execPath, [flbcBin, "run", "--watch", ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1" },
    });
    children.push(this.child);
    this.child.stdout!.on("data", (d: Buffer) => this.got(() => (this.stdout += d.toString())));
    this.child.stderr!.on("data", (d: Buffer) => this.got(() => (this.stderr += d.toString())));
  }

  private got(append: () => void): void {
    append();
    for (const w of this.waiters) w();
  }

  /** Resolves when `stream` has matched `re` `times` times in all. */
  waitFor(stream: "stdout" | "stderr", re: RegExp, times = 1, ms = 60_000): Promise<void> {
    const global = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
    const done = () => (this[stream].match(global) ?? []).length >= times;
    return new Promise((resolve, reject) => {
      if (done()) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${re} x${times}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`)),
        ms,
      );
      this.waiters.push(() => {
        if (done()) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  }

  stop(): void {
    this.child.kill();
  }
}

function project(name: string): string {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "plugin.ts"), filter("one"));
  fs.writeFileSync(path.join(dir, "input.jsonl"), `{"n":1}\n`);
  return dir;
}

const watching = /watching plugin\.ts and input\.jsonl/;

test("node engine: reruns when the plugin or the input changes, and after a failed run", async (t) => {
  const dir = project("node");
  const w = new Watcher(dir, ["plugin.ts", "--input", "input.jsonl", "--engine", "node"]);
  await w.waitFor("stdout", /\{"n":1,"stamp":"one"\}/);
  await w.waitFor("stderr", watching, 1);

  fs.writeFileSync(path.join(dir, "plugin.ts"), filter("two"));
  await w.waitFor("stdout", /\{"n":1,"stamp":"two"\}/);
  await w.waitFor("stderr", /plugin\.ts changed: running/);
  await w.waitFor("stderr", watching, 2);

  fs.writeFileSync(path.join(dir, "input.jsonl"), `{"n":2}\n`);
  await w.waitFor("stdout", /\{"n":2,"stamp":"two"\}/);
  await w.waitFor("stderr", watching, 3);

  fs.writeFileSync(path.join(dir, "plugin.ts"), "export default defineFilter({ name: ");
  await w.waitFor("stderr", /failed \(exit 1\) in \d+ ms; watching/);

  fs.writeFileSync(path.join(dir, "plugin.ts"), filter("three"));
  await w.waitFor("stdout", /\{"n":2,"stamp":"three"\}/);
  w.stop();
  t.pass();
});

test("C engine: a compile error is reported and the next save runs again", async (t) => {
  const dir = project("c");
  fs.writeFileSync(path.join(dir, "plugin.ts"), filter("one").replace('"one";', '"one";\n    var x = 1;'));
  const w = new Watcher(dir, ["plugin.ts", "--input", "input.jsonl"]);
  await w.waitFor("stderr", /plugin\.ts:7:5 - error FLBC1103: 'var' is not supported\./);
  await w.waitFor("stderr", /failed \(exit 1\)/);

  fs.writeFileSync(path.join(dir, "plugin.ts"), filter("fixed"));
  await w.waitFor("stdout", /\{"n":1,"stamp":"fixed"\}/);
  await w.waitFor("stderr", /done in \d+ ms; watching/);
  w.stop();
  t.pass();
});

// An input reads no records, so --count stands in for --input; the watch's
// stdin stays open, which a run must not wait for.
test("an input plugin: --count instead of --input, reruns on save", async (t) => {
  const dir = project("input-plugin");
  const input = (message: string): string => `import { defineInput } from "flbc";

export default defineInput({
  name: "ticks",
  interval: 1,
  collect(ctx) {
    ctx.emit({ message: "${message}" });
  },
});
`;
  fs.writeFileSync(path.join(dir, "ticks.ts"), input("one"));
  const w = new Watcher(dir, ["ticks.ts", "--count", "2", "--engine", "node"]);
  await w.waitFor("stdout", /\{"message":"one"\}/, 2);
  await w.waitFor("stderr", /done in \d+ ms; watching ticks\.ts \(Ctrl-C to stop\)/);
  fs.writeFileSync(path.join(dir, "ticks.ts"), input("two"));
  await w.waitFor("stdout", /\{"message":"two"\}/, 2);
  w.stop();
  t.pass();
});

test("--watch needs --input, or --count/--duration for an input plugin", (t) => {
  const r = spawnSync(process.execPath, [flbcBin, "run", "--watch", "plugin.ts"], { encoding: "utf8" });
  t.is(r.status, 2);
  t.regex(r.stderr, /--watch goes with 'flbc run' and --input FILE .*, or for an input plugin with --count N or --duration S/);
});

test("--input without --watch reads the records from the file", (t) => {
  const dir = project("input");
  const r = spawnSync(process.execPath, [flbcBin, "run", "plugin.ts", "--engine", "node", "--input", "input.jsonl"], {
    cwd: dir,
    encoding: "utf8",
  });
  t.is(r.status, 0, r.stderr);
  t.is(r.stdout, `{"n":1,"stamp":"one"}\n`);
});
