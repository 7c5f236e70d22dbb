// Regex IR -> Thompson NFA over units, for patterns that are regular.
//
// Captures are transparent here (the DFA only answers "is there a match"),
// counted repetitions are unrolled, and the four zero-width assertions stay
// as edges the DFA resolves from the previous and next unit.

import { CharSet } from "./charset.js";
import { Node } from "./parse.js";

export type NfaState =
  | { kind: "set"; set: CharSet; next: number }
  | { kind: "split"; next: number[] }
  | { kind: "assert"; what: "bol" | "eol" | "wordb" | "nwordb"; next: number }
  | { kind: "accept" };

export interface Nfa {
  states: NfaState[];
  start: number;
}

/** Largest NFA built; bigger patterns use the backtracker alone. */
const MAX_STATES = 20000;

export function isRegular(node: Node): boolean {
  switch (node.kind) {
    case "look":
    case "backref":
      return false;
    case "seq":
      return node.items.every(isRegular);
    case "alt":
      return node.alts.every(isRegular);
    case "group":
    case "repeat":
      return isRegular(node.body);
    default:
      return true;
  }
}

class TooBig extends Error {}

/** undefined when the pattern is not regular or too large. */
export function buildNfa(root: Node): Nfa | undefined {
  if (!isRegular(root)) return undefined;
  const states: NfaState[] = [];
  const add = (s: NfaState): number => {
    if (states.length >= MAX_STATES) throw new TooBig();
    states.push(s);
    return states.length - 1;
  };
  // Compiles `node` so that it continues to `next`; returns its entry.
  const compile = (node: Node, next: number): number => {
    switch (node.kind) {
      case "empty":
        return next;
      case "set":
        return add({ kind: "set", set: node.set, next });
      case "seq": {
        let entry = next;
        for (let i = node.items.length - 1; i >= 0; i--) entry = compile(node.items[i]!, entry);
        return entry;
      }
      case "alt":
        return add({ kind: "split", next: node.alts.map((a) => compile(a, next)) });
      case "group":
        return compile(node.body, next);
      case "assert":
        return add({ kind: "assert", what: node.what, next });
      case "repeat": {
        let entry = next;
        if (node.max === Infinity) {
          const loop = add({ kind: "split", next: [] });
          const body = compile(node.body, loop);
          (states[loop] as { next: number[] }).next = [body, next];
          entry = loop;
        } else {
          for (let i = node.min; i < node.max; i++) {
            entry = add({ kind: "split", next: [compile(node.body, entry), next] });
          }
        }
        for (let i = 0; i < node.min; i++) entry = compile(node.body, entry);
        return entry;
      }
      default:
        throw new Error(`not regular: ${node.kind}`);
    }
  };
  try {
    const accept = add({ kind: "accept" });
    const start = compile(root, accept);
    return { states, start };
  } catch (e) {
    if (e instanceof TooBig) return undefined;
    throw e;
  }
}
