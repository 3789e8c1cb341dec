// Every problem and warning of src/problems/en.ts in Danish, for the web page: what to do, in the
// page's own words (its fields, never a command-line option), to the people who fill in the form.
import type { ParamsOf, ProblemCode } from "./en.js";

/** The field a problem concerns: a profile path like `contacts.hr.phone`, `cards.cardSize`, or empty. */
export interface At {
  file: string;
  path: string;
}

type Danish = { [C in ProblemCode]: (p: ParamsOf<C>, at: At) => string };

const FAULT = "Det er en fejl i workshopkit, ikke i jeres oplysninger. Prøv igen; sker det igen, så meld fejlen med den profil, I brugte.";
const CONTENT = "Det er en fejl i værktøjskassens indhold, ikke i jeres oplysninger. Meld fejlen til den, der har installeret workshopkit.";
const LOGO_FORMATS = "PNG, JPEG, WebP, TIFF, AVIF eller SVG";
const BIGGER_CARD = "Vælg en større kortstørrelse";
/** A round's name (the results' `round`) breaks only one rule of its own: one line, no control characters. */
const ROUND_LINE = "Rundens navn skal være én linje tekst uden styretegn.";
const last = (path: string) => path.split(".").at(-1) ?? "";

/** What belongs in an empty field, by the field. */
function blank(path: string): string {
  if (path === "company") return "Skriv virksomhedens navn.";
  if (path === "contacts.counselling.name") return "Skriv rådgivningens navn (kontakten skal have et navn, når den har telefon eller åbningstider).";
  if (last(path) === "name") return "Skriv et navn (kontakten skal have et navn, når den har telefon eller e-mail).";
  if (last(path) === "hours") return "Skriv åbningstiderne, fx hverdage kl. 8–16.";
  if (path === "logo") return "Vælg en logofil, eller fjern logoet.";
  if (path === "round") return "Giv runden et navn, fx »Forår 2027«.";
  return "Udfyld feltet.";
}

