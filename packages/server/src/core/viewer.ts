import type { Language, PartnerKind, Role } from "../generated/prisma/enums.js";

/** Who is asking: resolved from the bearer token on every HTTP request and once per socket. */
export interface Viewer {
  userId: string;
  sessionId: string;
  municipalityId: string;
  role: Role;
  /** The districts the user works in; empty for municipality-wide roles. */
  districtIds: readonly string[];
  /** The user's own contact record (an ally's profile), if linked. */
  contactId: string | null;
  expiresAt: Date;
  /** The account's language: API error messages and emails to the user are in it. */
  language?: Language;
  /**
   * A liaison's partner organisation and its kind (police, enforcement, …): which shared
   * signals they see. Null/absent for other roles; a liaison without one counts as police.
   */
  partnerOrganisationId?: string | null;
  partnerKind?: PartnerKind | null;
  /**
   * The role requires two-factor authentication and the account has none yet: this session
   * may only enrol (`requireViewer` refuses it everywhere else).
   */
  enrolmentOnly?: boolean;
}
