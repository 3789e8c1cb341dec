// "Til workshoppen": the plan's counts from content/workshop.yaml's rule on inline data, the print
// list's paper, sides and cutting, and a CLI build with --only/--participants/--groups as a user runs it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planWorkshop, type MaterialInfo } from "../src/workshop/plan.js";
import { printList, paperTotals } from "../src/workshop/printList.js";
import { WorkshopChoice } from "../src/workshop/choice.js";
import { WorkshopNeeds } from "../src/workshop/needs.js";
import { loadNeeds } from "../src/workshop/loadNeeds.js";
import { loadContent } from "../src/load/loadContent.js";
import { CONTENT_DIR } from "../src/load/contentDir.js";
import { listMaterials } from "../src/resolve/listMaterials.js";
import { DEFAULT_CARD_OPTIONS } from "../src/cards/options.js";
import { danishWords, englishWords } from "../src/workshop/words.js";
import { renderPrintList } from "../src/workshop/renderPrintList.js";
import { toolkitPlan, printFacts } from "../src/workshop/workshop.js";
import { paletteOf } from "../src/brand/brandParts.js";
import { PDFDocument } from "pdf-lib";
import { writeFileSync } from "node:fs";
import { EXAMPLE_PROFILE, pdfText, ROOT, runCli, tempDir } from "./support/build.js";

const MATERIALS: MaterialInfo[] = [
  { id: "v01", title: "Værktøj 1", kind: "worksheet" },
  { id: "v01-scoring", title: "Scoreskema", kind: "scoring" },
  { id: "v02", title: "Værktøj 2", kind: "worksheet" },
  { id: "v02-dialogkort", title: "Dialogkort", kind: "cards" },
  { id: "v11-balkort-a3", title: "Plakat", kind: "balkort" },
  { id: "help-card", title: "Hjælpekort", kind: "help-card" },
];
const LABELS = { title: "Printliste", tools: "Værktøjer", people: "{participants} deltagere i {groups} grupper", preparedFor: "Til", columns: ["a", "b", "c", "d"], scale: "100 %", totals: "I alt", sheets: "ark", heavy: "kraftigt papir" };
const NEEDS = WorkshopNeeds.parse({
  everyWorkshop: [{ material: "help-card", per: "participant", why: "one each" }],
  tools: {
    v01: [
      { material: "v01", per: "group", why: "the group reads it" },
      { material: "v01-scoring", per: "participant", facilitator: false, why: "each scores" },
    ],
    v02: [
      { material: "v02", per: "workshop", why: "the run-sheet" },
      { material: "v02-dialogkort", per: "group", facilitator: false, why: "a deck a group" },
    ],
    v11: [{ material: "v11-balkort-a3", per: "workshop", why: "the wall" }],
  },
  printList: LABELS,
});
const TOOLS = ["v01", "v02", "v11"];
const plan = (choice: Partial<WorkshopChoice>) => planWorkshop(TOOLS, MATERIALS, NEEDS, WorkshopChoice.parse({ participants: 12, groups: 3, ...choice }));
const counts = (p: ReturnType<typeof plan>) => Object.fromEntries(p.materials.map((m) => [m.id, m.count]));

