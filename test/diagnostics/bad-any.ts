import { defineFilter } from "flbc";

function pick(x: any): string {
  return x;
}

export default defineFilter({
  name: "bad_any",
  filter(record) {
    record.a = pick(record.b);
  },
});
