import type { EmbeddingProvider } from './embedding-provider.js';
import { GeminiEmbeddingProvider } from './gemini-provider.js';
import { createLocalEmbeddingProvider } from './local-provider.js';

export interface EmbeddingProviderConfig {
  provider: 'local' | 'gemini';
  geminiApiKey?: string;
  geminiModel?: string;
  geminiBaseUrl?: string;
  timeoutMs?: number;
  maxAttempts?: number;
}

/** Builds the configured provider; a gemini config without a key fails with code 'missing_key'. */
export async function createEmbeddingProvider(config: EmbeddingProviderConfig): Promise<EmbeddingProvider> {
  switch (config.provider) {
    case 'local':
      return createLocalEmbeddingProvider();
    case 'gemini':
      return new GeminiEmbeddingProvider({
        apiKey: config.geminiApiKey,
        ...(config.geminiModel ? { model: config.geminiModel } : {}),
        ...(config.geminiBaseUrl ? { baseUrl: config.geminiBaseUrl } : {}),
        ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
        ...(config.maxAttempts !== undefined ? { maxAttempts: config.maxAttempts } : {}),
      });
  }
}
