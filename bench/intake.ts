/**
 * npm run bench:intake — resume intake of 100 files on the embedded engine: 50 PDF and 50 DOCX built from the
 * DataTurks resume texts (../shared/data/resumes), uploaded as one batch through the intake use case (text
 * extraction, parsing, duplicate check, role suggestions, storing file and draft). Building the files is not
 * timed. Target: under 30 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadResumeCases } from '../scripts/resume-eval-set.js';
import { migrate } from '../src/db/migrator.js';
import { openPglite } from '../src/db/pglite-database.js';
import { intakeResumes, type UploadedFile } from '../src/intake/intake-resumes.js';
import { loadSkillMatcher } from '../src/skills/skill-dictionary.loader.js';
import { docxFromText, pdfFromText } from '../test/support/resume-files.js';

const COUNT = 100;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobmatch-bench-intake-'));
const database = await openPglite({ dataDir: path.join(dir, 'pglite') });
try {
  await migrate(database);
  const tenant = await database.sql.query<{ id: number }>(
    `INSERT INTO tenants (name, slug) VALUES ('Bench', 'bench') RETURNING id`,
  );
  const tenantId = tenant.rows[0]!.id;
  const user = await database.sql.query<{ id: number }>(
    `INSERT INTO users (tenant_id, email, password_hash, role) VALUES ($1, 'bench@x.test', 'x', 'RECRUITER') RETURNING id`,
    [tenantId],
  );
  const cases = loadResumeCases().slice(0, COUNT);
  const files: UploadedFile[] = [];
  for (const [index, item] of cases.entries()) {
    const pdf = index % 2 === 0;
    files.push({
      name: `resume-${index}.${pdf ? 'pdf' : 'docx'}`,
      contentType: 'application/octet-stream',
      bytes: pdf ? await pdfFromText(item.text) : await docxFromText(item.text),
    });
  }
  const megabytes = files.reduce((sum, file) => sum + file.bytes.length, 0) / 1024 / 1024;
  const skills = loadSkillMatcher();
  const started = performance.now();
  const result = await intakeResumes(
    { database, skills: () => skills, maxFileBytes: 10 * 1024 * 1024 },
    { tenantId, userId: user.rows[0]!.id },
    files,
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `resume intake, embedded engine: ${files.length} files (${megabytes.toFixed(1)} MB, 50 PDF + 50 DOCX)`,
  );
  console.log(`  drafted ${result.drafted}, failed ${result.failed}`);
  console.log(
    `  total ${seconds.toFixed(2)} s, ${((seconds * 1000) / files.length).toFixed(0)} ms per resume (target: < 30 s)`,
  );
} finally {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
