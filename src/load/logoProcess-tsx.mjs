// The logo process when workshopkit runs from its TypeScript (no dist/): tsx in that process too.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
await import("./logoProcess.ts");
