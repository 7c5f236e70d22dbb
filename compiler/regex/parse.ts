// Pattern text -> a small regex IR, with JavaScript's syntax rules.
//
// Parsing and validation are @eslint-community/regexpp's (ECMAScript 2024,
// Annex B syntax without `u`, as Node accepts it); this module reports its
// errors with their offset in the pattern and lowers the AST to `Node`,
// where every character atom is already a set of units with `i` applied.

import { RegExpParser, RegExpSyntaxError, AST } from "@eslint-community/regexpp";
import {
  ALL, CharSet, DIGIT, LINE_TERMINATOR, SPACE, WORD, WORD_UI,
  complement, single, fromRanges, union,
} from "./charset.js";
import { caseClose, propertySet } from "./fold.js";

export interface Flags {
  global: boolean;
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
  unicode: boolean;
  sticky: boolean;
}

export type Node =
  | { kind: "empty" }
  | { kind: "set"; set: CharSet }
  | { kind: "seq"; items: Node[] }
  | { kind: "alt"; alts: Node[] }
  | { kind: "group"; index: number; body: Node }
  | { kind: "repeat"; min: number; max: number; greedy: boolean; body: Node; firstGroup: number; lastGroup: number }
  | { kind: "assert"; what: "bol" | "eol" | "wordb" | "nwordb" }
  | { kind: "look"; behind: boolean; negate: boolean; body: Node }
  | { kind: "backref"; index: number };

export interface ParsedRegex {
  root: Node;
  flags: Flags;
  groupCount: number;
  groupNames: (string | undefined)[]; // index 0 is the whole match
}

export interface ParseError {
  message: string;
  offset: number;
}

const parser = new RegExpParser({ ecmaVersion: 2024 });

export function parseRegex(pattern: string, flagText: string): ParsedRegex | ParseError {
  let flagsAst: AST.Flags;
  try {
    flagsAst = parser.parseFlags(flagText);
  } catch (e) {
    if (e instanceof RegExpSyntaxError) {
      return { message: e.message.replace(/^Invalid regular expression: /, ""), offset: 0 };
    }
    throw e;
  }
  if (flagsAst.unicodeSets) return { message: "the v flag is not supported by flbc yet", offset: 0 };
  if (flagsAst.hasIndices) return { message: "the d flag is not supported by flbc", offset: 0 };
  const flags: Flags = {
    global: flagsAst.global,
    ignoreCase: flagsAst.ignoreCase,
    multiline: flagsAst.multiline,
    dotAll: flagsAst.dotAll,
    unicode: flagsAst.unicode,
    sticky: flagsAst.sticky,
  };
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: flags.unicode });
  } catch (e) {
    if (e instanceof RegExpSyntaxError) {
      const message = e.message.replace(/^Invalid regular expression: \/[^]*\/[a-z]*: /, "");
      return { message, offset: Math.min(Math.max(0, e.index), pattern.length) };
    }
    throw e;
  }
  try {
    new RegExp(pattern, flagText);
  } catch (e) {
    return { message: (e as Error).message, offset: 0 };
  }
  const groups: AST.CapturingGroup[] = [];
  collectGroups(ast, groups);
  groups.sort((a, b) => a.start - b.start);
  const lowering = new Lowering(flags, groups);
  try {
    const root = lowering.alternatives(ast.alternatives);
    return {
      root,
      flags,
      groupCount: groups.length,
      groupNames: [undefined, ...groups.map((g) => g.name ?? undefined)],
    };
  } catch (e) {
    if (e instanceof Unsupported) return { message: e.message, offset: e.offset };
    throw e;
  }
}

class Unsupported extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

function collectGroups(node: AST.Node, out: AST.CapturingGroup[]): void {
  if (node.type === "CapturingGroup") out.push(node);
  const n = node as unknown as Record<string, unknown>;
  for (const key of ["alternatives", "elements"]) {
    const list = n[key];
    if (Array.isArray(list)) for (const child of list) collectGroups(child as AST.Node, out);
  }
  if (node.type === "Quantifier") collectGroups(node.element, out);
}

