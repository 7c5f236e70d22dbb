// One table hands out C identifiers: names are claimed, never guessed.
// TypeScript names survive with a prefix (v_level, fn_keep); characters C
// does not allow are escaped, C keywords get a trailing '_', and a name
// already claimed gets a numeric suffix, so mangling never collides.

const cKeywords = new Set(
  (
    "auto break case char const continue default do double else enum extern float for goto if inline int long " +
    "register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while " +
    "_Alignas _Alignof _Atomic _Bool _Complex _Generic _Imaginary _Noreturn _Static_assert _Thread_local " +
    "bool true false NULL"
  ).split(" "),
);

export class NameTable {
  private readonly claimed: Set<string>;

  constructor(parent?: NameTable) {
    this.claimed = new Set(parent?.claimed);
  }

  /** Claims `prefix + escaped(name)`, or the first free variant of it. */
  claim(name: string, prefix = ""): string {
    let base = prefix + escapeIdentifier(name);
    if (cKeywords.has(base)) base += "_";
    let candidate = base;
    for (let i = 2; this.claimed.has(candidate); i++) candidate = `${base}_${i}`;
    this.claimed.add(candidate);
    return candidate;
  }

  /** Claims an exact name (runtime or Fluent Bit symbol); it must be free. */
  reserve(name: string): string {
    if (this.claimed.has(name)) throw new Error(`internal: C name ${name} claimed twice`);
    this.claimed.add(name);
    return name;
  }
}

/** TypeScript identifiers may hold '$' and Unicode letters; C may not. */
function escapeIdentifier(name: string): string {
  let out = "";
  for (const ch of name) {
    out += /[A-Za-z0-9_]/.test(ch) ? ch : `_u${ch.codePointAt(0)!.toString(16)}_`;
  }
  return out;
}
