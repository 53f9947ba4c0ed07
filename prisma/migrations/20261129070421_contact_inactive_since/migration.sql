-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "inactiveSince" TIMESTAMPTZ(3);
