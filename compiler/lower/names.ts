// One table hands out C identifiers: names are claimed, never guessed.
// TypeScript names survive with a prefix (v_level, fn_keep); characters C
// does not allow are escaped, and a name already claimed gets a numeric
// suffix, so mangling never collides. Names that stay bare (config and state
// members, a few temporaries) must also miss what the headers a plugin
// includes declare: C keywords and the C library names below get a trailing
// '_', and a name in a namespace those headers claim gets a leading 'u_'.

const cKeywords = new Set(
  (
    "auto break case char const continue default do double else enum extern float for goto if inline int long " +
    "register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while " +
    "_Alignas _Alignof _Atomic _Bool _Complex _Generic _Imaginary _Noreturn _Static_assert _Thread_local " +
    "bool true false NULL"
  ).split(" "),
);

/**
 * Lowercase names of the C library headers the runtime and Fluent Bit
 * include (functions, and the object-like macros that break a struct
 * member of the same name, such as errno, st_atime and, in GNU C, linux).
 */
const cLibrary = new Set(
  [
    // string.h, strings.h
    "memchr memcmp memcpy memmove memset strcat strchr strcmp strcoll strcpy strcspn strdup strerror strlen",
    "strncat strncmp strncpy strndup strnlen strpbrk strrchr strspn strstr strtok strxfrm",
    "bcmp bcopy bzero ffs index rindex strcasecmp strncasecmp",
    // stdlib.h
    "abort abs atexit atof atoi atol atoll bsearch calloc div exit free getenv labs llabs malloc qsort rand",
    "realloc srand strtod strtof strtol strtoll strtoul strtoull system",
    // stdio.h
    "fclose feof ferror fflush fgetc fgets fopen fprintf fputc fputs fread fscanf fseek ftell fwrite getc",
    "getchar perror printf putc putchar puts remove rename rewind scanf snprintf sprintf sscanf stderr stdin",
    "stdout vfprintf vprintf vsnprintf vsprintf",
    // math.h (with POSIX's Bessel functions)
    "acos acosh asin asinh atan atan2 atanh cbrt ceil copysign cos cosh erf erfc exp exp2 expm1 fabs floor fma",
    "fmax fmin fmod fpclassify frexp hypot isfinite isinf isnan isnormal j0 j1 jn ldexp lgamma log log10 log1p",
    "log2 lround math_errhandling modf nan nearbyint pow remainder rint round signbit sin sinh sqrt tan tanh",
    "tgamma trunc y0 y1 yn",
    // time.h, errno.h, unistd.h, ctype.h, stddef.h, stdarg.h, assert.h
    "asctime clock ctime difftime gmtime localtime mktime strftime time timegm tzset errno",
    "access close dup getpid gethostname read sleep unlink write",
    "isalnum isalpha isdigit isspace isupper islower tolower toupper",
    "offsetof va_arg va_copy va_end va_start assert static_assert",
    // macros of the system headers Fluent Bit includes, and GNU C's own
    "basename h_addr h_errno s6_addr sched_priority st_atime st_ctime st_mtime typeof linux unix",
  ]
    .join(" ")
    .split(" "),
);

/**
 * Namespaces of the headers: Fluent Bit (flb_), the flbc runtime (flbc_),
 * the libraries Fluent Bit's headers include (monkey, msgpack, mpack, cfl,
 * cmetrics, ctraces, chunkio), C's reserved identifiers (__x, _X), and
 * names without a lowercase letter, which is how C spells its macros
 * (EOF, NAN, INT_MAX, FLB_TRUE).
 */
function inHeaderNamespace(name: string): boolean {
  return /^(flbc?|mk|msgpack|mpack|cfl|cmt|ctr|cio)_/i.test(name) || /^_[A-Z_]/.test(name) || !/[a-z]/.test(name);
}

export class NameTable {
  private readonly claimed: Set<string>;

  constructor(parent?: NameTable) {
    this.claimed = new Set(parent?.claimed);
  }

  /** Claims `prefix + escaped(name)`, or the first free variant of it. */
  claim(name: string, prefix = ""): string {
    let base = prefix + escapeIdentifier(name);
    if (cKeywords.has(base) || cLibrary.has(base)) base += "_";
    else if (inHeaderNamespace(base)) base = `u_${base}`;
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
