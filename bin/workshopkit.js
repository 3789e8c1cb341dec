#!/usr/bin/env node
// Runs the TypeScript CLI directly (through tsx), so there is no build step to forget.
// The tsconfig is named explicitly: tsx would otherwise look for one in the user's folder.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../src/cli/index.ts");
