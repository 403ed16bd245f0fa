-- CreateEnum
CREATE TYPE "recovery_campaign_status" AS ENUM ('active', 'paused');

-- CreateEnum
CREATE TYPE "recovery_send_status" AS ENUM ('sending', 'sent', 'skipped');

-- CreateTable
CREATE TABLE "customer_segments" (
    "id" UUID NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_segments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recovery_campaigns" (
    "id" UUID NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "recovery_campaign_status" NOT NULL DEFAULT 'active',
    "delay_minutes" INTEGER NOT NULL,
    "min_cart_value_minor" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL,
    "attempt_spacing_minutes" INTEGER NOT NULL,
    "quiet_hours_start" INTEGER,
    "quiet_hours_end" INTEGER,
    "attribution_window_hours" INTEGER NOT NULL DEFAULT 168,
    "active_since" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recovery_campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recovery_sends" (
    "id" UUID NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "campaign_id" UUID NOT NULL,
    "cart_id" BIGINT NOT NULL,
    "customer_id" BIGINT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "status" "recovery_send_status" NOT NULL DEFAULT 'sending',
    "cart_value_minor" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "recovery_sends_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "customer_segments_merchant_id_created_at_idx" ON "customer_segments"("merchant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "customer_segments_merchant_id_name_key" ON "customer_segments"("merchant_id", "name");

-- CreateIndex
CREATE INDEX "recovery_campaigns_merchant_id_created_at_idx" ON "recovery_campaigns"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "recovery_campaigns_status_idx" ON "recovery_campaigns"("status");

-- CreateIndex
CREATE INDEX "recovery_sends_merchant_id_campaign_id_sent_at_idx" ON "recovery_sends"("merchant_id", "campaign_id", "sent_at");

-- CreateIndex
CREATE UNIQUE INDEX "recovery_sends_campaign_id_cart_id_attempt_key" ON "recovery_sends"("campaign_id", "cart_id", "attempt");

-- AddForeignKey
ALTER TABLE "recovery_sends" ADD CONSTRAINT "recovery_sends_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "recovery_campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;


