-- AlterTable
ALTER TABLE "webhook_inbox" ADD COLUMN     "trace_context" TEXT;
