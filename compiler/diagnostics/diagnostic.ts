// The one shape every stage reports problems in, and the sink they go to.
// Stages never throw for bad input: they report and return what they can.
import { ts } from "../program/typescript.cjs";
import { messages, type MessageDef, type MessageId } from "./messages.js";

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** "FLBC1001" or "TS2322": tsc's own codes keep their prefix. */
  code: string;
  message: string;
  /** What to write instead, when there is an answer. */
  hint?: string;
  file?: ts.SourceFile;
  start?: number;
  length?: number;
}

export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  /** Reports message `id` at `node`, filling `{0}`, `{1}`... from args. */
  report(id: MessageId, node: ts.Node, ...args: string[]): void {
    const m: MessageDef = messages[id];
    const sf = node.getSourceFile();
    const start = node.getStart(sf);
    this.add({
      severity: m.severity ?? "error",
      code: `FLBC${m.code}`,
      message: fill(m.message, args),
      hint: m.hint === undefined ? undefined : fill(m.hint, args),
      file: sf,
      start,
      length: Math.max(1, node.getEnd() - start),
    });
  }

  /** Same as report, for a span that is not a node (e.g. inside a regex). */
  reportAt(id: MessageId, file: ts.SourceFile, start: number, length: number, ...args: string[]): void {
    const m: MessageDef = messages[id];
    this.add({
      severity: m.severity ?? "error",
      code: `FLBC${m.code}`,
      message: fill(m.message, args),
      hint: m.hint === undefined ? undefined : fill(m.hint, args),
      file,
      start,
      length: Math.max(1, length),
    });
  }

  /** A diagnostic that has no place in a source file (CLI, config). */
  reportGlobal(id: MessageId, ...args: string[]): void {
    const m: MessageDef = messages[id];
    this.add({
      severity: m.severity ?? "error",
      code: `FLBC${m.code}`,
      message: fill(m.message, args),
      hint: m.hint === undefined ? undefined : fill(m.hint, args),
    });
  }

  addTs(d: ts.Diagnostic): void {
    this.add({
      severity: d.category === ts.DiagnosticCategory.Error ? "error" : "warning",
      code: `TS${d.code}`,
      message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      file: d.file,
      start: d.start,
      length: d.length,
    });
  }
}

function fill(text: string, args: string[]): string {
  return text.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? "");
}
