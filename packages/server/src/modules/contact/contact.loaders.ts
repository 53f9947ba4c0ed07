import DataLoader from "dataloader";
import type { Db } from "../../platform/db/prisma.js";
import type { Consent, Contact, ContactRole, District, Interaction } from "../../generated/prisma/client.js";
import { byId, groupBy } from "../../core/loader-utils.js";
import { contactRepository as repo } from "./contact.repository.js";

/** The most interactions one contact shows at once (Contact.interactions(first)). */
export const MAX_INTERACTIONS_SHOWN = 50;

export function createContactLoaders(db: Db) {
  return {
    contact: new DataLoader<string, Contact | null>(async (ids) => byId(ids, await repo.findContactsByIds(db, ids))),
    consent: new DataLoader<string, Consent | null>(async (ids) => byId(ids, await repo.findConsentsByIds(db, ids))),
    rolesOfContact: new DataLoader<string, ContactRole[]>(async (ids) =>
      groupBy(ids, await repo.findRolesOfContacts(db, ids), (r) => r.contactId),
    ),
    districtsOfContact: new DataLoader<string, District[]>(async (ids) =>
      groupBy(ids, await repo.findDistrictsOfContacts(db, ids), (r) => r.contactId).map((rows) => rows.map((r) => r.district)),
    ),
    consentsOfContact: new DataLoader<string, Consent[]>(async (ids) =>
      groupBy(ids, await repo.findConsentsOfContacts(db, ids), (c) => c.contactId),
    ),
    latestInteractionsOfContact: new DataLoader<string, Interaction[]>(async (ids) =>
      groupBy(ids, await repo.findLatestInteractions(db, ids, MAX_INTERACTIONS_SHOWN), (i) => i.contactId),
    ),
  };
}
