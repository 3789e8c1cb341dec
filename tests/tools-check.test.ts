// The check before any test (tests/support/globalSetup.ts): the Debian tools .ci/run installs, each
// probed, and what is missing named in one message with the line that installs it.
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { missingMessage, missingTools } from "./support/globalSetup.js";

describe("the Debian tools the tests need", () => {
  it("are .ci/run's packages, each found here (the global setup stopped the run otherwise)", () => {
    expect(missingTools()).toEqual([]);
  });

  it("when some are missing, are all named in one message with the apt-get line", () => {
    expect(missingTools(["poppler-utils", "no-such-package-wk", "qpdf", "also-missing-wk"])).toEqual(["no-such-package-wk", "also-missing-wk"]);
    expect(missingMessage(["poppler-utils", "chromium"])).toBe(
      "The tests read the PDFs back with Debian tools that are not installed here: poppler-utils, chromium.\nInstall them with:\n  sudo apt-get install -y poppler-utils chromium\n(.ci/run installs them in CI.)",
    );
  });

  it("count a package as missing when any program the tests call from it is not on PATH (pdftoppm gone, pdftotext there)", () => {
    const bin = mkdtempSync(path.join(tmpdir(), "wk-path-"));
    try {
      for (const p of ["pdftotext", "pdffonts", "pdfinfo", "pdfimages"]) symlinkSync(`/usr/bin/${p}`, path.join(bin, p));
      const env = { ...process.env, PATH: bin };
      expect(missingTools(["poppler-utils", "qpdf"], env)).toEqual(["poppler-utils", "qpdf"]);
      symlinkSync("/usr/bin/pdftoppm", path.join(bin, "pdftoppm"));
      expect(missingTools(["poppler-utils", "qpdf"], env)).toEqual(["qpdf"]);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
