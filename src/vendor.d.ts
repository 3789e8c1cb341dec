// Types for the two dependencies that ship none; only what workshopkit uses.
declare module "hyphen/da/index.js" {
  const da: { hyphenateSync(text: string, options?: { minWordLength?: number; hyphenChar?: string }): string };
  export default da;
}
declare module "fontkit" {
  export function openSync(path: string): unknown;
  export function create(buffer: Buffer): unknown;
}
