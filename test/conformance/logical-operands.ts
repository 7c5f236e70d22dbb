import { defineFilter } from "flbc";

/** && and || give one of their operands, evaluating the right only when JavaScript does. */
export default defineFilter({
  name: "logical_operands",
  filter(record) {
    const name = record.name ?? null;
    const n = typeof record.n === "number" ? record.n : -1;
    const flag: boolean | undefined = record.flag === true ? true : record.flag === false ? false : undefined;
    let calls = 0;
    const bump = (): string => {
      calls++;
      return "right";
    };
    record.or_value = name || "anon";
    record.and_value = name && "has-name";
    record.or_num = n || 7;
    record.and_num = n && n * 2;
    record.or_flag = (flag || undefined) === true;
    record.and_flag = String(flag && "yes");
    record.or_str = String(name) || bump();
    record.and_str = String(name) && bump();
    record.chain = name || n || "none";
    record.calls = calls;
  },
});
