// pdf.js's legacy build (the layout check's read-back, src/render/checkLayout.ts) installs core-js's
// JSON.stringify over Node's own when it loads, and again when its worker part loads, because Node 20
// lacks JSON.rawJSON. That copy is many times slower, for every JSON.stringify in the process:
// react-pdf's pdfkit compares fonts with it for every run of text it writes (a fifth of a preview's
// render), and the preview's keys are made with it.
// Nothing here uses JSON.rawJSON (pdf.js only tests for it), so Node's own is put back.
// Imported before pdf.js, so that Node's own is the one found here (core-js's copy prints as
// "[native code]" too: had pdf.js loaded first, this would keep the copy, which is only slower).
const isNative = (f: unknown) => typeof f === "function" && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));
const native = isNative(JSON.stringify) ? JSON.stringify : undefined;

/** Puts Node's JSON.stringify back if a polyfill replaced it (pdf.js's worker part loads at its first document). */
export function keepNativeJson(): void {
  if (native && JSON.stringify !== native) JSON.stringify = native;
}
