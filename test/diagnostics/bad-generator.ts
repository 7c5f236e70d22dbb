import { defineFilter } from "flbc";

function* ids(): Generator<number> {
  yield 1;
}

export default defineFilter({
  name: "bad_generator",
  filter(record) {
    record.x = 1;
  },
});
