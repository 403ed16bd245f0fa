-- DropIndex
DROP INDEX "webhook_inbox_merchant_id_received_at_idx";
