// The one error the brand stamp throws: whatever goes wrong there is workshopkit's fault, never the user's.
import { WorkshopkitError } from "../errors.js";

export function stampFault(what: string): WorkshopkitError {
  return WorkshopkitError.of("brand.fault", { what });
}