describe("the workshop plan", () => {
  it("counts per participant, per group and once, with the facilitator's copy where the need says", () => {
    expect(counts(plan({ tools: ["v01", "v02"] }))).toEqual({ v01: 4, "v01-scoring": 12, v02: 1, "v02-dialogkort": 3, "help-card": 13 });
  });

  it("takes every tool when none is named, and only the named ones otherwise (the help card always)", () => {
    expect(plan({}).tools).toEqual(TOOLS);
    expect(plan({}).materials.map((m) => m.id)).toEqual(MATERIALS.map((m) => m.id));
    expect(counts(plan({ tools: ["v11"] }))).toEqual({ "v11-balkort-a3": 1, "help-card": 13 });
  });

  it("keeps a count changed by hand, and leaves out a material set to 0", () => {
    const p = plan({ tools: ["v02"], copies: { "v02-dialogkort": 5, v02: 0 } });
    expect(counts(p)).toEqual({ "v02-dialogkort": 5, "help-card": 13 });
    expect(p.materials.find((m) => m.id === "v02-dialogkort")!.suggested).toBe(3);
  });

  it("refuses an unknown tool, a material the toolkit lacks, and nonsense counts", () => {
    expect(() => plan({ tools: ["v99"] })).toThrow(/no tool "v99"/);
    expect(() => planWorkshop(TOOLS, MATERIALS.slice(1), NEEDS, WorkshopChoice.parse({ participants: 2, groups: 1 }))).toThrow(/does not make: v01/);
    expect(WorkshopChoice.safeParse({ participants: 3, groups: 4 }).error?.issues[0]?.message).toMatch(/no more groups than participants/);
    expect(WorkshopChoice.safeParse({ participants: "tolv", groups: 1 }).success).toBe(false);
    expect(WorkshopChoice.safeParse({ participants: 0, groups: 1 }).success).toBe(false);
  });

  it("gives each file its paper, sides, runs and cutting", () => {
    const p = plan({ tools: ["v02", "v11"] });
    const list = printList(p, { paper: "A4", cards: DEFAULT_CARD_OPTIONS, deckCards: { "v02-dialogkort": 24 }, pages: { v02: 2, "v02-dialogkort": 8, "v11-balkort-a3": 1, "help-card": 4 } });
    const byId = Object.fromEntries(list.map((e) => [e.id, e]));
    expect(byId.v02).toMatchObject({ paper: "A4", duplex: "long", heavy: false, runs: [{ times: 1 }], sheets: 1 });
    // Three decks: the file once (with its instructions), then only the card sheets twice more.
    expect(byId["v02-dialogkort"]).toMatchObject({ heavy: true, duplex: "long", runs: [{ times: 1 }, { pages: { from: 3, to: 8 }, times: 2 }], cut: { cards: 72, perSheet: 8 }, sheets: 1 + 3 * 3 });
    expect(byId["v11-balkort-a3"]).toMatchObject({ paper: "A3", duplex: "none", sheets: 1 });
    // 13 cards, 8 a sheet: two sheets.
    expect(byId["help-card"]).toMatchObject({ unit: "cards", count: 13, runs: [{ times: 1 }, { pages: { from: 3, to: 4 }, times: 1 }], cut: { cards: 16, perSheet: 8 }, sheets: 3 });
    expect(paperTotals(list)).toEqual([
      { paper: "A4", heavy: false, sheets: 1 },
      { paper: "A4", heavy: true, sheets: 13 },
      { paper: "A3", heavy: false, sheets: 1 },
    ]);
    // A number and its unit on one line (no-break spaces).
    expect(danishWords(byId["v02-dialogkort"]!)).toEqual({
      count: "3\u00a0stk.",
      paper: "A4, kraftigt papir (160–200\u00a0g/m²)",
      sides: "Begge sider, vend på lang kant",
      print: "Hele filen 1\u00a0gang, derefter 2\u00a0gange side\u00a03–8 (10\u00a0ark)",
      cut: "Klip 72\u00a0kort ud, 8\u00a0pr.\u00a0ark, langs skærestregerne",
    });
    expect(englishWords(byId["v11-balkort-a3"]!)).toMatchObject({ count: "1 copy", paper: "A3, poster", sides: "one side" });
  });

  it("follows the card options: short-edge duplex, no backs, US Letter", () => {
    const p = plan({ tools: ["v02"] });
    const short = printList(p, { paper: "LETTER", cards: { ...DEFAULT_CARD_OPTIONS, duplex: "short" }, deckCards: { "v02-dialogkort": 24 } });
    expect(short.find((e) => e.id === "v02-dialogkort")).toMatchObject({ paper: "LETTER", duplex: "short" });
    expect(danishWords(short.find((e) => e.id === "v02-dialogkort")!).sides).toBe("Begge sider, vend på kort kant");
    const none = printList(p, { paper: "A4", cards: { ...DEFAULT_CARD_OPTIONS, duplex: "none", blanks: 8 }, deckCards: { "v02-dialogkort": 24 } });
    // 32 cards on 4 sheets of fronts, no backs; the instructions' page alone.
    expect(none.find((e) => e.id === "v02-dialogkort")).toMatchObject({ duplex: "none", pages: 5, runs: [{ times: 1 }, { pages: { from: 2, to: 5 }, times: 2 }], cut: { cards: 96 }, sheets: 1 + 3 * 4 });
  });

  it("content/workshop.yaml names every tool and only materials the toolkit makes", async () => {
    const [toolkit, needs] = await Promise.all([loadContent(CONTENT_DIR), loadNeeds()]);
    expect(Object.keys(needs.tools).sort()).toEqual(toolkit.tools.map((t) => t.id).sort());
    const ids = listMaterials(toolkit).map((m) => m.id);
    for (const need of [...needs.everyWorkshop, ...Object.values(needs.tools).flat()]) expect(ids, need.material).toContain(need.material);
  });
});

