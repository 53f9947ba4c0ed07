-- CreateTable
CREATE TABLE "ContactImport" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "uploadedById" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "separator" TEXT,
    "byteSize" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "lastErrors" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContactImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactImport_municipalityId_createdAt_idx" ON "ContactImport"("municipalityId", "createdAt");

-- CreateIndex
CREATE INDEX "ContactImport_expiresAt_idx" ON "ContactImport"("expiresAt");

-- AddForeignKey
ALTER TABLE "ContactImport" ADD CONSTRAINT "ContactImport_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactImport" ADD CONSTRAINT "ContactImport_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
