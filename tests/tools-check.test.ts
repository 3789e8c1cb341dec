// The check before any test (tests/support/globalSetup.ts): the Debian tools .ci/run installs, each
// probed, and what is missing named in one message with the line that installs it.
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
});