describe("printliste.pdf", () => {
  it("is the same bytes every time, on the profile's paper, and a long company name wraps", async () => {
    const [toolkit, needs] = await Promise.all([loadContent(CONTENT_DIR), loadNeeds()]);
    const plan = toolkitPlan(toolkit, needs, WorkshopChoice.parse({ participants: 40, groups: 8 }));
    const entries = printList(plan, printFacts(toolkit, "LETTER", DEFAULT_CARD_OPTIONS));
    const company = "Andelsselskabet Østjyllands Forenede Maskinværksteder og Smedeforretninger af 1899 A.m.b.a.";
    const brand = { company, colour: "#FFE066", palette: paletteOf("#FFE066"), paper: "LETTER" as const };
    const render = () => renderPrintList({ plan, entries, toolTitles: toolkit.tools.map((t) => `Værktøj ${t.number}: ${t.title}`), brand, toolkit: toolkit.info, labels: needs.printList, date: new Date("2026-11-23T00:00:00Z") });
    const [a, b] = [await render(), await render()];
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes))).toBe(0);
    const pdf = await PDFDocument.load(a.bytes);
    expect(pdf.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())])).toEqual(Array(a.pages).fill([612, 792]));
    const file = `${tempDir("wk-printlist-")}/printliste.pdf`;
    writeFileSync(file, a.bytes);
    const text = pdfText(file).replace(/\s+/g, " ");
    expect(text).toContain(`Udarbejdet til ${company}`);
    expect(text).toContain("40 deltagere i 8 grupper");
    expect(text).toContain("US Letter");
    // Every file of the plan is listed.
    for (const e of entries) expect(text, e.file).toContain(e.file);
  });
});

describe("workshopkit build --participants --groups", () => {
  it("builds only what the tools need, prints the list in English, and writes printliste.pdf and its pack page in Danish", () => {
    const out = tempDir("wk-workshop-");
    const r = runCli(["build", "-p", EXAMPLE_PROFILE, "-o", out, "--only", "v02", "v09", "--participants", "24", "--groups", "5", "--copies", "help-card=30"], ROOT);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const dir = path.join(out, "nordlys-maskinfabrik-a-s");
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as { files: { file: string }[] };
    expect(manifest.files.map((f) => f.file).filter((f) => f.endsWith(".pdf"))).toEqual(["printliste.pdf", "v02.pdf", "v02-dialogkort.pdf", "v09.pdf", "v09-tryghedskort.pdf", "help-card.pdf", "nordlys-maskinfabrik-a-s-pakke.pdf"]);
    expect(r.stdout).toMatch(/^Print list/m);
    expect(r.stdout).toContain("v02-dialogkort.pdf: 5 copies; A4, heavy paper (160-200 g/m²), both sides, flip on long edge; print the whole file once, then pages 3-8, 4 times");
    expect(r.stdout).toContain("v09.pdf: 6 copies");
    expect(r.stdout).toContain("help-card.pdf: 30 cards");

    const list = pdfText(path.join(dir, "printliste.pdf")).replace(/\s+/g, " ");
    expect(list).toContain("Printliste");
    expect(list).toContain("Udarbejdet til Nordlys Maskinfabrik A/S");
    expect(list).toContain("24 deltagere i 5 grupper");
    expect(list).toContain("Værktøj 9: Skab psykologisk tryghed");
    expect(list).toMatch(/v02-dialogkort\.pdf.*Begge sider, vend på lang kant/);
    expect(list).toContain("Klip 120 kort ud, 8 pr. ark, langs skærestregerne");
    expect(list).toContain("30 kort");
    expect(list).toMatch(/Papir i alt A4: \d+ ark A4, kraftigt papir: \d+ ark/);

    // The pack: the contents name the print list first, and its pages follow the contents.
    const pack = path.join(dir, "nordlys-maskinfabrik-a-s-pakke.pdf");
    const contents = pdfText(pack).split("\f")[1]!;
    expect(contents.indexOf("Printliste")).toBeLessThan(contents.indexOf("Værktøj 2"));
    expect(pdfText(pack).split("\f")[2]).toMatch(/^Printliste/);
  });

  it("says plainly what is wrong with the workshop's flags", () => {
    const only = runCli(["build", "-p", EXAMPLE_PROFILE, "-o", tempDir(), "--participants", "10"], ROOT);
    expect(only.status).toBe(1);
    expect(only.stderr).toContain("A workshop build needs both --participants and --groups (got only --participants).");
    const material = runCli(["build", "-p", EXAMPLE_PROFILE, "-o", tempDir(), "--only", "policy", "--participants", "10", "--groups", "2"], ROOT);
    expect(material.stderr).toContain('--only names the workshop\'s tools (v01 … v11); "policy" is not one.');
    const groups = runCli(["build", "-p", EXAMPLE_PROFILE, "-o", tempDir(), "--participants", "2", "--groups", "3"], ROOT);
    expect(groups.stderr).toContain("--groups: expected no more groups than participants");
  });
});
