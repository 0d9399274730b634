/**
 * Okapi BM25 (k1 = 1.2, b = 0.75, idf = ln(1 + (N - df + 0.5) / (df + 0.5))), the keyword baseline of
 * `npm run eval:match`. Tokens: lower-cased runs of letters and digits, keeping the symbols of technology
 * names ("c#", "c++", ".net", "node.js"), so a baseline sees skills the way a recruiter types them.
 */

const K1 = 1.2;
const B = 0.75;

export function tokenize(text: string): string[] {
  const tokens = text.toLowerCase().match(/\.?[\p{L}\p{N}][\p{L}\p{N}+#.]*/gu) ?? [];
  return tokens.map((token) => token.replace(/\.+$/, '')).filter((token) => token.length > 0);
}

export interface Bm25Index {
  score(query: string): number[];
}

export function bm25Index(documents: readonly string[]): Bm25Index {
  const docs = documents.map((doc) => {
    const counts = new Map<string, number>();
    const tokens = tokenize(doc);
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    return { counts, length: tokens.length };
  });
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    for (const token of doc.counts.keys())
      documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  }
  const averageLength = docs.reduce((sum, doc) => sum + doc.length, 0) / (docs.length || 1);
  const idf = (token: string) => {
    const df = documentFrequency.get(token) ?? 0;
    return Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
  };
  return {
    score(query: string): number[] {
      const terms = [...new Set(tokenize(query))];
      return docs.map((doc) => {
        let sum = 0;
        for (const term of terms) {
          const tf = doc.counts.get(term) ?? 0;
          if (tf === 0) continue;
          sum += (idf(term) * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / (averageLength || 1)));
        }
        return sum;
      });
    },
  };
}
