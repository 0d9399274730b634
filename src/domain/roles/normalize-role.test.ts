import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildRoleIndex,
  decideFromVectorCandidates,
  editDistance,
  matchByText,
  type RoleCandidate,
} from './normalize-role.js';

const ROLES = [
  { id: 1, name: 'Python Developer', aliases: ['Python Engineer', 'Python Software Engineer'] },
  { id: 2, name: 'Java Developer', aliases: ['Java Engineer', 'J2EE Developer'] },
  { id: 3, name: 'JavaScript Developer', aliases: ['TypeScript Developer'] },
  { id: 4, name: 'Software Engineer', aliases: ['Software Developer', 'Software Development Engineer'] },
  { id: 5, name: 'Data Engineer', aliases: [] },
  { id: 6, name: 'Salesforce Developer', aliases: [] },
  { id: 7, name: 'Salesforce Administrator', aliases: ['Salesforce Admin'] },
  { id: 8, name: 'Database Administrator', aliases: ['DBA'] },
  { id: 9, name: 'Lava Lamp Designer', aliases: [] },
];
const index = buildRoleIndex(ROLES);

function matchedId(text: string): number | null {
  const decision = matchByText(index, text);
  return decision?.kind === 'match' ? decision.roleId : null;
}

describe('matchByText', () => {
  it('matches role names exactly after cleaning', () => {
    expect(matchByText(index, 'Sr Python Dev')).toEqual({
      kind: 'match',
      roleId: 1,
      method: 'exact',
      confidence: 1,
    });
    expect(matchByText(index, 'SDE 2')).toMatchObject({ roleId: 4, method: 'alias' });
  });

  it('matches aliases', () => {
    expect(matchByText(index, 'python engineer II')).toMatchObject({ roleId: 1, method: 'alias' });
    expect(matchByText(index, 'Senior DBA')).toMatchObject({ roleId: 8, method: 'exact' });
  });

  it('tolerates typos', () => {
    expect(matchByText(index, 'Pyhton developer')).toMatchObject({ roleId: 1, method: 'fuzzy' });
    expect(matchByText(index, 'Sr. Sofware Enginer')).toMatchObject({ roleId: 4, method: 'fuzzy' });
    expect(matchByText(index, 'Salesforce Adminstrator')).toMatchObject({ roleId: 7, method: 'fuzzy' });
    expect(matchByText(index, 'Java Script Developer')).toMatchObject({ roleId: 3, method: 'fuzzy' });
    expect(matchByText(index, 'Developer Python')).toMatchObject({ roleId: 1, method: 'fuzzy' });
  });

  it('matches plain variants that only add implied tools or generic words', () => {
    expect(matchByText(index, 'Java Spring Boot Developer')).toMatchObject({ roleId: 2, method: 'fuzzy' });
    expect(matchByText(index, 'Django Software Engineer')).toMatchObject({ roleId: 1, method: 'fuzzy' });
    expect(matchedId('Python Backend Developer')).toBeNull();
    expect(matchedId('Python Developer Manager')).toBeNull();
  });

  it('never bridges two technologies', () => {
    expect(matchedId('Jav Developer')).toBeNull();
    expect(matchedId('Lava Developer')).toBeNull();
    expect(matchedId('Kava Developer')).toBeNull();
    expect(matchedId('Rust Developer')).toBeNull();
    expect(matchedId('Ruby Developer')).toBeNull();
    expect(matchedId('Jython Developer')).toBeNull();
    expect(matchedId('Data Engineer')).toBe(5);
    expect(matchedId('Salesforce Designer')).toBeNull();
  });

  it('returns null for unknown roles and junk', () => {
    expect(matchByText(index, 'Astronaut')).toBeNull();
    expect(matchByText(index, '!!!')).toBeNull();
    expect(matchByText(index, 'Python Developer Astronaut')).toBeNull();
  });

  it('treats a text claimed by two roles as no match', () => {
    const ambiguous = buildRoleIndex([
      { id: 1, name: 'Java Developer', aliases: ['Backend Developer'] },
      { id: 2, name: 'Python Developer', aliases: ['Backend Developer'] },
    ]);
    expect(matchByText(ambiguous, 'Backend Developer')).toBeNull();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const decision = matchByText(index, text);
        if (decision !== null) expect(decision.kind).toBe('match');
      }),
    );
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('pyhton', 'python', 2)).toBe(1);
    expect(editDistance('java', 'lava', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });
});

describe('decideFromVectorCandidates', () => {
  const candidate = (id: number, name: string, similarity: number): RoleCandidate => ({
    id,
    name,
    aliases: [],
    similarity,
  });

  it('takes the nearest candidate above the threshold', () => {
    const decision = decideFromVectorCandidates(
      'Python coder',
      [candidate(4, 'Software Engineer', 0.8), candidate(1, 'Python Developer', 0.9)],
      0.85,
    );
    expect(decision).toEqual({ kind: 'match', roleId: 1, method: 'vector', confidence: 0.9 });
  });

  it('creates a role when nothing reaches the threshold', () => {
    const decision = decideFromVectorCandidates(
      'Senior Quantum Dev',
      [candidate(4, 'Software Engineer', 0.7)],
      0.85,
    );
    expect(decision).toEqual({ kind: 'create', name: 'Quantum Developer' });
  });

  it('vetoes technology conflicts however similar', () => {
    const decision = decideFromVectorCandidates(
      'Java Developer',
      [candidate(1, 'Python Developer', 0.99)],
      0.8,
    );
    expect(decision).toEqual({ kind: 'create', name: 'Java Developer' });
    const next = decideFromVectorCandidates(
      'Sr. React.js engineer',
      [candidate(10, 'React Native Developer', 0.97), candidate(11, 'React Developer', 0.93)],
      0.8,
    );
    expect(next).toMatchObject({ kind: 'match', roleId: 11 });
  });

  it('ignores candidates without a usable similarity', () => {
    const decision = decideFromVectorCandidates(
      'Data Engineer',
      [{ id: 5, name: 'Data Engineer', aliases: [] }, candidate(6, 'Data Engineer', Number.NaN)],
      0.5,
    );
    expect(decision.kind).toBe('create');
  });

  it('never matches below the threshold', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, t) => {
          const decision = decideFromVectorCandidates(
            'Go Developer',
            [candidate(1, 'Golang Developer', s)],
            t,
          );
          expect(decision.kind).toBe(s >= t ? 'match' : 'create');
        },
      ),
    );
  });
});
