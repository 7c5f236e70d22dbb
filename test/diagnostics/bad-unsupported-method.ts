import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_method",
  filter(record) {
    const m = record.msg;
    if (typeof m === "string") {
      record.normalized = m.normalize("NFC");
    }
  },
});
