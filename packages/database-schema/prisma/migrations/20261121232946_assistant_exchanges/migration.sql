-- CreateTable
CREATE TABLE "assistant_exchanges" (
    "id" UUID NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "user_id" UUID NOT NULL,
    "question" TEXT NOT NULL,
    "language" VARCHAR(2) NOT NULL,
    "status" TEXT NOT NULL,
    "planner" TEXT NOT NULL,
    "plan" JSONB NOT NULL,
    "answer" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assistant_exchanges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "assistant_exchanges_merchant_id_user_id_created_at_idx" ON "assistant_exchanges"("merchant_id", "user_id", "created_at");

-- AddForeignKey
ALTER TABLE "assistant_exchanges" ADD CONSTRAINT "assistant_exchanges_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assistant_exchanges" ADD CONSTRAINT "assistant_exchanges_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