const CARDS: Danish = {
  uncoded: () => "Der er et problem, som workshopkit ikke kan beskrive på dansk. Tjek felterne, og prøv igen.",

  "field.unknown": (p) => `Ukendt felt »${p.key}«. Tjek stavningen, eller fjern det.`,
  "field.required": (_, at) => blank(at.path),
  "field.empty": (_, at) => `${blank(at.path)} Ellers så fjern linjen.`,
  "field.blank": (_, at) => blank(at.path),
  "field.invalid": (_, at) =>
    at.path.startsWith("cards.") ? "Værdien er ikke gyldig. Vælg en af mulighederne." : at.path === "round" ? ROUND_LINE : "Feltet er ikke gyldigt. Tjek det, der står i det.",
  "text.tooLong": (p, at) => (at.path === "round" ? `Rundens navn må højst være ${p.max} tegn.` : `Der er plads til højst ${p.max} tegn.`),
  "text.lineBreak": () => "Skriv det på én linje.",
  "text.controlCharacter": () => "Feltet indeholder et usynligt tegn, der ikke kan trykkes. Skriv teksten igen.",
  "contact.phone": () => "Skriv et telefonnummer som 70\u00a020\u00a030\u00a040 eller +45\u00a070\u00a020\u00a030\u00a040.",
  "contact.email": () => "Skriv en e-mailadresse som hr@firma.dk.",
  "profile.colour": () => "Skriv farven som en hexkode med # og seks tegn, fx #1F6F8B.",
  "profile.paper": () => "Vælg A4 eller Letter.",
  "profile.folder": () => "Mappens navn må kun have små bogstaver a–z, tal og bindestreg, fx nordlys-aps.",
  "film.url": () => "Skriv en webadresse, der begynder med https://, fx https://www.example.dk/film.",
  "film.urlCharacters": () => "Adressen indeholder mellemrum eller bogstaver som æ, ø og å, der ødelægger linket. Kopiér adressen fra browserens adresselinje.",
  "film.urlTooLong": (p) => `Adressen er for lang til en QR-kode (højst ${p.max} tegn). Brug en kortere adresse.`,
  "films.tooMany": (p) => `Der kan højst være ${p.max} film.`,
  "cards.cardSize": () => "Skriv bredde × højde i millimeter, fx 90x60.",
  "cards.cardSide": (p) => `Hver side skal være ${p.min}–${p.max} mm.`,
  "cards.duplex": () => "Vælg lang kant, kort kant eller ingen bagsider.",
  "cards.blankCards": () => "Skriv et helt tal, fx 4.",
  "cards.blankCardsMax": (p) => `Skriv et helt tal fra 0 til ${p.max}.`,

  "profile.empty": () => "Profilfilen er tom. Åbn en profil, der er gemt med »Gem profil«, eller udfyld formularen.",
  "profile.notAProfile": () => "Filen er ikke en profil. En profil har linjer som »company: Firma ApS«, én oplysning på hver linje.",
  "profile.problems": () => "Profilen har fejl. Ret felterne, der er markeret.",
  "profile.colourComment": () => "Sæt farven i anførselstegn, fx colour: \"#FFE066\". Uden anførselstegn læses alt efter # som en kommentar, og farven bliver tom.",
  "profile.unknownFilm": (p) => `Værktøjskassen har ingen film, der hedder »${p.id}«. Fjern linjen.`,
  "file.empty": () => "Filen er tom.",
  "file.problems": () => "Filen har fejl. Ret felterne, der er markeret.",
  "file.tooDeep": () => "Filen er indrykket for mange niveauer til at være en profil. Tjek indrykningen og parenteserne [ ] { }.",
  "file.syntax": () => "Filen kan ikke læses som en profil (YAML eller JSON). Ret linjen, der er nævnt.",
  "file.syntaxError": (p) =>
    p.kind === "TAB_AS_INDENT"
      ? `Linje ${p.line} er rykket ind med tabulator. Ryk ind med mellemrum.`
      : p.kind === "BAD_INDENT" || p.kind === "MISSING_CHAR"
        ? `Linje ${p.line}, tegn ${p.column}: indrykningen passer ikke. Felter under en kontakt rykkes lige langt ind med mellemrum.`
        : `Linje ${p.line}, tegn ${p.column}, kan ikke læses. Hver linje skal have formen »felt: værdi«; en værdi med kolon eller # sættes i anførselstegn.`,
  "file.nestedTooDeep": () => "Filen er indrykket for mange niveauer. Tjek parenteserne [ ] { }.",
  "file.duplicates": () => "Filen giver et felt to gange.",
  "file.duplicateKey": (p) => `Feltet »${p.key}« står to gange${p.line ? ` (anden gang i linje ${p.line})` : ""}. Behold det ene.`,
  "file.aliases": () => "Filen gentager værdier for mange gange med YAML-aliasser (*navn). Skriv værdierne ud i stedet.",
  "file.notUtf8": () => "Filen er ikke gemt som UTF-8. Gem den igen som UTF-8 (i Notesblok: Filer › Gem som › Kodning: UTF-8).",
  "file.notUtf8Line": (p) => `Filen er ikke gemt som UTF-8: linje ${p.line} har et tegn i en anden tegnkodning. Gem den igen som UTF-8.`,
  "file.isFolder": () => "Det er en mappe, ikke en fil. Vælg filen.",
  "file.tooLarge": (p) => `Filen fylder ${p.size}; den må højst fylde ${p.max}. Tjek, at det er den rigtige fil.`,
  "file.special": () => "Det er ikke en almindelig fil (men fx en enhed eller en pipe). Vælg en fil, der er gemt på disken.",
  "file.notFound": () => "Filen findes ikke. Vælg den igen.",
  "file.unreadable": () => "Filen kan ikke læses. Vælg den igen.",

  "logo.missing": () => "Logofilen findes ikke. Vælg logoet igen.",
  "logo.folder": () => "Det er en mappe, ikke et billede. Vælg logofilen.",
  "logo.empty": () => "Filen er tom.",
  "logo.fileTooLarge": (p) => `Logofilen fylder ${p.size}; et logo må højst fylde ${p.max}. Brug en mindre fil.`,
  "logo.notRegular": () => "Det er ikke en almindelig fil. Vælg logofilen.",
  "logo.svgInflates": (p) => `Den komprimerede SVG-fil fylder mere end ${p.maxMb} MB, når den pakkes ud. Gem logoet som almindelig SVG eller som PNG.`,
  "logo.svgDamaged": () => "Den komprimerede SVG-fil er beskadiget. Gem logoet igen som almindelig SVG eller som PNG.",
  "logo.svgTooDeep": () => "SVG-logoet har billeder inde i billeder i for mange lag. Gem logoet som almindelig SVG eller som PNG.",
  "logo.svgEntities": () => "SVG-logoet indeholder XML-entiteter (<!ENTITY …>), som et logo ikke har brug for. Gem logoet igen fra tegneprogrammet, eller brug en PNG.",
  "logo.svgTooMuchText": () => "SVG-logoets indlejrede dokumenter er for store. Gem logoet som almindelig SVG eller som PNG.",
  "logo.svgTooManyImages": (p) => `SVG-logoet indlejrer mere end ${p.max} billeder. Gem logoet som almindelig SVG eller som PNG.`,
  "logo.svgCanvas": (p) => `SVG-logoet angiver en tegneflade på ${p.width} × ${p.height} pixel; højst ${p.max.replace(/,/g, ".")} pixel på hver led. Giv <svg> en rimelig bredde og højde, eller brug en PNG.`,
  "logo.embeddedUnmeasurable": () => "SVG-logoet indlejrer et billede, der ikke kan læses. Brug kun PNG- eller JPEG-billeder i det, eller gem logoet som PNG.",
  "logo.embeddedTooManyPixels": (p) => `Billederne i SVG-logoet har tilsammen ${String(p.megapixels).replace(".", ",")} megapixel eller mere; et logo må højst have ${p.max} megapixel. Gør billederne mindre (2000 pixel brede er rigeligt), eller gem logoet som PNG.`,
  "logo.tooSlow": (p) => `Logoet tager mere end ${p.seconds} sekunder at tegne (tunge filtre eller effekter?). Gør det enklere, eller gem det som PNG.`,
  "logo.decoderStopped": () => "Logoet kan ikke tegnes. Gem det igen som PNG eller som almindelig SVG.",
  "logo.format": () => `Filen er ikke et billede, workshopkit kan læse. Brug ${LOGO_FORMATS}.`,
  "logo.tooManyPixels": () => "Billedet har for mange pixel. Gør det mindre, fx 2000 pixel bredt, og prøv igen.",
  "logo.unreadable": () => `Filen er ikke et billede, workshopkit kan læse. Brug ${LOGO_FORMATS}.`,
  "logo.lowResolution": (p) => `Logoet er lille (${p.width} × ${p.height} pixel): på pakkens forside bliver det ${p.dpi} dpi og ser sløret ud. Brug et logo på mindst ${p.minWidth} pixel i bredden, eller en SVG.`,
  "logo.lowContrast": () => "Logoet er så lyst, at det næsten ikke ses på hvidt papir. Brug en udgave af logoet til lys baggrund.",
  "logo.svgFont": () => "SVG-logoets tekst tegnes med skriften Lato og kan derfor se anderledes ud. Lav teksten om til kurver i tegneprogrammet, eller brug en PNG.",
  "logo.svgExternalImage": () => "SVG-logoet henviser til et billede uden for filen, og det kommer ikke med. Indlejr billedet i SVG-filen, eller gem logoet som PNG.",

  "text.unprintable": () => "Noget tekst kan ikke trykkes, som den står. Ret felterne, der er markeret.",
  "text.missingGlyphs": (p) => {
    const chars = [...p.characters];
    const points = p.codePoints.split(", ");
    const list = chars.map((ch, i) => `»${ch}« (${points[i]})`).join(", ");
    return chars.length === 1 ? `Skriften kan ikke trykke tegnet ${list}. Erstat det med andre tegn.` : `Skriften kan ikke trykke tegnene ${list}. Erstat dem med andre tegn.`;
  },
  "content.problems": () => `Værktøjskassens indhold har fejl. ${CONTENT}`,
  "content.duplicateId": () => CONTENT,
  "content.unknownPlaceholder": () => CONTENT,
  "content.unknownDeck": () => CONTENT,
  "content.balkortStep": () => CONTENT,
  "content.noStep": () => CONTENT,
  "content.unplacedDocument": () => CONTENT,
  "content.unplacedDocuments": () => CONTENT,

  "options.unknownMaterial": (p) => `Pakken har ikke ${p.count > 1 ? "materialerne" : "materialet"} ${p.ids}. Vælg blandt materialerne på siden.`,
  "options.cards": () => "Kortenes indstillinger er ikke gyldige. Ret felterne, der er markeret.",
  "options.invalid": () => "En indstilling er ikke gyldig.",
  "options.copiesAlone": () => "Antallet af kopier hører til en workshop: vælg også antal deltagere og grupper.",
  "options.workshopNeedsBoth": () => "Skriv både antal deltagere og antal grupper.",
  "options.notTools": () => "Vælg workshoppens værktøjer blandt værktøjerne på siden.",
  "options.copiesPair": () => "Skriv antallet af kopier som et helt tal.",
  "options.workshop": () => "Workshoppens valg er ikke gyldige. Ret felterne, der er markeret.",
  "workshop.nothing": () => "Alle antal er 0, så der er intet at bygge. Giv mindst ét materiale et antal over 0.",
  "workshop.unknownTool": () => "Værktøjskassen har ikke det værktøj. Vælg blandt værktøjerne på siden.",
  "workshop.unknownMaterials": () => CONTENT,
  "options.epoch": () => FAULT,
  "options.epochTooLate": () => FAULT,

  "cards.tooLargeForPaper": (p) => `Et kort på ${p.width} × ${p.height} mm kan ikke være på ${p.paper === "A4" ? "et A4-ark" : "et Letter-ark"} med skæremærker. Det største kort, der kan være, er ${p.maxWidth}x${p.maxHeight}; det almindelige er 90x60.`,
  "cards.deckTitleTooLong": (p) => `Kortsættets titel »${p.title}« er for lang til kortenes bagside i den kortstørrelse. ${BIGGER_CARD}, fx 90x60.`,
  "cards.cardTooLong": (p) => `Kort nr. ${p.card} i kortsættet »${p.title}« har for meget tekst til et kort på ${p.size.replace(/ mm$/, "")} mm. ${BIGGER_CARD}, fx 90x60.`,
  "helpCard.missingSource": () => CONTENT,
  "helpCard.noDocument": () => CONTENT,
  "helpCard.noSection": () => CONTENT,
  "helpCard.noHeadings": () => CONTENT,
  "helpCard.titleTooLong": (p) => `Hjælpekortets overskrift »${p.title}« er for lang til et kort på ${p.width} × ${p.height} mm. ${BIGGER_CARD}.`,
  "helpCard.footerTooLong": (p) => `Virksomhedens navn er for langt til hjælpekortets bund på et kort på ${p.width} × ${p.height} mm (højst to linjer). Forkort navnet, eller vælg en større kortstørrelse.`,
  "helpCard.entryTooLong": (p, at) => fitsNot(p.width, p.height, at),
  "helpCard.textTooLong": (p, at) => fitsNot(p.width, p.height, at),

  "brand.nameTooLong": (p) => `Virksomhedens navn er for langt til sin plads i materialerne (${p.width} × ${p.height} mm), selv med den mindste skrift. Forkort navnet (et langt ord kan ikke deles), eller vælg et logo, som trykkes i stedet for navnet.`,
  "brand.colourDarkened": (p) => `Farven ${p.colour} er for lys til tekst på hvidt papir (kontrast ${p.contrast.replace(".", ",")}). Tekst trykkes derfor i den mørkere nuance ${p.ink}; streger, bjælker og kortenes bagside beholder ${p.colour}.`,
  "brand.colourNearBlack": (p) => `Farven ${p.colour} er for lys til tekst på hvidt papir (kontrast ${p.contrast.replace(".", ",")}). Tekst trykkes derfor næsten sort; flader, bjælker og kortenes bagside beholder ${p.colour}, tynde streger og rammer den mørkere ${p.line}.`,
  "brand.fault": () => FAULT,
  "brand.helpCardFrontFault": () => FAULT,
  "brand.partKey": () => FAULT,
  "contact.open": (p) => `${openField(p.field)} er ikke udfyldt: der trykkes en linje, man kan skrive på i hånden.`,

  "render.textOutside": (p) => `Et ord i materialet »${p.material}« er for langt til sin plads. Gør teksten kortere.`,
  "render.failed": () => FAULT,
  "render.template": () => FAULT,
  "render.warnings": () => FAULT,
  "docx.writeIns": (p) => `I Word-filerne er ${p.count === 1 ? "et felt, der ikke er udfyldt, markeret" : `${p.count} felter, der ikke er udfyldt, markeret`} med en tekst om, hvad der skal stå. Udfyld ${p.count === 1 ? "det" : "dem"} i Word, eller udfyld ${p.count === 1 ? "feltet" : "felterne"} her.`,
  "pack.bookmarkNotFound": () => "Et bogmærke i pakken peger på materialets sidste side.",

  "write.failed": () => "Pakken kunne ikke gemmes på serveren (er disken fuld?). Prøv igen.",
  "out.empty": () => FAULT,
  "out.isFile": () => FAULT,
  "out.noPermission": () => FAULT,
  "out.brokenLink": () => FAULT,
  "out.otherCompany": (p) => `Mappen rummer allerede pakken for »${p.other}«. En pakke for en anden virksomhed erstattes aldrig.`,
  "out.notAPack": () => "Mappen rummer andre filer end en pakke, og de erstattes ikke.",
  "out.besideFullPack": () => "Den fulde pakke er ikke ændret: de valgte materialer er lagt ved siden af.",
  "batch.failed": (p) => `${p.failed} af ${p.total} profiler kunne ikke bygges; de andre pakker er bygget.`,
  "batch.emptyFolder": () => "Mappen har ingen profiler.",

  "cli.validate": (p) => `Profilen har ${p.count === 1 ? "en fejl" : `${p.count} fejl`}. Ret felterne, der er markeret.`,
  "cli.initExists": () => "Filen findes allerede og er ikke ændret.",
  "cli.initCannotWrite": () => "Filen kunne ikke gemmes.",
  "cli.portInUse": () => FAULT,
  "cli.noFreePort": () => FAULT,
  "cli.port": () => FAULT,
  "serve.noEsbuild": () => FAULT,
  "serve.logoUnknown": () => "Serveren har ikke logoet længere. Vælg logofilen igen.",
  "options.numberedSheets": (p) => `Antallet af nummererede scoreskemaer skal være et helt tal fra 1 til ${p.max}.`,
  "cli.origin": () => "Serverens offentlige adresse skal se ud som https://hr.eksempel.dk.",
  "cache.emptyOption": () => "Mappen til mellemlageret er tom. Angiv en mappe.",
  "cache.isFile": () => "Mappen til mellemlageret er en fil, ikke en mappe. Angiv en mappe.",
  "cache.underFile": () => "Mappen til mellemlageret ligger under en fil. Angiv en mappe.",
  "cache.maxMb": (p) => `Mellemlagerets største størrelse skal være et helt antal megabyte fra 1 til ${p.max}.`,
  "serve.noFontTools": () => FAULT,

  "results.option": () => "En indstilling er ikke gyldig.",
  "results.store": () => "Runderne kunne ikke læses eller gemmes. Prøv igen.",
  "results.roundGlyphs": (p) => `Rapportens skrift kan ikke vise ${p.characters}. Giv runden et navn uden ${p.count === 1 ? "det tegn" : "de tegn"}.`,
  "results.noDatabase": (p) => `Der er ingen runde, der hedder »${p.name}«.`,
  "results.whichDb": () => "Vælg, hvilken virksomheds runder det gælder.",
  "results.noFiles": () => "Vælg de udfyldte scoringsark, der skal læses.",
  "results.noProfile": () => "Vælg profilen, som scoringsarkene blev trykt med.",
  "results.noneRead": () => "Ingen scoringsark kunne læses. Brug scoringsarket fra Værktøj 1, udfyldt på skærmen eller scannet. Intet er gemt.",
  "results.unreadable": () => "Siden kunne ikke læses som et scoringsark.",
  "results.db": () => "Runderne kunne ikke åbnes. Prøv igen.",
  "results.noRound": (p) => `Der er ingen runde, der hedder »${p.name}«.`,
  "results.noScoringSheet": () => CONTENT,
  "results.noBoxes": () => FAULT,
  "results.writeFailed": () => "Resultaterne kunne ikke gemmes. Intet er gemt i runderne.",
  "scan.encrypted": () => "PDF-filen er låst (med en adgangskode eller mod kopiering). Gem eller udskriv den som en ny PDF uden beskyttelse, eller scan arkene igen.",
  "scan.damaged": () => "PDF-filen er beskadiget eller ufuldstændig. Gem eller scan den igen, eller hent den igen, hvis den kom med e-mail.",
  "scan.noPages": () => "PDF-filen har ingen sider (den er tom, afbrudt eller beskadiget). Gem eller scan den igen.",
  "scan.pdfImageTooLarge": (p) => `PDF-filen indeholder et billede på ${p.width} × ${p.height} pixel, mere end de ${p.megapixels} megapixel, workshopkit læser. Scan med 150–300 dpi.`,
  "scan.inflatesFile": () => "PDF-filen er ikke en scanning, workshopkit kan læse: den fylder alt for meget, når den pakkes ud. Scan arkene igen, eller gem dem som en ny PDF.",
  "scan.inflatesStream": () => "PDF-filen er ikke en scanning, workshopkit kan læse: en del af den fylder alt for meget, når den pakkes ud. Scan arkene igen, eller gem dem som en ny PDF.",
  "scan.notPdf": () => "Filen er ikke en PDF, der kan læses. Tjek, at det er en PDF, og at den ikke er beskadiget.",
  "scan.noPage": (p) => `PDF-filen har ingen side ${p.page} (den har ${p.pages}).`,
  "scan.pageUnreadable": (p) => `Side ${p.page} i PDF-filen kan ikke læses. Tjek, at filen ikke er beskadiget.`,
  "scan.pageTooLarge": (p) => `Side ${p.page} er for stor til at blive læst. Brug sider i almindelig papirstørrelse (A4 eller Letter).`,
  "scan.tooManyPages": (p) => `Filen har ${p.count} sider; workshopkit læser højst ${p.max} sider fra én fil. Del bunken op i mindre scanninger.`,
  "scan.badImage": () => "Billedet kan ikke læses. Brug JPEG, PNG eller TIFF, og tjek, at filen ikke er beskadiget.",
  "scan.imageTooLarge": (p) => `Billedet er ${p.width} × ${p.height} pixel, for stort til en scannet side. Scan med 150–300 dpi.`,
  "page.noCode": () => "Ikke en side fra scoreskemaet (ingen sidekode).",
  "page.foreignCode": () => "Ikke en side fra scoreskemaet (dens QR-kode er ikke en sidekode fra workshopkit).",
  "page.photo": (p) => `Det ligner et foto, og ${p.stage === "code" ? "sidekoden kunne ikke læses (for lille, uskarp eller i skygge)" : p.stage === "marks" ? "de fire hjørnemærker blev ikke alle fundet (et uden for billedet, i dyb skygge eller uskarpt?)" : "felterne sad ikke, hvor hjørnemærkerne placerer dem (siden ikke flad, eller uskarp?)"}. Tag billedet igen lige oppefra, med hele siden flad og alle fire hjørnemærker i billedet, i jævnt lys uden skygge – eller scan siden (150–300 dpi).`,
  "page.faded": (p) => `Siden er falmet (en kopi af en kopi, eller printeren mangler toner): ${p.stage === "code" ? "sidekoden kunne ikke læses, selv om hjørnemærkerne er der" : "hjørnemærkerne er for svage til at blive fundet"}. Scan det originale skema i stedet for en kopi, ved 200–300 dpi; findes kun kopien, så scan den mørkere (mere kontrast), eller indtast skemaet i hånden.`,
  "page.blurred": () => "Sidekoden kunne ikke læses, selv om hjørnemærkerne er der (en utydelig eller uskarp scanning, eller for lav opløsning). Scan siden igen ved 200–300 dpi, skarpt og i 100 %.",
  "page.marksMissing": (p) => `${p.found === 0 ? "Ingen af sidens fire hjørnemærker blev fundet" : `Kun ${p.found} af sidens fire hjørnemærker blev fundet, for få til at finde felterne`} (beskåret eller dækket?). Scan siden igen, flad og hel, med alle fire hjørnemærker, ved 150–300 dpi.`,
  "page.marksMisaligned": (p) => `Hjørnemærkerne passer ikke sammen (${p.mm.replace(".", ",")} mm forskudt): foldet eller krøllet? Glat siden ud, og scan den igen, hel, ved 150–300 dpi.`,
  "page.otherPaper": (p) => `Skemaet er i ${p.sheet}, men scanningen er i ${p.scan}, og hjørnemærkerne eller felterne sidder ikke alle, hvor skemaet har dem. Tryk skemaet på ${p.sheet}-papir i faktisk størrelse (100 %) – eller med »tilpas til siden«, hvis printeren kun har ${p.scan} – og scan hele siden; eller vælg papiret ${p.scan} i profilen, og byg pakken igen.`,
  "page.otherProfile": (p) => `${p.stage === "layout" ? "Siden er trykt fra en anden profil (et andet firmanavn, logo eller papir), så felterne sidder et andet sted" : "Felterne sidder ikke, hvor denne profils scoringsark har dem: trykt fra en anden profil, eller ikke i 100 %?"}. Læs den med den profil, den blev trykt fra, eller tryk skemaet igen fra denne profils pakke, i faktisk størrelse (100 %).`,
  "page.otherVersion": (p) => `Siden er trykt med en anden version af workshopkit${p.printed ? ` (indholdets version ${p.printed}; denne har ${p.version})` : ""}, så felterne kan sidde et andet sted. Læs den med den version, der trykte den, eller tryk skemaet igen med denne.`,
  "sheets.startsOnPage2": (p) => `${p.file} begynder med side ${p.page} af skemaet, så hvert af dens skemaer kan sætte én persons side sammen med en andens (den første side 1 mangler, eller bunken er scannet i en anden rækkefølge). Scan hvert skemas sider i rækkefølge, side 1 først – eller tryk de nummererede skemaer (v01-scoring-copies.pdf), hvis sider finder sammen af sig selv.`,
  "sheets.backwards": (p) => `${p.file} ser ud til at være scannet bagfra (den begynder med side 2 og slutter med side 1), så dens skemaer sætter én persons side 1 sammen med den næstes side 2. Scan bunken igen med første side først (eller vend bunken) – eller tryk de nummererede skemaer (v01-scoring-copies.pdf), hvis sider finder sammen af sig selv.`,
  "sheets.missingPage": (p) => `Skema ${p.sheet}${p.copy ? ` (nummer ${p.copy})` : ""} mangler side ${p.pages} blandt scanningerne; udsagnene dér tæller ikke med. Læs også den manglende sides scanning.`,
};

