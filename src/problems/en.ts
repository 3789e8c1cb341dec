// Every problem and warning workshopkit can raise, by its code, in English: what the CLI prints.
// The codes are this catalogue's keys; src/problems/da.ts says each in Danish for the web page.
// A problem found by a zod schema keeps the schema's own English (`detail`): the schema is the one
// source of what a field may hold, and the code says in other languages what the schema says here.

export type Params = Readonly<Record<string, string | number>>;
export interface English {
  message: string;
  hint?: string;
}
type Render<P extends Params = Params> = (p: P) => string | English;

const BUG = "This is a fault in workshopkit; please report it with the profile you used.";
const CONTENT = "This is a fault in content/, not in your profile: fix the file and field named above.";
const SAVE_UTF8 = "Save the file as UTF-8 (in Notepad: File › Save as › Encoding: UTF-8; in TextEdit: Format › Make Plain Text, then save as UTF-8).";
const LOGO_FORMATS = "PNG, JPEG, WebP, TIFF, AVIF or SVG";
const LOGO_HINT = `Give the path of a ${LOGO_FORMATS} file, relative to the profile, or remove the logo line to print the company name instead.`;
const CACHE_HINT = "Give a folder for the cache (it is made if missing), or WORKSHOPKIT_CACHE=off to build without a cache.";
const OUT_HINT = "Choose another folder with --out.";
const WORKSHOP_EXAMPLE = "Example: workshopkit build -p profile.yaml --only v02 v04 --participants 24 --groups 5";
const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);
const PHOTO_HINT = "Take the photo again from straight above, the whole page flat and its four corner squares in view, in even light without shadow, or scan the page (150–300 dpi).";

type Detail = { detail: string };
type File = { file: string };
type NoParams = Record<string, never>;

