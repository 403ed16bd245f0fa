import { listAssistantExchanges } from '@salla-analytics/database-schema';
import type { ServerContext } from '../context';

/** The signed-in user's last questions in this store, newest first, with their answers. */
export async function getAssistantHistory(context: ServerContext, merchantId: number, userId: string, limit: number) {
  const rows = await listAssistantExchanges(context.db, { merchantId, userId, limit });
  return {
    data: rows.map((row) => ({
      id: row.id,
      question: row.question,
      language: row.language,
      status: row.status,
      planner: row.planner,
      createdAt: row.createdAt.toISOString(),
      answer: row.answer,
    })),
  };
}
