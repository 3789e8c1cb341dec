// Danish typography for printed text: en dashes in ranges, no-break spaces before units, ellipses.

const NBSP = "\u00A0";
/** Units and abbreviations that must stay on the line of the number before them. */
const UNITS = ["min\\.", "min", "minutter", "time", "timer", "timers", "uger", "uge", "dage", "dag", "år", "måneder", "%", "personer", "pers\\."];
const UNIT_AFTER_NUMBER = new RegExp(`(\\d(?:,\\d+)?) (${UNITS.join("|")})(?=$|[\\s.,;:!?)–-])`, "gu");

export function danishTypography(text: string): string {
  return (
    text
      // 4-10, 3-4 omgange → en dash (not in phone numbers or dates written with dashes: those have more digits around)
      .replace(/(^|[^\d-])(\d{1,3}) ?- ?(\d{1,3})(?![\d-])/gu, `$1$2–$3`)
      .replace(/\.\.\./g, "…")
      // A phone number written in pairs ("+45 70 20 30 40") is never broken across lines.
      .replace(/(?:\+\d{2} )?\d{2}(?: \d{2}){3}\b/gu, (phone) => phone.replace(/ /g, NBSP))
      .replace(UNIT_AFTER_NUMBER, `$1${NBSP}$2`)
      // "15 min til drøftelse + 15 min" : a plus between amounts keeps its spaces but not a line start
      .replace(/ \+ /g, `${NBSP}+ `)
  );
}
