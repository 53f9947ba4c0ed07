import type { Db, DbOrTx } from "../../platform/db/prisma.js";
import type { PartnerOrganisation } from "../../generated/prisma/client.js";
import type { PartnerKind } from "../../generated/prisma/enums.js";
import type { Viewer } from "../../core/viewer.js";
import { conflict } from "../../core/errors.js";
import { requireRole } from "../../core/authz.js";
import { cleanText } from "../../core/text.js";
import { guardSituationText } from "../../core/situation-text.js";
import { isUniqueViolation } from "../../platform/db/prisma.js";
import type { AuditService } from "../audit/audit.service.js";
import { partnerRepository as repo } from "./partner.repository.js";

export interface PartnerServiceDeps {
  db: Db;
  audit: AuditService;
}

/** The police organisation a municipality gets when it has none yet (its liaisons stay police). */
export const DEFAULT_POLICE_NAME = "Politie";

/**
 * Partner organisations: who, outside the coordination, a signal can be shared with. The
 * organisation of a liaison decides which shared signals they see (signal.policy.ts).
 */
export class PartnerService {
  constructor(private readonly deps: PartnerServiceDeps) {}

  async list(viewerInput: Viewer | null): Promise<PartnerOrganisation[]> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    return repo.findOrganisations(this.deps.db, viewer.municipalityId);
  }

  async create(
    viewerInput: Viewer | null,
    input: { kind: PartnerKind; name: string; acknowledgeWarnings?: boolean | null },
    requestId: string,
  ): Promise<PartnerOrganisation> {
    const viewer = requireRole(viewerInput, "ADMIN");
    const name = cleanText(input.name, "input.name", 100, 2)!;
    guardSituationText([["input.name", name, "place"]], input.acknowledgeWarnings);
    try {
      return await this.deps.db.$transaction(async (tx) => {
        const created = await repo.createOrganisation(tx, { municipalityId: viewer.municipalityId, kind: input.kind, name });
        await this.deps.audit.record(tx, {
          municipalityId: viewer.municipalityId,
          actorId: viewer.userId,
          actorRole: viewer.role,
          action: "CREATE",
          entityType: "PartnerOrganisation",
          entityId: created.id,
          requestId,
          details: { kind: created.kind },
        });
        return created;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict("A partner organisation with this name exists.");
      throw err;
    }
  }

  // ─── internal API for other services (they check the viewer) ───

  /** The municipality's organisations with these ids; ids of other municipalities are left out. */
  async organisationsOf(db: DbOrTx, municipalityId: string, ids: readonly string[]): Promise<PartnerOrganisation[]> {
    if (ids.length === 0) return [];
    const rows = await repo.findOrganisationsByIds(db, ids);
    return rows.filter((o) => o.municipalityId === municipalityId);
  }

  /** The municipality's organisations, by name. */
  allOf(db: DbOrTx, municipalityId: string): Promise<PartnerOrganisation[]> {
    return repo.findOrganisations(db, municipalityId);
  }

  /**
   * The municipality's (first) police organisation, made when missing: a liaison created by
   * an old client or by single sign-on without an organisation belongs to the police.
   */
  async policeOf(db: DbOrTx, municipalityId: string): Promise<PartnerOrganisation> {
    const found = await repo.findFirstOfKind(db, municipalityId, "POLICE");
    if (found) return found;
    const sameName = await repo.findOrganisationByName(db, municipalityId, DEFAULT_POLICE_NAME);
    if (sameName) return sameName;
    return repo.createOrganisation(db, { municipalityId, kind: "POLICE", name: DEFAULT_POLICE_NAME });
  }
}
