// A bigint counter in ctx.state, top-level bigint constants, bigints
// through plugin functions (recursion included), and a bigint written to
// the record, where it is an integer.
import { defineFilter } from "flbc";

const STEP = 1000000007n;
const START = -5n;

function factorial(n: bigint): bigint {
  return n <= 1n ? 1n : n * factorial(n - 1n);
}

function mix(seed: bigint, x: bigint): bigint {
  return (seed * 31n + x) % STEP;
}

export default defineFilter({
  name: "bigint_state",
  init() {
    return { count: START, hash: 0n, seen: 0 };
  },
  filter(record, ctx) {
    ctx.state.count++;
    ctx.state.count += 2n;
    ctx.state.seen++;
    const id = typeof record.id === "number" ? BigInt(record.id) : 0n;
    ctx.state.hash = mix(ctx.state.hash, id);
    record.count = ctx.state.count;
    record.hash = String(ctx.state.hash);
    record.fact = String(factorial(BigInt(ctx.state.seen + 15)));
    record.bigger = ctx.state.count > ctx.state.seen;
    if (ctx.state.count === 1n) return false;
  },
});
