// The C representations the compiler chooses where it can prove them, seen
// in the generated code of the conformance programs that exercise them (the
// conformance suite checks their results against Node; this checks that the
// representation is really the one docs/language.md describes, and that the
// cases it must not cover stay dynamic).
import test from "ava";
import path from "node:path";
import { compileForTest, diagnosticsText, root } from "./support/plugins.js";

function generated(name: string): string {
  const result = compileForTest(path.join(root, "test", "conformance", `${name}.ts`));
  if (!result.ok || result.c === undefined) throw new Error(diagnosticsText(result));
  return result.c;
}

test("string-literal unions are enum constants, compared as integers", (t) => {
  const c = generated("lang-literal-unions");
  t.regex(c, /typedef enum \{[^}]*lit_debug,[^}]*\} lit;/);
  t.regex(c, /static double fn_rank\(flbc_rt \*rt, lit v_level\)/);
  t.regex(c, /subject == lit_debug/);
  t.regex(c, /lit mode;/, "a state field of a literal union");
});

test("an object local used only through its fields is a struct; one used whole stays a Value", (t) => {
  const c = generated("lang-struct-locals");
  t.regex(c, /struct obj_Stats \{\n\s+double count;\n\s+double bytes;\n\s+flbc_str last;\n\s+lit level;\n\s+bool seen;\n\};/);
  t.regex(c, /struct obj_Stats v_stats;/);
  t.regex(c, /v_stats\.count\+\+;/);
  t.regex(c, /struct obj_pos v_pos;/);
  t.regex(c, /flbc_val v_point = /, "stored in a record: a Value");
  t.regex(c, /flbc_val v_box = /, "captured by a local function: a Value");
});

test("an object parameter every call gives a struct is a pointer to it; the others stay Values", (t) => {
  const c = generated("lang-struct-params");
  t.regex(c, /static void fn_count\(flbc_rt \*rt, struct obj_Counter \*v_c, flbc_str v_text\)/);
  t.regex(c, /v_c->hits\+\+;/);
  t.regex(c, /fn_count\(rt, v_c, /, "a struct parameter passed on as it is");
  t.regex(c, /fn_countAll\(rt, &v_c, v_texts, 0\.0\);/);
  t.regex(c, /static double fn_widen\(flbc_rt \*rt, struct obj_Span \*v_a, struct obj_Span \*v_b\)/);
  t.regex(c, /struct obj_Span v_s;/, "an unannotated literal with the same fields shares the struct");
  t.regex(c, /fn_widen\(rt, &v_s, &v_s\)/);
  t.regex(c, /struct obj_Span (t\d+);\n\s+\1\.from = 1\.0;\n\s+\1\.to = 11\.0;\n.*fn_length\(rt, &\1\)/, "a literal argument is a fresh struct");
  t.regex(c, /static flbc_str fn_describe\(flbc_rt \*rt, flbc_val v_s\)/, "called once with a Value");
  t.regex(c, /bool fn_later\(flbc_rt \*rt, flbc_val v_s\)/, "passed by name");
});

test("a for-loop counter is an int64_t; i % k counting up uses the C remainder", (t) => {
  const c = generated("lang-loop-counters");
  t.regex(c, /int64_t v_i = 0;/);
  t.regex(c, /\(double\) \(v_i % 2\)/);
  t.regex(c, /int64_t v_i_\d+ = 2147483640;/);
  t.regex(c, /double v_i_\d+ = 0\.0;/, "a counter written in the body stays a double");
  t.regex(c, /double v_i_\d+ = 3\.0;/, "a counter a local function captures stays a double");
  t.regex(c, /fmod\(\(double\) v_i_\d+, 2\.0\)/, "counting down keeps fmod for its -0");
});

test("a recursive local function is lifted, its captures passed by pointer", (t) => {
  const c = generated("lang-closures-recursive");
  t.regex(c, /struct fn_fib_env \{\n\s+double \*v_calls;\n\};/);
  t.regex(c, /fn_fib\(rt, env, v_n - 1\.0\)/, "a recursive call passes its own environment");
  t.regex(c, /fn_fib\(rt, &\(struct fn_fib_env\) \{ &v_calls \}, 12\.0\)/);
});
