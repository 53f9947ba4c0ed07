// Design tokens first: the component CSS reads their custom properties.
import "@utrecht/design-tokens/dist/index.css";
import "@utrecht/component-library-css";
import "./shell/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./shell/app";
import { AppProviders } from "./shell/providers";
import { createAppServices } from "./lib/services";
import { typePolicies } from "./shell/contributions";
import { readStoredLanguage } from "./i18n/i18n-provider";

// Set the language before the first paint so screen readers never start in
// the wrong one (index.html says "nl").
document.documentElement.lang = readStoredLanguage();

const services = createAppServices({ typePolicies });
const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <AppProviders services={services} apollo={services.apollo}>
      <App />
    </AppProviders>
  </StrictMode>,
);
