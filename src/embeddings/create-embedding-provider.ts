import type { EmbeddingProvider } from './embedding-provider.js';

export interface EmbeddingProviderConfig {
  provider: 'local' | 'gemini';
  geminiApiKey?: string;
  geminiModel?: string;
  geminiBaseUrl?: string;
  timeoutMs?: number;
  maxAttempts?: number;
}

/**
 * Builds the configured provider; a gemini config without a key fails with code 'missing_key'. Each provider's
 * module loads only when it is the configured one: Gemini's client library was half of `jobmatch roles`' start.
 */
export async function createEmbeddingProvider(config: EmbeddingProviderConfig): Promise<EmbeddingProvider> {
  switch (config.provider) {
    case 'local': {
      const { createLocalEmbeddingProvider } = await import('./local-provider.js');
      return createLocalEmbeddingProvider();
    }
    case 'gemini': {
      const { GeminiEmbeddingProvider } = await import('./gemini-provider.js');
      return new GeminiEmbeddingProvider({
        apiKey: config.geminiApiKey,
        ...(config.geminiModel ? { model: config.geminiModel } : {}),
        ...(config.geminiBaseUrl ? { baseUrl: config.geminiBaseUrl } : {}),
        ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
        ...(config.maxAttempts !== undefined ? { maxAttempts: config.maxAttempts } : {}),
      });
    }
  }
}
