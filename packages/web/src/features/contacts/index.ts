import type { WebFeature } from "../../shell/web-feature";
import { contactPages, contactRoutes } from "./routes";

export const contacts: WebFeature<typeof contactRoutes> = {
  name: "contacts",
  routes: contactRoutes,
  pages: contactPages,
  nav: [
    { route: { name: "contacts" }, label: "nav.contacts", section: ["contacts", "contact", "contactEdit", "contactNew"] },
    { route: { name: "contactImport" }, label: "nav.import", section: ["contactImport"] },
  ],
};
