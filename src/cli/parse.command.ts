import readline from 'node:readline';
import { type Command, InvalidArgumentError } from 'commander';
import { AppError } from '../errors.js';
import { newParseSession, PARSERS, type ParserName, parseText } from '../ingestion/parse-text.js';
import { loadSkillMatcher } from '../skills/skill-dictionary.loader.js';
import type { CliIo } from './cli-io.js';

export function registerParseCommand(
  program: Command,
  io: CliIo,
  stdin: NodeJS.ReadableStream = process.stdin,
) {
  program
    .command('parse')
    .description(`parse text as a job posting field and print JSON (${PARSERS.join(', ')})`)
    .argument('<kind>', PARSERS.join(' | '), (value: string) => {
      if (!(PARSERS as readonly string[]).includes(value)) {
        throw new InvalidArgumentError(`expected one of ${PARSERS.join(', ')}`);
      }
      return value as ParserName;
    })
    .argument('[text]', 'the text to parse')
    .option('--stdin', 'read one text per line from standard input; print one JSON object per line')
    .action(async (kind: ParserName, text: string | undefined, options: { stdin?: boolean }) => {
      const skills = loadSkillMatcher();
      if (options.stdin) {
        let first = true;
        // The lines are read as the rows of one import file.
        const session = newParseSession(skills);
        for await (const line of readline.createInterface({
          input: stdin,
          crlfDelay: Number.POSITIVE_INFINITY,
        })) {
          // A byte order mark starts a file, not its first text (the import drops it too).
          io.out(
            JSON.stringify(parseText(kind, first ? line.replace(/^\uFEFF/, '') : line, skills, session)),
          );
          first = false;
        }
        return;
      }
      if (text === undefined) throw new AppError('bad_request', 'Give the TEXT to parse, or --stdin.');
      io.out(JSON.stringify(parseText(kind, text, skills), null, 2));
    });
}
