-- CreateEnum
CREATE TYPE "MembershipEndReason" AS ENUM ('LEFT', 'ROLE_CHANGED', 'CONSENT_WITHDRAWN');

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "ageBandSince" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "NetworkMembership" ADD COLUMN     "endReason" "MembershipEndReason";

-- Backfill: every existing contact's band counts as given when the row was created (the age-band
-- step moves it on from there), and every membership that ended before reasons were kept reads
-- as "left".
UPDATE "Contact" SET "ageBandSince" = "createdAt";
UPDATE "NetworkMembership" SET "endReason" = 'LEFT' WHERE "until" IS NOT NULL;
