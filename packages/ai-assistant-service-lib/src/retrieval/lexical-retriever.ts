import MiniSearch from 'minisearch';
import { stem, words } from '../text/normalize.js';
import type { RetrievalDocument, RetrievedDocument, Retriever } from './documents.js';

/** BM25 search (minisearch) over folded, lightly stemmed Arabic and English. */
export class LexicalRetriever implements Retriever {
  readonly kind = 'lexical' as const;
  private readonly index: MiniSearch<RetrievalDocument>;
  private readonly byId: Map<string, RetrievalDocument>;

  constructor(documents: readonly RetrievalDocument[]) {
    this.byId = new Map(documents.map((d) => [d.id, d]));
    this.index = new MiniSearch<RetrievalDocument>({
      fields: ['title', 'text'],
      storeFields: [],
      tokenize: (text) => words(text),
      processTerm: (term) => (term.length < 2 ? null : stem(term)),
      searchOptions: { boost: { title: 2 }, prefix: (term) => term.length >= 4, fuzzy: (term) => (term.length >= 6 ? 0.15 : false), combineWith: 'OR' },
    });
    this.index.addAll([...documents]);
  }

  async search(query: string, limit: number): Promise<RetrievedDocument[]> {
    return this.index
      .search(query)
      .slice(0, limit)
      .flatMap((hit) => {
        const document = this.byId.get(String(hit.id));
        return document ? [{ document, score: hit.score }] : [];
      });
  }
}