const catalogue = {
  /** An error made without a code (new code not yet in this catalogue): the English is all there is. */
  uncoded: (p: Detail) => p.detail,

  // ── Fields, as the schemas check them (the English is the schema's own) ──
  "field.unknown": (_: { key: string }) => "unknown field; check its spelling or remove it",
  "field.required": () => "required",
  "field.empty": () => "is empty; fill it in or remove the line",
  "field.blank": (p: Detail) => p.detail,
  "field.invalid": (p: Detail) => p.detail,
  "text.tooLong": (p: Detail & { max: number }) => p.detail,
  "text.lineBreak": (p: Detail) => p.detail,
  "text.controlCharacter": (p: Detail) => p.detail,
  "contact.phone": (p: Detail) => p.detail,
  "contact.email": (p: Detail) => p.detail,
  "profile.colour": (p: Detail) => p.detail,
  "profile.paper": (p: Detail) => p.detail,
  "profile.folder": (p: Detail) => p.detail,
  "film.url": (p: Detail) => p.detail,
  "film.urlCharacters": (p: Detail) => p.detail,
  "film.urlTooLong": (p: Detail & { max: number }) => p.detail,
  "films.tooMany": (p: Detail & { max: number }) => p.detail,
  "cards.cardSize": (p: Detail) => p.detail,
  "cards.cardSide": (p: Detail & { min: number; max: number }) => p.detail,
  "cards.duplex": (p: Detail) => p.detail,
  "cards.blankCards": (p: Detail) => p.detail,
  "cards.blankCardsMax": (p: Detail & { max: number }) => p.detail,

  // ── Profile and data files ──
  "profile.empty": (p: File) => ({ message: `${p.file} is empty.`, hint: "Write the profile into it (workshopkit init writes one to start from)." }),
  "profile.notAProfile": (p: File) => ({ message: `${p.file} is not a profile: expected fields like "company: Firma ApS", one per line.`, hint: "Start from the example: npx workshopkit init my-company.yaml" }),
  "profile.problems": (p: File) => `${p.file} has problems:`,
  "profile.colourComment": () => 'put the colour in quotes, like colour: "#FFE066" (without quotes, YAML reads "#…" as a comment)',
  "profile.unknownFilm": (p: { id: string }) => `no film "${p.id}" in the toolkit; run "npx workshopkit list --films" to see the film names`,
  "file.empty": (p: File & { what: string }) => ({ message: `${p.file} is empty.`, hint: `Write the ${p.what} into it.` }),
  "file.problems": (p: File) => `${p.file} has problems:`,
  "file.tooDeep": (p: File) => ({ message: `${p.file} is nested too deeply to be a profile or content file.`, hint: "Check the indentation and the brackets [ ] { }." }),
  "file.syntax": (p: File) => ({ message: `${p.file} is not valid YAML or JSON.`, hint: "Fix the syntax at the line shown; indentation must use spaces." }),
  /** One syntax error; `kind` is the yaml library's error code (BAD_INDENT, TAB_AS_INDENT, …). */
  "file.syntaxError": (p: Detail & { line: number; column: number; kind: string }) => p.detail,
  "file.nestedTooDeep": () => "nested too deeply (check the brackets [ ] { })",
  "file.duplicates": (p: File) => `${p.file} gives a field twice.`,
  "file.duplicateKey": (p: { key: string; line: number }) => `"${p.key}" is given twice${p.line ? ` (the second time at line ${p.line})` : ""}; keep one`,
  "file.aliases": (p: File & Detail) => ({ message: `${p.file}: YAML aliases (*name) repeat values too often (${p.detail}).`, hint: "Write the values out instead of using anchors (&name) and aliases (*name)." }),
  "file.notUtf8": (p: File & { encoding: string }) => ({ message: `${p.file} is not saved as UTF-8 (it looks like ${p.encoding}).`, hint: SAVE_UTF8 }),
  "file.notUtf8Line": (p: File & { line: number }) => ({ message: `${p.file} is not saved as UTF-8: line ${p.line} holds a character in another encoding (Windows-1252 or Latin-1?).`, hint: SAVE_UTF8 }),
  "file.isFolder": (p: File & { what: string }) => ({ message: `${p.what} is a folder, not a file: ${p.file}`, hint: `Give the path of the ${p.what} file.` }),
  "file.tooLarge": (p: File & { what: string; size: string; max: string }) => ({ message: `${p.file} is ${p.size}; a ${p.what} is at most ${p.max}.`, hint: `Check that ${p.file} is the ${p.what} you meant.` }),
  "file.special": (p: File & { what: string; reason: string }) => ({ message: `The ${p.what} ${p.file} ${p.reason}.`, hint: "Give the path of a file saved on disk." }),
  "file.notFound": (p: File & { what: string }) => ({ message: `${p.what} not found: ${p.file}`, hint: "Check the path and try again." }),
  "file.unreadable": (p: File & { what: string; reason: string; hint: string }) => ({ message: `The ${p.what} ${p.file} ${p.reason}.`, hint: p.hint }),

  // ── The logo (the caller puts the field and file name before the reason) ──
  "logo.missing": () => ({ message: "the logo file does not exist", hint: LOGO_HINT }),
  "logo.folder": () => ({ message: "this is a folder, not an image file", hint: LOGO_HINT }),
  "logo.empty": () => ({ message: "the logo file is empty", hint: LOGO_HINT }),
  "logo.fileTooLarge": (p: { size: string; max: string }) => ({ message: `the logo file is ${p.size}; a logo is at most ${p.max}`, hint: "Use a smaller logo file." }),
  "logo.notRegular": (p: { reason: string }) => ({ message: `the logo file ${p.reason}`, hint: LOGO_HINT }),
  "logo.svgInflates": (p: { maxMb: number }) => ({ message: `the compressed SVG logo inflates to more than ${p.maxMb} MB`, hint: "Save the logo as a plain (uncompressed) SVG or a PNG." }),
  "logo.svgDamaged": () => ({ message: "the compressed SVG logo is damaged", hint: "Save the logo again as a plain SVG or a PNG." }),
  "logo.svgTooDeep": (p: { depth: number }) => ({ message: `the SVG logo nests embedded images more than ${p.depth} deep`, hint: "Export the logo as a plain SVG or a PNG." }),
  "logo.svgEntities": () => ({ message: "the SVG logo declares XML entities (<!ENTITY …>), which a logo does not need and workshopkit does not expand", hint: "Export the logo again from your drawing program, or use a PNG." }),
  "logo.svgTooMuchText": (p: { maxMb: number }) => ({ message: `the SVG logo's embedded documents come to more than ${p.maxMb} MB of text`, hint: "Export the logo as a plain SVG or a PNG." }),
  "logo.svgTooManyImages": (p: { max: number }) => ({ message: `the SVG logo embeds more than ${p.max} images`, hint: "Export the logo as a plain SVG or a PNG." }),
  "logo.svgCanvas": (p: { what: string; width: string; height: string; max: string }) => ({ message: `${p.what} declares a canvas of ${p.width} × ${p.height} pixels; at most ${p.max} pixels a side`, hint: "Give the <svg> element a sensible width and height (or only a viewBox), or use a PNG." }),
  "logo.embeddedUnmeasurable": (p: Detail) => ({ message: `the SVG logo embeds an image that cannot be measured (${p.detail})`, hint: "Embed PNG or JPEG images only, or export the logo as a PNG." }),
  "logo.embeddedTooManyPixels": (p: { megapixels: number; max: number }) => ({ message: `the SVG logo embeds images of ${p.megapixels} megapixels or more; everything a logo holds is at most ${p.max} megapixels`, hint: "Scale the images inside the logo down (2000 pixels wide is plenty), or export the logo as a PNG." }),
  "logo.tooSlow": (p: { seconds: number }) => ({ message: `the logo takes longer than ${p.seconds} s to draw, the limit (heavy filters or effects?)`, hint: "Simplify the logo (blur, shadow and filter effects take long to draw), or export it as a PNG." }),
  "logo.decoderStopped": (p: Detail) => ({ message: `the logo cannot be drawn: the decoder stopped on it (${p.detail})`, hint: "Export the logo again as a PNG or a plain SVG." }),
  "logo.format": (p: { format: string }) => ({ message: `${p.format} images are not supported`, hint: LOGO_HINT }),
  "logo.tooManyPixels": (p: { megapixels: number }) => ({ message: `the logo is too large (over ${p.megapixels} megapixels)`, hint: "Scale the logo down, e.g. to 2000 pixels wide, and try again." }),
  "logo.unreadable": (p: Detail) => ({ message: `the logo cannot be read as an image (${p.detail})`, hint: LOGO_HINT }),
  "logo.lowResolution": (p: { width: number; height: number; mm: number; heightMm: number; dpi: number; minWidth: number }) =>
    `the logo is ${p.width} × ${p.height} pixels; printed ${p.mm} × ${p.heightMm} mm on the pack's cover that is ${p.dpi} dpi and looks blurred or blocky (at least 150 dpi, 300 is good). Use a logo at least ${p.minWidth} pixels wide, or an SVG.`,
  "logo.lowContrast": () => "the logo has too little contrast against the white page and will hardly show (white or very light on a transparent background?). Use a version of the logo made for light backgrounds.",
  "logo.svgFont": (p: { fonts: string }) => `the SVG logo sets text in ${p.fonts}; it is drawn in Lato, the only font workshopkit uses, so it may look different from your design. Convert the text to outlines (paths) in your drawing program, or use a PNG.`,
  "logo.svgExternalImage": (p: { href: string }) => `the SVG logo refers to an external image (${p.href}), which is not loaded and is left out. Embed the image in the SVG, or export the logo as PNG.`,

  // ── Text and references checked before the build ──
  "text.unprintable": () => "Some text cannot be printed as it stands:",
  /** `characters`: the characters, one after the other; `codePoints`: theirs, comma-separated. */
  "text.missingGlyphs": (p: { characters: string; codePoints: string }) => {
    const chars = [...p.characters];
    const points = p.codePoints.split(", ");
    return `the font cannot print ${chars.map((ch, i) => `"${ch}" (${points[i]})`).join(", ")}; replace ${chars.length === 1 ? "it" : "them"} with other characters`;
  },
  "content.problems": (p: Detail) => ({ message: `The toolkit content has problems:\n${p.detail}`, hint: CONTENT }),
  "content.duplicateId": (p: { id: string; first: string }) => `"${p.id}" is already the id of ${p.first}; ids name form fields and must differ within a step`,
  "content.unknownPlaceholder": (p: { name: string; known: string }) => `unknown placeholder {${p.name}}; known: ${p.known}`,
  "content.unknownDeck": (p: { deck: string }) => `no deck "${p.deck}" in content/decks/`,
  "content.balkortStep": () => "The balkort names a step that does not exist:",
  "content.noStep": (p: { step: string; tool: string; steps: string }) => `no step "${p.step}" in content/tools/${p.tool}.yaml; its steps are ${p.steps}`,
  "content.unplacedDocument": (p: { file: string }) => ({
    message: `${p.file} is a document no part of the pack places: it would be left out of every pack without a word.`,
    hint: "Place it in the pack's order of documents (src/resolve/listMaterials.ts), or remove the file.",
  }),
  "content.unplacedDocuments": () => ({
    message: "Documents under content/documents/ that no part of the pack places would be left out of every pack without a word:",
    hint: "Place them in the pack's order of documents (src/resolve/listMaterials.ts), or remove the files.",
  }),

  // ── Options ──
  "options.unknownMaterial": (p: { ids: string; count: number; valid: string }) => ({
    message: `Unknown material id${p.count > 1 ? "s" : ""} for --only: ${p.ids}.`,
    hint: `Valid ids: ${p.valid} (see workshopkit list).`,
  }),
  "options.cards": (p: { lines: string }) => ({ message: `Card options are not valid:\n${p.lines}`, hint: "Example: workshopkit build -p profile.yaml --card-size 90x60 --duplex long --blank-cards 4" }),
  "options.invalid": (p: Detail) => p.detail,
  "options.copiesAlone": () => ({ message: "--copies changes a workshop's counts: give --participants and --groups too.", hint: "Example: workshopkit build -p profile.yaml --only v02 v04 --participants 24 --groups 5 --copies help-card=30" }),
  "options.workshopNeedsBoth": (p: { got: string }) => ({ message: `A workshop build needs both --participants and --groups (got only ${p.got}).`, hint: WORKSHOP_EXAMPLE }),
  "options.notTools": (p: { ids: string; count: number }) => ({
    message: `With --participants, --only names the workshop's tools (v01 … v11); ${p.ids} ${p.count === 1 ? "is" : "are"} not one.`,
    hint: `${WORKSHOP_EXAMPLE}. Each tool brings the materials it needs; leave out --participants and --groups to build materials by id.`,
  }),
  "options.copiesPair": (p: { pair: string }) => ({ message: `--copies ${p.pair}: expected a material id and a count, like help-card=30.`, hint: WORKSHOP_EXAMPLE }),
  "options.workshop": (p: { lines: string }) => ({ message: `The workshop is not valid:\n${p.lines}`, hint: WORKSHOP_EXAMPLE }),
  "workshop.nothing": () => ({ message: "Every count of the workshop is 0: there is nothing to build.", hint: "Give at least one material a count above 0." }),
  "workshop.unknownTool": (p: { tools: string; known: string }) => ({ message: `There is no tool ${p.tools} in the toolkit.`, hint: `The tools are ${p.known} (workshopkit list shows them with their titles).` }),
  "workshop.unknownMaterials": (p: { missing: string }) => ({ message: `content/workshop.yaml names materials the toolkit does not make: ${p.missing}.`, hint: "Use the ids workshopkit list shows." }),
  "options.epoch": (p: { epoch: string; example: number; last: number }) => ({
    message: `SOURCE_DATE_EPOCH must be a whole number of seconds, not "${p.epoch}".`,
    hint: `Set it to the seconds since 1970-01-01 (e.g. ${p.example} for 2026-01-01), at most ${p.last} (the end of year 9999), or unset it to use the content's date.`,
  }),
  "options.epochTooLate": (p: { epoch: string; example: number; last: number }) => ({
    message: `SOURCE_DATE_EPOCH=${p.epoch} is after the year 9999, which a PDF date cannot hold.`,
    hint: `Set it to the seconds since 1970-01-01 (e.g. ${p.example} for 2026-01-01), at most ${p.last} (the end of year 9999), or unset it to use the content's date.`,
  }),

  // ── Cards and the help card (fitted by font metrics) ──
  "cards.tooLargeForPaper": (p: { width: number; height: number; paper: string; maxWidth: number; maxHeight: number; min: number; max: number }) => ({
    message: `--card-size ${p.width}x${p.height}: a ${p.width} × ${p.height} mm card does not fit on ${p.paper} with room for crop marks.`,
    hint: `The largest card that fits is ${p.maxWidth}x${p.maxHeight} (sides of ${p.min}–${p.max} mm); the default is 90x60.`,
  }),
  "cards.deckTitleTooLong": (p: { title: string; deck: string; min: number }) => ({
    message: `Deck "${p.title}" (content/decks/${p.deck}.yaml): the title "${p.title}" does not fit the back of a card even at ${p.min} pt.`,
    hint: "Choose a larger --card-size.",
  }),
  "cards.cardTooLong": (p: { title: string; deck: string; card: number; what: string; size: string }) => ({
    message: `Deck "${p.title}" (content/decks/${p.deck}.yaml), card ${p.card}: ${p.what} does not fit a ${p.size} card.`,
    hint: `Choose a larger --card-size (the default is 90x60) or shorten the text in content/decks/${p.deck}.yaml.`,
  }),
  "helpCard.missingSource": () => "The help card names a source that does not exist:",
  "helpCard.noDocument": (p: { document: string }) => `no document "${p.document}" in content/documents/`,
  "helpCard.noSection": (p: { section: string; document: string; sections: string }) => `no section "${p.section}" in content/documents/${p.document}.yaml; its sections are ${p.sections}`,
  "helpCard.noHeadings": (p: { section: string; document: string }) => `section "${p.section}" of content/documents/${p.document}.yaml has no headings to take organisations from`,
  ...helpCardFits(),

  // ── The company's brand ──
  "brand.nameTooLong": (p: { name: string; where: string; width: number; height: number; min: number }) => ({
    message: `profile › company: "${p.name}" does not fit ${p.where} (${p.width} × ${p.height} mm) even at ${p.min} pt.`,
    hint: "Shorten the company name in the profile (a long word cannot be broken), or give a logo (logo:), which headers and card backs print instead of the name.",
  }),
  "brand.colourDarkened": (p: { colour: string; contrast: string; needed: number; ink: string; inkContrast: string }) =>
    `The brand colour ${p.colour} has a contrast of ${p.contrast} on white paper, too light for text (at least ${p.needed}:1): text is printed in the darker shade ${p.ink} (${p.inkContrast}); rules, bars and card backs keep ${p.colour}.`,
  "brand.colourNearBlack": (p: { colour: string; contrast: string; needed: number; ink: string; line: string }) =>
    `The brand colour ${p.colour} has a contrast of ${p.contrast} on white paper, too light for text (at least ${p.needed}:1): text is printed in near-black ${p.ink}; fills, bars and card backs keep ${p.colour}, thin rules and frames the darker ${p.line}.`,
  "brand.fault": (p: { what: string }) => ({ message: `Branding a material failed: ${p.what}. This is a fault in workshopkit, not in your profile or content.`, hint: "Please report it to workshopkit's maintainers, with the profile you built." }),
  "brand.helpCardFrontFault": (p: { company: string; list: string }) => ({ message: `The help card's front for "${p.company}" does not fit its text box as drawn:\n${p.list}`, hint: BUG }),
  "brand.partKey": (p: { key: string }) => ({ message: `Not a brand part key: "${p.key}".`, hint: "This is a fault in workshopkit; please report it." }),
  "contact.open": (p: { field: string; materials: string }) => `${p.field} is not in the profile: printed as a line to fill in by hand (${p.materials}).`,

  // ── Rendering ──
  "render.textOutside": (p: { material: string; list: string }) => ({
    message: `Text in "${p.material}" does not fit its page:\n${p.list}`,
    hint: "A word is too long for its box. Shorten the text (or add a soft hyphen, U+00AD) in the profile or content.",
  }),
  "render.failed": (p: { what: string; detail: string }) => ({ message: `Rendering ${p.what} failed: ${p.detail}`, hint: BUG }),
  "render.template": (p: { material: string; detail: string }) => ({ message: `The template of ${p.material} failed: ${p.detail}`, hint: BUG }),
  "render.warnings": (p: { what: string; list: string }) => ({ message: `Rendering ${p.what} gave warnings:\n  ${p.list}`, hint: "Nothing was written. This is a fault in workshopkit or its content; please report it." }),
  "docx.writeIns": (p: { files: string; fields: string; count: number }) =>
    `In the Word files (${p.files}), ${p.fields} ${p.count === 1 ? "is a highlighted write-in" : "are highlighted write-ins"} saying what belongs there: fill ${p.count === 1 ? "it" : "them"} in in Word, or add ${p.count === 1 ? "it" : "them"} to the profile.`,
  "pack.bookmarkNotFound": (p: { title: string; material: string; page: number }) => `The bookmark "${p.title}" of ${p.material} was not found in its text; it points to page ${p.page} of the material.`,

  // ── Writing ──
  "write.failed": (p: { dir: string; detail: string }) => ({ message: `Cannot write the pack to ${p.dir}: ${p.detail}.`, hint: "Choose another folder with --out, or free some space. Your previous pack is unchanged." }),
  "out.empty": () => ({ message: "--out is empty.", hint: "Give the folder for packs, e.g. --out out (the default), or leave --out away." }),
  "out.isFile": (p: { out: string; at: string }) => ({ message: `--out ${p.out}: ${p.at} is a file, not a folder.`, hint: OUT_HINT }),
  "out.noPermission": (p: { out: string; at: string }) => ({ message: `--out ${p.out}: you do not have permission to write in ${p.at}.`, hint: OUT_HINT }),
  "out.brokenLink": (p: { out: string; at: string; link: string }) => ({ message: `--out ${p.out}: ${p.at} is a link to ${p.link}, which does not exist.`, hint: OUT_HINT }),
  "out.otherCompany": (p: { dir: string; other: string; company: string; free: string }) => ({
    message: `${p.dir}/ holds the pack of "${p.other}", and this profile is for "${p.company}". A build never replaces another company's pack.`,
    hint: `Give this company its own folder: add the line "folder: ${p.free}" to the profile, or build with --out another-folder. To replace the folder, delete it first.`,
  }),
  "out.notAPack": (p: { dir: string; why: "file" | "files"; free: string }) => ({
    message: `${p.dir}/ ${p.why === "file" ? "is a file" : "holds files that are not a workshopkit pack (it has no manifest.json)"}; a build would replace it.`,
    hint: `Give this company its own folder: add the line "folder: ${p.free}" to the profile, or build with --out another-folder. To replace the folder, delete it first.`,
  }),
  "out.besideFullPack": (p: { target: string; count: number; some: string; beside: string }) =>
    `${p.target}/ holds ${p.count} other ${plural(p.count, "material")} (${p.some}), so this --only build went to ${p.beside}/ and that pack is unchanged. Build without --only to update the full pack.`,
  "batch.failed": (p: { failed: number; total: number }) => ({ message: `${p.failed} of ${p.total} profiles failed (listed above); the other packs were built.`, hint: "Fix the profiles named above and build them again; the packs already built are complete." }),
  "batch.emptyFolder": (p: { folder: string }) => ({ message: `The folder ${p.folder} holds no profiles (.yaml, .yml or .json files).`, hint: "Name profile files, or a folder that holds them." }),

  // ── The command line and the server ──
  "cli.validate": (p: File & { count: number; command: string }) => ({ message: `${p.file} has ${p.count} ${plural(p.count, "problem")}:`, hint: `Fix ${p.count === 1 ? "it" : "them"}, then run: npx workshopkit validate ${p.command}` }),
  "cli.initExists": (p: File & { free: string }) => ({ message: `${p.file} already exists; it was left as it is.`, hint: `Give another file name: npx workshopkit init ${p.free}` }),
  "cli.initCannotWrite": (p: File & Detail) => `Cannot write ${p.file}: ${p.detail}`,
  "cli.portInUse": (p: { port: number }) => ({ message: `Port ${p.port} is in use.`, hint: "Choose another with --port, or leave --port out to take the next free one." }),
  "cli.noFreePort": (p: { from: number; to: number }) => ({ message: `No free port from ${p.from} to ${p.to}.`, hint: "Choose one with --port." }),
  "cli.port": (p: Detail & { given: string }) => `--port: ${p.detail}, not "${p.given}".`,
  "options.numberedSheets": (p: { given: string; max: number }) => ({ message: `--numbered-sheets must be a whole number from 1 to ${p.max}, not ${p.given}.`, hint: "Give the number of participants, e.g. --numbered-sheets 24." }),
  "cli.origin": (p: { given: string }) => `--origin: expected an address like https://hr.example.dk, not "${p.given}".`,
  "cache.emptyOption": () => ({ message: "--cache-dir is empty.", hint: "Give the cache folder, or leave --cache-dir out (WORKSHOPKIT_CACHE=off turns the cache off)." }),
  "cache.isFile": (p: { given: string; dir: string }) => ({ message: `${p.given} ${p.dir} is a file, not a folder, so nothing can be cached there.`, hint: CACHE_HINT }),
  "cache.underFile": (p: { given: string; dir: string; file: string }) => ({ message: `${p.given} ${p.dir} is under ${p.file}, which is a file, not a folder, so nothing can be cached there.`, hint: CACHE_HINT }),
  "cache.maxMb": (p: { value: string; max: number; default: number }) => ({
    message: `WORKSHOPKIT_CACHE_MAX_MB=${p.value} is not a cache size: it must be a whole number of megabytes from 1 to ${p.max} (the default is ${p.default}).`,
    hint: "Set it to a number like 2048, or unset it; WORKSHOPKIT_CACHE=off builds without a cache.",
  }),
  "serve.noFontTools": () => ({ message: "The web page's fonts cannot be made: wawoff2 or subset-font, which make them, is not installed.", hint: "Install workshopkit with its development tools: npm ci (without --omit=dev)." }),
  "serve.logoUnknown": () => ({ message: "The server no longer has this logo: it keeps the latest uploads only, and none after a restart.", hint: "Upload the logo again." }),
  "serve.noEsbuild": () => ({ message: "The web page cannot be made: esbuild, which bundles it, is not installed.", hint: "Install workshopkit with its development tools: npm ci (without --omit=dev)." }),

  // ── Reading results back ──
  "results.option": (p: Detail & { option: string }) => ({ message: `--${p.option}: ${p.detail}.`, hint: "See workshopkit results --help." }),
  "results.store": (p: Detail & { problem: string }) => p.detail,
  "results.roundGlyphs": (p: { characters: string; count: number }) => ({ message: `--round: the report's font cannot print ${p.characters}; choose a name without ${p.count === 1 ? "it" : "them"}.`, hint: "See workshopkit results --help." }),
  "results.noDatabase": (p: { name: string; file: string }) => ({ message: `There is no round "${p.name}": ${p.file} does not exist.`, hint: "Say which rounds database with --db or --profile." }),
  "results.whichDb": () => "Say which rounds database: --profile <file> (its company's results/<company>.sqlite) or --db <file>.",
  "results.noFiles": () => "Give the scoring sheets to read: workshopkit results <files...> --profile <file>.",
  "results.noProfile": () => ({ message: "Say which profile the sheets were printed from: --profile <file>.", hint: "The report is branded with it, and the sheet's layout is made from it." }),
  "results.noneRead": () => ({ message: "No scoring sheet could be read:", hint: "Give the scoring sheets (v01-scoring) as PDFs filled on screen, or scans of the printed sheets. Nothing was written." }),
  "results.unreadable": (p: Detail) => p.detail,
  "results.db": (p: File & Detail) => ({ message: `Cannot open the rounds database ${p.file}: ${p.detail}.`, hint: "Choose another file with --db." }),
  "results.noRound": (p: File & { name: string; known: string }) => ({ message: `There is no round "${p.name}" in ${p.file}.`, hint: p.known ? `The rounds are: ${p.known}.` : "The database holds no rounds yet." }),
  "results.noScoringSheet": (p: { id: string }) => ({ message: `The content has no scoring sheet "${p.id}".`, hint: "This is a fault in content/; please report it." }),
  "results.noBoxes": (p: { name: string }) => ({ message: `The scoring sheet has no boxes for ${p.name}.`, hint: "This is a fault in workshopkit; please report it." }),
  "results.writeFailed": (p: { dir: string; detail: string }) => ({ message: `Cannot write the results to ${p.dir}: ${p.detail}.`, hint: "Choose another folder with --out. Nothing was stored in the rounds database." }),
  // A scan's reason is shown alone in the run's summary, so each says what to do too.
  "scan.encrypted": () => "The PDF is encrypted (protected by a password or against copying), so workshopkit cannot read its pages: open it, save or print it as a new PDF without protection, and give that file (or scan the printed sheets again)",
  "scan.damaged": () => "The PDF is damaged or incomplete (its structure cannot be read): save or scan it again, or fetch it again if it came by e-mail or download",
  "scan.noPages": () => "The PDF has no pages (it is empty, cut short or damaged): save or scan it again",
  "scan.pdfImageTooLarge": (p: { width: number; height: number; megapixels: number }) => `It holds an image of ${p.width} × ${p.height} pixels, more than the ${p.megapixels} megapixels workshopkit reads: scan at 150–300 dpi`,
  "scan.inflatesFile": (p: { max: string }) => `It is not a scan workshopkit reads: its streams together inflate to more than ${p.max}, the limit for one file; scan the sheets again, or save them as a new PDF from your PDF viewer`,
  "scan.inflatesStream": (p: { size: string; max: string; image: number }) => `It is not a scan workshopkit reads: a ${p.size} stream in it inflates to more than ${p.max}, the limit for ${p.image ? "an image" : "a page's contents"}; scan the sheets again, or save them as a new PDF from your PDF viewer`,
  "scan.notPdf": (p: Detail) => ({ message: `The file is not a PDF that can be read: ${p.detail}.`, hint: "Check that it is a PDF, and not damaged." }),
  "scan.noPage": (p: { page: number; pages: number }) => `The PDF has no page ${p.page} (it has ${p.pages}).`,
  "scan.pageUnreadable": (p: { page: number; error: number }) => ({ message: `Page ${p.page} of the PDF cannot be read (pdfium error ${p.error}).`, hint: "Check that the PDF is not damaged." }),
  "scan.pageTooLarge": (p: { page: number; width: number; height: number; dpi: number; megapixels: number }) => ({
    message: `Page ${p.page} would be ${p.width} × ${p.height} pixels at ${p.dpi} dpi, more than the ${p.megapixels} megapixels workshopkit draws.`,
    hint: "Use pages of a normal paper size (A4 or Letter).",
  }),
  "scan.tooManyPages": (p: { kind: "PDF" | "image"; count: number; max: number }) => ({ message: `The ${p.kind} has ${p.count} pages; workshopkit reads at most ${p.max} pages from one file.`, hint: "Split the stack into smaller scans." }),
  "scan.badImage": (p: Detail) => ({ message: `The image cannot be read: ${p.detail}.`, hint: "Check that the file is a JPEG, PNG or TIFF, and not damaged." }),
  "scan.imageTooLarge": (p: { width: number; height: number; maxSide: number; megapixels: number }) => ({
    message: `The image is ${p.width} × ${p.height} pixels, too large for a scanned page (at most ${p.maxSide} pixels a side and ${p.megapixels} megapixels).`,
    hint: "Scan at 150–300 dpi.",
  }),

  // ── A scanned page that is not read, and why: each says what to do. The message completes
  // "Could not read <file>, page <n>: …" (lower case, no full stop); the web page says it in Danish. ──
  "page.noCode": () => "it has no page code (not a page of the scoring sheet)",
  "page.foreignCode": () => "its QR code is not a workshopkit page code (not a page of the scoring sheet)",
  "page.photo": (p: { stage: "code" | "marks" | "boxes" }) => ({
    message: `it looks like a photo, and ${p.stage === "code" ? "no page code could be read in it (too small, blurred or in shadow)" : p.stage === "marks" ? "its four corner squares were not all found in it (one out of view, in deep shadow or blurred?)" : "its boxes were not found where its corner squares put them (the page not flat, or blurred?)"}`,
    hint: PHOTO_HINT,
  }),
  "page.faded": (p: { stage: "code" | "marks" }) => ({
    message: `it is faded (a copy of a copy, or a printer low on toner): its ${p.stage === "code" ? "page code could not be read, though its corner marks are there" : "corner marks are too faint to be found"}`,
    hint: "Scan the original sheet rather than a copy, at 200–300 dpi; if there is only the copy, scan it darker (more contrast), or type the sheet in on the web page (workshopkit serve, Resultater).",
  }),
  "page.blurred": () => ({
    message: "its page code could not be read, though its corner marks are there (a soft or blurred scan, or too low a resolution)",
    hint: "Scan the page again at 200–300 dpi, sharp and at 100 %.",
  }),
  "page.marksMissing": (p: { found: number }) => ({
    message: p.found === 0 ? "none of its 4 corner marks was found (cut off or covered?)" : `only ${p.found} of its 4 corner marks ${p.found === 1 ? "was" : "were"} found, too few to place its boxes (cut off or covered?)`,
    hint: "Scan the page again, flat and whole, with its four corner squares in view, at 150–300 dpi.",
  }),
  "page.marksMisaligned": (p: { mm: string }) => ({
    message: `its corner marks do not line up (off by ${p.mm} mm): folded or curled?`,
    hint: "Smooth the page flat and scan it again, whole, at 150–300 dpi.",
  }),
  "page.otherPaper": (p: { sheet: string; scan: string }) => ({
    message: `the sheet is ${p.sheet} but the scan is ${p.scan}, and its corner marks or boxes are not all where the sheet puts them`,
    hint: `Print the sheet on ${p.sheet} paper at actual size (100 %), or with "fit to page" if the printer has only ${p.scan}, and scan the whole page; or give the profile paper: ${p.scan === "US Letter" ? "Letter" : "A4"} and print the pack again.`,
  }),
  "page.otherProfile": (p: { stage: "layout" | "boxes" }) => ({
    message: p.stage === "layout"
      ? "it was printed from another profile (its company name, logo or paper differ: the page code's layout key is not this profile's sheet's), so its boxes sit elsewhere"
      : "its boxes are not where this profile's scoring sheet prints them: printed from another profile, or not at actual size?",
    hint: "Read it with the profile it was printed from (--profile), or print the sheet again from this profile's pack, at actual size (100 %).",
  }),
  "page.otherVersion": (p: { printed: string; version: string }) => ({
    message: p.printed
      ? `it was printed by another version of workshopkit (content version ${p.printed}; this one has ${p.version}), whose boxes may sit elsewhere`
      : "its page code is from another version of workshopkit, which this one cannot read",
    hint: "Read it with the workshopkit version that printed it, or print the sheet again with this one.",
  }),

  // ── Sheets joined from scanned pages: warnings beside the results ──
  "sheets.startsOnPage2": (p: File & { page: number }) => ({
    message: `${p.file} starts on page ${p.page} of the sheet, so each of its sheets may join one person's page with another's (the first page 1 missing, or the stack scanned in another order)`,
    hint: "Scan each sheet's pages in order, page 1 first; or print numbered copies (workshopkit build --numbered-sheets N), whose pages join by themselves in any order.",
  }),
  "sheets.backwards": (p: File) => ({
    message: `${p.file} looks fed backwards (it starts on page 2 and ends on page 1), so its sheets join one person's page 1 with the next person's page 2`,
    hint: "Scan the stack again, first page first (or turn the stack over), or reverse the file's pages; or print numbered copies (workshopkit build --numbered-sheets N), whose pages join by themselves in any order.",
  }),
  "sheets.missingPage": (p: { sheet: number; copy: number; pages: string }) => ({
    message: `sheet ${p.sheet}${p.copy ? ` (copy ${p.copy})` : ""} has no page ${p.pages} among the scans: its statements there are not counted`,
    hint: "Read the missing page's scan too (in the same run).",
  }),
} satisfies Record<string, Render<never>>;

