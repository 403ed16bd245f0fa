import type { IAnalyticsRepository } from '@salla-analytics/olap-repository';
import type { AssistantSession } from '../execute/session.js';
import type { RetrievalDocument, Retriever } from './documents.js';
import { EmbeddingRetriever, type EmbeddingsPort } from './embedding-retriever.js';
import { LexicalRetriever } from './lexical-retriever.js';
import { buildDocuments, loadInsights, loadStoreProfile, type StoreProfile } from './store-knowledge.js';

export interface StoreKnowledge {
  profile: StoreProfile;
  documents: RetrievalDocument[];
  retriever: Retriever;
  builtAt: Date;
}

export interface KnowledgeCacheOptions {
  repository: IAnalyticsRepository;
  embeddings?: EmbeddingsPort | null;
  ttlMs?: number;
  maxMerchants?: number;
  onEmbeddingsFallback?: (error: unknown) => void;
}

/**
 * One retrieval index per merchant, built on first use and kept for `ttlMs` (10 minutes): the
 * store's profile and insights change slowly, and a question must not wait for a rebuild.
 * Indexes are keyed by merchant id only, so a merchant's questions never search another's.
 */
export class KnowledgeCache {
  private readonly entries = new Map<number, { at: number; knowledge: Promise<StoreKnowledge> }>();

  constructor(private readonly options: KnowledgeCacheOptions) {}

  get(session: AssistantSession): Promise<StoreKnowledge> {
    const ttl = this.options.ttlMs ?? 600_000;
    const hit = this.entries.get(session.merchantId);
    if (hit && Date.now() - hit.at < ttl) return hit.knowledge;
    const knowledge = this.build(session);
    knowledge.catch(() => this.entries.delete(session.merchantId));
    if (this.entries.size >= (this.options.maxMerchants ?? 500)) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(session.merchantId, { at: Date.now(), knowledge });
    return knowledge;
  }

  private async build(session: AssistantSession): Promise<StoreKnowledge> {
    const [profile, insights] = await Promise.all([
      loadStoreProfile(this.options.repository, session),
      loadInsights(this.options.repository, session),
    ]);
    const documents = buildDocuments(profile, insights);
    const lexical = new LexicalRetriever(documents);
    const retriever = this.options.embeddings
      ? new EmbeddingRetriever(documents, this.options.embeddings, lexical, this.options.onEmbeddingsFallback)
      : lexical;
    return { profile, documents, retriever, builtAt: new Date() };
  }
}
