// "Tjek i hånden": each row the reader was not sure of, as scanned; one click on the box meant decides
// it (or "Ingen gyldig markering"), and a decision can be taken back.
import type { ResultsView, RowToCheck } from "./ResultsApi.js";

type Round = NonNullable<ResultsView["round"]>;

export function statementName(view: ResultsView, field: string): { short: string; text: string } {
  const [, levelId, n] = field.split(".");
  const level = view.sheet.levels.find((l) => l.id === levelId);
  const text = level?.statements.find((s) => s.field === field)?.text ?? "";
  return { short: level ? `${level.name} ${n}` : field, text };
}

function CheckRow({ row, view, busy, onResolve }: { row: RowToCheck; view: ResultsView; busy: boolean; onResolve: (row: RowToCheck, value: number | null) => void }) {
  const { short, text } = statementName(view, row.field);
  const who = `skema ${row.sheet}, ${short}`;
  return (
    <li className="check-row" data-check={`${row.sheet}:${row.field}`}>
      <p className="check-head">
        <strong>Skema {row.sheet}</strong> · {row.where} · {row.reason}
      </p>
      <p className="check-statement">
        <strong>{short}.</strong> {text}
      </p>
      {row.crop && row.boxes ? (
        // On a phone the picture is shown from a little before the first box: the boxes large enough to tap.
        <div className="check-picture" style={{ ["--start" as string]: String(Math.max(0, Math.min(...row.boxes.map((b) => b.left)) - 0.08)) }}>
          <div className="check-zoom">
          <img src={row.crop} alt={`Rækken ${short} på skema ${row.sheet}, som den er scannet`} />
          <div className="check-strip" aria-hidden="true" />
          {row.boxes.map((b) => (
            <button
              key={b.option}
              type="button"
              className="check-box"
              disabled={busy}
              style={{ left: `${(b.left - b.width * 0.35) * 100}%`, width: `${b.width * 1.7 * 100}%` }}
              aria-label={`${b.option} – vælg ${b.option} for ${who}`}
              onClick={() => onResolve(row, Number(b.option))}
            >
              <span className="check-box-number">{b.option}</span>
            </button>
          ))}
          </div>
        </div>
      ) : (
        <div className="button-row">
          {row.crop && <img className="check-picture-plain" src={row.crop} alt={`Rækken ${short} på skema ${row.sheet}, som den er scannet`} />}
          {["1", "2", "3", "4", "5"].map((o) => (
            <button key={o} type="button" className="button button--secondary" disabled={busy} aria-label={`${o} – vælg ${o} for ${who}`} onClick={() => onResolve(row, Number(o))}>
              {o}
            </button>
          ))}
        </div>
      )}
      <button type="button" className="button button--link" disabled={busy} aria-label={`Ingen gyldig markering for ${who}`} onClick={() => onResolve(row, null)}>
        Ingen gyldig markering
      </button>
    </li>
  );
}

export function CheckRows({ view, round, busy, onResolve, onUndo }: { view: ResultsView; round: Round; busy: boolean; onResolve: (row: RowToCheck, value: number | null) => void; onUndo: (key: string, field: string) => void }) {
  if (round.toCheck.length === 0 && round.resolved.length === 0) return null;
  return (
    <section className="results-section" aria-labelledby="check-title">
      <h2 id="check-title" tabIndex={-1}>Tjek i hånden</h2>
      {round.toCheck.length > 0 ? (
        <>
          <p>
            {round.toCheck.length === 1 ? "Ét udsagn" : `${round.toCheck.length} udsagn`} kunne ikke læses sikkert og tæller ikke med endnu. Se rækken, og klik på det felt, der
            er ment – eller på »Ingen gyldig markering«, hvis der ikke er ét tydeligt kryds.
          </p>
          <ol className="check-list">
            {round.toCheck.map((row) => (
              <CheckRow key={`${row.key}-${row.field}`} row={row} view={view} busy={busy} onResolve={onResolve} />
            ))}
          </ol>
        </>
      ) : (
        <p className="success">Alle rækker er tjekket.</p>
      )}
      {round.resolved.length > 0 && (
        <>
          <h3>Rettet i hånden</h3>
          <ul className="resolved-list">
            {round.resolved.map((r) => {
              const { short } = statementName(view, r.field);
              return (
                <li key={`${r.key}-${r.field}`} data-resolved={`${r.sheet}:${r.field}`}>
                  Skema {r.sheet} · {short}: <strong>{r.value === null ? "ingen gyldig markering" : r.value}</strong>{" "}
                  <button type="button" className="button button--link" disabled={busy} aria-label={`Fortryd skema ${r.sheet}, ${short}`} onClick={() => onUndo(r.key, r.field)}>
                    Fortryd
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
