-- CreateTable
CREATE TABLE "export_files" (
    "id" UUID NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "job_id" UUID,
    "table_name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "row_count" INTEGER NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "export_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_uploads" (
    "id" UUID NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "file_name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "row_count" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "mapping" JSONB,
    "job_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "import_uploads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_keys" (
    "id" BIGSERIAL NOT NULL,
    "merchant_id" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "external_key" TEXT NOT NULL,

    CONSTRAINT "import_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "export_files_job_id_key" ON "export_files"("job_id");

-- CreateIndex
CREATE INDEX "export_files_merchant_id_created_at_idx" ON "export_files"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "export_files_expires_at_idx" ON "export_files"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "import_uploads_job_id_key" ON "import_uploads"("job_id");

-- CreateIndex
CREATE INDEX "import_uploads_merchant_id_created_at_idx" ON "import_uploads"("merchant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "import_keys_merchant_id_kind_source_external_key_key" ON "import_keys"("merchant_id", "kind", "source", "external_key");


