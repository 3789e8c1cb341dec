// The batch worker when workshopkit runs from its TypeScript (no dist/): tsx in the worker thread too.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
const { default: buildOne, fillSharedCache } = await import("./worker.ts");
export default buildOne;
export { fillSharedCache };
