-- CreateEnum
CREATE TYPE "email_delivery_status" AS ENUM ('sending', 'sent', 'failed');

-- CreateEnum
CREATE TYPE "alert_rule_type" AS ENUM ('revenue_drop', 'no_orders', 'orders_spike', 'revenue_spike');

-- CreateEnum
CREATE TYPE "digest_frequency" AS ENUM ('daily', 'weekly');

-- CreateTable
CREATE TABLE "schedules" (
    "name" TEXT NOT NULL,
    "cron" TEXT NOT NULL,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "email_deliveries" (
    "id" UUID NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "status" "email_delivery_status" NOT NULL DEFAULT 'sending',
    "to_address" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "message_id" TEXT,
    "error" TEXT,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "email_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" UUID NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "alert_rule_type" NOT NULL,
    "threshold" INTEGER NOT NULL,
    "baseline_weeks" INTEGER NOT NULL DEFAULT 4,
    "suppression_hours" INTEGER NOT NULL DEFAULT 24,
    "email_enabled" BOOLEAN NOT NULL DEFAULT true,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_events" (
    "id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "fired_at" TIMESTAMPTZ(3) NOT NULL,
    "details" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "alert_event_id" UUID,
    "data" JSONB NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_preferences" (
    "user_id" UUID NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "frequency" "digest_frequency" NOT NULL DEFAULT 'daily',
    "hour" INTEGER NOT NULL DEFAULT 8,
    "locale" "locale" NOT NULL DEFAULT 'ar',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "digest_preferences_pkey" PRIMARY KEY ("user_id","merchant_id")
);

-- CreateIndex
CREATE INDEX "email_deliveries_status_claimed_at_idx" ON "email_deliveries"("status", "claimed_at");

-- CreateIndex
CREATE UNIQUE INDEX "email_deliveries_merchant_id_idempotency_key_key" ON "email_deliveries"("merchant_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "alert_rules_merchant_id_created_at_idx" ON "alert_rules"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "alert_events_merchant_id_fired_at_idx" ON "alert_events"("merchant_id", "fired_at");

-- CreateIndex
CREATE UNIQUE INDEX "alert_events_rule_id_fired_at_key" ON "alert_events"("rule_id", "fired_at");

-- CreateIndex
CREATE INDEX "notifications_merchant_id_user_id_created_at_idx" ON "notifications"("merchant_id", "user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_alert_event_id_user_id_key" ON "notifications"("alert_event_id", "user_id");

-- CreateIndex
CREATE INDEX "digest_preferences_merchant_id_idx" ON "digest_preferences"("merchant_id");

-- AddForeignKey
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_alert_event_id_fkey" FOREIGN KEY ("alert_event_id") REFERENCES "alert_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
