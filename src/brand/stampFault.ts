// The one error the brand stamp throws: whatever goes wrong there is workshopkit's fault, never the user's.
import { WorkshopkitError } from "../errors.js";

export function stampFault(what: string): WorkshopkitError {
  return new WorkshopkitError(
    `Branding a material failed: ${what}. This is a fault in workshopkit, not in your profile or content.`,
    "Please report it to workshopkit's maintainers, with the profile you built.",
  );
}
