// The logo: drag a file onto the field or choose one; the server checks it as the CLI does.
import { useRef, useState, type DragEvent } from "react";
import { ErrorMessage, fieldId } from "./Field.js";
import { HINTS } from "./fields.js";
import type { LogoRef } from "./draft.js";

export function LogoField(props: { logo?: LogoRef; wanted?: string; error?: string; busy: boolean; onFile: (file: File) => void; onRemove: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const id = fieldId("logo");
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) props.onFile(file);
  };
  return (
    <div className={`field${props.error ? " field--error" : ""}`} data-field="logo">
      <label htmlFor={id} className="label">
        Logo <span className="optional">(valgfrit)</span>
      </label>
      <p id={`${id}-hint`} className="hint">
        {HINTS.logo}
      </p>
      {props.wanted && !props.logo && (
        <p className="notice">
          Profilen bruger logofilen »{props.wanted.split(/[\\/]/).pop()}«. Vælg filen her, så kommer den med.
        </p>
      )}
      <ErrorMessage id={id} error={props.error} />
      {props.logo?.warnings?.length ? (
        <div className="warning" role="status" data-testid="logo-warning">
          {props.logo.warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
        </div>
      ) : null}
      <div
        className={`dropzone${over ? " dropzone--over" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        {props.logo?.src ? <img className="logo-thumb" src={props.logo.src} alt={`Logo: ${props.logo.name}`} /> : null}
        <div className="dropzone-text">
          {props.busy ? <p>Kontrollerer logoet …</p> : props.logo ? <p className="logo-name">{props.logo.name}</p> : <p>Træk logofilen hertil, eller</p>}
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={() => input.current?.click()}>
              {props.logo ? "Vælg et andet logo" : "Vælg fil"}
            </button>
            {props.logo && (
              <button type="button" className="button button--link" onClick={props.onRemove}>
                Fjern logoet
              </button>
            )}
          </div>
        </div>
        <input
          ref={input}
          id={id}
          className="visually-hidden"
          type="file"
          accept=".png,.jpg,.jpeg,.webp,.tif,.tiff,.avif,.svg,image/*"
          aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ""}`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onFile(file);
            e.target.value = "";
          }}
        />
      </div>
    </div>
  );
}
