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
      <p id={`${id}-label`} className="label">
        Logo <span className="optional">(valgfrit)</span>
      </p>
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
            <button type="button" id={id} className="button button--secondary" aria-describedby={`${id}-label ${id}-hint${props.error ? ` ${id}-error` : ""}`} onClick={() => input.current?.click()}>
              {props.logo ? "Vælg et andet logo" : "Vælg fil"}
            </button>
            {props.logo && (
              <button type="button" className="button button--link" onClick={props.onRemove}>
                Fjern logoet
              </button>
            )}
          </div>
        </div>
        {/* Opened by the button above (the field's label names the button): out of the tab order, or it is a stop one cannot see. */}
        <input
          ref={input}
          className="visually-hidden"
          type="file"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="logo-input"
          accept=".png,.jpg,.jpeg,.webp,.tif,.tiff,.avif,.svg,image/*"
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
