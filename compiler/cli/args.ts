// Command-line parsing: one small table per command, no dependency.

export class UsageError extends Error {}

export interface ParsedArgs {
  command: "compile" | "check" | "run" | "build" | "init" | "help" | "version";
  /** The plugin file; for init, the project directory. */
  file?: string;
  out?: string;
  outDir?: string;
  /** build: also compile the shared object, against flbSrc (and flbBuild). */
  shared: boolean;
  flbSrc?: string;
  flbBuild?: string;
  props: [string, string][];
  engine: "c" | "node";
  events: boolean;
  lineDirectives: boolean;
  color?: boolean;
  verbose: boolean;
  /** No progress lines (build --shared, a slow run build). */
  quiet: boolean;
  sanitize: boolean;
  trace: boolean;
  tag?: string;
  chunkRecords?: number;
  /** run, inputs: stop after this many records. */
  count?: number;
  /** run, inputs: stop after this many seconds. */
  duration?: number;
  /** run, inputs: collect without waiting for the interval. */
  noWait?: boolean;
  /** run: read records from this file instead of stdin (needed by --watch). */
  input?: string;
  /** run: rerun on every save of the plugin or the input. */
  watch: boolean;
  /** init: filter, output or input (checked by initProject). */
  kind: string;
  /** init: the plugin name (default: from the directory name). */
  name?: string;
}

const commands = new Set(["check", "run", "build", "init"]);

