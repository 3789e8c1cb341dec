// The one place workshopkit reaches into react-pdf's, pdfkit's and fontkit's insides, and changes
// anything for the whole process (console.warn during a render, pdf.js's JSON.stringify). Each export
// names what it relies on;
// tests/react-pdf-contract.test.ts fails when an upgrade changes any of it, and package.json pins
// the versions (PINNED) exactly.
import { AsyncLocalStorage } from "node:async_hooks";
import { cloneElement, Component, createElement, isValidElement, type ReactNode } from "react";
import type { LayoutNode } from "./layoutText.js";

type ReactPdf = typeof import("@react-pdf/renderer");
let reactPdf: ReactPdf | undefined;
/** react-pdf, loaded when the first PDF is made (a build whose materials are all cached only stamps them). */
export async function loadReactPdf(): Promise<ReactPdf> {
  return (reactPdf ??= await import("@react-pdf/renderer"));
}
const loaded = (): ReactPdf => {
  if (!reactPdf) throw new Error("react-pdf is not loaded yet: await loadReactPdf() first");
  return reactPdf;
};

/** The versions this file was written against: package.json pins them, the contract test checks what is installed. */
export const PINNED = {
  "@react-pdf/renderer": "4.9.0",
  "@react-pdf/layout": "5.2.0",
  "@react-pdf/textkit": "7.0.1",
  "@react-pdf/font": "4.1.2",
  "@react-pdf/render": "4.7.0",
  pdfkit: "0.20.1",
  fontkit: "2.0.4",
} as const;

export type DocumentElement = Parameters<ReactPdf["renderToBuffer"]>[0];

// ── Warnings, kept per render ────────────────────────────────────────────────────────────────────
// react-pdf reports a dropped image or an unknown style only through console.warn. While any render
// runs, console.warn is one router that hands each warning to the render it came from (found by its
// async context); a warning from anywhere else goes to the console as before. When the last render
// ends, console.warn is the function it was.
const renderWarnings = new AsyncLocalStorage<string[]>();
let running = 0;
let before: typeof console.warn | undefined;

function route(this: Console, ...args: unknown[]): void {
  const into = renderWarnings.getStore();
  if (into) into.push(args.map(String).join(" "));
  else before!.apply(this, args);
}

/** Runs `work` with every console.warn of its own (react-pdf's) kept apart in `warnings`. */
export async function withRenderWarnings<T>(work: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = [];
  if (running++ === 0) {
    before = console.warn;
    console.warn = route;
  }
  try {
    return { value: await renderWarnings.run(warnings, work), warnings };
  } finally {
    // Someone who replaced console.warn meanwhile (a test's spy) keeps theirs.
    if (--running === 0 && console.warn === route) console.warn = before!;
  }
}

// ── Rendering, with react-pdf's own layout ───────────────────────────────────────────────────────
/** An error thrown inside a template (a component), as it was thrown. */
export class TemplateError extends Error {
  constructor(readonly thrown: unknown) {
    super(thrown instanceof Error ? thrown.message : String(thrown));
    this.name = "TemplateError";
  }
}

/**
 * Catches what a template throws while React renders it. Without it React reports the error itself
 * and react-pdf goes on with an empty document, failing later with "Cannot read properties of null
 * (reading 'props')". A component only: it adds nothing to what react-pdf lays out.
 */
