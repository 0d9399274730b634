import fs from 'node:fs';
import { applyMapping, parseColumnMapping } from '../src/domain/jobs/column-mapping.js';
import { normalizeJobRecord } from '../src/domain/jobs/normalize-job.js';
import { readRecords } from '../src/ingestion/read-records.js';
import { loadSkillMatcher } from '../src/skills/skill-dictionary.loader.js';

const skills = loadSkillMatcher();
const mapping = parseColumnMapping(process.argv[3]!);
let t = performance.now();
const rows: Record<string, unknown>[] = [];
for await (const item of readRecords(fs.createReadStream(process.argv[2]!), { format: 'csv' })) {
  if (item.kind === 'record') rows.push(item.record.values);
}
console.log('read', rows.length, Math.round(performance.now() - t), 'ms');
t = performance.now();
let ok = 0;
for (const row of rows)
  if (normalizeJobRecord(applyMapping(row, mapping), { platform: 'x', skills }).ok) ok++;
console.log('normalize', ok, Math.round(performance.now() - t), 'ms');
