// Writes the committed seed corpus (test/fuzz/corpus/{msgpack,filter,
// output,json}): the examples' sample records as Fluent Bit chunks (built by
// the host from their .jsonl; outputs get their filters' and their own), the
// awkward shapes test/malformed.test.ts checks, and the JSON of the samples.
// Rerun after adding an example:
//   node scripts/build.js && node dist/test/fuzz/seeds.js
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildPlugin, root } from "../support/plugins.js";
import { runHost } from "../../compiler/toolchain/index.js";
import { corpusRoot, exampleFilters, exampleOutputs } from "./targets.js";
import { malformedCases } from "./chunks.js";

function put(dir: string, data: Buffer | string): void {
  fs.mkdirSync(dir, { recursive: true });
  const name = crypto.createHash("sha1").update(data).digest("hex").slice(0, 16);
  fs.writeFileSync(path.join(dir, name), data);
}

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-seeds-"));
  try {
    // An identity filter turns JSON lines into exactly the chunks the host
    // hands a plugin (--out msgpack writes them back unchanged).
    const entry = path.join(scratch, "identity.ts");
    fs.writeFileSync(entry, 'import { defineFilter } from "flbc";\nexport default defineFilter({ name: "identity", filter() {} });\n');
    const { binary } = await buildPlugin(entry, scratch);
    for (const name of exampleFilters()) {
      const jsonl = fs.readFileSync(path.join(root, "examples", `${name}.jsonl`), "utf8");
      const lines = jsonl.split("\n").filter((l) => l.trim() !== "");
      for (let i = 0; i < lines.length; i += 3) {
        const r = await runHost(binary, ["--out", "msgpack"], lines.slice(i, i + 3).join("\n") + "\n");
        if (r.code !== 0) throw new Error(r.stderr);
        put(path.join(corpusRoot, "filter"), r.stdout);
        put(path.join(corpusRoot, "msgpack"), r.stdout);
        put(path.join(corpusRoot, "output"), r.stdout);
      }
      for (const l of lines.slice(0, 4)) put(path.join(corpusRoot, "json"), l);
    }
    // Output samples are events ([[time, metadata], body] lines): times and metadata too.
    for (const name of exampleOutputs()) {
      const jsonl = fs.readFileSync(path.join(root, "examples", `${name}.jsonl`), "utf8");
      const r = await runHost(binary, ["--events", "--out", "msgpack"], jsonl);
      if (r.code !== 0) throw new Error(r.stderr);
      put(path.join(corpusRoot, "output"), r.stdout);
    }
    for (const c of malformedCases()) {
      put(path.join(corpusRoot, "filter"), c.chunk);
      put(path.join(corpusRoot, "msgpack"), c.chunk);
      put(path.join(corpusRoot, "output"), c.chunk);
    }
    for (const j of ['{"a":[1,2.5,-0.0,1e300,"\\ud83d\\ude00",null,true]}', '"\\u0000x"', "12345678901234567890", "[[[[[[]]]]]]"]) {
      put(path.join(corpusRoot, "json"), j);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
