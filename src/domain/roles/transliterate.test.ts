import { describe, expect, it } from 'vitest';
import { parseRoleTitle } from './parse-title.js';
import { buildSoundIndex, englishLoanword, soundKey, transliterateCyrillic } from './transliterate.js';

describe('Cyrillic loanwords and title words of European boards', () => {
  it('transliterates the way loanwords are spelt', () => {
    expect(transliterateCyrillic('джава')).toBe('java');
    expect(transliterateCyrillic('лінукс')).toBe('linux');
    expect(transliterateCyrillic('девелопер')).toBe('developer');
    expect(transliterateCyrillic('java')).toBe('java');
  });

  it('reads a spelt-out English word by its sound, never a short or ambiguous one', () => {
    const index = buildSoundIndex(['python', 'developer', 'scrum', 'support', 'ruby', 'go', 'rust', 'rest']);
    expect(soundKey('python')).toBe(soundKey('pyton'));
    expect(englishLoanword('пайтон', index)).toBe('python');
    expect(englishLoanword('скрам', index)).toBe('scrum');
    expect(englishLoanword('саппорт', index)).toBe('support');
    expect(englishLoanword('рубі', index)).toBe('ruby');
    expect(englishLoanword('го', index)).toBeNull();
    expect(englishLoanword('водій', index)).toBeNull();
    expect(englishLoanword('python', index)).toBeNull();
  });

  it.each([
    ['Джава девелопер', 'java developer'],
    ['Senior Пайтон девелопер', 'python developer'],
    ['Лінукс адмін', 'linux administrator'],
    ['Скрам мастер', 'scrum master'],
    ['Дата саєнтист', 'data scientist'],
    ['Python розробник', 'python developer'],
    ['тестувальник', 'qa engineer'],
    ['Ведущий инженер по тестированию', 'test engineer'],
    ['Архитектор решений', 'solutions architect'],
    ['Керівник відділу розробки', 'development manager'],
    ['Leiter Softwareentwicklung', 'software engineering manager'],
    ['Architekt Rozwiązań', 'solutions architect'],
  ])('parses "%s" as %s', (title, phrase) => {
    expect(parseRoleTitle(title).tokens.join(' ')).toBe(phrase);
  });
});
