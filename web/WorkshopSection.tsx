// "Til workshoppen": the tools of a workshop (with their MÅLGRUPPE, FORMÅL and TID), how many take part
// and in how many groups, and the print list the build will follow, each count changeable before
// building. The plan and the list are the core's own (src/workshop), computed here as one types.
import { CardCliOptions, DEFAULT_CARD_OPTIONS, type CardOptions } from "../src/cards/options.js";
import { WorkshopChoice, WORKSHOP_LIMITS } from "../src/workshop/choice.js";
import { planWorkshop } from "../src/workshop/plan.js";
import { printList, type PrintEntry } from "../src/workshop/printList.js";
import { danishWords } from "../src/workshop/words.js";
import type { Info } from "./api.js";
import type { Draft, WorkshopDraft } from "./draft.js";
import { Field, fieldId } from "./Field.js";

export interface WorkshopView {
  /** The print list as the build will make it (materials set to 0 included, marked). */
  entries: PrintEntry[];
  /** Counts as typed, by material id. */
  typed: Record<string, string>;
  suggested: Record<string, number>;
  errors: Record<string, string>;
}

const whole = /^\s*\d+\s*$/;

/** The workshop's Danish messages by field (`workshop.participants`, `workshop.copies.v04`). */
function workshopErrors(w: WorkshopDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (w.tools.length === 0) errors["workshop.tools"] = "Vælg mindst ét værktøj.";
  const p = Number(w.participants);
  const g = Number(w.groups);
  if (!whole.test(w.participants) || p < 1 || p > WORKSHOP_LIMITS.participants) errors["workshop.participants"] = `Skriv antallet af deltagere som et helt tal fra 1 til ${WORKSHOP_LIMITS.participants}.`;
  if (!whole.test(w.groups) || g < 1 || g > WORKSHOP_LIMITS.groups) errors["workshop.groups"] = `Skriv antallet af grupper som et helt tal fra 1 til ${WORKSHOP_LIMITS.groups}.`;
  else if (!errors["workshop.participants"] && g > p) errors["workshop.groups"] = "Der kan ikke være flere grupper end deltagere.";
  for (const [id, v] of Object.entries(w.copies)) {
    if (!whole.test(v) || Number(v) > WORKSHOP_LIMITS.copies) errors[`workshop.copies.${id}`] = `Skriv et helt tal fra 0 til ${WORKSHOP_LIMITS.copies}.`;
  }
  return errors;
}

/** The card options as the form holds them, or the defaults while a field is being typed. */
function cardOptionsOf(draft: Draft): CardOptions {
  const r = CardCliOptions.safeParse(draft.cards);
  if (!r.success) return DEFAULT_CARD_OPTIONS;
  return { size: r.data.cardSize ?? DEFAULT_CARD_OPTIONS.size, duplex: r.data.duplex ?? DEFAULT_CARD_OPTIONS.duplex, blanks: r.data.blankCards ?? DEFAULT_CARD_OPTIONS.blanks };
}

/** What the page shows and sends for the workshop: its print list, or its problems; `pages` (by material id), once built, add the sheets. */
export function workshopView(info: Info | undefined, draft: Draft, pages?: Record<string, number>): WorkshopView {
  const w = draft.workshop;
  const errors = workshopErrors(w);
  if (!info || errors["workshop.tools"] || errors["workshop.participants"] || errors["workshop.groups"]) return { entries: [], typed: w.copies, suggested: {}, errors };
  const base = { tools: w.tools, participants: Number(w.participants), groups: Number(w.groups) };
  // Every material the tools need, a count of 0 shown as such (the row stays, to be given a count again).
  const copies = Object.fromEntries(Object.entries(w.copies).filter(([id, v]) => !errors[`workshop.copies.${id}`] && Number(v) > 0).map(([id, v]) => [id, Number(v)]));
  const plan = planWorkshop(info.tools.map((t) => t.id), info.materials, info.workshop, WorkshopChoice.parse({ ...base, copies }));
  const suggested = Object.fromEntries(plan.materials.map((m) => [m.id, m.suggested]));
  const entries = printList(plan, { paper: draft.paper, cards: cardOptionsOf(draft), deckCards: info.deckCards, pages });
  return { entries, typed: w.copies, suggested, errors };
}

/** The workshop as the build request carries it. */
export function workshopRequest(draft: Draft): WorkshopChoice | undefined {
  const w = draft.workshop;
  if (!w.on) return undefined;
  const copies = Object.fromEntries(Object.entries(w.copies).map(([id, v]) => [id, Number(v)]));
  return { tools: w.tools, participants: Number(w.participants), groups: Number(w.groups), ...(Object.keys(copies).length > 0 ? { copies } : {}) };
}

const timeOf = (time: string) => time.replace(/^Forventet tidsforbrug:\s*/i, "").replace(/^./, (c) => c.toUpperCase());

interface Props {
  info?: Info;
  draft: Draft;
  view: WorkshopView;
  shown: (path: string) => string | undefined;
  update: (path: string, change: (d: Draft) => Draft) => void;
}

