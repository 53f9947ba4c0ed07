import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { ContactTransferService } from "./contact-transfer.service.js";
import { createContactLoaders } from "./contact.loaders.js";
import { contactUploadRoute } from "./contact.http.js";
import { ageBandStep, contactImportRetention, contactPersonalData, contactRetention } from "./contact.personal-data.js";
import { contactResolvers } from "./contact.resolvers.js";
import { ContactService } from "./contact.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    contacts: ContactService;
    contactTransfer: ContactTransferService;
  }
  interface LoaderRegistry extends ReturnType<typeof createContactLoaders> {}
}

/** Contacts (people), their roles, consents and contact moments; spreadsheet import and export. */
export const contactModule: FeatureModule = {
  name: "contact",
  typeDefs: sdlOf(import.meta.url),
  resolvers: contactResolvers,
  loaders: createContactLoaders,
  personalData: contactPersonalData,
  services: ({ db, config }, { audit, organisations }, { personalData }) => ({
    contacts: new ContactService({ db, audit, personalData }),
    contactTransfer: new ContactTransferService({
      db,
      audit,
      organisations,
      retentionHours: config.IMPORT_RETENTION_HOURS,
      maxUploadBytes: config.IMPORT_MAX_BYTES,
    }),
  }),
  routes: ({ auth, contactTransfer }) => [contactUploadRoute({ auth, contactTransfer })],
  retention: ({ contacts, audit }, { config }) => [
    ageBandStep(audit),
    contactRetention(contacts, audit, {
      inactiveAfterDays: config.RETENTION_CONTACT_INACTIVE_AFTER_DAYS,
      anonymiseAfterInactiveDays: config.RETENTION_CONTACT_ANONYMISE_AFTER_DAYS,
    }),
    contactImportRetention(),
  ],
};
