import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddingProvider } from './create-embedding-provider.js';
import { EMBEDDING_DIMENSIONS, EmbeddingProviderError } from './embedding-provider.js';
import {
  GEMINI_MAX_TEXT_CHARS,
  GeminiEmbeddingProvider,
  type GeminiEmbeddingProviderOptions,
} from './gemini-provider.js';
import { norm } from './vector-math.js';

interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: {
    requests: Array<{
      model: string;
      content: { parts: Array<{ text: string }> };
      taskType: string;
      outputDimensionality: number;
    }>;
  };
}

interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Never answer (for timeouts). */
  hang?: boolean;
}

type Responder = (request: RecordedRequest) => FakeReply;

/** Speaks the Gemini REST API the SDK calls; answers are scripted per test, requests are recorded. */
class FakeGeminiServer {
  readonly requests: RecordedRequest[] = [];
  private replies: Responder[] = [];
  private readonly server: Server;
  baseUrl = '';

  constructor() {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      req.on('end', () => {
        const recorded: RecordedRequest = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: JSON.parse(raw || '{}'),
        };
        this.requests.push(recorded);
        const reply = (this.replies.shift() ?? successReply)(recorded);
        if (reply.hang) return;
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {}));
      });
    });
  }

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  reset() {
    this.requests.length = 0;
    this.replies = [];
  }

  /** Queues replies for the next requests; afterwards every request succeeds. */
  script(...replies: Array<FakeReply | Responder>) {
    this.replies = replies.map((reply) => (typeof reply === 'function' ? reply : () => reply));
  }
}

/** A valid response whose vectors are NOT unit length: value i of text t is (t + 1) * (i % 7 + 1). */
const successReply: Responder = (request) => ({
  status: 200,
  body: {
    embeddings: request.body.requests.map((_entry, t) => ({
      values: Array.from({ length: EMBEDDING_DIMENSIONS }, (_, i) => (t + 1) * ((i % 7) + 1)),
    })),
  },
});

const googleError = (code: number, status: string, message: string, details?: unknown[]) => ({
  error: { code, status, message, ...(details ? { details } : {}) },
});

const fake = new FakeGeminiServer();
let sleeps: number[];

beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => {
  fake.reset();
  sleeps = [];
});

function provider(options: Partial<GeminiEmbeddingProviderOptions> = {}) {
  return new GeminiEmbeddingProvider({
    apiKey: 'test-key',
    baseUrl: fake.baseUrl,
    maxAttempts: 3,
    timeoutMs: 2000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
}

async function embedError(promise: Promise<unknown>): Promise<EmbeddingProviderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EmbeddingProviderError);
  return error as EmbeddingProviderError;
}

