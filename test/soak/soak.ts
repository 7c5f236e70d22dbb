// `npm run soak`: a few million records through every example filter in
// the host (msgpack in and out, chunks of 1000 records), sampling the
// process's resident memory as it goes. Once the input is loaded, RSS must
// stay flat: the per-record arena is rolled back after every record and
// keeps one block. Beside RSS, the arena's high-water mark (the most one
// record had in use at once) and the blocks it keeps, from the host's
// --stats. Reported, not asserted (tests never assert timings or memory;
// see DESIGN.md).
//
//   node dist/test/soak/soak.js [--records N] [--example NAME]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runHost } from "../../compiler/toolchain/index.js";
import { buildPlugin, root } from "../support/plugins.js";
import { exampleFilters } from "../fuzz/targets.js";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

/** VmRSS of a live process, in kB (0 once it is gone). */
function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

interface Soak {
  seconds: number;
  samples: number[];
  stats: string;
  code: number;
}

/** Runs the host on input, sampling RSS every 50 ms; stdout is discarded. */
function soak(binary: string, input: Buffer): Promise<Soak> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(binary, ["--in", "msgpack", "--out", "msgpack", "--chunk-records", "1000", "--stats"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    const samples: number[] = [];
    let stderr = "";
    let inputDone = false;
    const timer = setInterval(() => {
      // Only once the host has all its input: before that RSS grows with it.
      if (inputDone) samples.push(rssKb(child.pid!));
    }, 50);
    child.stdout.on("data", () => undefined);
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({
        seconds: (Date.now() - t0) / 1000,
        samples: samples.filter((s) => s > 0),
        stats: stderr.split("\n").find((l) => l.startsWith("stats:")) ?? stderr.trim().split("\n").slice(-3).join(" / "),
        code: code ?? 1,
      });
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(input, () => (inputDone = true));
  });
}

async function main(): Promise<void> {
  const records = Number(option("--records", "2000000"));
  const only = option("--example", "");
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-soak-"));
  try {
    const idEntry = path.join(scratch, "identity.ts");
    fs.writeFileSync(idEntry, 'import { defineFilter } from "flbc";\nexport default defineFilter({ name: "identity", filter() {} });\n');
    const identity = (await buildPlugin(idEntry, scratch)).binary;
    console.log(`soak: ${records} records per example, chunks of 1000, RSS sampled after the input is loaded`);
    for (const name of exampleFilters().filter((n) => only === "" || n === only)) {
      const dir = path.join(scratch, name);
      fs.mkdirSync(dir);
      const { binary } = await buildPlugin(path.join(root, "examples", `${name}.ts`), dir);
      const jsonl = fs.readFileSync(path.join(root, "examples", `${name}.jsonl`), "utf8");
      const lines = jsonl.split("\n").filter((l) => l.trim() !== "").length;
      const one = (await runHost(identity, ["--out", "msgpack"], jsonl)).stdout;
      const copies = Math.ceil(records / lines);
      const input = Buffer.concat(Array.from({ length: copies }, () => one));
      const r = await soak(binary, input);
      const s = r.samples;
      const at = (f: number) => ((s[Math.min(s.length - 1, Math.floor(s.length * f))] ?? 0) / 1024).toFixed(1);
      const peak = Math.max(0, ...s);
      const stat = (key: string): string => {
        const m = new RegExp(`\\b${key}=(\\d+)`).exec(r.stats);
        if (!m) return "?";
        const n = Number(m[1]);
        return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`;
      };
      console.log(
        `${name}: ${copies * lines} records, ${(input.length / 1e6).toFixed(1)} MB in ${r.seconds.toFixed(1)} s ` +
          `(${Math.round((copies * lines) / r.seconds)} records/s), exit ${r.code}\n` +
          `  RSS while filtering (MB) at 30% / 50% / 70% / 90% of the run: ${at(0.3)} / ${at(0.5)} / ${at(0.7)} / ${at(0.9)}; ` +
          `peak ${(peak / 1024).toFixed(1)} (the host holds the whole input as chunks)\n` +
          `  arena high water ${stat("arena_high_water")}, blocks kept ${stat("arena_kept")}\n` +
          `  ${r.stats}`,
      );
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
