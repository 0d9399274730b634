import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { findAgencyMember } from '../accounts/tenants.js';
import type { Config } from '../config/config.js';
import { AppError } from '../errors.js';
import {
  DEFAULT_RESUME_MAX_BYTES,
  intakeResumes,
  MAX_INTAKE_FILES,
  type UploadedFile,
} from '../intake/intake-resumes.js';
import { loadSkillMatcher } from '../skills/skill-dictionary.loader.js';
import { type CliIo, withDatabase } from './cli-io.js';

/** A file as intake takes it; one over the limit is not read (intake reports it). */
function readUpload(file: string, maxBytes: number): UploadedFile {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new AppError('bad_request', `Not a file: ${file}`);
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('not_found', `File not found: ${file}`);
  }
  const name = path.basename(file);
  if (size > maxBytes) return { name, contentType: '', bytes: Buffer.alloc(0), tooLarge: true };
  return { name, contentType: /\.zip$/i.test(name) ? 'application/zip' : '', bytes: fs.readFileSync(file) };
}

export function registerCandidateCommands(program: Command, io: CliIo, getConfig: () => Config): void {
  const candidates = program.command('candidates').description("an agency's candidates");
  candidates
    .command('intake')
    .description(
      `read resumes (PDF, DOCX, DOC, RTF, TXT, HTML or zip archives; up to ${MAX_INTAKE_FILES}) into drafts for review`,
    )
    .argument('<files...>', 'resume files or zip archives')
    .requiredOption('--tenant <slug>', 'the agency (tenant slug)')
    .option('--user <email>', "who uploads (default: the agency's first admin)")
    .option('--json', 'print the result as JSON')
    .action(async (files: string[], options: { tenant: string; user?: string; json?: boolean }) => {
      const config = getConfig();
      const uploads = files.map((file) => readUpload(file, DEFAULT_RESUME_MAX_BYTES));
      await withDatabase(config, async (database) => {
        const actor = await findAgencyMember(database, options.tenant, options.user ?? null);
        const result = await intakeResumes(
          {
            database,
            skills: loadSkillMatcher,
            maxFileBytes: DEFAULT_RESUME_MAX_BYTES,
            onProgress: (done, total, item) => {
              if (options.json) return;
              const outcome =
                item.status === 'drafted'
                  ? `draft ${item.draft_id}${item.duplicates.length > 0 ? ` (looks like candidate ${item.duplicates.map((d) => d.id).join(', ')})` : ''}`
                  : `failed: ${item.reason}`;
              io.err(`[${done}/${total}] ${item.file_name}: ${outcome}`);
            },
          },
          actor,
          uploads,
        );
        if (options.json) io.out(JSON.stringify(result, null, 2));
        else io.out(`${result.drafted} drafted for review, ${result.failed} failed.`);
        if (result.drafted === 0) process.exitCode = 1;
      });
    });
}
