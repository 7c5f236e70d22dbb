// NFA -> DFA by subset construction, over classes of units.
//
// The alphabet is cut into classes (units that every set in the pattern
// treats alike). A DFA state is a set of NFA states *before* the
// zero-width assertions are followed, plus the type of the previous unit;
// on the next unit both neighbours are known and the assertions resolve.
// Reading a unit whose closure holds the accept state goes to MATCH (a
// match ended just before that unit); `eofMatch` says the same at the end.

import { CharSet, INVALID, LINE_TERMINATOR, WORD, WORD_UI, has } from "./charset.js";
import { Nfa } from "./nfa.js";

/** Type of a neighbouring unit, as the assertions see it. */
export const enum Ctx { Edge = 0, Word = 1, Line = 2, Other = 3 }

export const DEAD = 0;
export const MATCH = 1;

export interface Classes {
  /** Class of each unit run: run i covers [starts[i], starts[i+1]). */
  starts: number[];
  classOf: number[];
  count: number;
  /** One unit of each class, for comments and context types. */
  sample: number[];
}

export interface Dfa {
  /** next[state][class]; rows 0 (DEAD) and 1 (MATCH) absorb. */
  next: number[][];
  eofMatch: boolean[];
  /** Start state for each type of the unit before the start position. */
  init: [number, number, number, number];
  /** The NFA states of each DFA state, for comments. */
  members: string[];
}

const MAX_DFA_STATES = 4000;
export const MAX_CLASSES = 255;

export function buildClasses(nfa: Nfa, extra: CharSet[]): Classes {
  const sets: CharSet[] = [...extra];
  for (const s of nfa.states) if (s.kind === "set") sets.push(s.set);
  const cuts = new Set<number>([0, 128, INVALID, INVALID + 1]);
  for (const s of sets) {
    for (let i = 0; i < s.length; i += 2) {
      cuts.add(s[i]!);
      cuts.add(s[i + 1]! + 1);
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b).filter((c) => c <= INVALID);
  const ids = new Map<string, number>();
  const starts: number[] = [];
  const classOf: number[] = [];
  const sample: number[] = [];
  for (const lo of sorted) {
    const sig = sets.map((s) => (has(s, lo) ? "1" : "0")).join("");
    let id = ids.get(sig);
    if (id === undefined) {
      id = ids.size;
      ids.set(sig, id);
      sample.push(lo);
    }
    // Runs of the same class merge, except across the ASCII boundary.
    if (classOf.length > 0 && classOf[classOf.length - 1] === id && lo !== 128) continue;
    starts.push(lo);
    classOf.push(id);
  }
  return { starts, classOf, count: ids.size, sample };
}

export function buildDfa(
  nfa: Nfa,
  classes: Classes,
  opts: { unanchored: boolean; multiline: boolean; unicodeIgnoreCase: boolean },
): Dfa | undefined {
  const word = opts.unicodeIgnoreCase ? WORD_UI : WORD;
  const ctxOfUnit = (u: number): Ctx =>
    has(word, u) ? Ctx.Word : has(LINE_TERMINATOR, u) ? Ctx.Line : Ctx.Other;
  const classCtx = classes.sample.map(ctxOfUnit);
  const uses = new Set(nfa.states.map((s) => (s.kind === "assert" ? s.what : "")));
  // Only keep the distinctions some assertion looks at (fewer states).
  const relevant = (c: Ctx): Ctx => {
    if (c === Ctx.Edge && uses.has("bol")) return Ctx.Edge;
    if (c === Ctx.Word && (uses.has("wordb") || uses.has("nwordb"))) return Ctx.Word;
    if (c === Ctx.Line && opts.multiline && uses.has("bol")) return Ctx.Line;
    return Ctx.Other;
  };

  const holds = (what: string, prev: Ctx, next: Ctx): boolean => {
    switch (what) {
      case "bol": return prev === Ctx.Edge || (opts.multiline && prev === Ctx.Line);
      case "eol": return next === Ctx.Edge || (opts.multiline && next === Ctx.Line);
      case "wordb": return (prev === Ctx.Word) !== (next === Ctx.Word);
      default: return (prev === Ctx.Word) === (next === Ctx.Word);
    }
  };
  const closure = (set: number[], prev: Ctx, next: Ctx): { states: number[]; accept: boolean } => {
    const seen = new Set<number>();
    const stack = [...set].reverse();
    const out: number[] = [];
    let accept = false;
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const st = nfa.states[id]!;
      switch (st.kind) {
        case "accept": accept = true; break;
        case "set": out.push(id); break;
        case "split": for (let i = st.next.length - 1; i >= 0; i--) stack.push(st.next[i]!); break;
        case "assert": if (holds(st.what, prev, next)) stack.push(st.next); break;
      }
    }
    return { states: out, accept };
  };

  const keyOf = (set: number[], prev: Ctx) => `${prev}:${set.join(",")}`;
  const index = new Map<string, number>();
  const todo: { set: number[]; prev: Ctx }[] = [];
  const members: string[] = ["dead", "match"];
  const intern = (set: number[], prev: Ctx): number => {
    const norm = [...new Set(set)].sort((a, b) => a - b);
    if (norm.length === 0) return DEAD;
    const key = keyOf(norm, prev);
    let id = index.get(key);
    if (id === undefined) {
      id = todo.length + 2;
      index.set(key, id);
      todo.push({ set: norm, prev });
      members.push(describeState(norm, prev));
    }
    return id;
  };
  const init: [number, number, number, number] = [
    intern([nfa.start], relevant(Ctx.Edge)),
    intern([nfa.start], relevant(Ctx.Word)),
    intern([nfa.start], relevant(Ctx.Line)),
    intern([nfa.start], relevant(Ctx.Other)),
  ];
  const next: number[][] = [new Array(classes.count).fill(DEAD), new Array(classes.count).fill(MATCH)];
  const eofMatch: boolean[] = [false, true];
  for (let i = 0; i < todo.length; i++) {
    // Row offsets (state * classes) must fit the uint16 table.
    if (todo.length > MAX_DFA_STATES || (todo.length + 2) * classes.count > 0xffff) return undefined;
    const { set, prev } = todo[i]!;
    const row: number[] = [];
    const byCtx = new Map<Ctx, { states: number[]; accept: boolean }>();
    for (let c = 0; c < classes.count; c++) {
      const ctx = classCtx[c]!;
      let cl = byCtx.get(ctx);
      if (!cl) byCtx.set(ctx, (cl = closure(set, prev, ctx)));
      if (cl.accept) {
        row.push(MATCH);
        continue;
      }
      const unit = classes.sample[c]!;
      const after: number[] = [];
      for (const id of cl.states) {
        const st = nfa.states[id] as { set: CharSet; next: number };
        if (has(st.set, unit)) after.push(st.next);
      }
      if (opts.unanchored) after.push(nfa.start);
      row.push(intern(after, relevant(ctx)));
    }
    next.push(row);
    eofMatch.push(closure(set, prev, Ctx.Edge).accept);
  }
  return { next, eofMatch, init, members };
}

const CTX_NAMES = ["start", "word", "line end", "other"];

/** A short comment for a DFA state: what came before, which NFA states. */
function describeState(set: number[], prev: Ctx): string {
  const shown = set.slice(0, 8).join(" ");
  const more = set.length > 8 ? ` +${set.length - 8}` : "";
  return `after ${CTX_NAMES[prev]}, NFA {${shown}${more}}`;
}
