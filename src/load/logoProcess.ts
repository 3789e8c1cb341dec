// The process logos are decoded in (src/load/logoDecoder.ts starts it): one job at a time, by message.
// Its own process so that a logo that takes too long can be stopped for sure (SIGKILL), and so that
// what libvips and GLib print about a broken file stays out of the user's terminal.
import "./fontconfig.js"; // before sharp: SVG text is drawn with the project's fonts only
import sharp from "sharp";
import { decodeLogo } from "./decodeLogo.js";
import { LogoRefusal, type DecodedLogo, type LogoProblem } from "./logoRefusal.js";

export interface LogoJob {
  id: number;
  bytes: Uint8Array;
}

export type LogoAnswer =
  | { id: number; logo: DecodedLogo }
  | { id: number; refusal: LogoProblem }
  | { id: number; error: string };

sharp.cache(false); // a long-lived process: nothing of one logo is kept for the next

process.on("message", (job: LogoJob) => {
  decodeLogo(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength)).then(
    (logo) => process.send!({ id: job.id, logo } satisfies LogoAnswer),
    (err: Error) => process.send!(err instanceof LogoRefusal ? { id: job.id, refusal: err.problem } : ({ id: job.id, error: err.message } satisfies LogoAnswer)),
  );
});
process.on("disconnect", () => process.exit(0));
process.send!({ ready: true });
