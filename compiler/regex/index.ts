// compileRegex: a JavaScript RegExp literal -> C tables for flbc_re.c.
//
//   parse (regexpp, JS syntax errors) -> IR
//   IR -> NFA -> DFA          when the pattern is regular: fast test()
//   IR -> backtracking program always: positions, captures, lookaround
//   emit: C text, deterministic
//
// See docs/regex.md for the semantics and the known divergences.

import { LINE_TERMINATOR, WORD, WORD_UI, CharSet } from "./charset.js";
import { buildClasses, buildDfa, Classes, Dfa, MAX_CLASSES } from "./dfa.js";
import { emitRegex } from "./emit.js";
import { foldPairs } from "./fold.js";
import { anchoredAtStart, literalPrefix, rarestByte, requiredLiteral } from "./literal.js";
import { buildNfa, isRegular } from "./nfa.js";
import { Node, parseRegex } from "./parse.js";
import { buildProgram, ProgramTooLarge, Program } from "./program.js";

export interface RegexDiagnostic {
  message: string;
  offset: number; // in the pattern
}

export interface CompiledRegex {
  cName: string;
  code: string;
  groupCount: number;
  groupNames: (string | undefined)[];
  flags: string;
  /** Whether test() runs a DFA (false: the backtracker). */
  usesDfa: boolean;
}

/** Most capture groups a pattern may have (FLBC_RE_MAX_GROUPS in flbc.h). */
export const MAX_GROUPS = 31;

export function isRegexDiagnostic(r: CompiledRegex | RegexDiagnostic): r is RegexDiagnostic {
  return !("code" in r);
}

export function compileRegex(pattern: string, flags: string, cName: string): CompiledRegex | RegexDiagnostic {
  const parsed = parseRegex(pattern, flags);
  if ("message" in parsed) return parsed;
  if (parsed.groupCount > MAX_GROUPS) {
    return { message: `more than ${MAX_GROUPS} capture groups`, offset: 0 };
  }
  const f = parsed.flags;
  let program: Program;
  try {
    program = buildProgram(parsed.root);
  } catch (e) {
    if (e instanceof ProgramTooLarge) return { message: e.message, offset: 0 };
    throw e;
  }
  const prefix = literalPrefix(parsed.root, f);
  const bolAnchored = anchoredAtStart(parsed.root, f);
  // Worth a memchr only when it is not the prefix and the search is not
  // anchored anyway.
  const required = prefix.length > 0 || bolAnchored || f.sticky ? [] : requiredLiteral(parsed.root, f);
  const needAnchored = f.sticky || bolAnchored || prefix.length > 0;
  let classes: Classes | undefined;
  let search: Dfa | undefined;
  let anchored: Dfa | undefined;
  const nfa = buildNfa(parsed.root);
  if (nfa) {
    const extra: CharSet[] = [];
    if (uses(parsed.root, "wordb")) extra.push(f.unicode && f.ignoreCase ? WORD_UI : WORD);
    if (f.multiline && (uses(parsed.root, "bol") || uses(parsed.root, "eol"))) extra.push(LINE_TERMINATOR);
    classes = buildClasses(nfa, extra);
    if (classes.count <= MAX_CLASSES) {
      const opts = { multiline: f.multiline, unicodeIgnoreCase: f.unicode && f.ignoreCase };
      if (needAnchored) anchored = buildDfa(nfa, classes, { ...opts, unanchored: false });
      else search = buildDfa(nfa, classes, { ...opts, unanchored: true });
    }
    if (!anchored && !search) classes = undefined;
  }
  const flagBits: string[] = [];
  if (f.global) flagBits.push("FLBC_RE_GLOBAL");
  if (f.ignoreCase) flagBits.push("FLBC_RE_ICASE");
  if (f.multiline) flagBits.push("FLBC_RE_MULTILINE");
  if (f.dotAll) flagBits.push("FLBC_RE_DOTALL");
  if (f.unicode) flagBits.push("FLBC_RE_UNICODE");
  if (f.sticky) flagBits.push("FLBC_RE_STICKY");
  const code = emitRegex({
    cName,
    pattern,
    flags,
    flagBits,
    groupCount: parsed.groupCount,
    groupNames: parsed.groupNames,
    ...(classes ? { classes } : {}),
    ...(search ? { search } : {}),
    ...(anchored ? { anchored } : {}),
    program,
    prefix,
    rare: rarestByte(prefix),
    required,
    requiredRare: rarestByte(required),
    bolAnchored,
    memoizable: isRegular(parsed.root),
    ...(f.ignoreCase && usesBackref(parsed.root) ? { fold: foldPairs(f.unicode) } : {}),
  });
  return {
    cName,
    code,
    groupCount: parsed.groupCount,
    groupNames: parsed.groupNames,
    flags,
    usesDfa: search !== undefined || anchored !== undefined,
  };
}

function uses(node: Node, what: "wordb" | "bol" | "eol"): boolean {
  switch (node.kind) {
    case "assert": return node.what === what || (what === "wordb" && node.what === "nwordb");
    case "seq": return node.items.some((n) => uses(n, what));
    case "alt": return node.alts.some((n) => uses(n, what));
    case "group": case "repeat": case "look": return uses(node.body, what);
    default: return false;
  }
}

function usesBackref(node: Node): boolean {
  switch (node.kind) {
    case "backref": return true;
    case "seq": return node.items.some(usesBackref);
    case "alt": return node.alts.some(usesBackref);
    case "group": case "repeat": case "look": return usesBackref(node.body);
    default: return false;
  }
}
