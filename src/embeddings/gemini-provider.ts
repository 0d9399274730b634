/**
 * Embeddings from the Gemini API through the official SDK (@google/genai), batchEmbedContents endpoint.
 * Vectors are requested at 768 dimensions and re-normalized (reduced Gemini vectors are not unit length).
 * Transient failures (429, 408, 5xx, network errors, timeouts) are retried with exponential backoff and
 * jitter, honouring the server's RetryInfo delay; key problems fail at once.
 */
import { ApiError, type EmbedContentResponse, GoogleGenAI } from '@google/genai';
import {
  EMBEDDING_DIMENSIONS,
  type EmbeddingProvider,
  EmbeddingProviderError,
  type EmbeddingProviderErrorCode,
  type EmbeddingPurpose,
} from './embedding-provider.js';
import { normalize } from './vector-math.js';

export const DEFAULT_GEMINI_EMBEDDING_MODEL = 'gemini-embedding-001';
/** The API accepts at most 100 texts per batchEmbedContents request. */
export const GEMINI_MAX_BATCH_SIZE = 100;
/** About 2,000 tokens, the model's input limit, at roughly four characters per token. */
export const GEMINI_MAX_TEXT_CHARS = 8000;
/** Sent in place of a blank text, which the API rejects; keeps outputs aligned with inputs. */
const BLANK_TEXT_PLACEHOLDER = '(empty)';

export interface GeminiEmbeddingProviderOptions {
  apiKey: string | undefined;
  model?: string;
  /** Overrides the API endpoint (tests point it at a local fake server). */
  baseUrl?: string;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Total tries per batch, including the first. */
  maxAttempts?: number;
  /** First backoff delay; doubles on every retry up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1). */
  random?: () => number;
}

const TASK_TYPES: Record<EmbeddingPurpose, string> = {
  document: 'RETRIEVAL_DOCUMENT',
  query: 'RETRIEVAL_QUERY',
};

