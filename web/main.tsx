// Entry of the page's script (bundled by esbuild when the server starts).
import { createRoot } from "react-dom/client";
import { App } from "./App.js";

createRoot(document.getElementById("root")!).render(<App />);