class Catch extends Component<{ onError: (error: unknown) => void; children?: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * Renders `element` (a <Document>) to PDF bytes. react-pdf hands its finished layout tree to the
 * document's `onRender` as `_INTERNAL__LAYOUT__DATA_` (an internal, undocumented prop): `onLayout`
 * gets it before the PDF is written, and may throw to stop the render. What a template throws is a
 * TemplateError with its own message.
 */
export async function renderDocument(element: DocumentElement, onLayout: (tree: LayoutNode | undefined) => void): Promise<{ bytes: Uint8Array; warnings: string[] }> {
  const onRender = ({ _INTERNAL__LAYOUT__DATA_: tree }: { _INTERNAL__LAYOUT__DATA_?: LayoutNode }) => onLayout(tree);
  const { renderToBuffer } = await loadReactPdf();
  let thrown: { error: unknown } | undefined;
  const children = (isValidElement(element) ? (element.props as { children?: ReactNode }).children : undefined) ?? null;
  const guarded = cloneElement(element, { onRender } as Record<string, unknown>, createElement(Catch, { onError: (error: unknown) => (thrown ??= { error }) }, children));
  try {
    const { value, warnings } = await withRenderWarnings(() => renderToBuffer(guarded));
    if (thrown) throw new TemplateError(thrown.error);
    return { bytes: new Uint8Array(value), warnings };
  } catch (err) {
    throw thrown ? new TemplateError(thrown.error) : err;
  }
}

// ── Fonts ─────────────────────────────────────────────────────────────────────────────────────────
/** fontkit's font as react-pdf draws with it: `layout` shapes a run of text (GSUB/GPOS). */
export interface FontkitFace {
  layout: (text: string, features?: unknown, script?: string, language?: string, direction?: string) => { glyphs: unknown[]; positions: unknown[] };
}

/** react-pdf's record of one registered face (@react-pdf/font's FontSource): `data` is its fontkit font once loaded. */
interface FontSource {
  data: unknown;
  loadResultPromise: Promise<void> | null;
}

export interface FaceDescriptor {
  fontFamily: string;
  fontWeight: number;
  fontStyle: "normal" | "italic";
}

/**
 * Gives react-pdf the fontkit font of a registered face ourselves, made by `face` when react-pdf first
 * asks for it: its own load (which would parse the file again) never runs. False where react-pdf has
 * loaded the face already.
 */
export function provideFace(descriptor: FaceDescriptor, face: () => unknown): boolean {
  const source = loaded().Font.getFont(descriptor) as unknown as FontSource;
  if (source.data || source.loadResultPromise) return false;
  source.loadResultPromise = Promise.resolve();
  Object.defineProperty(source, "data", { get: face, configurable: true, enumerable: true });
  return true;
}

/** Every registered face react-pdf has a fontkit font for (@react-pdf/font's getRegisteredFonts, sources[].data). */
export function registeredFaces(): FontkitFace[] {
  const families = (loaded().Font as unknown as { getRegisteredFonts(): Record<string, { sources: { data?: FontkitFace | null }[] }> }).getRegisteredFonts();
  return Object.values(families).flatMap((family) => family.sources.flatMap((s) => (s.data ? [s.data] : [])));
}

/** Replaces a face's `layout` (fontkit's shaping) for the whole process: the preview's memo of it (src/preview/layoutMemo.ts). */
export function wrapLayout(face: FontkitFace, wrap: (layout: FontkitFace["layout"]) => FontkitFace["layout"]): void {
  face.layout = wrap(face.layout.bind(face));
}

// ── pdfkit's content streams ──────────────────────────────────────────────────────────────────────
/** A DeviceRGB colour's operands as pdfkit writes them (its _normalizeColor, then Array.join): what the brand stamp finds. */
export const pdfkitColourOperands = (rgb: readonly [number, number, number]): string => rgb.map((c) => c / 255).join(" ");

// ── pdf.js's JSON.stringify ───────────────────────────────────────────────────────────────────────
// pdf.js's legacy build (the layout check's read-back, src/render/checkLayout.ts) installs core-js's
// JSON.stringify over Node's own when it loads, and again when its worker part loads, because Node 20
// lacks JSON.rawJSON. That copy is many times slower, for every JSON.stringify in the process:
// pdfkit compares fonts with it for every run of text it writes (a fifth of a preview's render), and
// the preview's keys are made with it. Nothing here uses JSON.rawJSON (pdf.js only tests for it), so
// Node's own is put back. This module is loaded before pdf.js (pdf.js is only ever imported
// dynamically), so Node's own is the one kept here: core-js's copy prints as "[native code]" too.
const isNative = (f: unknown) => typeof f === "function" && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));
const nativeStringify = isNative(JSON.stringify) ? JSON.stringify : undefined;

/** Puts Node's JSON.stringify back if pdf.js's polyfill replaced it (call after pdf.js opens a document). */
export function keepNativeJson(): void {
  if (nativeStringify && JSON.stringify !== nativeStringify) JSON.stringify = nativeStringify;
}
