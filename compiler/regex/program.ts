// Regex IR -> backtracking program with ECMAScript semantics.
//
// The program is a table of instructions that flbc_re.c runs with an
// explicit backtrack stack and a step budget. It gives every match its JS
// positions and captures: alternatives in order, greedy/lazy quantifiers,
// captures reset on each iteration, the empty-iteration check, atomic
// lookarounds, lookbehind matched right to left, backreferences.

import { CharSet, isSingle } from "./charset.js";
import { Node } from "./parse.js";

export type Op =
  | "CHAR" | "SET" | "SPLIT" | "JMP" | "SAVE" | "RESET" | "MARK" | "CHECK"
  | "BOL" | "EOL" | "WORDB" | "NWORDB" | "BREF" | "LOOK" | "SUCCEED" | "MATCH";

export interface Inst {
  op: Op;
  a: number;
  b: number;
  back: boolean; // consumes right to left (inside a lookbehind)
  note: string;
}

export interface Program {
  code: Inst[];
  sets: CharSet[];
  regCount: number;
}

/** Lookaround kinds in LOOK's `a`. */
export const LOOK_AHEAD = 0;
export const LOOK_AHEAD_NOT = 1;
export const LOOK_BEHIND = 2;
export const LOOK_BEHIND_NOT = 3;

export const MAX_PROGRAM = 50000;

export class ProgramTooLarge extends Error {}

export function buildProgram(root: Node): Program {
  const code: Inst[] = [];
  const sets: CharSet[] = [];
  const setIndex = new Map<string, number>();
  let regCount = 0;
  const emit = (op: Op, a = 0, b = 0, back = false, note = ""): number => {
    if (code.length >= MAX_PROGRAM) throw new ProgramTooLarge("pattern too large for flbc's regex compiler");
    code.push({ op, a, b, back, note });
    return code.length - 1;
  };
  const setId = (s: CharSet): number => {
    const key = s.join(",");
    let id = setIndex.get(key);
    if (id === undefined) {
      id = sets.length;
      sets.push(s);
      setIndex.set(key, id);
    }
    return id;
  };

  const compile = (node: Node, back: boolean): void => {
    switch (node.kind) {
      case "empty":
        return;
      case "set":
        if (isSingle(node.set)) emit("CHAR", node.set[0]!, 0, back);
        else emit("SET", setId(node.set), 0, back);
        return;
      case "seq": {
        const items = back ? [...node.items].reverse() : node.items;
        for (const item of items) compile(item, back);
        return;
      }
      case "alt": {
        // SPLIT a, next-alt ... each alternative jumps to the end.
        const jumps: number[] = [];
        node.alts.forEach((alt, i) => {
          if (i < node.alts.length - 1) {
            const split = emit("SPLIT");
            code[split]!.a = code.length;
            compile(alt, back);
            jumps.push(emit("JMP"));
            code[split]!.b = code.length;
          } else {
            compile(alt, back);
          }
        });
        for (const j of jumps) code[j]!.a = code.length;
        return;
      }
      case "group":
        emit("SAVE", back ? 2 * node.index + 1 : 2 * node.index, 0, back);
        compile(node.body, back);
        emit("SAVE", back ? 2 * node.index : 2 * node.index + 1, 0, back);
        return;
      case "assert": {
        const op = node.what === "bol" ? "BOL" : node.what === "eol" ? "EOL" : node.what === "wordb" ? "WORDB" : "NWORDB";
        emit(op, 0, 0, back);
        return;
      }
      case "backref":
        emit("BREF", node.index, 0, back);
        return;
      case "look": {
        const kind = node.behind
          ? (node.negate ? LOOK_BEHIND_NOT : LOOK_BEHIND)
          : (node.negate ? LOOK_AHEAD_NOT : LOOK_AHEAD);
        const look = emit("LOOK", kind, 0, back);
        compile(node.body, node.behind);
        emit("SUCCEED");
        code[look]!.b = code.length;
        return;
      }
      case "repeat":
        compileRepeat(node, back);
        return;
    }
  };

  const compileRepeat = (node: Extract<Node, { kind: "repeat" }>, back: boolean): void => {
    const resetCaptures = () => {
      if (node.lastGroup >= node.firstGroup) emit("RESET", 2 * node.firstGroup, 2 * node.lastGroup + 1, back);
    };
    // Mandatory iterations: no empty check (ECMA-262 RepeatMatcher, min > 0).
    for (let i = 0; i < node.min; i++) {
      resetCaptures();
      compile(node.body, back);
    }
    if (node.max === node.min) return;
    const reg = regCount++;
    // One optional iteration: SPLIT (preferred side first), MARK, body, CHECK.
    const iteration = (exits: number[]): number => {
      const split = emit("SPLIT");
      const bodyStart = code.length;
      emit("MARK", reg, 0, back);
      resetCaptures();
      compile(node.body, back);
      emit("CHECK", reg, 0, back);
      exits.push(split);
      code[split]!.note = node.greedy ? "greedy" : "lazy";
      return bodyStart;
    };
    const exits: number[] = [];
    const bodies: number[] = [];
    if (node.max === Infinity) {
      const top = code.length;
      bodies.push(iteration(exits));
      emit("JMP", top);
    } else {
      for (let i = node.min; i < node.max; i++) bodies.push(iteration(exits));
    }
    const end = code.length;
    exits.forEach((split, i) => {
      const body = bodies[i]!;
      code[split]!.a = node.greedy ? body : end;
      code[split]!.b = node.greedy ? end : body;
    });
  };

  compile(root, false);
  emit("MATCH");
  return { code, sets, regCount };
}
