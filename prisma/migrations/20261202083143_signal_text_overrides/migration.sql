-- AlterEnum
ALTER TYPE "SignalUpdateKind" ADD VALUE 'TEXT_REWORDED';

-- AlterTable
ALTER TABLE "Signal" ADD COLUMN     "policeDetails" TEXT,
ADD COLUMN     "policePlace" TEXT,
ADD COLUMN     "policeSummary" TEXT,
ADD COLUMN     "textFlaggedFields" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "SignalTextOverride" (
    "id" UUID NOT NULL,
    "signalId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "words" JSONB NOT NULL,
    "acknowledgedById" UUID,
    "acknowledgedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignalTextOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignalTextOverride_signalId_idx" ON "SignalTextOverride"("signalId");

-- AddForeignKey
ALTER TABLE "SignalTextOverride" ADD CONSTRAINT "SignalTextOverride_signalId_fkey" FOREIGN KEY ("signalId") REFERENCES "Signal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignalTextOverride" ADD CONSTRAINT "SignalTextOverride_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
