// Facts about a pattern that let the runtime skip work: a literal prefix
// every match starts with (found with memchr on its rarest byte), and
// whether every match must start at position 0.

import { INVALID, isSingle } from "./charset.js";
import { Flags, Node } from "./parse.js";

/** UTF-8 bytes that every match starts with; [] when none is known.
 * Looks through capture groups: `(GET) /` has the prefix "GET /". */
export function literalPrefix(root: Node, flags: Flags): number[] {
  const bytes: number[] = [];
  // Appends the literal start of `node`; true when all of it was literal.
  const collect = (node: Node): boolean => {
    switch (node.kind) {
      case "empty":
        return true;
      case "set": {
        if (!isSingle(node.set)) return false;
        const u = node.set[0]!;
        if (u === INVALID || (!flags.unicode && u >= 0xd800 && u <= 0xdfff)) return false;
        bytes.push(...Buffer.from(String.fromCodePoint(u), "utf8"));
        return true;
      }
      case "seq":
        return node.items.every(collect);
      case "group":
        return collect(node.body);
      default:
        return false;
    }
  };
  collect(root);
  return bytes;
}

/** The longest literal run every match contains, from the top-level
 * sequence (through plain groups and mandatory repetitions' first copy). */
export function requiredLiteral(root: Node, flags: Flags): number[] {
  let best: number[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length > best.length) best = run;
    run = [];
  };
  const walk = (node: Node): void => {
    switch (node.kind) {
      case "set": {
        const u = node.set[0]!;
        if (!isSingle(node.set) || u === INVALID || (!flags.unicode && u >= 0xd800 && u <= 0xdfff)) {
          flush();
          return;
        }
        run.push(...Buffer.from(String.fromCodePoint(u), "utf8"));
        return;
      }
      case "seq":
        node.items.forEach(walk);
        return;
      case "group":
        walk(node.body);
        return;
      case "empty":
      case "assert":
        return;
      case "look":
        // Zero-width; its text is not part of the match. Breaks the run.
        flush();
        return;
      case "repeat":
        flush();
        if (node.min >= 1) {
          walk(node.body);
          flush();
        }
        return;
      default:
        flush();
        return;
    }
  };
  walk(root);
  flush();
  return best;
}

/** Whether every alternative starts with `^` (and `^` means input start). */
export function anchoredAtStart(root: Node, flags: Flags): boolean {
  if (flags.multiline) return false;
  const first = (n: Node): boolean => {
    switch (n.kind) {
      case "assert": return n.what === "bol";
      case "seq": return n.items.length > 0 && first(n.items[0]!);
      case "alt": return n.alts.every(first);
      case "group": return first(n.body);
      default: return false;
    }
  };
  return first(root);
}

/** Rough frequency rank of a byte in log text: lower is rarer. */
function byteRank(b: number): number {
  if (b === 0x20) return 100;
  if (b >= 0x61 && b <= 0x7a) return "etaoinsrhldcu".includes(String.fromCharCode(b)) ? 90 : 70;
  if (b >= 0x30 && b <= 0x39) return 80;
  if (b >= 0x41 && b <= 0x5a) return 50;
  if (b === 0x2e || b === 0x2c || b === 0x3a || b === 0x2f || b === 0x2d || b === 0x5f || b === 0x22) return 60;
  if (b >= 0x80) return 40;
  return 20;
}

/** Offset in the prefix of the byte to look for with memchr. */
export function rarestByte(prefix: number[]): number {
  let best = 0;
  for (let i = 1; i < prefix.length; i++) if (byteRank(prefix[i]!) < byteRank(prefix[best]!)) best = i;
  return best;
}
