import { defineFilter } from "flbc";

/**
 * Left-to-right evaluation where C leaves operands unordered, a condition
 * that needs statements of its own, and `!` on the left of a comparison.
 */
export default defineFilter({
  name: "lang_evaluation_order",
  filter(record) {
    let base = 4;
    record.pow_prefix = --base ** --base ** 2;
    base = 4;
    record.pow_postfix = base-- ** base-- ** 2;
    let i = 1;
    record.add = i + i++;
    record.less = i < i++;
    record.assign_left = (i = 5) * i;
    record.not_left = !(i > 3) !== false;
    i = 1;
    record.concat = "a" + i + i++ + (i = 7) + i;
    i = 1;
    record.template = `${i}-${i++}-${i}`;
    i = 1;
    record.equal = i === i++;
    i = 1;
    i += i++;
    record.compound = i;
    i = 2;
    i = i++;
    record.self_assign = i;
    let b = 5n;
    record.bigint_add = String(b + b++);
    const flag = record.flag === true;
    if ((flag || undefined) !== true) {
      record.branch = "falsy";
    } else {
      record.branch = "truthy";
    }
    // Compared with undefined, a value that is never undefined still runs.
    const pushed: string[] = [];
    record.never_undefined = pushed.push("q") === undefined;
    record.pushed = pushed;
  },
});
