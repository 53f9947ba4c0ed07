-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('POLICE', 'ENFORCEMENT', 'OTHER');

-- AlterTable
ALTER TABLE "Signal" ADD COLUMN     "reporterIdentityKinds" "PartnerKind"[] DEFAULT ARRAY[]::"PartnerKind"[],
ADD COLUMN     "sharedWithIds" UUID[] DEFAULT ARRAY[]::UUID[];

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "partnerOrganisationId" UUID;

-- CreateTable
CREATE TABLE "PartnerOrganisation" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerOrganisation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PartnerOrganisation_municipalityId_kind_idx" ON "PartnerOrganisation"("municipalityId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerOrganisation_municipalityId_name_key" ON "PartnerOrganisation"("municipalityId", "name");

-- AddForeignKey
ALTER TABLE "PartnerOrganisation" ADD CONSTRAINT "PartnerOrganisation_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_partnerOrganisationId_fkey" FOREIGN KEY ("partnerOrganisationId") REFERENCES "PartnerOrganisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Data: every municipality gets its police organisation, and every existing police liaison
-- belongs to it (police liaisons stay police). SHARED_WITH_POLICE keeps its meaning: shared
-- with the police organisation(s); nothing else is shared yet (sharedWithIds stays empty).
INSERT INTO "PartnerOrganisation" ("id", "municipalityId", "kind", "name")
SELECT gen_random_uuid(), m."id", 'POLICE', 'Politie' FROM "Municipality" m;

UPDATE "User" u SET "partnerOrganisationId" = p."id"
FROM "PartnerOrganisation" p
WHERE u."role" = 'POLICE_LIAISON' AND p."municipalityId" = u."municipalityId" AND p."kind" = 'POLICE';

-- The reporter's agreement that police may see who reported, per audience from now on.
UPDATE "Signal" SET "reporterIdentityKinds" = ARRAY['POLICE']::"PartnerKind"[] WHERE "reporterIdentitySharable";
