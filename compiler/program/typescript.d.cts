// Types of typescript.cjs: the whole `ts` namespace, values and types.
export { ts } from "@ts-morph/common";