export function parseArgs(argv: string[]): ParsedArgs {
  const a: ParsedArgs = {
    command: "compile",
    shared: false,
    props: [],
    engine: "c",
    events: false,
    lineDirectives: true,
    verbose: false,
    quiet: false,
    sanitize: false,
    trace: false,
    watch: false,
    kind: "filter",
  };
  const rest = [...argv];
  if (rest[0] !== undefined && commands.has(rest[0])) a.command = rest.shift() as ParsedArgs["command"];
  const value = (flag: string): string => {
    const v = rest.shift();
    if (v === undefined) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (rest.length > 0) {
    const arg = rest.shift()!;
    switch (arg) {
      case "-h":
      case "--help":
        a.command = "help";
        return a;
      case "-v":
      case "--version":
        a.command = "version";
        return a;
      case "-o":
      case "--out":
        a.out = value(arg);
        break;
      case "--out-dir":
        a.outDir = value(arg);
        break;
      case "--shared":
        a.shared = true;
        break;
      case "--flb-src":
        a.flbSrc = value(arg);
        break;
      case "--flb-build":
        a.flbBuild = value(arg);
        break;
      case "-p":
      case "--prop": {
        const kv = value(arg);
        const eq = kv.indexOf("=");
        if (eq <= 0) throw new UsageError(`-p expects key=value, got '${kv}'`);
        a.props.push([kv.slice(0, eq), kv.slice(eq + 1)]);
        break;
      }
      case "--engine": {
        const e = value(arg);
        if (e !== "c" && e !== "node") throw new UsageError(`--engine is 'c' or 'node', not '${e}'`);
        a.engine = e;
        break;
      }
      case "--events":
        a.events = true;
        break;
      case "--no-line":
        a.lineDirectives = false;
        break;
      case "--color":
        a.color = true;
        break;
      case "--no-color":
        a.color = false;
        break;
      case "--verbose":
        a.verbose = true;
        break;
      case "-q":
      case "--quiet":
        a.quiet = true;
        break;
      case "--sanitize":
        a.sanitize = true;
        break;
      case "--trace":
        a.trace = true;
        break;
      case "--tag":
        a.tag = value(arg);
        break;
      case "--chunk-records": {
        const n = Number(value(arg));
        if (!Number.isInteger(n) || n < 1) throw new UsageError("--chunk-records takes a positive integer");
        a.chunkRecords = n;
        break;
      }
      case "--count": {
        const n = Number(value(arg));
        if (!Number.isInteger(n) || n < 1) throw new UsageError("--count takes a positive integer");
        a.count = n;
        break;
      }
      case "--duration": {
        const n = Number(value(arg));
        if (!(n > 0)) throw new UsageError("--duration takes a positive number of seconds");
        a.duration = n;
        break;
      }
      case "--no-wait":
        a.noWait = true;
        break;
      case "--input":
      case "-i":
        a.input = value(arg);
        break;
      case "--watch":
      case "-w":
        a.watch = true;
        break;
      case "--kind":
        a.kind = value(arg);
        break;
      case "--name":
        a.name = value(arg);
        break;
      default:
        if (arg.startsWith("-")) throw new UsageError(`unknown option '${arg}'`);
        if (a.file !== undefined) throw new UsageError(`one plugin file at a time (got '${a.file}' and '${arg}')`);
        a.file = arg;
    }
  }
  if (a.file === undefined) throw new UsageError(a.command === "init" ? "flbc init needs a directory" : "no plugin file given");
  if (a.watch && (a.command !== "run" || (a.input === undefined && !readsNoRecords(a)))) {
    throw new UsageError(
      "--watch goes with 'flbc run' and --input FILE (stdin cannot be read again on each change), " +
        "or for an input plugin with --count N or --duration S",
    );
  }
  if (a.input !== undefined && a.command !== "run") throw new UsageError("--input only applies to 'flbc run'");
  if (a.command === "build" && a.shared && a.flbSrc === undefined) {
    throw new UsageError("--shared needs --flb-src <dir>, the Fluent Bit source tree fluent-bit was built from");
  }
  if (!a.shared && (a.flbSrc !== undefined || a.flbBuild !== undefined)) {
    throw new UsageError("--flb-src and --flb-build only apply to 'flbc build --shared'");
  }
  return a;
}

/** A run with --count or --duration runs an input plugin, which reads no records. */
export function readsNoRecords(a: ParsedArgs): boolean {
  return a.count !== undefined || a.duration !== undefined;
}

export const helpText = `flbc: compile Fluent Bit plugins written in TypeScript to native C plugins

Usage:
  flbc <plugin.ts> [-o out.c]         compile; without -o the C goes to stdout
  flbc check <plugin.ts>              type-check and subset-check, write nothing
  flbc run <plugin.ts> [options]      compile, build and run on JSON lines from stdin
  flbc run --watch <plugin.ts> --input FILE
                                      rerun on FILE every time the plugin or FILE is saved
                                      (an input plugin: --count N or --duration S, no FILE)
  flbc init <dir> [--kind filter|output|input] [--name NAME]
                                      a new plugin project: plugin, sample, test, config
  flbc build <plugin.ts> [--out-dir DIR] [--shared --flb-src PATH [--flb-build PATH]]
                                      a plugin directory for Fluent Bit (docs/fluent-bit.md)

Options:
  -o, --out FILE        write the plugin's C to FILE, and flbc_rt.h beside it
  --out-dir DIR         build: the plugin directory (default ./<kind>_<name>)
  --shared              build: also compile DIR/flb-<kind>_<name>.so for fluent-bit -e
  --flb-src PATH        build: the Fluent Bit source tree to compile against
  --flb-build PATH      build: its cmake build directory (default PATH/build)
  --no-line             no #line directives back to the .ts source
  -p, --prop KEY=VALUE  set a plugin property (run; repeatable)
  --engine c|node       run the compiled C (default) or the same source under Node
  --events              run: lines are [[time, metadata], body] instead of bodies
  --tag TAG             run: the records' tag (default "test")
  --chunk-records N     run: records per chunk (default 64)
  -i, --input FILE      run: read the JSON lines from FILE instead of stdin
  -w, --watch           run: recompile and rerun on save (needs --input, or --count/--duration)
  --kind KIND           init: filter (default), output or input
  --name NAME           init: the plugin name (default: from the directory)
  --count N             run, inputs: stop after N records
  --duration S          run, inputs: stop after S seconds
  --no-wait             run, inputs: collect again without waiting for the interval
  --trace               run: print each chunk's result on stderr
  --sanitize            run: build with AddressSanitizer and UBSan
  --verbose             print what each stage did and how long it took
  -q, --quiet           no progress lines on stderr (build --shared, a slow run build)
  --no-color            no colours in diagnostics (also NO_COLOR=1)
  -h, --help            this text
  -v, --version         the version

Exit codes: 0 ok, 1 compile errors or a failed run, 2 usage errors,
128 + N when the host of 'flbc run' was killed by signal N (139: SIGSEGV).
Environment: CC picks the C compiler (default cc).`;
