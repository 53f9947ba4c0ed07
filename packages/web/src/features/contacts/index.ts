import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { contactPages, contactRoutes } from "./routes";

export const contacts: WebFeature<typeof contactRoutes, typeof nl> = {
  name: "contacts",
  routes: contactRoutes,
  pages: contactPages,
  messages: { nl, en },
  nav: [
    { route: { name: "contacts" }, label: "nav.contacts", section: ["contacts", "contact", "contactEdit", "contactNew"] },
    { route: { name: "contactImport" }, label: "nav.import", section: ["contactImport"] },
  ],
};