class Lowering {
  private readonly groupIndex = new Map<AST.CapturingGroup, number>();

  constructor(private readonly flags: Flags, groups: AST.CapturingGroup[]) {
    groups.forEach((g, i) => this.groupIndex.set(g, i + 1));
  }

  alternatives(alts: AST.Alternative[]): Node {
    const lowered = alts.map((a) => this.sequence(a.elements));
    return lowered.length === 1 ? lowered[0]! : { kind: "alt", alts: lowered };
  }

  private sequence(elements: AST.Element[]): Node {
    const items = elements.map((e) => this.element(e));
    if (items.length === 0) return { kind: "empty" };
    return items.length === 1 ? items[0]! : { kind: "seq", items };
  }

  private element(e: AST.Element): Node {
    switch (e.type) {
      case "Character":
        return this.atom(single(e.value));
      case "CharacterSet":
        return this.atom(this.characterSet(e));
      case "CharacterClass": {
        if (e.unicodeSets) throw new Unsupported("v-mode classes are not supported", e.start);
        const parts = e.elements.map((x) => this.classElement(x));
        let set = this.fold(union(...parts));
        if (e.negate) set = complement(set);
        return { kind: "set", set };
      }
      case "ExpressionCharacterClass":
        throw new Unsupported("v-mode classes are not supported", e.start);
      case "Group":
        if (e.modifiers) throw new Unsupported("regex modifiers are not supported", e.start);
        return this.alternatives(e.alternatives);
      case "CapturingGroup":
        return { kind: "group", index: this.groupIndex.get(e)!, body: this.alternatives(e.alternatives) };
      case "Quantifier": {
        const inner: AST.CapturingGroup[] = [];
        collectGroups(e.element, inner);
        const indices = inner.map((g) => this.groupIndex.get(g)!);
        return {
          kind: "repeat",
          min: e.min,
          max: e.max,
          greedy: e.greedy,
          body: this.element(e.element as AST.Element),
          firstGroup: indices.length ? Math.min(...indices) : 0,
          lastGroup: indices.length ? Math.max(...indices) : -1,
        };
      }
      case "Assertion":
        switch (e.kind) {
          case "start": return { kind: "assert", what: "bol" };
          case "end": return { kind: "assert", what: "eol" };
          case "word": return { kind: "assert", what: e.negate ? "nwordb" : "wordb" };
          default:
            return {
              kind: "look",
              behind: e.kind === "lookbehind",
              negate: e.negate,
              body: this.alternatives(e.alternatives),
            };
        }
      case "Backreference": {
        const target = Array.isArray(e.resolved) ? e.resolved[0] : e.resolved;
        if (Array.isArray(e.resolved) && e.resolved.length !== 1) {
          throw new Unsupported("duplicate named groups are not supported", e.start);
        }
        return { kind: "backref", index: this.groupIndex.get(target!)! };
      }
    }
  }

  private classElement(x: AST.CharacterClassElement): CharSet {
    switch (x.type) {
      case "Character":
        return single(x.value);
      case "CharacterClassRange":
        return fromRanges([x.min.value, x.max.value]);
      case "CharacterSet":
        return this.characterSet(x);
      default:
        throw new Unsupported("v-mode class syntax is not supported", x.start);
    }
  }

  private characterSet(e: AST.CharacterSet): CharSet {
    let base: CharSet;
    switch (e.kind) {
      case "any":
        return this.flags.dotAll ? ALL : complement(LINE_TERMINATOR);
      case "digit": base = DIGIT; break;
      case "space": base = SPACE; break;
      case "word": base = this.flags.unicode && this.flags.ignoreCase ? WORD_UI : WORD; break;
      case "property":
        if (e.strings) throw new Unsupported("properties of strings are not supported", e.start);
        base = propertySet(e.key, e.value);
        break;
    }
    return e.negate ? complement(base) : base;
  }

  private atom(set: CharSet): Node {
    return { kind: "set", set: this.fold(set) };
  }

  private fold(set: CharSet): CharSet {
    return this.flags.ignoreCase ? caseClose(set, this.flags.unicode) : set;
  }
}