export class GeminiEmbeddingProvider implements EmbeddingProvider {
  readonly modelId: string;
  readonly maxBatchSize = GEMINI_MAX_BATCH_SIZE;
  private readonly client: GoogleGenAI;
  private readonly model: string;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(options: GeminiEmbeddingProviderOptions) {
    const apiKey = options.apiKey?.trim();
    if (!apiKey) {
      throw new EmbeddingProviderError(
        'missing_key',
        'Gemini API key is missing: set it to use the gemini provider',
      );
    }
    this.model = options.model?.trim() || DEFAULT_GEMINI_EMBEDDING_MODEL;
    this.modelId = `gemini:${this.model}@${EMBEDDING_DIMENSIONS}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 5));
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.client = new GoogleGenAI({
      vertexai: false,
      apiKey,
      ...(options.baseUrl ? { httpOptions: { baseUrl: options.baseUrl } } : {}),
    });
  }

  async embed(texts: string[], purpose: EmbeddingPurpose): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.maxBatchSize) {
      const batch = texts.slice(start, start + this.maxBatchSize).map(prepareText);
      vectors.push(...(await this.embedBatchWithRetry(batch, purpose)));
    }
    return vectors;
  }

  private async embedBatchWithRetry(texts: string[], purpose: EmbeddingPurpose): Promise<Float32Array[]> {
    for (let attempt = 1; ; attempt++) {
      let failure: ClassifiedFailure;
      try {
        return parseEmbeddings(await this.requestBatch(texts, purpose), texts.length);
      } catch (error) {
        failure = classifyFailure(error);
      }
      if (!failure.retryable || attempt >= this.maxAttempts) {
        const tries = failure.retryable ? ` after ${attempt} attempt${attempt === 1 ? '' : 's'}` : '';
        throw new EmbeddingProviderError(failure.code, `${failure.message}${tries}`, {
          cause: failure.cause,
        });
      }
      await this.sleep(failure.serverDelayMs ?? this.backoffDelay(attempt));
    }
  }

  private async requestBatch(texts: string[], purpose: EmbeddingPurpose): Promise<EmbedContentResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      return await this.client.models.embedContent({
        model: this.model,
        contents: texts,
        config: {
          taskType: TASK_TYPES[purpose],
          outputDimensionality: EMBEDDING_DIMENSIONS,
          abortSignal: controller.signal,
        },
      });
    } catch (error) {
      if (controller.signal.aborted) throw new RequestTimeout(this.timeoutMs, error);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Exponential backoff with "equal jitter": half the delay is fixed, half random. */
  private backoffDelay(attempt: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }
}

class RequestTimeout extends Error {
  constructor(timeoutMs: number, cause: unknown) {
    super(`Gemini embedding request timed out after ${timeoutMs} ms`, { cause });
  }
}

class MalformedResponse extends Error {}

interface ClassifiedFailure {
  code: EmbeddingProviderErrorCode;
  retryable: boolean;
  message: string;
  serverDelayMs?: number;
  cause: unknown;
}

function classifyFailure(error: unknown): ClassifiedFailure {
  if (error instanceof RequestTimeout) {
    return { code: 'timeout', retryable: true, message: error.message, cause: error };
  }
  if (error instanceof MalformedResponse) {
    return { code: 'bad_response', retryable: false, message: error.message, cause: error };
  }
  if (error instanceof ApiError) {
    const detail = apiErrorDetail(error.message);
    const serverDelayMs = retryInfoDelayMs(error.message);
    const withDelay = serverDelayMs === undefined ? {} : { serverDelayMs };
    if (error.status === 429) {
      return {
        code: 'rate_limited',
        retryable: true,
        message: `Gemini rate limit hit (429): ${detail}`,
        cause: error,
        ...withDelay,
      };
    }
    if (error.status === 408 || error.status >= 500) {
      return {
        code: 'unavailable',
        retryable: true,
        message: `Gemini unavailable (${error.status}): ${detail}`,
        cause: error,
        ...withDelay,
      };
    }
    if (
      error.status === 401 ||
      error.status === 403 ||
      (error.status === 400 && /api[ _]?key/i.test(error.message))
    ) {
      return {
        code: 'rejected_key',
        retryable: false,
        message: `Gemini rejected the API key (${error.status}): ${detail}`,
        cause: error,
      };
    }
    return {
      code: 'bad_response',
      retryable: false,
      message: `Gemini rejected the request (${error.status}): ${detail}`,
      cause: error,
    };
  }
  if (error instanceof SyntaxError) {
    return {
      code: 'bad_response',
      retryable: false,
      message: `Gemini sent unreadable JSON: ${error.message}`,
      cause: error,
    };
  }
  // fetch() failures (connection refused or reset, DNS): transient from our point of view.
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unavailable', retryable: true, message: `Gemini request failed: ${message}`, cause: error };
}

/** The SDK puts the JSON error body in the message; show its human part. */
function apiErrorDetail(message: string): string {
  const body = parseJson(message) as { error?: { message?: unknown; status?: unknown } } | undefined;
  const detail = body?.error?.message;
  const status = body?.error?.status;
  if (typeof detail === 'string') return typeof status === 'string' ? `${status}: ${detail}` : detail;
  return message.slice(0, 500);
}

/**
 * Server-requested wait from a google.rpc.RetryInfo detail ({"retryDelay": "37s"}). The SDK does not
 * expose response headers on errors, so this body field is how Gemini's retry hint reaches us.
 */
function retryInfoDelayMs(message: string): number | undefined {
  const body = parseJson(message) as { error?: { details?: unknown } } | undefined;
  const details = body?.error?.details;
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    const delay = (detail as { retryDelay?: unknown } | null)?.retryDelay;
    const match = typeof delay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(delay.trim()) : null;
    if (match) return Math.round(Number(match[1]) * 1000);
  }
  return undefined;
}

function parseEmbeddings(response: EmbedContentResponse, expectedCount: number): Float32Array[] {
  const embeddings = response.embeddings;
  if (!Array.isArray(embeddings) || embeddings.length !== expectedCount) {
    throw new MalformedResponse(
      `Gemini returned ${Array.isArray(embeddings) ? embeddings.length : 'no'} embeddings for ${expectedCount} texts`,
    );
  }
  return embeddings.map((embedding, index) => {
    const values = embedding?.values;
    if (
      !Array.isArray(values) ||
      values.length !== EMBEDDING_DIMENSIONS ||
      !values.every((value) => typeof value === 'number' && Number.isFinite(value))
    ) {
      throw new MalformedResponse(`Gemini embedding ${index} is not ${EMBEDDING_DIMENSIONS} finite numbers`);
    }
    const unit = normalize(values);
    if (unit.every((value) => value === 0))
      throw new MalformedResponse(`Gemini embedding ${index} is all zeros`);
    return unit;
  });
}

function prepareText(text: string): string {
  if (text.trim() === '') return BLANK_TEXT_PLACEHOLDER;
  if (text.length <= GEMINI_MAX_TEXT_CHARS) return text;
  // Avoid cutting a surrogate pair in half.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(GEMINI_MAX_TEXT_CHARS - 1))
    ? GEMINI_MAX_TEXT_CHARS - 1
    : GEMINI_MAX_TEXT_CHARS;
  return text.slice(0, end);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
