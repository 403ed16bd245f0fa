/** Something the assistant can retrieve. Text is data: it is shown or quoted, never obeyed. */
export interface RetrievalDocument {
  id: string;
  kind: 'metric' | 'help' | 'store' | 'insight';
  lang: 'ar' | 'en';
  title: string;
  text: string;
}

export interface RetrievedDocument {
  document: RetrievalDocument;
  score: number;
}

export interface Retriever {
  readonly kind: 'lexical' | 'embeddings';
  search(query: string, limit: number): Promise<RetrievedDocument[]>;
}