/** The help card's faces: what did not fit, on a card of the size given. */
function helpCardFits() {
  const fits = (what: string, why: string) => ({ message: `The help card (${what}) does not fit a ${why}.`, hint: "Choose a larger --card-size, or shorten the contacts in the profile." });
  type Card = { face: "front" | "back"; width: number; height: number };
  const card = (p: Card) => `${p.width} × ${p.height} mm card`;
  return {
    "helpCard.titleTooLong": (p: Card & { title: string; min: number }) => fits(p.face, `${card(p)}: the title "${p.title}" is too long even at ${p.min} pt`),
    "helpCard.footerTooLong": (p: Card & { footer: string; size: number }) => fits(p.face, `${card(p)}: its footer "${p.footer}" is too long for two lines at ${p.size} pt`),
    "helpCard.entryTooLong": (p: Card & { entry: string; min: number }) => fits(p.face, `${card(p)}: "${p.entry}" is too long even at ${p.min} pt`),
    "helpCard.textTooLong": (p: Card & { longest: string; min: number }) => fits(p.face, `${card(p)}: its text is too long even at ${p.min} pt; the longest entry is "${p.longest}"`),
  };
}

export const EN = catalogue;
export type ProblemCode = keyof typeof catalogue;
export type ParamsOf<C extends ProblemCode> = (typeof catalogue)[C] extends (p: infer P) => unknown ? (unknown extends P ? NoParams : P) : never;

/** The English message (and hint) of `code` with `params`. */
export function english<C extends ProblemCode>(code: C, params: ParamsOf<C>): English {
  const said = (catalogue[code] as (p: unknown) => string | English)(params);
  return typeof said === "string" ? { message: said } : said;
}
