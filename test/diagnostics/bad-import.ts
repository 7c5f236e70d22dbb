import { defineFilter } from "flbc";
import { helper } from "./helper";

export default defineFilter({
  name: "bad_import",
  filter(record) {
    record.x = helper();
  },
});
