import { defineRoutes } from "../../kit/router";
import { STAFF } from "../../kit/roles";
import type { Pages } from "../../kit/web-feature";
import { ContactEditPage } from "./contact-edit-page";
import { ContactNewPage } from "./contact-new-page";
import { ContactPage } from "./contact-page";
import { ContactsPage } from "./contacts-page";
import { ContactImportPage } from "./import/contact-import-page";

export const contactRoutes = defineRoutes({
  contacts: { path: "/contacten", roles: STAFF },
  contact: { path: "/contacten/:id", roles: STAFF },
  contactEdit: { path: "/contacten/:id/bewerken", roles: STAFF },
  contactNew: { path: "/contacten/nieuw", roles: STAFF },
  contactImport: { path: "/contacten/importeren", roles: STAFF },
});

export const contactPages: Pages<typeof contactRoutes> = {
  contacts: () => <ContactsPage />,
  contact: ({ id }) => <ContactPage id={id} />,
  contactEdit: ({ id }) => <ContactEditPage id={id} />,
  contactNew: () => <ContactNewPage />,
  contactImport: () => <ContactImportPage />,
};
