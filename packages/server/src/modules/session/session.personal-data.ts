import type { PersonalDataDecision, RetentionStep } from "../../kernel/privacy.js";
import { sessionRepository as repo } from "./session.repository.js";
import type { SessionService } from "./session.service.js";

export const sessionPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "ThemeSession",
    personColumns: ["createdById"],
    export: { untouched: "a session's author is a staff account, not the data subject" },
    erase: { untouched: "the staff reference stays; the session holds no invitee's data" },
  },
  {
    model: "Invitation",
    personColumns: ["contactId", "invitedById", "informedByPhoneById"],
    export: { section: "invitations", read: (db, contactId) => repo.findInvitationsForExport(db, contactId) },
    // Unlinked from the person and the token killed: the RSVP link, its .ics and
    // renewInvitationLink answer NOT_FOUND. Seats and attendance stay (anonymous) for turnout.
    erase: (tx, { contactIds, now }) => repo.eraseInvitationsOf(tx, contactIds, now),
    merge: (tx, { keepId, duplicateId }) => repo.moveInvitations(tx, duplicateId, keepId),
  },
  {
    model: "Registration",
    personColumns: ["guestLabel"],
    export: { coveredBy: "Invitation" },
    // The guests the person brought: labels and guardian-consent times cleared by the Invitation step.
    erase: { coveredBy: "Invitation" },
    merge: { coveredBy: "Invitation" },
  },
];

/** RSVP_RETENTION_DAYS after a session ended its RSVP personal data goes (SessionService.anonymiseEndedRsvps). */
export function sessionRetention(sessions: SessionService): RetentionStep {
  return {
    name: "rsvp",
    run: async (tx, now, scope) => ({ rsvpSessionsAnonymised: await sessions.anonymiseEndedRsvps(tx, now, scope.municipalityId) }),
  };
}
