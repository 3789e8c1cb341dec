// Progress while building: one rewritten line on a terminal, plain lines otherwise (CI, logs).
import type { Writable } from "node:stream";

export function progressReporter(stream: Writable & { isTTY?: boolean; columns?: number }) {
  const tty = Boolean(stream.isTTY);
  return {
    update({ done, total, material }: { done: number; total: number; material: string }) {
      const line = `Building ${done}/${total}: ${material}`;
      if (tty) stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 80) - 1)}`);
      else stream.write(`${line}\n`);
    },
    end() {
      if (tty) stream.write("\r\x1b[2K");
    },
  };
}
