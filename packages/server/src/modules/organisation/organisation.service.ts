import type { Db, DbOrTx, Tx } from "../../platform/db/prisma.js";
import { guardSituationText } from "../../core/situation-text.js";
import type { Organisation } from "../../generated/prisma/client.js";
import type { OrganisationKind } from "../../generated/prisma/enums.js";
import type { Viewer } from "../../core/viewer.js";
import { badInput, conflict, notFound } from "../../core/errors.js";
import type { AuditService } from "../audit/audit.service.js";
import { requireId } from "../../core/ids.js";
import { requireRole } from "../../core/authz.js";
import { cleanText, requiredText } from "../../core/text.js";
import { organisationRepository as repo } from "./organisation.repository.js";

export interface OrganisationInput {
  name?: string | null;
  kind?: OrganisationKind | null;
  website?: string | null;
  acknowledgeWarnings?: boolean | null;
}

function cleanWebsite(value: string | null | undefined): string | null {
  const v = cleanText(value, "input.website", 300);
  if (v === null) return null;
  try {
    const url = new URL(v);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("protocol");
    return url.toString();
  } catch {
    throw badInput("input.website", "Enter a web address starting with https://.");
  }
}

/** Organisations are the coordinator's address book of institutions: coordinators and admins only. */
export class OrganisationService {
  constructor(private readonly deps: { db: Db; audit: AuditService }) {}

  /**
   * Every organisation of a municipality by lower-cased name, for matching names typed in a
   * spreadsheet. Called by the contact import, which has checked the viewer itself.
   */
  async idsByName(municipalityId: string, db: DbOrTx = this.deps.db): Promise<Map<string, string>> {
    const rows = await repo.findOrganisationNames(db, municipalityId);
    return new Map(rows.map((o) => [o.name.toLowerCase(), o.id]));
  }

  /**
   * Creates the named organisations (kind OTHER) inside the caller's transaction, so an
   * import that fails leaves none behind; returns their ids by lower-cased name.
   */
  async createNamed(tx: Tx, municipalityId: string, names: readonly string[]): Promise<Map<string, string>> {
    const created = new Map<string, string>();
    for (const name of names) {
      const org = await repo.createOrganisation(tx, { municipalityId, name, kind: "OTHER" });
      created.set(name.toLowerCase(), org.id);
    }
    return created;
  }

  async list(viewer: Viewer | null, includeArchived: boolean): Promise<Organisation[]> {
    const v = requireRole(viewer, "COORDINATOR", "ADMIN");
    return repo.findOrganisations(this.deps.db, v.municipalityId, includeArchived);
  }

  /** An organisation of the viewer's municipality, or NOT_FOUND. */
  async get(viewer: Viewer | null, id: string, load: (id: string) => Promise<Organisation | null>): Promise<Organisation> {
    const v = requireRole(viewer, "COORDINATOR", "ADMIN");
    const org = await load(requireId(id, "id"));
    if (!org || org.municipalityId !== v.municipalityId) throw notFound("Organisation");
    return org;
  }

  async create(viewer: Viewer | null, input: OrganisationInput & { name: string; kind: OrganisationKind }, requestId: string) {
    const v = requireRole(viewer, "COORDINATOR", "ADMIN");
    const name = requiredText(input.name, "input.name", 160);
    // An organisation's name is a name (softer rule, like a place): "Turkse Vereniging" is fine.
    guardSituationText([["input.name", name, "place"]], input.acknowledgeWarnings);
    const website = cleanWebsite(input.website);
    return this.deps.db.$transaction(async (tx) => {
      if (await repo.findOrganisationByName(tx, v.municipalityId, name)) throw conflict("An organisation with this name exists already.");
      const org = await repo.createOrganisation(tx, { municipalityId: v.municipalityId, name, kind: input.kind, website });
      await this.deps.audit.record(tx, {
        municipalityId: v.municipalityId,
        actorId: v.userId,
        actorRole: v.role,
        action: "CREATE",
        entityType: "Organisation",
        entityId: org.id,
        requestId,
      });
      return org;
    });
  }

  async update(
    viewer: Viewer | null,
    id: string,
    input: OrganisationInput,
    requestId: string,
    load: (id: string) => Promise<Organisation | null>,
  ) {
    const v = requireRole(viewer, "COORDINATOR", "ADMIN");
    const existing = await this.get(v, id, load);
    const data: { name?: string; kind?: OrganisationKind; website?: string | null } = {};
    if (input.name !== undefined && input.name !== null) data.name = requiredText(input.name, "input.name", 160);
    guardSituationText([["input.name", data.name, "place"]], input.acknowledgeWarnings);
    if (input.kind) data.kind = input.kind;
    if (input.website !== undefined) data.website = cleanWebsite(input.website);
    return this.deps.db.$transaction(async (tx) => {
      if (data.name && data.name.toLowerCase() !== existing.name.toLowerCase()) {
        if (await repo.findOrganisationByName(tx, v.municipalityId, data.name))
          throw conflict("An organisation with this name exists already.");
      }
      const org = await repo.updateOrganisation(tx, existing.id, data);
      await this.deps.audit.record(tx, {
        municipalityId: v.municipalityId,
        actorId: v.userId,
        actorRole: v.role,
        action: "UPDATE",
        entityType: "Organisation",
        entityId: org.id,
        details: { fields: Object.keys(data) },
        requestId,
      });
      return org;
    });
  }

  async archive(viewer: Viewer | null, id: string, requestId: string, load: (id: string) => Promise<Organisation | null>) {
    const v = requireRole(viewer, "COORDINATOR", "ADMIN");
    const existing = await this.get(v, id, load);
    if (existing.archivedAt) return existing;
    return this.deps.db.$transaction(async (tx) => {
      const org = await repo.updateOrganisation(tx, existing.id, { archivedAt: new Date() });
      await this.deps.audit.record(tx, {
        municipalityId: v.municipalityId,
        actorId: v.userId,
        actorRole: v.role,
        action: "UPDATE",
        entityType: "Organisation",
        entityId: org.id,
        details: { fields: ["archivedAt"] },
        requestId,
      });
      return org;
    });
  }
}
