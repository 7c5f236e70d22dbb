// Fluent Bit's 100-column limit for generated C: a line that is too long
// has its outermost call's arguments put one per line, aligned after the
// parenthesis, and a long string literal split into adjacent literals.

const LIMIT = 100;

/** The lines to print for `text` at `indent` columns. */
export function wrapLine(text: string, indent: number): string[] {
  if (indent + text.length <= LIMIT) return [text];
  const literal = /^(\(\w+\[\]\) \{ )(.*)( \}[^{}]*)$/.exec(text);
  if (literal !== null) {
    // A compound literal array: its items one per line, after the brace.
    const [, head, body, tail] = literal as unknown as [string, string, string, string];
    const items = splitTopLevel(body);
    const pad = " ".repeat(head.length);
    return items.map((it, i) => (i === 0 ? head : pad) + it.trim() + (i === items.length - 1 ? tail : ","));
  }
  const call = outermostCall(text);
  if (call === undefined) return splitOperators(text, indent) ?? splitString(text, indent);
  const { open, close, args } = call;
  if (args.length < 2) {
    // f(g(...)): wrap the inner call, keeping `f(` in front of it.
    const head = text.slice(0, open + 1);
    const inner = args.length === 1 ? wrapLine(text.slice(head.length), indent + head.length) : [];
    if (inner.length > 1) return inner.map((l, j) => (j === 0 ? head : " ".repeat(head.length)) + l);
    return splitOperators(text, indent) ?? splitString(text, indent);
  }
  const head = text.slice(0, open + 1);
  const tail = text.slice(close);
  const pad = " ".repeat(head.length);
  // An argument that is still too long wraps its own call the same way.
  return args.flatMap((a, i) => {
    const line = (i === 0 ? head : pad) + a.trim() + (i === args.length - 1 ? tail : ",");
    if (indent + line.length <= LIMIT) return [line];
    const inner = wrapLine(line.slice(head.length), indent + head.length);
    return inner.map((l, j) => (j === 0 ? line.slice(0, head.length) : pad) + l);
  });
}

/** The first top-level argument list whose ')' ends the statement. */
function outermostCall(text: string): { open: number; close: number; args: string[] } | undefined {
  let depth = 0;
  let open = -1;
  let start = 0;
  const args: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      i = skipLiteral(text, i);
      continue;
    }
    if (c === "(" || c === "[" || c === "{") {
      if (c === "(" && depth === 0 && open < 0 && /[A-Za-z0-9_]$/.test(text.slice(0, i))) {
        open = i;
        start = i + 1;
        depth++;
        continue;
      }
      depth++;
    } else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0 && open >= 0) {
        args.push(text.slice(start, i));
        const rest = text.slice(i + 1).trim();
        // Only when the call is the whole statement's tail: `...);`, `...) {`.
        return /^[);,{ ]*$/.test(rest) ? { open, close: i, args } : undefined;
      }
    } else if (c === "," && depth === 1 && open >= 0) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return undefined;
}

function skipLiteral(text: string, i: number): number {
  const quote = text[i];
  for (i++; i < text.length && text[i] !== quote; i++) {
    if (text[i] === "\\") i++;
  }
  return i;
}

/** `x = "long text";` -> the literal in pieces that fit, split at spaces. */
function splitString(text: string, indent: number): string[] {
  const m = /^(.*?)"((?:[^"\\]|\\.)*)"(.*)$/.exec(text);
  if (m === null) return [text];
  const [, before, body, after] = m as unknown as [string, string, string, string];
  const width = LIMIT - indent - before.length - 2 - after.length;
  if (width < 20 || body.length <= width) return [text];
  const pieces: string[] = [];
  let rest = body;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(" ", width);
    if (cut <= 0) cut = width;
    // Never split an escape sequence.
    while (cut > 0 && rest.slice(0, cut).match(/\\[0-7]{0,2}$/)) cut--;
    pieces.push(rest.slice(0, cut + (rest[cut] === " " ? 1 : 0)));
    rest = rest.slice(cut + (rest[cut] === " " ? 1 : 0));
  }
  pieces.push(rest);
  const pad = " ".repeat(before.length);
  return pieces.map((p, i) => (i === 0 ? before : pad) + `"${p}"` + (i === pieces.length - 1 ? after : ""));
}

/**
 * A condition or ternary that is still too long breaks before its
 * outermost `||`, `&&`, `?` and `:`, continuation lines indented by four.
 */
function splitOperators(text: string, indent: number): string[] | undefined {
  let depth = 0;
  let minDepth = Infinity;
  const cuts: { at: number; depth: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      i = skipLiteral(text, i);
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (/^ (\|\||&&|\?|:) /.test(text.slice(i, i + 4))) {
      cuts.push({ at: i, depth });
      minDepth = Math.min(minDepth, depth);
    }
  }
  const outer = cuts.filter((c) => c.depth === minDepth).map((c) => c.at);
  if (outer.length === 0) return undefined;
  const lines: string[] = [];
  let start = 0;
  for (const at of outer) {
    lines.push(text.slice(start, at));
    start = at + 1;
  }
  lines.push(text.slice(start));
  const cont = " ".repeat(4);
  const out = lines.map((l, i) => (i === 0 ? l : cont + l));
  return out.every((l) => indent + l.length <= LIMIT + 40) ? out : undefined;
}

/** `a, f(b, c), d` -> its top-level comma-separated parts. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") i = skipLiteral(text, i);
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
