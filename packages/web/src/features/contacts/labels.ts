import type {
  AgeBand,
  ConsentPurpose,
  ContactChannel,
  ContactStatus,
  InteractionKind,
  LegalBasis,
  MembershipRole,
  NetworkKind,
  OrganisationKind,
} from "../../generated/gql/graphql";

/**
 * Message keys for the server's enum values. The template types make the
 * typecheck fail when messages.nl.ts lacks a key for a value the schema adds.
 */
export const ageBandKey = (value: AgeBand) => `ageBand.${value}` as const;
export const contactStatusKey = (value: ContactStatus) => `contactStatus.${value}` as const;
export const channelKey = (value: ContactChannel) => `channel.${value}` as const;
export const interactionKindKey = (value: InteractionKind) => `interactionKind.${value}` as const;
export const consentPurposeKey = (value: ConsentPurpose) => `consentPurpose.${value}` as const;
export const legalBasisKey = (value: LegalBasis) => `legalBasis.${value}` as const;
export const membershipRoleKey = (value: MembershipRole) => `membershipRole.${value}` as const;
export const networkKindKey = (value: NetworkKind) => `networkKind.${value}` as const;
export const organisationKindKey = (value: OrganisationKind) => `organisationKind.${value}` as const;

export const AGE_BANDS: readonly AgeBand[] = ["UNDER_12", "AGE_12_15", "AGE_16_17", "AGE_18_23", "AGE_24_27", "ADULT"];
export const CONTACT_STATUSES: readonly ContactStatus[] = ["ACTIVE", "INACTIVE", "ARCHIVED"];
export const CHANNELS: readonly ContactChannel[] = ["EMAIL", "PHONE", "SMS", "MESSAGING_APP", "IN_PERSON"];
export const INTERACTION_KINDS: readonly InteractionKind[] = ["CALL", "MEETING", "MESSAGE", "VISIT"];
export const MEMBERSHIP_ROLES: readonly MembershipRole[] = ["MEMBER", "CHAIR", "LIAISON"];
export const NETWORK_KINDS: readonly NetworkKind[] = ["ALLIES", "CITYWIDE_ALLIES", "YOUTH", "OTHER"];
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = ["NETWORK_MEMBERSHIP", "SESSION_INVITATIONS", "NEWSLETTER", "SIGNAL_FOLLOW_UP"];
export const LEGAL_BASES: readonly LegalBasis[] = ["CONSENT", "LEGITIMATE_INTEREST", "PUBLIC_TASK"];
export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  "COMMUNITY_ORGANISATION",
  "RESIDENTS_GROUP",
  "YOUTH_WORK",
  "SCHOOL",
  "SPORTS_CLUB",
  "BUSINESS",
  "HOSPITALITY",
  "PARTNER_ORGANISATION",
  "MUNICIPALITY",
  "POLICE",
  "OTHER",
];
