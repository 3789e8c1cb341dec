// Bench child: the web page's live preview (src/preview) of a changed profile, warm: a few previews
// to load and warm up (the first profile, then made-up companies with and without its logo, so
// that both ways of branding have run), then one per profile given, each a different company.
// Then two smaller changes of the last company, as a user makes them: its colour only (every page
// drawn again) and one contact's phone number only (only the help card drawn again).
// Prints JSON: ms of each warm preview (wall clock), cpuMs of each (this process's CPU time, the raster
// thread's included: steadier than the wall clock on a busy machine), and the same of the smaller
// changes (colourMs, colourCpuMs, contactMs, contactCpuMs).
import path from "node:path";
import { loadContent } from "../src/load/loadContent.js";
import { loadProfile, type LoadedProfile } from "../src/load/loadProfile.js";
import { preview } from "../src/preview/preview.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const toolkit = await loadContent(path.join(ROOT, "content"));
const date = new Date(`${toolkit.info.date}T00:00:00Z`);
const [first, ...profiles] = process.argv.slice(2);
const warm = await loadProfile(first!);
await preview({ toolkit, profile: warm, date });
for (const [i, logo] of [undefined, warm.logo, undefined].entries()) {
  await preview({ toolkit, profile: { ...warm, logo, profile: { ...warm.profile, company: `Opvarmning ${i + 1} ApS`, colour: ["#5A3E8C", "#8C5A3E", "#3E8C5A"][i]! } }, date });
}

async function timed(profile: LoadedProfile): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await preview({ toolkit, profile, date });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

const ms: number[] = [];
const cpuMs: number[] = [];
let last: LoadedProfile | undefined;
for (const file of profiles) {
  last = await loadProfile(file);
  const run = await timed(last);
  ms.push(run.ms);
  cpuMs.push(run.cpuMs);
}
const colourMs: number[] = [];
const colourCpuMs: number[] = [];
const contactMs: number[] = [];
const contactCpuMs: number[] = [];
if (last) {
  for (const [i, colour] of ["#7A1F5C", "#2E6B30", "#8B4A1F"].entries()) {
    const recoloured = await timed({ ...last, profile: { ...last.profile, colour } });
    colourMs.push(recoloured.ms);
    colourCpuMs.push(recoloured.cpuMs);
    const contacts = { ...last.profile.contacts, hr: { ...last.profile.contacts.hr, name: last.profile.contacts.hr?.name ?? "HR", phone: `86 12 34 7${i}` } };
    const called = await timed({ ...last, profile: { ...last.profile, colour, contacts } });
    contactMs.push(called.ms);
    contactCpuMs.push(called.cpuMs);
  }
}
console.log(JSON.stringify({ ms, cpuMs, colourMs, colourCpuMs, contactMs, contactCpuMs }));
