// Running a real fluent-bit on an example's sample records: configuration
// files for each way a compiled filter is used (a [FILTER] section, a
// `processors: logs:` entry of an input or of an output, classic .conf with a
// plugins file), and a runner that collects the records it prints.
//
// Records come in through tail (read_from_head, exit_on_eof: fluent-bit
// stops by itself at the end of the file) with a json parser, and go out
// through stdout as JSON lines without the date key, one body per line: the
// same shape `flbc run` prints.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The records' tag in every pipeline (the host must be given the same). */
export const tag = "sample";

/**
 * filter: a YAML `filters:` entry, the .so loaded with -e; plugins-section:
 * the same with the .so named in the YAML `plugins:` list instead;
 * input-/output-processor: `processors: logs:` of the tail input / the
 * stdout output; classic: .conf sections, the .so named in a plugins file.
 */
export type Form = "filter" | "plugins-section" | "input-processor" | "output-processor" | "classic";
export const forms: Form[] = ["filter", "plugins-section", "input-processor", "output-processor", "classic"];

export interface PipelineInput {
  /** Scratch directory for the config files. */
  dir: string;
  /** Short plugin name (`name:` in the config). */
  name: string;
  /** The example's sample records (JSON lines). */
  records: string;
  props: Record<string, string>;
  /** The shared object; for `classic` it is named in a plugins file instead of -e. */
  sharedObject: string;
}

export interface Pipeline {
  configFile: string;
  /** fluent-bit arguments besides the binary. */
  args: string[];
}

const yamlService = ["service:", "  flush: 0.2", "  grace: 1", "  log_level: info"];
const yamlParsers = ["parsers:", "  - name: json", "    format: json"];

/** A YAML double-quoted scalar (JSON strings are valid ones). */
const q = (s: string): string => JSON.stringify(s);

export function writePipeline(form: Form, p: PipelineInput): Pipeline {
  fs.mkdirSync(p.dir, { recursive: true });
  if (form === "classic") return writeClassic(p);
  const unit = (indent: string): string[] => [
    `${indent}- name: ${p.name}`,
    ...(form === "filter" || form === "plugins-section" ? [`${indent}  match: "*"`] : []),
    ...Object.entries(p.props).map(([k, v]) => `${indent}  ${k}: ${q(v)}`),
  ];
  const lines = [
    ...yamlService,
    ...yamlParsers,
    ...(form === "plugins-section" ? ["plugins:", `  - ${q(p.sharedObject)}`] : []),
    "pipeline:",
    "  inputs:",
    "    - name: tail",
    `      path: ${q(p.records)}`,
    "      read_from_head: true",
    "      exit_on_eof: true",
    "      parser: json",
    `      tag: ${tag}`,
    ...(form === "input-processor" ? ["      processors:", "        logs:", ...unit("          ")] : []),
    ...(form === "filter" || form === "plugins-section" ? ["  filters:", ...unit("    ")] : []),
    "  outputs:",
    "    - name: stdout",
    '      match: "*"',
    "      format: json_lines",
    "      json_date_key: false",
    ...(form === "output-processor" ? ["      processors:", "        logs:", ...unit("          ")] : []),
    "",
  ];
  const configFile = path.join(p.dir, `${form}.yaml`);
  fs.writeFileSync(configFile, lines.join("\n"));
  const load = form === "plugins-section" ? [] : ["-e", p.sharedObject];
  return { configFile, args: [...load, "-c", configFile] };
}

/** Classic mode, the plugin loaded through `plugins_file` rather than -e. */
function writeClassic(p: PipelineInput): Pipeline {
  const pluginsFile = path.join(p.dir, "plugins.conf");
  fs.writeFileSync(pluginsFile, `[PLUGINS]\n    Path ${p.sharedObject}\n`);
  const parsersFile = path.join(p.dir, "parsers.conf");
  fs.writeFileSync(parsersFile, "[PARSER]\n    Name   json\n    Format json\n");
  const props = Object.entries(p.props).map(([k, v]) => `    ${k} ${v}\n`).join("");
  const configFile = path.join(p.dir, "fluent-bit.conf");
  fs.writeFileSync(
    configFile,
    `[SERVICE]\n    Flush        0.2\n    Grace        1\n    Plugins_File ${pluginsFile}\n    Parsers_File ${parsersFile}\n\n` +
      `[INPUT]\n    Name           tail\n    Path           ${p.records}\n    Read_From_Head true\n` +
      `    Exit_On_Eof    true\n    Parser         json\n    Tag            ${tag}\n\n` +
      `[FILTER]\n    Name  ${p.name}\n    Match *\n${props}\n` +
      `[OUTPUT]\n    Name          stdout\n    Match         *\n    Format        json_lines\n    json_date_key false\n`,
  );
  return { configFile, args: ["-c", configFile] };
}

export interface FluentBitRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs fluent-bit to completion (SIGTERM after timeoutMs; exit code then 128+15). */
export function runFluentBit(bin: string, args: string[], timeoutMs = 30_000): Promise<FluentBitRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (d: string) => (stdout += d));
    child.stderr.on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal === "SIGTERM" ? 143 : 128), stdout, stderr });
    });
  });
}

/** Fluent Bit's log with colours removed, one string. */
export function plainLog(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}

/** JSON lines (the local host's output) -> values. */
export function parseRecords(text: string): unknown[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as unknown);
}

/**
 * Fluent Bit's stdout JSON lines -> values, as the host would print them. A
 * plugin's JS string semantics can produce a lone UTF-16 surrogate (slicing
 * an emoji in two), which it stores in the record as its 3 WTF-8 bytes
 * (ED A0 BD for \ud83d), as the host does. The host prints it as \ud83d;
 * Fluent Bit's JSON writer prints each byte of invalid UTF-8 as the private
 * use character U+E0xx. Turning those triples back into the surrogate
 * compares the records byte for byte.
 */
export function parseFluentBitRecords(text: string): unknown[] {
  const surrogate = /\ue0ed([\ue0a0-\ue0bf])([\ue080-\ue0bf])/g;
  const restore = (_: string, b1: string, b2: string): string =>
    String.fromCharCode(0xd000 | ((b1.charCodeAt(0) & 0x3f) << 6) | (b2.charCodeAt(0) & 0x3f));
  return parseRecords(text.replace(surrogate, restore));
}

/**
 * fluent-bit arguments for one dummy input per event of a `--events` sample
 * (`[[time, metadata], body]` lines): each emits its event once, with its own
 * timestamp and metadata, so an output sees exactly the sample's events.
 */
export function dummyEventArgs(eventsJsonl: string, eventTag: string): string[] {
  return eventsJsonl
    .split("\n")
    .filter((l) => l.trim() !== "")
    .flatMap((line) => {
      const [[time, metadata], body] = JSON.parse(line) as [[number, unknown], unknown];
      const sec = Math.floor(time);
      const nsec = Math.round((time - sec) * 1e9);
      return [
        "-i", "dummy", "-t", eventTag,
        "-p", `dummy=${JSON.stringify(body)}`, "-p", `metadata=${JSON.stringify(metadata)}`,
        "-p", "samples=1", "-p", "fixed_timestamp=on",
        "-p", `start_time_sec=${sec}`, "-p", `start_time_nsec=${nsec}`,
      ];
    });
}
