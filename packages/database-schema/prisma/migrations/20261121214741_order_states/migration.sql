-- CreateTable
CREATE TABLE "order_states" (
    "merchant_id" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL,
    "payload" JSONB,
    "payload_version" BIGINT NOT NULL DEFAULT 0,
    "payload_hash" TEXT NOT NULL DEFAULT '',
    "status" TEXT,
    "status_version" BIGINT NOT NULL DEFAULT 0,
    "deleted_version" BIGINT NOT NULL DEFAULT 0,
    "item_ids" BIGINT[] DEFAULT ARRAY[]::BIGINT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_states_pkey" PRIMARY KEY ("merchant_id","order_id")
);
