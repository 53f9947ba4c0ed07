-- CreateEnum
CREATE TYPE "Role" AS ENUM ('COORDINATOR', 'POLICE_LIAISON', 'ALLY', 'ADMIN');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('RESIDENTS_GROUP', 'COMMUNITY_ORGANISATION', 'YOUTH_WORK', 'SCHOOL', 'SPORTS_CLUB', 'BUSINESS', 'HOSPITALITY', 'PARTNER_ORGANISATION', 'MUNICIPALITY', 'POLICE', 'OTHER');

-- CreateEnum
CREATE TYPE "ContactStatus" AS ENUM ('ACTIVE', 'INACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('EMAIL', 'PHONE', 'SMS', 'MESSAGING_APP', 'IN_PERSON');

-- CreateEnum
CREATE TYPE "AgeBand" AS ENUM ('UNDER_12', 'AGE_12_15', 'AGE_16_17', 'AGE_18_23', 'AGE_24_27', 'ADULT');

-- CreateEnum
CREATE TYPE "ConsentPurpose" AS ENUM ('NETWORK_MEMBERSHIP', 'SESSION_INVITATIONS', 'SIGNAL_FOLLOW_UP', 'NEWSLETTER');

-- CreateEnum
CREATE TYPE "LegalBasis" AS ENUM ('CONSENT', 'LEGITIMATE_INTEREST', 'PUBLIC_TASK');

-- CreateEnum
CREATE TYPE "NetworkKind" AS ENUM ('ALLIES', 'CITYWIDE_ALLIES', 'YOUTH', 'OTHER');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('MEMBER', 'CHAIR', 'LIAISON');

-- CreateEnum
CREATE TYPE "InteractionKind" AS ENUM ('CALL', 'VISIT', 'MEETING', 'MESSAGE');

-- CreateEnum
CREATE TYPE "SessionTheme" AS ENUM ('ETHNIC_PROFILING', 'DISCRIMINATION', 'DIVERSE_INFLOW', 'OTHER');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CANCELLED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "RsvpResponse" AS ENUM ('YES', 'NO', 'MAYBE');

-- CreateEnum
CREATE TYPE "SeatStatus" AS ENUM ('CONFIRMED', 'WAITLISTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Attendance" AS ENUM ('UNKNOWN', 'ATTENDED', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "SignalKind" AS ENUM ('TENSION', 'INCIDENT', 'UNREST', 'RUMOUR', 'ONLINE');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "SignalVisibility" AS ENUM ('COORDINATION_ONLY', 'SHARED_WITH_POLICE');

-- CreateEnum
CREATE TYPE "SignalStatus" AS ENUM ('NEW', 'TRIAGED', 'MONITORING', 'RESOLVED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "SignalUpdateKind" AS ENUM ('REPORTED', 'COMMENT', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'DISTRICT_CHANGED', 'VISIBILITY_CHANGED', 'ALERT_ACKNOWLEDGED');

-- CreateEnum
CREATE TYPE "AlertReason" AS ENUM ('DISTRICT_LIAISON', 'COORDINATOR', 'ESCALATION_BACKUP', 'ESCALATION_COORDINATOR');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('CREATE', 'UPDATE', 'DELETE', 'READ', 'EXPORT', 'NOTIFY', 'ACKNOWLEDGE', 'LOGIN', 'LOGIN_FAILED', 'LOGOUT', 'ANONYMISE');

-- CreateTable
CREATE TABLE "Municipality" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "staleContactAfterDays" INTEGER NOT NULL DEFAULT 90,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "District" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Neighbourhood" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Neighbourhood_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "contactId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastLoginAt" TIMESTAMPTZ(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserDistrict" (
    "userId" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "isBackup" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "UserDistrict_pkey" PRIMARY KEY ("userId","districtId")
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "lastSeenAt" TIMESTAMPTZ(3),

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "website" TEXT,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "fullName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "preferredChannel" "ContactChannel" NOT NULL DEFAULT 'EMAIL',
    "preferredLanguage" TEXT NOT NULL DEFAULT 'nl',
    "ageBand" "AgeBand" NOT NULL DEFAULT 'ADULT',
    "status" "ContactStatus" NOT NULL DEFAULT 'ACTIVE',
    "notes" TEXT,
    "lastInteractionAt" TIMESTAMPTZ(3),
    "mergedIntoId" UUID,
    "anonymisedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactRole" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "organisationId" UUID,
    "title" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3),
    "until" TIMESTAMPTZ(3),

    CONSTRAINT "ContactRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactDistrict" (
    "contactId" UUID NOT NULL,
    "districtId" UUID NOT NULL,

    CONSTRAINT "ContactDistrict_pkey" PRIMARY KEY ("contactId","districtId")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "purpose" "ConsentPurpose" NOT NULL,
    "legalBasis" "LegalBasis" NOT NULL,
    "givenAt" TIMESTAMPTZ(3) NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3),
    "byGuardian" BOOLEAN NOT NULL DEFAULT false,
    "guardianName" TEXT,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Network" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "kind" "NetworkKind" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "districtId" UUID,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkMembership" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "role" "MembershipRole" NOT NULL DEFAULT 'MEMBER',
    "since" TIMESTAMPTZ(3) NOT NULL,
    "until" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Interaction" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "authorId" UUID,
    "kind" "InteractionKind" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Interaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThemeSession" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "districtId" UUID,
    "title" TEXT NOT NULL,
    "theme" "SessionTheme" NOT NULL,
    "description" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "youthReservedSeats" INTEGER NOT NULL DEFAULT 0,
    "rsvpDeadline" TIMESTAMPTZ(3),
    "status" "SessionStatus" NOT NULL DEFAULT 'DRAFT',
    "reminderMinutesBefore" INTEGER DEFAULT 1440,
    "reminderSentAt" TIMESTAMPTZ(3),
    "selfCheckInCodeHash" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ThemeSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "contactId" UUID,
    "viaNetworkId" UUID,
    "tokenHash" TEXT NOT NULL,
    "tokenExpiresAt" TIMESTAMPTZ(3) NOT NULL,
    "response" "RsvpResponse",
    "respondedAt" TIMESTAMPTZ(3),
    "invitedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "invitationId" UUID NOT NULL,
    "isGuest" BOOLEAN NOT NULL DEFAULT false,
    "guestLabel" TEXT,
    "ageBand" "AgeBand" NOT NULL DEFAULT 'ADULT',
    "guardianConsentAt" TIMESTAMPTZ(3),
    "seatStatus" "SeatStatus" NOT NULL,
    "queuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),
    "attendance" "Attendance" NOT NULL DEFAULT 'UNKNOWN',
    "checkedInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signal" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "neighbourhoodId" UUID,
    "kind" "SignalKind" NOT NULL,
    "severity" "Severity" NOT NULL,
    "summary" TEXT NOT NULL,
    "details" TEXT,
    "place" TEXT,
    "occurredFrom" TIMESTAMPTZ(3),
    "occurredUntil" TIMESTAMPTZ(3),
    "visibility" "SignalVisibility" NOT NULL DEFAULT 'COORDINATION_ONLY',
    "status" "SignalStatus" NOT NULL DEFAULT 'NEW',
    "reporterId" UUID,
    "reporterIdentitySharable" BOOLEAN NOT NULL DEFAULT false,
    "anonymisedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Signal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignalUpdate" (
    "id" UUID NOT NULL,
    "signalId" UUID NOT NULL,
    "authorId" UUID,
    "kind" "SignalUpdateKind" NOT NULL,
    "fromValue" TEXT,
    "toValue" TEXT,
    "note" TEXT,
    "visibleToPolice" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignalUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "signalId" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "reason" "AlertReason" NOT NULL,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgeComment" TEXT,
    "escalateAt" TIMESTAMPTZ(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "seq" BIGSERIAL NOT NULL,
    "municipalityId" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "districtId" UUID,
    "userId" UUID,
    "entityId" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "municipalityId" UUID,
    "actorId" UUID,
    "actorRole" "Role",
    "action" "AuditAction" NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "details" JSONB,
    "requestId" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_code_key" ON "Municipality"("code");

-- CreateIndex
CREATE INDEX "District_municipalityId_name_idx" ON "District"("municipalityId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "District_municipalityId_code_key" ON "District"("municipalityId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Neighbourhood_districtId_code_key" ON "Neighbourhood"("districtId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_contactId_key" ON "User"("contactId");

-- CreateIndex
CREATE INDEX "User_municipalityId_role_idx" ON "User"("municipalityId", "role");

-- CreateIndex
CREATE INDEX "UserDistrict_districtId_idx" ON "UserDistrict"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "AuthSession_tokenHash_key" ON "AuthSession"("tokenHash");

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- CreateIndex
CREATE INDEX "AuthSession_expiresAt_idx" ON "AuthSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_municipalityId_name_key" ON "Organisation"("municipalityId", "name");

-- CreateIndex
CREATE INDEX "Contact_municipalityId_status_idx" ON "Contact"("municipalityId", "status");

-- CreateIndex
CREATE INDEX "Contact_municipalityId_lastInteractionAt_idx" ON "Contact"("municipalityId", "lastInteractionAt");

-- CreateIndex
CREATE INDEX "Contact_municipalityId_fullName_idx" ON "Contact"("municipalityId", "fullName");

-- CreateIndex
CREATE INDEX "Contact_email_idx" ON "Contact"("email");

-- CreateIndex
CREATE INDEX "ContactRole_contactId_idx" ON "ContactRole"("contactId");

-- CreateIndex
CREATE INDEX "ContactRole_organisationId_idx" ON "ContactRole"("organisationId");

-- CreateIndex
CREATE INDEX "ContactDistrict_districtId_idx" ON "ContactDistrict"("districtId");

-- CreateIndex
CREATE INDEX "Consent_contactId_purpose_idx" ON "Consent"("contactId", "purpose");

-- CreateIndex
CREATE INDEX "Network_municipalityId_kind_idx" ON "Network"("municipalityId", "kind");

-- CreateIndex
CREATE INDEX "Network_districtId_idx" ON "Network"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "Network_municipalityId_name_key" ON "Network"("municipalityId", "name");

-- CreateIndex
CREATE INDEX "NetworkMembership_networkId_until_idx" ON "NetworkMembership"("networkId", "until");

-- CreateIndex
CREATE INDEX "NetworkMembership_contactId_idx" ON "NetworkMembership"("contactId");

-- CreateIndex
CREATE INDEX "Interaction_contactId_occurredAt_idx" ON "Interaction"("contactId", "occurredAt");

-- CreateIndex
CREATE INDEX "ThemeSession_municipalityId_startsAt_idx" ON "ThemeSession"("municipalityId", "startsAt");

-- CreateIndex
CREATE INDEX "ThemeSession_districtId_startsAt_idx" ON "ThemeSession"("districtId", "startsAt");

-- CreateIndex
CREATE INDEX "ThemeSession_status_startsAt_idx" ON "ThemeSession"("status", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_sessionId_contactId_key" ON "Invitation"("sessionId", "contactId");

-- CreateIndex
CREATE INDEX "Registration_sessionId_seatStatus_queuedAt_idx" ON "Registration"("sessionId", "seatStatus", "queuedAt");

-- CreateIndex
CREATE INDEX "Registration_invitationId_idx" ON "Registration"("invitationId");

-- CreateIndex
CREATE INDEX "Signal_municipalityId_createdAt_idx" ON "Signal"("municipalityId", "createdAt");

-- CreateIndex
CREATE INDEX "Signal_districtId_visibility_createdAt_idx" ON "Signal"("districtId", "visibility", "createdAt");

-- CreateIndex
CREATE INDEX "Signal_status_idx" ON "Signal"("status");

-- CreateIndex
CREATE INDEX "SignalUpdate_signalId_createdAt_idx" ON "SignalUpdate"("signalId", "createdAt");

-- CreateIndex
CREATE INDEX "Alert_recipientId_createdAt_idx" ON "Alert"("recipientId", "createdAt");

-- CreateIndex
CREATE INDEX "Alert_signalId_idx" ON "Alert"("signalId");

-- CreateIndex
CREATE INDEX "Alert_escalateAt_idx" ON "Alert"("escalateAt");

-- CreateIndex
CREATE INDEX "Event_municipalityId_topic_seq_idx" ON "Event"("municipalityId", "topic", "seq");

-- CreateIndex
CREATE INDEX "Event_createdAt_idx" ON "Event"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_municipalityId_at_idx" ON "AuditEntry"("municipalityId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at");

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Neighbourhood" ADD CONSTRAINT "Neighbourhood_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserDistrict" ADD CONSTRAINT "UserDistrict_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserDistrict" ADD CONSTRAINT "UserDistrict_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRole" ADD CONSTRAINT "ContactRole_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRole" ADD CONSTRAINT "ContactRole_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactDistrict" ADD CONSTRAINT "ContactDistrict_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactDistrict" ADD CONSTRAINT "ContactDistrict_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeSession" ADD CONSTRAINT "ThemeSession_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeSession" ADD CONSTRAINT "ThemeSession_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ThemeSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_viaNetworkId_fkey" FOREIGN KEY ("viaNetworkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ThemeSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signal" ADD CONSTRAINT "Signal_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signal" ADD CONSTRAINT "Signal_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signal" ADD CONSTRAINT "Signal_neighbourhoodId_fkey" FOREIGN KEY ("neighbourhoodId") REFERENCES "Neighbourhood"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signal" ADD CONSTRAINT "Signal_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignalUpdate" ADD CONSTRAINT "SignalUpdate_signalId_fkey" FOREIGN KEY ("signalId") REFERENCES "Signal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignalUpdate" ADD CONSTRAINT "SignalUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_signalId_fkey" FOREIGN KEY ("signalId") REFERENCES "Signal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
