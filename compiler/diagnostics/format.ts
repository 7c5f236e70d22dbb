// Prints diagnostics the way tsc --pretty does: a location line, the source
// line with a caret under the span, then flbc's hint.
import path from "node:path";
import type { Diagnostic } from "./diagnostic.js";

export interface FormatOptions {
  color: boolean;
  /** Paths are printed relative to this directory. */
  cwd: string;
}

const paint = {
  red: (s: string) => `\x1b[91m${s}\x1b[0m`,
  yellow: (s: string) => `\x1b[93m${s}\x1b[0m`,
  cyan: (s: string) => `\x1b[96m${s}\x1b[0m`,
  grey: (s: string) => `\x1b[90m${s}\x1b[0m`,
  none: (s: string) => s,
};

export function formatDiagnostics(items: readonly Diagnostic[], opts: FormatOptions): string {
  return items.map((d) => formatDiagnostic(d, opts)).join("\n");
}

export function formatDiagnostic(d: Diagnostic, opts: FormatOptions): string {
  const c = opts.color ? paint : { red: paint.none, yellow: paint.none, cyan: paint.none, grey: paint.none };
  const sev = d.severity === "error" ? c.red("error") : c.yellow("warning");
  const head = `${sev} ${c.grey(`${d.code}:`)} ${d.message}`;
  const lines: string[] = [];
  if (d.file === undefined || d.start === undefined) {
    lines.push(head);
  } else {
    const sf = d.file;
    const { line, character } = sf.getLineAndCharacterOfPosition(d.start);
    const rel = path.relative(opts.cwd, sf.fileName) || sf.fileName;
    lines.push(`${c.cyan(rel)}:${c.yellow(String(line + 1))}:${c.yellow(String(character + 1))} - ${head}`);
    lines.push("");
    const lineStarts = sf.getLineStarts();
    const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1]! : sf.text.length;
    const text = sf.text.slice(lineStarts[line], lineEnd).replace(/\r?\n$/, "");
    const gutter = String(line + 1);
    const spanEnd = Math.min(d.start + (d.length ?? 1), lineStarts[line]! + text.length);
    const width = Math.max(1, spanEnd - d.start);
    lines.push(`${c.grey(gutter)} ${text.replace(/\t/g, " ")}`);
    const marker = d.severity === "error" ? c.red("~".repeat(width)) : c.yellow("~".repeat(width));
    lines.push(`${" ".repeat(gutter.length)} ${" ".repeat(character)}${marker}`);
  }
  if (d.hint !== undefined) {
    lines.push(`${c.cyan("hint:")} ${d.hint}`);
  }
  lines.push("");
  return lines.join("\n");
}

/** Whether output should be coloured: a terminal, and not NO_COLOR. */
export function wantColor(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  return flag === true || stream.isTTY === true;
}
