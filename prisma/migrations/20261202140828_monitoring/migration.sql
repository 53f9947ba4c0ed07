-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "questionnaireAnswered" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "QuestionnaireAnswer" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "feltHeard" INTEGER NOT NULL,
    "trustChange" INTEGER NOT NULL,
    "wouldRecommend" INTEGER NOT NULL,
    "comment" TEXT,

    CONSTRAINT "QuestionnaireAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralCount" (
    "key" TEXT NOT NULL,
    "municipalityId" UUID NOT NULL,
    "districtId" UUID,
    "month" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReferralCount_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "QuestionnaireAnswer_sessionId_idx" ON "QuestionnaireAnswer"("sessionId");

-- CreateIndex
CREATE INDEX "QuestionnaireAnswer_municipalityId_idx" ON "QuestionnaireAnswer"("municipalityId");

-- CreateIndex
CREATE INDEX "ReferralCount_municipalityId_month_idx" ON "ReferralCount"("municipalityId", "month");

-- AddForeignKey
ALTER TABLE "QuestionnaireAnswer" ADD CONSTRAINT "QuestionnaireAnswer_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireAnswer" ADD CONSTRAINT "QuestionnaireAnswer_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ThemeSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralCount" ADD CONSTRAINT "ReferralCount_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralCount" ADD CONSTRAINT "ReferralCount_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


