// The commented profile that `workshopkit init` writes.
export const PROFILE_TEMPLATE = `# Company profile for workshopkit. Fill in what you have; anything you leave out is printed
# as a line to fill in by hand, and the build lists it at the end.
# Check it with:  workshopkit validate <this file>
# Build with:     workshopkit build --profile <this file>

# The company's name, as it should stand in the materials.
company: Vores Virksomhed ApS

# Logo: a PNG, JPEG, WebP, TIFF, AVIF or SVG file, relative to this file.
# Leave it out to print the company name instead.
# logo: logo.png

# Brand colour (hex). Used for headings, frames and card accents; everything also reads in black and white.
colour: "#1F6F8B"

# Paper: A4 or LETTER.
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

# Web addresses of the toolkit's films, by name (see: workshopkit list --films).
films: {}
`;
