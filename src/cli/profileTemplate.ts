// The commented profile that `workshopkit init` writes.
export const PROFILE_TEMPLATE = `# Company profile for workshopkit. Fill in what you have; anything you leave out is printed
# as a line to fill in by hand, and the build lists it at the end.
# Check it with:  npx workshopkit validate <this file>
# Build with:     npx workshopkit build --profile <this file>
# Write text in quotes if it starts with # or holds ": " (colour: "#1F6F8B"); each name on one line.

# The company's name, as it should stand in the materials (at most 200 characters).
company: Vores Virksomhed ApS

# The folder the pack goes to, inside out/. Left out, it is made from the company's name
# (vores-virksomhed-aps). Give one if two companies' names would make the same folder.
# folder: vores-virksomhed

# Logo: a PNG, JPEG, WebP, TIFF, AVIF or SVG file, relative to this file.
# Leave it out to print the company name instead.
# logo: logo.png

# Brand colour (hex, in quotes). Used for headings, frames and card accents; everything also reads in black and white.
colour: "#1F6F8B"

# Paper: A4 or Letter (US Letter).
paper: A4

contacts:
  # HR / personaleafdelingen.
  hr:
    name: Personaleafdelingen
    phone: 12 34 56 78
    email: hr@example.dk
  # Arbejdsmiljørepræsentant (AMR).
  # amr:
  #   name: Navn Navnesen
  #   phone: 12 34 56 79
  # Tillidsrepræsentant (TR).
  # tr:
  #   name: Navn Navnesen
  # The counselling provider (e.g. through the pension or health insurance).
  # counselling:
  #   name: Rådgivningsfirmaet
  #   phone: 70 00 00 00
  #   hours: hverdage kl. 8–16
  # Who arranges an external psychologist.
  # psychologist:
  #   name: HR
  # Whom a manager asks for advice before a sick-leave conversation.
  # sickLeaveAdvice:
  #   name: HR

# Web addresses of the toolkit's films, by name (see: npx workshopkit list --films), e.g.
#   v04-intro: https://example.dk/film/v04
# Each is printed as a link and a QR code: at most 300 characters, no spaces or æøå.
films: {}
`;
