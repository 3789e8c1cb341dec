// With WK_TEST_CPU=<file>, each test file appends to <file> the CPU time (user + system, seconds) its worker
// spent on it, its imports and the programs it ran included (their times count once they have exited): where
// `npm test`'s time goes, which wall time on a shared machine does not say. Off by default.
import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect } from "vitest";

const out = process.env.WK_TEST_CPU;

/** The process's CPU seconds and those of its exited children, from /proc (Linux). */
function cpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  // utime, stime, cutime, cstime: fields 14–17 of stat(5), here 11–14 after the name
  return [11, 12, 13, 14].reduce((s, i) => s + Number(fields[i]), 0) / 100;
}

if (out) {
  const start = cpuSeconds();
  const started = Date.now();
  afterAll(() => {
    const file = path.relative(process.cwd(), expect.getState().testPath ?? "?");
    appendFileSync(out, `${(cpuSeconds() - start).toFixed(1)}\t${((Date.now() - started) / 1000).toFixed(1)}\t${process.pid}\t${file}\n`);
  });
}
