-- CreateEnum
CREATE TYPE "ComplaintConcerns" AS ENUM ('ENFORCEMENT', 'MUNICIPALITY', 'POLICE');

-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('RECEIVED', 'ACKNOWLEDGED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ComplaintUpdateKind" AS ENUM ('RECEIVED', 'ACKNOWLEDGED', 'NOTE', 'REFERRAL_OFFERED', 'CLOSED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'COMPLAINTS_HANDLER';

-- AlterTable
ALTER TABLE "Municipality" ADD COLUMN     "complaintHandlingWeeks" INTEGER NOT NULL DEFAULT 6;

-- CreateTable
CREATE TABLE "Complaint" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "districtId" UUID,
    "concerns" "ComplaintConcerns" NOT NULL,
    "description" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3),
    "status" "ComplaintStatus" NOT NULL DEFAULT 'RECEIVED',
    "reporterId" UUID,
    "referralWanted" BOOLEAN NOT NULL DEFAULT false,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handleBy" TIMESTAMPTZ(3) NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintUpdate" (
    "id" UUID NOT NULL,
    "complaintId" UUID NOT NULL,
    "authorId" UUID,
    "kind" "ComplaintUpdateKind" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Complaint_municipalityId_receivedAt_idx" ON "Complaint"("municipalityId", "receivedAt");

-- CreateIndex
CREATE INDEX "Complaint_reporterId_idx" ON "Complaint"("reporterId");

-- CreateIndex
CREATE INDEX "ComplaintUpdate_complaintId_createdAt_idx" ON "ComplaintUpdate"("complaintId", "createdAt");

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintUpdate" ADD CONSTRAINT "ComplaintUpdate_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintUpdate" ADD CONSTRAINT "ComplaintUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


