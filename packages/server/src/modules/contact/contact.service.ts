import type { Db, DbOrTx, Tx } from "../../platform/db/prisma.js";
import type { PersonalDataRunner } from "../../kernel/privacy.js";
import type { Consent, Contact, District, Interaction, Organisation } from "../../generated/prisma/client.js";
import type {
  AgeBand,
  ContactChannel,
  ContactStatus,
  ConsentPurpose,
  InteractionKind,
  LegalBasis,
  Role,
} from "../../generated/prisma/enums.js";
import type { Lookup } from "../../core/loader-utils.js";
import type { Viewer } from "../../core/viewer.js";
import { badInput, conflict, notFound } from "../../core/errors.js";
import { requireId, requireIds } from "../../core/ids.js";
import { pageSize } from "../../core/cursor.js";
import type { AuditService } from "../audit/audit.service.js";
import { isMunicipalityWide, requireRole, requireViewer } from "../../core/authz.js";
import { contactRepository as repo } from "./contact.repository.js";
import {
  afterCursorWhere,
  contactCursor,
  contactOrderBy,
  contactFilterSql,
  contactWhere,
  decodeRelevanceCursor,
  relevanceCursor,
  searchText,
  type ContactListFilter,
  type ContactSortSpec,
  type RequestedSortField,
} from "./contact.query.js";
import { guardSituationText } from "../../core/situation-text.js";
import { cleanText, requiredText } from "../../core/text.js";
import { LIMITS, checkConsent, cleanEmail, cleanLanguage, cleanPhone, isStale } from "./contact.rules.js";

/** A consent was withdrawn: what the features that rest on it must end (in the same transaction). */
export interface ConsentWithdrawal {
  consentId: string;
  contactId: string;
  purpose: ConsentPurpose;
  at: Date;
  municipalityId: string;
  actorId: string;
  actorRole: Role;
  requestId: string;
}

export interface ContactLoaders {
  contact: Lookup<Contact | null>;
  district: Lookup<District | null>;
  organisation: Lookup<Organisation | null>;
  municipality: Lookup<{ staleContactAfterDays: number } | null>;
  consent: Lookup<Consent | null>;
}

export interface RoleInput {
  title: string;
  organisationId?: string | null;
  since?: Date | null;
  until?: Date | null;
}
export interface ConsentInput {
  purpose: ConsentPurpose;
  legalBasis: LegalBasis;
  givenAt?: Date | null;
  byGuardian?: boolean | null;
  guardianName?: string | null;
}
export interface CreateContactInput {
  fullName: string;
  email?: string | null;
  phone?: string | null;
  preferredChannel?: ContactChannel | null;
  preferredLanguage?: string | null;
  ageBand?: AgeBand | null;
  notes?: string | null;
  /** The notes describe people (DESCRIBES_PERSONS) and the author, having seen the warning, keeps them. */
  acknowledgeWarnings?: boolean | null;
  districtIds?: readonly string[] | null;
  roles?: readonly RoleInput[] | null;
  consents?: readonly ConsentInput[] | null;
}
export interface UpdateContactInput {
  fullName?: string | null;
  email?: string | null;
  phone?: string | null;
  preferredChannel?: ContactChannel | null;
  preferredLanguage?: string | null;
  ageBand?: AgeBand | null;
  status?: ContactStatus | null;
  notes?: string | null;
  acknowledgeWarnings?: boolean | null;
  districtIds?: readonly string[] | null;
  roles?: readonly RoleInput[] | null;
}

export interface ContactPage {
  edges: Array<{ cursor: string; node: Contact }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const MAX_PAGE = 100;
const MERGED_NAME = "Samengevoegd";

/**
 * Contacts: people in the networks. Coordinators and admins work with all contacts of
 * their municipality; an ally sees only their own record; police liaisons never see
 * contacts. Every read by anyone but a coordinator is audited, as is every export.
 */
export class ContactService {
  private readonly now: () => Date;
  constructor(private readonly deps: { db: Db; audit: AuditService; personalData: PersonalDataRunner; now?: () => Date }) {
    this.now = deps.now ?? (() => new Date());
  }

