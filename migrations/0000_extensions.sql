-- pgvector provides the vector(768) columns and the HNSW indexes.
CREATE EXTENSION IF NOT EXISTS vector;
