/**
 * The labelled resumes of ../shared/data/resumes/dataturks_resumes_ner.jsonl as eval cases. The held-out half is
 * fixed by a hash of each resume's text (first byte of SHA-256 odd), decided before any rule was tuned; the
 * parser was tuned on the other half only.
 *
 * Names, e-mails and phones in the set are masked with X: each case gets a generated name, e-mail and phone in
 * their place (seeded), so that those fields can be checked where present.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/domain/seeded-random.js';

export interface ResumeCase {
  index: number;
  heldOut: boolean;
  text: string;
  labels: Map<string, string[]>;
  /** Spans of the labels, in text order. */
  spans: { label: string; start: number; text: string }[];
  email: string;
  phone: string;
}

const DATA_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../shared/data/resumes/dataturks_resumes_ner.jsonl',
);

const FIRST = ['Asha', 'Rahul', 'Meera', 'Vikram', 'Sara', 'John', 'Li', 'Fatima', 'Carlos', 'Nina'];
const LAST = ['Patel', 'Iyer', 'Kumar', 'Smith', 'Garcia', 'Chen', 'Khan', 'Nair', 'Rossi', 'Okafor'];

export function loadResumeCases(): ResumeCase[] {
  const lines = readFileSync(DATA_PATH, 'utf8').trim().split('\n');
  const random = seededRandom(18);
  return lines.map((line, index) => {
    const row = JSON.parse(line) as {
      content: string;
      annotation: { label: string; start: number; end: number; text: string }[] | null;
    };
    const heldOut = createHash('sha256').update(row.content).digest()[0]! % 2 === 1;
    const first = FIRST[Math.floor(random() * FIRST.length)]!;
    const last = LAST[Math.floor(random() * LAST.length)]!;
    const email = `${first}.${last}${index}@example.com`.toLowerCase();
    const digits = `9${String(Math.floor(random() * 900_000_000) + 100_000_000)}`;
    const spans = (row.annotation ?? [])
      .map((annotation) => ({ label: annotation.label, start: annotation.start, text: annotation.text }))
      .sort((a, b) => a.start - b.start);
    const labels = new Map<string, string[]>();
    for (const span of spans) labels.set(span.label, [...(labels.get(span.label) ?? []), span.text]);
    const named = row.content.replace(/^X+(?: X+)*/, `${first} ${last}`);
    const text = `${named}\n\nContact: ${email} | +91 ${digits.slice(0, 5)} ${digits.slice(5)}\n`;
    return { index, heldOut, text, labels, spans, email, phone: `+91${digits}` };
  });
}
