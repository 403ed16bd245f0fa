-- Alerts, notifications and digest preferences now go with their store and their user
-- (deleting a user or a merchant deletes them). Rows already pointing at a user or a store that
-- no longer exists could never be shown or sent; they are removed so the constraints can be added.
DELETE FROM "alert_rules" r WHERE NOT EXISTS (SELECT 1 FROM "merchants" m WHERE m."id" = r."merchant_id");
DELETE FROM "notifications" n
 WHERE NOT EXISTS (SELECT 1 FROM "merchants" m WHERE m."id" = n."merchant_id")
    OR NOT EXISTS (SELECT 1 FROM "users" u WHERE u."id" = n."user_id");
DELETE FROM "digest_preferences" d
 WHERE NOT EXISTS (SELECT 1 FROM "merchants" m WHERE m."id" = d."merchant_id")
    OR NOT EXISTS (SELECT 1 FROM "users" u WHERE u."id" = d."user_id");

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_preferences" ADD CONSTRAINT "digest_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_preferences" ADD CONSTRAINT "digest_preferences_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
