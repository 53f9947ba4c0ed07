/** What each GraphQL type of this module resolves from (codegen mappers: `<Type>Mapper`). */
import type { Consent, Contact, ContactRole, Interaction } from "../../generated/prisma/client.js";
import type { ImportDuplicateModel } from "./contact-transfer.service.js";

export type ContactMapper = Contact;
export type ContactRoleMapper = ContactRole;
export type ConsentMapper = Consent;
export type InteractionMapper = Interaction;
export type ImportDuplicateMapper = ImportDuplicateModel;
