import DataLoader from "dataloader";
import type { Db } from "../../platform/db/prisma.js";
import type { Invitation, Registration, ThemeSession } from "../../generated/prisma/client.js";
import { byId, groupBy } from "../../core/loader-utils.js";
import { sessionRepository as repo, type CountsRow } from "./session.repository.js";

export function createSessionLoaders(db: Db) {
  return {
    themeSession: new DataLoader<string, ThemeSession | null>(async (ids) => byId(ids, await repo.findSessionsByIds(db, ids))),
    invitation: new DataLoader<string, Invitation | null>(async (ids) => byId(ids, await repo.findInvitationsByIds(db, ids))),
    registration: new DataLoader<string, Registration | null>(async (ids) => byId(ids, await repo.findRegistrationsByIds(db, ids))),
    invitationsOfSession: new DataLoader<string, Invitation[]>(async (ids) =>
      groupBy(ids, await repo.findInvitationsOfSessions(db, ids), (i) => i.sessionId),
    ),
    registrationsOfSession: new DataLoader<string, Registration[]>(async (ids) =>
      groupBy(ids, await repo.findRegistrationsOfSessions(db, ids), (r) => r.sessionId),
    ),
    registrationsOfInvitation: new DataLoader<string, Registration[]>(async (ids) =>
      groupBy(ids, await repo.findRegistrationsOfInvitations(db, ids), (r) => r.invitationId),
    ),
    sessionCounts: new DataLoader<string, CountsRow | undefined>(async (ids) => {
      const m = await repo.counts(db, ids);
      return ids.map((id) => m.get(id));
    }),
    waitlistPosition: new DataLoader<string, number | null>(async (ids) => {
      const m = await repo.waitlistPositions(db, ids);
      return ids.map((id) => m.get(id) ?? null);
    }),
  };
}
