import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_missing",
  config: { level: "info" },
});
