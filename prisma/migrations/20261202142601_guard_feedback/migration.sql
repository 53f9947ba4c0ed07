-- CreateEnum
CREATE TYPE "GuardFeedbackKind" AS ENUM ('WARNING_WRONG', 'SLIPPED_THROUGH');

-- CreateEnum
CREATE TYPE "GuardFeedbackStatus" AS ENUM ('OPEN', 'REVIEWED');

-- CreateEnum
CREATE TYPE "GuardCorpusLabel" AS ENUM ('DESCRIBES_PEOPLE', 'SITUATION');

-- CreateEnum
CREATE TYPE "GuardWarningEventKind" AS ENUM ('SHOWN', 'OVERRIDDEN');

-- CreateTable
CREATE TABLE "GuardFeedback" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "kind" "GuardFeedbackKind" NOT NULL,
    "field" TEXT,
    "words" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "signalId" UUID,
    "createdById" UUID,
    "status" "GuardFeedbackStatus" NOT NULL DEFAULT 'OPEN',
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuardFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuardCorpusCandidate" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "feedbackId" UUID,
    "sentence" TEXT NOT NULL,
    "label" "GuardCorpusLabel" NOT NULL,
    "placeField" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuardCorpusCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuardWarningEvent" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "kind" "GuardWarningEventKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuardWarningEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GuardFeedback_municipalityId_status_createdAt_idx" ON "GuardFeedback"("municipalityId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "GuardFeedback_municipalityId_kind_createdAt_idx" ON "GuardFeedback"("municipalityId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "GuardCorpusCandidate_municipalityId_createdAt_idx" ON "GuardCorpusCandidate"("municipalityId", "createdAt");

-- CreateIndex
CREATE INDEX "GuardWarningEvent_municipalityId_kind_at_idx" ON "GuardWarningEvent"("municipalityId", "kind", "at");

-- AddForeignKey
ALTER TABLE "GuardCorpusCandidate" ADD CONSTRAINT "GuardCorpusCandidate_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "GuardFeedback"("id") ON DELETE SET NULL ON UPDATE CASCADE;


