-- CreateTable
CREATE TABLE "NetworkMeeting" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL,
    "agenda" TEXT,
    "minutes" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NetworkMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingActionPoint" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "ownerId" UUID,
    "dueDate" DATE NOT NULL,
    "doneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingActionPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LessonLearned" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "meetingId" UUID,
    "sessionId" UUID,
    "text" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LessonLearned_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NetworkMeeting_networkId_heldAt_idx" ON "NetworkMeeting"("networkId", "heldAt");

-- CreateIndex
CREATE INDEX "NetworkMeeting_municipalityId_heldAt_idx" ON "NetworkMeeting"("municipalityId", "heldAt");

-- CreateIndex
CREATE INDEX "MeetingActionPoint_meetingId_idx" ON "MeetingActionPoint"("meetingId");

-- CreateIndex
CREATE INDEX "MeetingActionPoint_ownerId_idx" ON "MeetingActionPoint"("ownerId");

-- CreateIndex
CREATE INDEX "LessonLearned_municipalityId_createdAt_idx" ON "LessonLearned"("municipalityId", "createdAt");

-- AddForeignKey
ALTER TABLE "NetworkMeeting" ADD CONSTRAINT "NetworkMeeting_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMeeting" ADD CONSTRAINT "NetworkMeeting_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingActionPoint" ADD CONSTRAINT "MeetingActionPoint_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "NetworkMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonLearned" ADD CONSTRAINT "LessonLearned_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonLearned" ADD CONSTRAINT "LessonLearned_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "NetworkMeeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonLearned" ADD CONSTRAINT "LessonLearned_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ThemeSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;