  private async staleDays(viewer: Viewer, loaders: Pick<ContactLoaders, "municipality">): Promise<number> {
    return (await loaders.municipality.load(viewer.municipalityId))?.staleContactAfterDays ?? 90;
  }

  /** Reads of contact details by anyone but the coordinator go to the audit log. */
  private async auditReads(viewer: Viewer, contactIds: readonly string[], requestId: string): Promise<void> {
    if (viewer.role === "COORDINATOR" || contactIds.length === 0) return;
    await this.deps.audit.recordMany(
      this.deps.db,
      contactIds.map((id) => ({
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "READ" as const,
        entityType: "Contact",
        entityId: id,
        requestId,
      })),
    );
  }

  async list(
    viewerInput: Viewer | null,
    args: {
      filter?: ContactListFilter | null;
      sort?: { field?: RequestedSortField | null; direction?: ContactSortSpec["direction"] | null } | null;
      first?: number | null;
      after?: string | null;
    },
    requestId: string,
    loaders: Pick<ContactLoaders, "municipality">,
  ): Promise<ContactPage> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const take = pageSize(args.first, MAX_PAGE);
    const filter = this.checkFilter(args.filter);
    const text = searchText(filter);
    const stale = { afterDays: await this.staleDays(viewer, loaders), now: this.now() };
    const field = args.sort?.field ?? (text ? "RELEVANCE" : "NAME");
    if (field === "RELEVANCE" && text) return this.listByRelevance(viewer, filter, text, stale, take, args.after, requestId);
    const sort: ContactSortSpec = { field: field === "RELEVANCE" ? "NAME" : field, direction: args.sort?.direction ?? "ASC" };
    // In another order than relevance, the text still goes through the indexed search: its
    // matches become an id list (bounded by the municipality's contacts the text matches).
    const matches = text
      ? await repo.findIdsMatchingText(
          this.deps.db,
          { folded: await repo.foldSearchText(this.deps.db, text), raw: text },
          contactFilterSql(viewer.municipalityId, filter, stale),
        )
      : null;
    const where = contactWhere(viewer.municipalityId, filter, stale, matches);
    const pageWhere = args.after ? { AND: [where, afterCursorWhere(args.after, sort)] } : where;
    const [rows, totalCount] = await Promise.all([
      repo.findContacts(this.deps.db, pageWhere, contactOrderBy(sort), take + 1),
      repo.countContacts(this.deps.db, where),
    ]);
    const page = rows.slice(0, take);
    await this.auditReads(
      viewer,
      page.map((c) => c.id),
      requestId,
    );
    const edges = page.map((node) => ({ cursor: contactCursor(node, sort), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  /** Ranked text search (contact.query.ts): keys of the page in one statement, the count in another, rows by id. */
  private async listByRelevance(
    viewer: Viewer,
    filter: ContactListFilter | null,
    text: string,
    stale: { afterDays: number; now: Date },
    take: number,
    after: string | null | undefined,
    requestId: string,
  ): Promise<ContactPage> {
    const { db } = this.deps;
    const filterSql = contactFilterSql(viewer.municipalityId, filter, stale);
    const from = after ? decodeRelevanceCursor(after) : null;
    const folded = await repo.foldSearchText(db, text);
    const { keys, total: totalCount } = await repo.searchContacts(db, { folded, raw: text }, filterSql, from, take + 1);
    const pageKeys = keys.slice(0, take);
    const rows = new Map(
      (
        await repo.findContactsByIds(
          db,
          pageKeys.map((k) => k.id),
        )
      ).map((c) => [c.id, c]),
    );
    const edges = pageKeys.flatMap((k) => {
      const node = rows.get(k.id);
      return node ? [{ cursor: relevanceCursor(k), node }] : [];
    });
    await this.auditReads(
      viewer,
      edges.map((e) => e.node.id),
      requestId,
    );
    return { edges, pageInfo: { hasNextPage: keys.length > take, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  private checkFilter(filter: ContactListFilter | null | undefined): ContactListFilter | null {
    if (!filter) return null;
    return {
      ...filter,
      districtId: filter.districtId ? requireId(filter.districtId, "filter.districtId") : null,
      networkId: filter.networkId ? requireId(filter.networkId, "filter.networkId") : null,
      organisationId: filter.organisationId ? requireId(filter.organisationId, "filter.organisationId") : null,
    };
  }

  /** Coordinators and admins: any contact of the municipality; an ally: their own. Else NOT_FOUND. */
  async get(viewerInput: Viewer | null, id: string, requestId: string, loaders: Pick<ContactLoaders, "contact">): Promise<Contact> {
    const viewer = requireViewer(viewerInput);
    const contactId = requireId(id, "id");
    const own = viewer.contactId === contactId;
    if (!isMunicipalityWide(viewer) && !own) throw notFound("Contact");
    const contact = await loaders.contact.load(contactId);
    if (!contact || contact.municipalityId !== viewer.municipalityId) throw notFound("Contact");
    await this.auditReads(viewer, [contact.id], requestId);
    return contact;
  }

  async mine(viewerInput: Viewer | null, requestId: string, loaders: Pick<ContactLoaders, "contact">): Promise<Contact | null> {
    const viewer = requireViewer(viewerInput);
    if (!viewer.contactId) return null;
    return this.get(viewer, viewer.contactId, requestId, loaders);
  }

  async stale(
    viewerInput: Viewer | null,
    districtId: string,
    first: number | null | undefined,
    requestId: string,
    loaders: Pick<ContactLoaders, "municipality" | "district">,
  ): Promise<Contact[]> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const district = await loaders.district.load(requireId(districtId, "districtId"));
    if (!district || district.municipalityId !== viewer.municipalityId) throw notFound("District");
    const take = pageSize(first, MAX_PAGE);
    const where = contactWhere(
      viewer.municipalityId,
      { districtId: district.id, stale: true, status: ["ACTIVE"] },
      { afterDays: await this.staleDays(viewer, loaders), now: this.now() },
    );
    const rows = await repo.findContacts(this.deps.db, where, contactOrderBy({ field: "LAST_INTERACTION", direction: "ASC" }), take);
    await this.auditReads(
      viewer,
      rows.map((c) => c.id),
      requestId,
    );
    return rows;
  }

  isStale(contact: Contact, staleAfterDays: number): boolean {
    return isStale(contact, staleAfterDays, this.now());
  }

  // ───────────── writes ─────────────

  private async checkDistricts(
    viewer: Viewer,
    ids: readonly string[],
    field: string,
    loaders: Pick<ContactLoaders, "district">,
  ): Promise<string[]> {
    const unique = requireIds(ids, field, 20);
    const districts = await Promise.all(unique.map((id) => loaders.district.load(id)));
    districts.forEach((d, i) => {
      if (!d || d.municipalityId !== viewer.municipalityId) throw badInput(field, `No such district: ${unique[i]}.`);
    });
    return unique;
  }

  private async checkRoles(viewer: Viewer, roles: readonly RoleInput[], field: string, loaders: Pick<ContactLoaders, "organisation">) {
    if (roles.length > 20) throw badInput(field, "At most 20 roles.");
    return Promise.all(
      roles.map(async (r, i) => {
        const title = requiredText(r.title, `${field}.${i}.title`, LIMITS.roleTitle);
        let organisationId: string | null = null;
        if (r.organisationId) {
          const org = await loaders.organisation.load(requireId(r.organisationId, `${field}.${i}.organisationId`));
          if (!org || org.municipalityId !== viewer.municipalityId) throw badInput(`${field}.${i}.organisationId`, "No such organisation.");
          organisationId = org.id;
        }
        if (r.since && r.until && r.until < r.since) throw badInput(`${field}.${i}.until`, "Cannot be before `since`.");
        return { title, organisationId, since: r.since ?? null, until: r.until ?? null };
      }),
    );
  }

  /** `field` names the list (entries get `.i`), or with `single` the one consent. */
  private checkConsents(ageBand: AgeBand, consents: readonly ConsentInput[], field: string, single = false) {
    if (consents.length > 20) throw badInput(field, "At most 20 consents.");
    const now = this.now();
    return consents.map((c, i) => {
      const at = single ? field : `${field}.${i}`;
      const checked = {
        purpose: c.purpose,
        legalBasis: c.legalBasis,
        givenAt: c.givenAt ?? now,
        byGuardian: c.byGuardian ?? false,
        guardianName: cleanText(c.guardianName, `${at}.guardianName`, LIMITS.guardianName),
      };
      checkConsent(ageBand, checked, at, now);
      return checked;
    });
  }

  async create(
    viewerInput: Viewer | null,
    input: CreateContactInput,
    requestId: string,
    loaders: Pick<ContactLoaders, "district" | "organisation">,
  ): Promise<Contact> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const ageBand = input.ageBand ?? "ADULT";
    const data = {
      municipalityId: viewer.municipalityId,
      fullName: requiredText(input.fullName, "input.fullName", LIMITS.fullName),
      email: cleanEmail(input.email),
      phone: cleanPhone(input.phone),
      preferredChannel: input.preferredChannel ?? "EMAIL",
      preferredLanguage: cleanLanguage(input.preferredLanguage),
      ageBand,
      notes: cleanText(input.notes, "input.notes", LIMITS.notes),
    };
    guardSituationText([["input.notes", data.notes]], input.acknowledgeWarnings);
    const districtIds = await this.checkDistricts(viewer, input.districtIds ?? [], "input.districtIds", loaders);
    const roles = await this.checkRoles(viewer, input.roles ?? [], "input.roles", loaders);
    const consents = this.checkConsents(ageBand, input.consents ?? [], "input.consents");
    return this.deps.db.$transaction(async (tx) => {
      const contact = await repo.createContact(tx, {
        ...data,
        districts: { create: districtIds.map((districtId) => ({ districtId })) },
        roles: { create: roles },
        consents: { create: consents.map((c) => ({ ...c, recordedById: viewer.userId })) },
      });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "Contact",
        entityId: contact.id,
        requestId,
      });
      return contact;
    });
  }

  private async ownContact(viewer: Viewer, id: string, field: string, loaders: Pick<ContactLoaders, "contact">): Promise<Contact> {
    const contact = await loaders.contact.load(requireId(id, field));
    if (!contact || contact.municipalityId !== viewer.municipalityId) throw notFound("Contact");
    return contact;
  }

  private static assertEditable(contact: Contact): void {
    if (contact.anonymisedAt) throw conflict("This contact was erased.");
    if (contact.mergedIntoId) throw conflict("This contact was merged into another one; edit that one.");
  }

  async update(
    viewerInput: Viewer | null,
    id: string,
    input: UpdateContactInput,
    requestId: string,
    loaders: Pick<ContactLoaders, "contact" | "district" | "organisation">,
  ): Promise<Contact> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const existing = await this.ownContact(viewer, id, "id", loaders);
    ContactService.assertEditable(existing);
    const data: Record<string, unknown> = {};
    if (input.fullName !== undefined && input.fullName !== null)
      data["fullName"] = requiredText(input.fullName, "input.fullName", LIMITS.fullName);
    if (input.email !== undefined) data["email"] = cleanEmail(input.email);
    if (input.phone !== undefined) data["phone"] = cleanPhone(input.phone);
    if (input.preferredChannel) data["preferredChannel"] = input.preferredChannel;
    if (input.preferredLanguage !== undefined && input.preferredLanguage !== null)
      data["preferredLanguage"] = cleanLanguage(input.preferredLanguage);
    // A band given now holds from now (core/minors.ts: bands move on from this date).
    if (input.ageBand && input.ageBand !== existing.ageBand) {
      data["ageBand"] = input.ageBand;
      data["ageBandSince"] = this.now();
    }
    if (input.status) {
      data["status"] = input.status;
      // The retention sweep counts inactivity from here.
      if (input.status === "INACTIVE" && existing.status !== "INACTIVE") data["inactiveSince"] = this.now();
      if (input.status === "ACTIVE") data["inactiveSince"] = null;
    }
    if (input.notes !== undefined) data["notes"] = cleanText(input.notes, "input.notes", LIMITS.notes);
    guardSituationText([["input.notes", data["notes"] as string | null | undefined]], input.acknowledgeWarnings);
    const districtIds = input.districtIds ? await this.checkDistricts(viewer, input.districtIds, "input.districtIds", loaders) : null;
    const roles = input.roles ? await this.checkRoles(viewer, input.roles, "input.roles", loaders) : null;
    return this.deps.db.$transaction(async (tx) => {
      const contact = await repo.updateContact(tx, existing.id, data);
      if (districtIds) await repo.replaceDistricts(tx, existing.id, districtIds);
      if (roles) await repo.replaceRoles(tx, existing.id, roles);
      const fields = [...Object.keys(data), ...(districtIds ? ["districts"] : []), ...(roles ? ["roles"] : [])];
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "Contact",
        entityId: contact.id,
        details: { fields },
        requestId,
      });
      return contact;
    });
  }

