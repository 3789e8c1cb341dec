// "Skriv et skema ind": a paper sheet typed in by keyboard when there is no scanner: the twenty
// statements in the sheet's order, one digit 1–5 each; typing a digit moves on to the next.
import { useRef, useState, type FormEvent } from "react";
import type { ResultsView } from "./ResultsApi.js";

export function TypeSheet({ view, busy, onSave, onDelete }: { view: ResultsView; busy: boolean; onSave: (answers: Record<string, number | null>) => Promise<boolean>; onDelete: (key: string) => void }) {
  const typed = view.round?.typedSheets ?? [];
  const fields = view.sheet.levels.flatMap((l) => l.statements.map((s) => s.field));
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const form = useRef<HTMLFormElement>(null);
  const focus = (field: string | undefined) => {
    if (field) form.current?.querySelector<HTMLInputElement>(`[data-typed="${field}"]`)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const empty = fields.filter((f) => !values[f]);
    if (empty.length === fields.length) {
      setError("Skriv skemaets tal ind først: et tal fra 1 til 5 for hvert udsagn.");
      focus(fields[0]);
      return;
    }
    setError(undefined);
    const answers = Object.fromEntries(fields.map((f) => [f, values[f] ? Number(values[f]) : null]));
    if (await onSave(answers)) {
      setValues({});
      setSaved(empty.length === 0 ? "Skemaet er gemt i runden." : `Skemaet er gemt i runden. ${empty.length === 1 ? "Ét udsagn" : `${empty.length} udsagn`} uden svar tæller ikke med.`);
      focus(fields[0]);
    }
  };

  return (
    <section className="results-section" aria-labelledby="typed-title">
      <h2 id="typed-title" tabIndex={-1}>Skriv et skema ind</h2>
      <p className="hint">Har I ingen scanner, kan I skrive hvert papirskema ind her: det tal fra 1 til 5, der er sat kryds ved, for hvert af de 20 udsagn. Når I skriver et tal, går markøren videre til det næste. Lad feltet stå tomt, hvis der ikke er ét tydeligt kryds.</p>
      {typed.length > 0 && (
        <div className="typed-sheets">
          <p>Skrevet ind i runden (slet et skema, der blev skrevet forkert, og skriv det igen):</p>
          <ul>
            {typed.map((t) => (
              <li key={t.key}>
                Skema {t.sheet}{" "}
                <button type="button" className="button button--link" disabled={busy} onClick={() => onDelete(t.key)}>
                  Slet skema {t.sheet}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form ref={form} className="typed-form" onSubmit={(e) => void submit(e)} noValidate>
        {view.sheet.levels.map((level) => (
          <fieldset key={level.id} className="typed-level">
            <legend>{level.name}</legend>
            {level.statements.map((s, i) => {
              const id = `typed-${s.field.replace(/\./g, "-")}`;
              return (
                <div key={s.field} className="typed-row">
                  <label htmlFor={id}>
                    <span className="typed-number">{i + 1}.</span> {s.text}
                  </label>
                  <input
                    id={id}
                    data-typed={s.field}
                    className="input typed-input"
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={1}
                    pattern="[1-5]"
                    value={values[s.field] ?? ""}
                    onChange={(e) => {
                      const digit = e.target.value.replace(/[^1-5]/g, "").slice(-1);
                      setValues((v) => ({ ...v, [s.field]: digit }));
                      setSaved(undefined);
                      if (!digit) return;
                      const next = fields[fields.indexOf(s.field) + 1];
                      if (next) focus(next);
                      else form.current?.querySelector<HTMLButtonElement>("button[type=submit]")?.focus();
                    }}
                  />
                </div>
              );
            })}
          </fieldset>
        ))}
        {error && (
          <p className="error-message" role="alert">
            {error}
          </p>
        )}
        {saved && (
          <p className="success" role="status">
            {saved}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          Gem skemaet i runden
        </button>
      </form>
    </section>
  );
}