export function WorkshopSection({ info, draft, view, shown, update }: Props) {
  const w = draft.workshop;
  const set = (path: string, change: (w: WorkshopDraft) => WorkshopDraft) => update(path, (d) => ({ ...d, workshop: change(d.workshop) }));
  const tools = info?.tools ?? [];
  const toolsError = shown("workshop.tools");
  return (
    <section className="workshop" aria-labelledby="workshop-title">
      <h2 id="workshop-title">Til workshoppen</h2>
      <fieldset className="radios" data-field="workshop.on">
        <legend className="label">Hvad skal bygges?</legend>
        <label className="radio">
          <input type="radio" name="workshop-on" checked={!w.on} onChange={() => set("workshop.on", (x) => ({ ...x, on: false }))} />
          Hele pakken: alle materialer, én af hver
        </label>
        <label className="radio">
          <input type="radio" name="workshop-on" checked={w.on} onChange={() => set("workshop.on", (x) => ({ ...x, on: true }))} />
          Kun det, en workshop skal bruge, med en printliste
        </label>
      </fieldset>
      {w.on && (
        <>
          <fieldset className={`tools${toolsError ? " field--error" : ""}`} data-field="workshop.tools" aria-describedby={toolsError ? `${fieldId("workshop.tools")}-error` : undefined}>
            <legend className="label">Værktøjer</legend>
            <p className="hint">Vælg et eller flere. Hvert værktøj bringer de materialer, dets forslag til proces bruger.</p>
            {toolsError && (
              <p id={`${fieldId("workshop.tools")}-error`} className="error-message" role="alert">
                <span className="visually-hidden">Fejl: </span>
                {toolsError}
              </p>
            )}
            <div className="button-row tools-all">
              <button type="button" className="button button--link" onClick={() => set("workshop.tools", (x) => ({ ...x, tools: tools.map((t) => t.id) }))}>
                Vælg alle
              </button>
              <button type="button" className="button button--link" onClick={() => set("workshop.tools", (x) => ({ ...x, tools: [] }))}>
                Fravælg alle
              </button>
            </div>
            <ul className="tool-list">
              {tools.map((tool, i) => (
                <li key={tool.id} className="tool">
                  <label className="checkbox" id={i === 0 ? fieldId("workshop.tools") : undefined}>
                    <input
                      type="checkbox"
                      checked={w.tools.includes(tool.id)}
                      aria-describedby={`tool-${tool.id}-facts`}
                      onChange={(e) => set("workshop.tools", (x) => ({ ...x, tools: e.target.checked ? tools.map((t) => t.id).filter((id) => id === tool.id || x.tools.includes(id)) : x.tools.filter((id) => id !== tool.id) }))}
                    />
                    <span className="tool-title">
                      Værktøj {tool.number}: {tool.title}
                    </span>
                  </label>
                  <dl className="tool-facts" id={`tool-${tool.id}-facts`}>
                    <div>
                      <dt>Målgruppe</dt>
                      <dd>{tool.audience}</dd>
                    </div>
                    <div>
                      <dt>Formål</dt>
                      <dd>{tool.purpose}</dd>
                    </div>
                    <div>
                      <dt>Tid</dt>
                      <dd>{timeOf(tool.time)}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="counts">
            <Field path="workshop.participants" label="Deltagere" hint="Hvor mange der er med, facilitatoren fraregnet." error={shown("workshop.participants")}>
              {(aria) => <input {...aria} className="input input--short" type="text" inputMode="numeric" value={w.participants} onChange={(e) => set("workshop.participants", (x) => ({ ...x, participants: e.target.value }))} />}
            </Field>
            <Field path="workshop.groups" label="Grupper" hint="Hvor mange grupper, der arbejder på én gang." error={shown("workshop.groups")}>
              {(aria) => <input {...aria} className="input input--short" type="text" inputMode="numeric" value={w.groups} onChange={(e) => set("workshop.groups", (x) => ({ ...x, groups: e.target.value }))} />}
            </Field>
          </div>
          {view.entries.length > 0 && <WorkshopPrintList view={view} set={set} shown={shown} />}
        </>
      )}
    </section>
  );
}

function WorkshopPrintList({ view, set, shown }: { view: WorkshopView; set: (path: string, change: (w: WorkshopDraft) => WorkshopDraft) => void; shown: (path: string) => string | undefined }) {
  return (
    <div className="print-list" data-testid="print-list">
      <h3 id="print-list-title">Printliste</h3>
      <p className="hint">
        Antallet følger værktøjernes proces: et kortsæt pr. gruppe, et arbejdsark pr. deltager eller pr. gruppe, et hjælpekort pr. deltager og et eksemplar til facilitatoren. Ret antallet, før I bygger; 0 betyder, at materialet ikke bygges. Listen kommer også med som printliste.pdf og som en side i pakken.
      </p>
      <ul className="print-rows" aria-labelledby="print-list-title">
        {view.entries.map((entry) => {
          const path = `workshop.copies.${entry.id}`;
          const typed = view.typed[entry.id];
          const off = typed !== undefined && typed.trim() === "0";
          const words = danishWords(entry);
          const suggested = view.suggested[entry.id]!;
          return (
            <li key={entry.id} className={`print-row${off ? " print-row--off" : ""}`} data-material={entry.id}>
              <Field path={path} label={`${entry.title} (${entry.unit === "cards" ? "antal kort" : "antal"})`} hint={typed !== undefined && Number(typed) !== suggested ? `Foreslået: ${suggested}` : undefined} error={shown(path)}>
                {(aria) => (
                  <div className="count-row">
                    <input {...aria} className="input input--count" type="text" inputMode="numeric" value={typed ?? String(suggested)} onChange={(e) => set(path, (x) => ({ ...x, copies: { ...x.copies, [entry.id]: e.target.value } }))} />
                    {typed !== undefined && Number(typed) !== suggested && (
                      <button type="button" className="button button--link" onClick={() => set(path, (x) => ({ ...x, copies: Object.fromEntries(Object.entries(x.copies).filter(([id]) => id !== entry.id)) }))}>
                        Brug forslaget<span className="visually-hidden"> for {entry.title}</span>
                      </button>
                    )}
                  </div>
                )}
              </Field>
              {off ? (
                <p className="print-facts">Bygges ikke.</p>
              ) : (
                <p className="print-facts">
                  {entry.file} · {words.paper} · {words.sides} · {words.print}
                  {words.cut && ` · ${words.cut}`}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
