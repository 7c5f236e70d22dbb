// Compiling against a real Fluent Bit tree (opt-in tests, `flbc build`).
//
// Fluent Bit's headers are not clean under flbc's strict flags: with
// -std=c11 glibc hides strerror_r/gmtime_r that monkey and cmetrics headers
// call (so _GNU_SOURCE is needed, as Fluent Bit's own gnu-mode build has),
// Monkey's mk_list_entry (used inline by flb_task.h, which every output
// includes) needs GNU typeof, mapped here to the __typeof__ that -std=c11
// keeps; and -Wextra flags sign comparisons in flb_sds.h and flb_log.h. Passing the
// tree's include directories as -isystem keeps the generated plugin strict
// while silencing warnings that are Fluent Bit's own. flb_plg_trace also
// needs __FLB_FILENAME__, which Fluent Bit's CMake defines per file.
import fs from "node:fs";
import path from "node:path";

/**
 * Include and define flags of a configured Fluent Bit build directory, read
 * from its compile_commands.json (cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=On;
 * Fluent Bit enables it): the flags of one of its filter plugins, with -I
 * turned into -isystem.
 */
export function fluentBitFlags(buildDir: string): string[] {
  const file = path.join(buildDir, "compile_commands.json");
  const entries = JSON.parse(fs.readFileSync(file, "utf8")) as Array<{
    file: string;
    command?: string;
    arguments?: string[];
  }>;
  const plugin = entries.find((e) => /plugins[/\\]filter_[^/\\]+[/\\][^/\\]+\.c$/.test(e.file));
  if (!plugin) {
    throw new Error(`flbc: no filter plugin in ${file}; is this a Fluent Bit build directory?`);
  }
  const args = plugin.arguments ?? splitShell(plugin.command ?? "");
  const out: string[] = ["-D_GNU_SOURCE", "-Dtypeof=__typeof__"];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-I" || a === "-isystem") {
      out.push("-isystem", args[++i] ?? "");
    } else if (a.startsWith("-I")) {
      out.push("-isystem", a.slice(2));
    } else if (a.startsWith("-D")) {
      out.push(a);
    }
  }
  if (!out.some((f) => f.startsWith("-D__FLB_FILENAME__"))) {
    out.push("-D__FLB_FILENAME__=__FILE__");
  }
  return out;
}

/** Enough of POSIX shell word splitting for compile commands. */
function splitShell(command: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(command); m; m = re.exec(command)) {
    words.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : (m[2] ?? m[3] ?? ""));
  }
  return words;
}