  archive(viewer: Viewer | null, id: string, requestId: string, loaders: Pick<ContactLoaders, "contact" | "district" | "organisation">) {
    return this.update(viewer, id, { status: "ARCHIVED" }, requestId, loaders);
  }

  async logInteraction(
    viewerInput: Viewer | null,
    input: {
      contactId: string;
      kind: InteractionKind;
      occurredAt?: Date | null;
      note?: string | null;
      acknowledgeWarnings?: boolean | null;
    },
    requestId: string,
    loaders: Pick<ContactLoaders, "contact">,
  ): Promise<Interaction> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const contact = await this.ownContact(viewer, input.contactId, "input.contactId", loaders);
    ContactService.assertEditable(contact);
    const now = this.now();
    const occurredAt = input.occurredAt ?? now;
    if (occurredAt.getTime() > now.getTime() + 60_000) throw badInput("input.occurredAt", "Cannot be in the future.");
    const note = cleanText(input.note, "input.note", LIMITS.interactionNote);
    guardSituationText([["input.note", note]], input.acknowledgeWarnings);
    return this.deps.db.$transaction(async (tx) => {
      const interaction = await repo.createInteraction(tx, {
        contactId: contact.id,
        authorId: viewer.userId,
        kind: input.kind,
        occurredAt,
        note,
      });
      await repo.bumpLastInteraction(tx, contact.id, occurredAt);
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "Interaction",
        entityId: interaction.id,
        details: { contactId: contact.id },
        requestId,
      });
      return interaction;
    });
  }

  async recordConsent(
    viewerInput: Viewer | null,
    contactId: string,
    input: ConsentInput,
    requestId: string,
    loaders: Pick<ContactLoaders, "contact">,
  ): Promise<Consent> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const contact = await this.ownContact(viewer, contactId, "input.contactId", loaders);
    ContactService.assertEditable(contact);
    const [consent] = this.checkConsents(contact.ageBand, [input], "input.consent", true);
    return this.deps.db.$transaction(async (tx) => {
      const row = await repo.createConsent(tx, { ...consent!, contactId: contact.id, recordedById: viewer.userId });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "Consent",
        entityId: row.id,
        details: { contactId: contact.id, purpose: row.purpose },
        requestId,
      });
      return row;
    });
  }

  private readonly withdrawalListeners: Array<(tx: Tx, e: ConsentWithdrawal) => Promise<void>> = [];

  /**
   * Features listed after this one register what a withdrawn consent ends (memberships,
   * invitations); the listeners run inside the withdrawal's transaction, in registration order.
   */
  onConsentWithdrawn(listener: (tx: Tx, e: ConsentWithdrawal) => Promise<void>): void {
    this.withdrawalListeners.push(listener);
  }

  async withdrawConsent(
    viewerInput: Viewer | null,
    id: string,
    requestId: string,
    loaders: Pick<ContactLoaders, "contact" | "consent">,
  ): Promise<Consent> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const consent = await loaders.consent.load(requireId(id, "id"));
    const contact = consent ? await loaders.contact.load(consent.contactId) : null;
    if (!consent || !contact || contact.municipalityId !== viewer.municipalityId) throw notFound("Consent");
    if (consent.withdrawnAt) throw conflict("This consent was withdrawn already.");
    return this.deps.db.$transaction(async (tx) => {
      const at = this.now();
      const row = await repo.updateConsent(tx, consent.id, { withdrawnAt: at });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "Consent",
        entityId: row.id,
        details: { fields: ["withdrawnAt"], contactId: contact.id },
        requestId,
      });
      // What the consent covered ends with it; a legitimate-interest record does not keep it going.
      const event: ConsentWithdrawal = {
        consentId: row.id,
        contactId: contact.id,
        purpose: row.purpose,
        at,
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        requestId,
      };
      for (const listener of this.withdrawalListeners) await listener(tx, event);
      return row;
    });
  }

  /** See the SDL of mergeContacts. Both rows are locked, so two merges cannot cross. */
  async merge(viewerInput: Viewer | null, keepId: string, duplicateId: string, requestId: string): Promise<Contact> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const keep = requireId(keepId, "keepId");
    const dup = requireId(duplicateId, "duplicateId");
    if (keep === dup) throw badInput("duplicateId", "Choose two different contacts.");
    const now = this.now();
    return this.deps.db.$transaction(
      async (tx) => {
        await repo.lockContacts(tx, [keep, dup]);
        // One statement at a time: a transaction is one connection.
        const a = await tx.contact.findUnique({ where: { id: keep } });
        const b = await tx.contact.findUnique({ where: { id: dup } });
        if (!a || a.municipalityId !== viewer.municipalityId) throw notFound("Contact");
        if (!b || b.municipalityId !== viewer.municipalityId) throw notFound("Contact");
        ContactService.assertEditable(a);
        ContactService.assertEditable(b);

        // Every feature moves its own rows (kernel/privacy.ts; each feature's *.personal-data.ts).
        await this.deps.personalData.merge(tx, { keepId: keep, duplicateId: dup, now });
        const latest =
          [a.lastInteractionAt, b.lastInteractionAt].filter((d): d is Date => d !== null).sort((x, y) => y.getTime() - x.getTime())[0] ??
          null;
        const filled: string[] = [];
        const fill = <K extends "email" | "phone" | "notes">(k: K) => {
          if (!a[k] && b[k]) filled.push(k);
          return a[k] ?? b[k];
        };
        const kept = await repo.updateContact(tx, keep, {
          email: fill("email"),
          phone: fill("phone"),
          notes: fill("notes"),
          lastInteractionAt: latest,
        });
        await repo.updateContact(tx, dup, {
          mergedIntoId: keep,
          status: "ARCHIVED",
          fullName: MERGED_NAME,
          email: null,
          phone: null,
          notes: null,
        });
        await this.deps.audit.recordMany(tx, [
          {
            municipalityId: viewer.municipalityId,
            actorId: viewer.userId,
            actorRole: viewer.role,
            action: "UPDATE",
            entityType: "Contact",
            entityId: keep,
            details: { mergedFrom: dup, filled },
            requestId,
          },
          {
            municipalityId: viewer.municipalityId,
            actorId: viewer.userId,
            actorRole: viewer.role,
            action: "UPDATE",
            entityType: "Contact",
            entityId: dup,
            details: { mergedInto: keep },
            requestId,
          },
        ]);
        return kept;
      },
      { timeout: 20_000 },
    );
  }

  /**
   * GDPR erasure: personal data goes, the anonymous row stays for aggregates (age band,
   * districts, memberships, attendance). Duplicates merged into it are erased too.
   */
  async erase(viewerInput: Viewer | null, id: string, requestId: string): Promise<Contact> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const contactId = requireId(id, "id");
    const now = this.now();
    const { contact, committed } = await this.deps.db.$transaction(async (tx) => {
      const contact = await tx.contact.findUnique({ where: { id: contactId } });
      if (!contact || contact.municipalityId !== viewer.municipalityId) throw notFound("Contact");
      return this.eraseInTx(tx, contact.id, now, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        requestId,
        reason: "request",
      });
    });
    await committed();
    return contact;
  }

  /**
   * The retention sweep's erasure: the same steps, audited with no actor (the system).
   * Returns what to do once the sweep's transaction committed.
   */
  async eraseSystem(tx: Tx, contactId: string, municipalityId: string, now: Date, reason: string): Promise<() => Promise<void>> {
    return (await this.eraseInTx(tx, contactId, now, { municipalityId, actorId: null, actorRole: null, requestId: null, reason }))
      .committed;
  }

  /**
   * Erases a contact (and every duplicate merged into it) inside `tx`, with `userIds` the
   * accounts erased with it (eraseUser); accounts not listed are only unlinked.
   */
  async eraseInTx(
    tx: Tx,
    contactId: string,
    now: Date,
    who: { municipalityId: string; actorId: string | null; actorRole: Viewer["role"] | null; requestId: string | null; reason: string },
    userIds: readonly string[] = [],
  ): Promise<{ contact: Contact; committed: () => Promise<void> }> {
    const merged = await tx.contact.findMany({ where: { mergedIntoId: contactId }, select: { id: true } });
    const ids = [contactId, ...merged.map((m) => m.id)];
    await repo.lockContacts(tx, ids);
    const contact = (await tx.contact.findUnique({ where: { id: contactId } }))!;
    if (contact.anonymisedAt && userIds.length === 0) return { contact, committed: async () => undefined };
    // Every feature erases its own rows (kernel/privacy.ts; each feature's *.personal-data.ts).
    const committed = await this.deps.personalData.erase(tx, { contactIds: ids, userIds, now });
    await this.deps.audit.record(tx, {
      municipalityId: who.municipalityId,
      actorId: who.actorId,
      actorRole: who.actorRole,
      action: "ANONYMISE",
      entityType: "Contact",
      entityId: contactId,
      details: { alsoErased: ids.length - 1, reason: who.reason },
      requestId: who.requestId,
    });
    return { contact: (await tx.contact.findUnique({ where: { id: contactId } }))!, committed };
  }

  /** GDPR access: everything held about one person as a JSON document. Audited as an export. */
  async dataExport(viewerInput: Viewer | null, id: string, requestId: string) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const contactId = requireId(id, "id");
    const generatedAt = this.now();
    return this.deps.db.$transaction(async (tx: DbOrTx) => {
      const contact = await repo.findContactById(tx, contactId);
      if (!contact || contact.municipalityId !== viewer.municipalityId) throw notFound("Contact");
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "EXPORT",
        entityType: "Contact",
        entityId: contactId,
        details: { kind: "subject-access" },
        requestId,
      });
      // Every feature's section ("contact", "contact.roles", "invitations", …): kernel/privacy.ts.
      const document = { generatedAt: generatedAt.toISOString(), ...(await this.deps.personalData.export(tx, contactId)) };
      return { contactId, generatedAt, json: JSON.stringify(document, null, 2) };
    });
  }
}
