-- CreateTable
CREATE TABLE "RsvpAnswerKey" (
    "invitationId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RsvpAnswerKey_pkey" PRIMARY KEY ("invitationId","key")
);

-- AddForeignKey
ALTER TABLE "RsvpAnswerKey" ADD CONSTRAINT "RsvpAnswerKey_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


