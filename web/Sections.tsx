// The form's longer sections: the contacts (with the commented profile's hints), the films and the card options.
import type { Draft, ContactDraft } from "./draft.js";
import { Field } from "./Field.js";
import { CONTACTS, FIELD_LABELS, HINTS } from "./fields.js";

interface SectionProps {
  draft: Draft;
  /** The message to show on a field, if any. */
  shown: (path: string) => string | undefined;
  update: (path: string, change: (d: Draft) => Draft) => void;
}

export function ContactsSection({ draft, shown, update }: SectionProps) {
  return (
    <fieldset>
      <legend>Kontakter</legend>
      <p className="hint">{HINTS.contacts}</p>
      {CONTACTS.map((spec) => (
        <fieldset key={spec.key} className="contact">
          <legend>{spec.title}</legend>
          <p className="hint">{spec.hint}</p>
          {spec.fields.map((field) => {
            const path = `contacts.${spec.key}.${field}`;
            const example = spec.examples[field];
            return (
              <Field key={field} path={path} label={FIELD_LABELS[field]} hint={example ? `Fx ${example}` : undefined} error={shown(path)}>
                {(aria) => (
                  <input
                    {...aria}
                    className={`input${field === "phone" ? " input--medium" : ""}`}
                    type={field === "email" ? "email" : field === "phone" ? "tel" : "text"}
                    value={draft.contacts[spec.key]?.[field] ?? ""}
                    onChange={(e) =>
                      update(path, (d) => ({ ...d, contacts: { ...d.contacts, [spec.key]: { ...(d.contacts[spec.key] ?? {}), [field]: e.target.value } as ContactDraft } }))
                    }
                  />
                )}
              </Field>
            );
          })}
        </fieldset>
      ))}
    </fieldset>
  );
}

export function FilmsSection({ films, draft, shown, update }: SectionProps & { films: { id: string; label: string }[] }) {
  return (
    <fieldset>
      <legend>Film</legend>
      <p className="hint">{HINTS.films}</p>
      {films.map((film) => (
        <Field key={film.id} path={`films.${film.id}`} label={film.label} error={shown(`films.${film.id}`)}>
          {(aria) => <input {...aria} className="input" type="url" placeholder="https://" value={draft.films[film.id] ?? ""} onChange={(e) => update(`films.${film.id}`, (d) => ({ ...d, films: { ...d.films, [film.id]: e.target.value } }))} />}
        </Field>
      ))}
    </fieldset>
  );
}

export function CardsSection({ draft, shown, update }: SectionProps) {
  return (
    <fieldset>
      <legend>Kort</legend>
      <Field path="cards.cardSize" label="Kortstørrelse (mm)" hint={HINTS.cardSize} error={shown("cards.cardSize")}>
        {(aria) => <input {...aria} className="input input--short" type="text" value={draft.cards.cardSize} onChange={(e) => update("cards.cardSize", (d) => ({ ...d, cards: { ...d.cards, cardSize: e.target.value } }))} />}
      </Field>
      <fieldset className="radios" data-field="cards.duplex">
        <legend className="label">Dobbeltsidet tryk</legend>
        <p className="hint">{HINTS.duplex}</p>
        {[
          ["long", "Vend på den lange kant (det almindelige)"],
          ["short", "Vend på den korte kant"],
          ["none", "Ingen bagsider"],
        ].map(([value, label]) => (
          <label key={value} className="radio">
            <input type="radio" name="duplex" value={value} checked={draft.cards.duplex === value} onChange={() => update("cards.duplex", (d) => ({ ...d, cards: { ...d.cards, duplex: value! } }))} />
            {label}
          </label>
        ))}
      </fieldset>
      <Field path="cards.blankCards" label="Tomme kort" hint={HINTS.blankCards} error={shown("cards.blankCards")}>
        {(aria) => <input {...aria} className="input input--short" type="text" inputMode="numeric" value={draft.cards.blankCards} onChange={(e) => update("cards.blankCards", (d) => ({ ...d, cards: { ...d.cards, blankCards: e.target.value } }))} />}
      </Field>
    </fieldset>
  );
}