/** A contact's text that does not fit the help card, said about its field. */
function fitsNot(width: number, height: number, at: At): string {
  const what = at.path.startsWith("contacts.") ? "Kontaktens tekst" : at.path === "company" ? "Virksomhedens navn" : "Teksten";
  return `${what} er for lang til hjælpekortet (${width} × ${height} mm), selv med den mindste skrift. Gør teksten kortere, eller vælg en større kortstørrelse.`;
}

/** `contacts.hr` or `films.intro` as the page names it. */
function openField(field: string): string {
  const names: Record<string, string> = {
    "contacts.hr": "HR",
    "contacts.amr": "Arbejdsmiljørepræsentanten",
    "contacts.tr": "Tillidsrepræsentanten",
    "contacts.counselling.name": "Rådgivningens navn",
    "contacts.counselling.phone": "Rådgivningens telefon",
    "contacts.counselling.hours": "Rådgivningens åbningstider",
    "contacts.psychologist": "Den eksterne psykolog",
    "contacts.sickLeaveAdvice": "Råd før en sygefraværssamtale",
  };
  return names[field] ?? (field.startsWith("films.") ? "Filmens adresse" : field);
}

export const DA = CARDS;

/** The Danish message of a problem, warning or error of `code`. */
export function danish<C extends ProblemCode>(code: C, params: ParamsOf<C>, at: Partial<At> = {}): string {
  const say = DA[code] as (p: unknown, at: At) => string;
  return say(params, { file: at.file ?? "", path: at.path ?? "" });
}
