import type { RetrievalDocument, RetrievedDocument, Retriever } from './documents.js';

/** What the OpenAI gateway offers for embeddings (one vector per text). */
export interface EmbeddingsPort {
  embed(texts: string[]): Promise<number[][]>;
}

/**
 * Dense retrieval: documents are embedded once (in batches) through the gateway, the question
 * per search, ranked by cosine similarity. Any failure falls back to the lexical retriever, so
 * an outage or an open breaker never stops an answer.
 */
export class EmbeddingRetriever implements Retriever {
  readonly kind = 'embeddings' as const;
  private vectors: Promise<number[][]> | null = null;

  constructor(
    private readonly documents: readonly RetrievalDocument[],
    private readonly embeddings: EmbeddingsPort,
    private readonly fallback: Retriever,
    private readonly onFallback: (error: unknown) => void = () => {},
  ) {}

  async search(query: string, limit: number): Promise<RetrievedDocument[]> {
    try {
      this.vectors ??= this.embedDocuments();
      const [docVectors, [queryVector]] = await Promise.all([this.vectors, this.embeddings.embed([query])]);
      if (!queryVector) throw new Error('no query embedding');
      return this.documents
        .map((document, i) => ({ document, score: cosine(queryVector, docVectors[i] ?? []) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    } catch (error) {
      this.vectors = null;
      this.onFallback(error);
      return this.fallback.search(query, limit);
    }
  }

  private async embedDocuments(): Promise<number[][]> {
    const out: number[][] = [];
    const texts = this.documents.map((d) => `${d.title}\n${d.text}`.slice(0, 2_000));
    for (let i = 0; i < texts.length; i += 64) out.push(...(await this.embeddings.embed(texts.slice(i, i + 64))));
    if (out.length !== texts.length) throw new Error('embedding count mismatch');
    return out;
  }
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
