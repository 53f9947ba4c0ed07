// Design tokens first: the component CSS reads their custom properties.
import "@utrecht/design-tokens/dist/index.css";
import "@utrecht/component-library-css";
import "./app/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import { AppProviders } from "./app/providers";
import { createAppServices } from "./app/services";
import { readStoredLanguage } from "./i18n/i18n-provider";

// Set the language before the first paint so screen readers never start in
// the wrong one (index.html says "nl").
document.documentElement.lang = readStoredLanguage();

const services = createAppServices();
const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <AppProviders services={services} apollo={services.apollo}>
      <App />
    </AppProviders>
  </StrictMode>,
);
