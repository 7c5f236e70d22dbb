// tsc's diagnostics next to the subset's. Under noLib, a construct flbc
// does not support often also makes tsc complain that a global type is
// missing (async -> Promise, generators -> IterableIterator): flbc's own
// located diagnostic says what to do, so tsc's echo of it is dropped, and
// tsc's advice to change the 'lib' option (which flbc controls) is replaced
// by a hint that fits.
import { ts } from "../program/typescript.cjs";
import type { Diagnostic, DiagnosticSink } from "./diagnostic.js";

/** "Cannot find global type" and friends: symptoms of a missing built-in. */
const missingBuiltin = new Set([2318, 2468, 2583, 2550, 2697, 2711, 2585, 2304]);

const libAdvice = / ?Do you need to change your target library\?.*$/s;

const builtinHint =
  "flbc's standard library (stdlib/lib.flbc.d.ts) declares exactly the built-ins that compile to C; see docs/language.md.";

export function mergeTsDiagnostics(sink: DiagnosticSink, tsDiagnostics: readonly ts.Diagnostic[]): void {
  const ours = sink.items.filter((d) => d.code.startsWith("FLBC") && d.file !== undefined);
  const located = tsDiagnostics.some((d) => d.file !== undefined);
  for (const d of tsDiagnostics) {
    if (d.file === undefined && d.code === 2318 && (located || ours.length > 0)) continue;
    if (d.file !== undefined && d.start !== undefined && ours.some((o) => covers(o, d.file!, d.start!))) continue;
    const before = sink.items.length;
    sink.addTs(d);
    const added = sink.items[before]!;
    if (missingBuiltin.has(d.code)) {
      added.message = added.message.replace(libAdvice, "");
      added.hint = builtinHint;
    }
  }
  sortByPosition(sink.items);
}

function covers(o: Diagnostic, file: ts.SourceFile, pos: number): boolean {
  return o.file === file && o.start !== undefined && pos >= o.start && pos < o.start + (o.length ?? 1);
}

/** File order, then position: the order a reader meets them. */
function sortByPosition(items: Diagnostic[]): void {
  const key = (d: Diagnostic) => [d.file?.fileName ?? "", d.start ?? -1] as const;
  items.sort((a, b) => {
    const [fa, pa] = key(a);
    const [fb, pb] = key(b);
    return fa < fb ? -1 : fa > fb ? 1 : pa - pb;
  });
}
