import { describe, expect, it } from 'vitest';
import { createEmbeddingProvider } from './create-embedding-provider.js';
import { GeminiEmbeddingProvider } from './gemini-provider.js';
import { LOCAL_MODEL_ID } from './local-provider.js';

describe('createEmbeddingProvider', () => {
  it('builds the local provider', async () => {
    const provider = await createEmbeddingProvider({ provider: 'local' });
    expect(provider.modelId).toBe(LOCAL_MODEL_ID);
  });

  it('builds the gemini provider from its settings without contacting the API', async () => {
    const provider = await createEmbeddingProvider({
      provider: 'gemini',
      geminiApiKey: 'k',
      geminiModel: 'gemini-embedding-001',
      geminiBaseUrl: 'http://127.0.0.1:9',
      timeoutMs: 1000,
      maxAttempts: 2,
    });
    expect(provider).toBeInstanceOf(GeminiEmbeddingProvider);
    expect(provider.modelId).toBe('gemini:gemini-embedding-001@768');
    expect(provider.maxBatchSize).toBe(100);
  });
});
