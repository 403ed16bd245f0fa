import { type Database, recordOutboxEmail } from '@salla-analytics/database-schema';
import type { OutboxStore } from '@salla-analytics/integration-gateways';

/** The email gateway's outbox port on database-schema's `email_outbox` table. */
export function createOutboxStore(db: Database): OutboxStore {
  return {
    async record(email) {
      const { email: row, duplicate } = await recordOutboxEmail(db, email);
      return { id: row.id, duplicate };
    },
  };
}
