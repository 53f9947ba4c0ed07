-- AlterTable
ALTER TABLE "Signal" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Signal_reporterId_idempotencyKey_key" ON "Signal"("reporterId", "idempotencyKey");


