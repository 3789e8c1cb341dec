// The company the preview shows before a name is typed: the page's example pages, drawn when the server starts.
export const EXAMPLE_COMPANY = "Jeres virksomhed";
