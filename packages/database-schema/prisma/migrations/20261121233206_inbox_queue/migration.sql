-- DropIndex
DROP INDEX "webhook_inbox_status_received_at_idx";

-- AlterTable
ALTER TABLE "webhook_inbox" ADD COLUMN     "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "claims" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "webhook_inbox_status_available_at_idx" ON "webhook_inbox"("status", "available_at");