describe('GeminiEmbeddingProvider request shape', () => {
  it('posts batchEmbedContents with model, task type, 768 dimensions and the key header', async () => {
    const vectors = await provider().embed(['senior java developer', 'nurse'], 'document');
    expect(vectors).toHaveLength(2);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
    expect(request!.headers['x-goog-api-key']).toBe('test-key');
    expect(request!.body.requests).toEqual([
      {
        model: 'models/gemini-embedding-001',
        content: { parts: [{ text: 'senior java developer' }], role: 'user' },
        taskType: 'RETRIEVAL_DOCUMENT',
        outputDimensionality: 768,
      },
      {
        model: 'models/gemini-embedding-001',
        content: { parts: [{ text: 'nurse' }], role: 'user' },
        taskType: 'RETRIEVAL_DOCUMENT',
        outputDimensionality: 768,
      },
    ]);
  });

  it('uses RETRIEVAL_QUERY for queries and the configured model', async () => {
    const gemini = provider({ model: 'text-embedding-005' });
    await gemini.embed(['python'], 'query');
    expect(gemini.modelId).toBe('gemini:text-embedding-005@768');
    expect(fake.requests[0]!.url).toBe('/v1beta/models/text-embedding-005:batchEmbedContents');
    expect(fake.requests[0]!.body.requests[0]!.taskType).toBe('RETRIEVAL_QUERY');
  });

  it('splits 250 texts into batches of 100, 100 and 50 and keeps the order', async () => {
    const texts = Array.from({ length: 250 }, (_, i) => `text ${i}`);
    const vectors = await provider().embed(texts, 'document');
    expect(fake.requests.map((request) => request.body.requests.length)).toEqual([100, 100, 50]);
    expect(
      fake.requests.flatMap((request) => request.body.requests.map((entry) => entry.content.parts[0]!.text)),
    ).toEqual(texts);
    expect(vectors).toHaveLength(250);
  });

  it('re-normalizes vectors to unit length', async () => {
    const vectors = await provider().embed(['a', 'b', 'c'], 'document');
    for (const vector of vectors) {
      expect(vector).toHaveLength(EMBEDDING_DIMENSIONS);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    // Every fake vector points the same way, only its length differs.
    expect(vectors[2]).toEqual(vectors[0]);
  });

  it('truncates long texts and replaces blank ones', async () => {
    await provider().embed(['y'.repeat(GEMINI_MAX_TEXT_CHARS + 500), '   '], 'document');
    const sent = fake.requests[0]!.body.requests.map((entry) => entry.content.parts[0]!.text);
    expect(sent[0]).toHaveLength(GEMINI_MAX_TEXT_CHARS);
    expect(sent[1]!.trim()).not.toBe('');
  });

  it('sends nothing for an empty list', async () => {
    expect(await provider().embed([], 'document')).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('GeminiEmbeddingProvider failures', () => {
  it('will not be built without a key', async () => {
    for (const apiKey of [undefined, '', '   ']) {
      const error = (() => {
        try {
          provider({ apiKey });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(EmbeddingProviderError);
      expect((error as EmbeddingProviderError).code).toBe('missing_key');
      expect((error as Error).message).toMatch(/key is missing/);
    }
    const viaFactory = await embedError(createEmbeddingProvider({ provider: 'gemini' }));
    expect(viaFactory.code).toBe('missing_key');
  });

  it('retries 429 with backoff, honouring the server RetryInfo delay, then succeeds', async () => {
    fake.script(
      { status: 429, body: googleError(429, 'RESOURCE_EXHAUSTED', 'quota') },
      {
        status: 429,
        body: googleError(429, 'RESOURCE_EXHAUSTED', 'quota', [
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' },
        ]),
      },
    );
    const vectors = await provider().embed(['a'], 'document');
    expect(vectors).toHaveLength(1);
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toEqual([375, 7000]); // 500 ms base, equal jitter at random 0.5; then the server's 7 s
  });

  it('retries 503 and grows the delay exponentially', async () => {
    fake.script(
      { status: 503, body: googleError(503, 'UNAVAILABLE', 'overloaded') },
      { status: 503, body: googleError(503, 'UNAVAILABLE', 'overloaded') },
    );
    await provider({ maxAttempts: 4, random: () => 0 }).embed(['a'], 'document');
    expect(sleeps).toEqual([250, 500]);
  });

  it('gives up after maxAttempts with rate_limited or unavailable', async () => {
    fake.script(
      ...Array.from({ length: 3 }, () => ({
        status: 429,
        body: googleError(429, 'RESOURCE_EXHAUSTED', 'q'),
      })),
    );
    expect((await embedError(provider().embed(['a'], 'document'))).code).toBe('rate_limited');
    expect(fake.requests).toHaveLength(3);

    fake.reset();
    fake.script(
      ...Array.from({ length: 3 }, () => ({
        status: 500,
        body: 'oops',
        headers: { 'content-type': 'text/plain' },
      })),
    );
    const error = await embedError(provider().embed(['a'], 'document'));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/after 3 attempts/);
  });

  it.each([
    [401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'],
    [403, 'PERMISSION_DENIED', 'Method doesn\u2019t allow unregistered callers.'],
    [400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.'],
  ])('does not retry a rejected key (%i)', async (status, code, message) => {
    fake.script({ status, body: googleError(status, code, message) });
    const error = await embedError(provider().embed(['a'], 'document'));
    expect(error.code).toBe('rejected_key');
    expect(error.message).toContain(message);
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not retry other rejected requests', async () => {
    fake.script({
      status: 400,
      body: googleError(400, 'INVALID_ARGUMENT', 'Request payload size exceeds the limit'),
    });
    const error = await embedError(provider().embed(['a'], 'document'));
    expect(error.code).toBe('bad_response');
    expect(fake.requests).toHaveLength(1);
  });

  it('times out a hanging request, retries, then reports timeout', async () => {
    fake.script({ status: 0, hang: true }, { status: 0, hang: true });
    const error = await embedError(provider({ timeoutMs: 100, maxAttempts: 2 }).embed(['a'], 'document'));
    expect(error.code).toBe('timeout');
    expect(fake.requests).toHaveLength(2);
  });

  it('recovers when a retry after a timeout succeeds', async () => {
    fake.script({ status: 0, hang: true });
    expect(await provider({ timeoutMs: 100 }).embed(['a'], 'document')).toHaveLength(1);
  });

  it('treats connection failures as unavailable', async () => {
    const unreachable = provider({ baseUrl: 'http://127.0.0.1:9', maxAttempts: 2 });
    const error = await embedError(unreachable.embed(['a'], 'document'));
    expect(error.code).toBe('unavailable');
    expect(sleeps).toHaveLength(1);
  });

  it.each([
    ['too few embeddings', { embeddings: [] }],
    ['no embeddings field', {}],
    ['wrong dimensions', { embeddings: [{ values: [1, 2, 3] }] }],
    ['non-numbers', { embeddings: [{ values: Array.from({ length: 768 }, () => 'x') }] }],
    ['all zeros', { embeddings: [{ values: Array.from({ length: 768 }, () => 0) }] }],
  ])('rejects a malformed response (%s) without retry', async (_label, body) => {
    fake.script({ status: 200, body });
    const error = await embedError(provider().embed(['a'], 'document'));
    expect(error.code).toBe('bad_response');
    expect(fake.requests).toHaveLength(1);
  });

  it('rejects a response that is not JSON', async () => {
    fake.script({ status: 200, body: 'not json' });
    expect((await embedError(provider().embed(['a'], 'document'))).code).toBe('bad_response');
  });
});
