// SVG logos are drawn by librsvg through fontconfig: point it at the project's own fonts before
// sharp draws anything, so a logo's text looks the same on every machine (never the machine's fonts).
// Imported for its effect, before sharp, by the logo loader.
import path from "node:path";

export const FONTCONFIG_FILE = path.resolve(import.meta.dirname, "../../assets/fonts.conf");

process.env.FONTCONFIG_FILE = FONTCONFIG_FILE;
delete process.env.FONTCONFIG_SYSROOT;
delete process.env.FONTCONFIG_PATH;
