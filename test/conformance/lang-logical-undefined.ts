import { defineFilter } from "flbc";

/**
 * Logical operators and conditionals whose result mixes booleans with
 * undefined, including those whose type is `undefined` itself
 * (`false || undefined`): the result is the operand JavaScript picks.
 */
export default defineFilter({
  name: "lang_logical_undefined",
  filter(record) {
    record.or_literal = (false || undefined) === false;
    record.or_literal_undefined = (false || undefined) === undefined;
    record.and_literal = String(true && undefined);
    const flag = record.flag === true;
    record.both_undefined = String(flag ? undefined : undefined);
    const or = flag || undefined;
    record.or_type = typeof or;
    record.or_true = or === true;
    const and = flag && undefined;
    record.and = String(and);
    record.and_false = and === false;
    const not = !flag || undefined;
    record.not_or = String(not);
    const maybe: boolean | undefined = record.n === 1 ? undefined : flag;
    record.coalesce = maybe ?? "none";
    record.coalesce_bool = (maybe ?? !flag) === true;
    record.truthy = maybe ? "yes" : "no";
    record.template = `${flag || undefined}/${flag && undefined}`;
  },
});
