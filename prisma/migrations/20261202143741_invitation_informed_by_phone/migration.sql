-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "informedByPhoneAt" TIMESTAMPTZ(3),
ADD COLUMN     "informedByPhoneById" UUID;


