import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createTenantWithUsers, type LoggedIn, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { multipartFiles } from '../support/multipart.js';
import { docxFromText, pdfFromText } from '../support/resume-files.js';

const resumeText = (name: string, email: string, phone: string) =>
  [
    name,
    'Senior Java Developer - Infosys',
    'Pune, Maharashtra',
    `${email} | ${phone}`,
    '',
    'WORK EXPERIENCE',
    '',
    'Senior Java Developer',
    'Infosys - Pune, Maharashtra',
    'June 2018 to Present',
    'Built payment services in Java and Spring Boot on AWS.',
    '',
    'Java Developer',
    'Wipro Technologies - Bengaluru',
    'January 2015 to May 2018',
    '',
    'EDUCATION',
    'B.Tech in Computer Science',
    'Pune University - Pune',
    '2010 to 2014',
    '',
    'SKILLS',
    'Java (8 years), Spring Boot, AWS, SQL, <script>alert(1)</script>',
  ].join('\n');

describe('resume intake over HTTP', () => {
  let database: TestDatabase;
  let app: App;
  let a: LoggedIn;
  let b: LoggedIn;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({
      database,
      logger: silentLogger,
      queue: { send: async () => null },
      resumeMaxBytes: 2 * 1024 * 1024,
    });
    await database.sql.query(
      `INSERT INTO global_roles (name) VALUES ('Java Developer') ON CONFLICT DO NOTHING`,
    );
    const agencyA = await createTenantWithUsers(database, 'Intake A');
    const agencyB = await createTenantWithUsers(database, 'Intake B');
    a = await loginAs(app, agencyA.recruiter.email);
    b = await loginAs(app, agencyB.recruiter.email);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const upload = (who: LoggedIn, files: Parameters<typeof multipartFiles>[0]) => {
    const body = multipartFiles(files);
    return app.inject({
      method: 'POST',
      url: '/api/resume-intake',
      headers: { ...who.headers, ...body.headers },
      payload: body.payload,
    });
  };

  it('drafts good files, reports each broken one, and saves a reviewed draft with its file', async () => {
    const pdf = await pdfFromText(resumeText('Priya Sharma', 'priya@example.com', '+91 98765 43210'));
    const docx = await docxFromText(resumeText('Rahul Verma', 'rahul@example.com', '+91 91234 56789'));
    const archive = Buffer.from(
      zipSync({
        'cv/rahul2.txt': Buffer.from(resumeText('Anil Kumar', 'anil@example.com', '+91 99887 76655')),
      }),
    );
    const response = await upload(a, [
      { name: 'priya.pdf', content: pdf },
      { name: 'rahul.docx', content: docx },
      { name: 'bulk.zip', content: archive, type: 'application/zip' },
      { name: 'broken.pdf', content: Buffer.from('%PDF-1.4 nonsense') },
      { name: 'photo.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
      { name: 'huge.txt', content: Buffer.alloc(3 * 1024 * 1024, 65) },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result.drafted).toBe(3);
    expect(result.failed).toBe(3);
    const byName = Object.fromEntries(
      result.items.map((item: { file_name: string }) => [item.file_name, item]),
    );
    expect(byName['broken.pdf'].reason).toMatch(/damaged/);
    expect(byName['photo.png'].reason).toMatch(/image/);
    expect(byName['huge.txt'].reason).toMatch(/larger than 2 MB/);
    expect(byName['rahul2.txt'].status).toBe('drafted');

    const pending = (
      await app.inject({ method: 'GET', url: '/api/resume-drafts', headers: a.headers })
    ).json();
    expect(pending.items).toHaveLength(3);

    const draft = (
      await app.inject({
        method: 'GET',
        url: `/api/resume-drafts/${byName['priya.pdf'].draft_id}`,
        headers: a.headers,
      })
    ).json();
    expect(draft.draft.email.value).toBe('priya@example.com');
    expect(draft.draft.phone.value).toBe('+919876543210');
    expect(draft.draft.current_title.value).toBe('Senior Java Developer');
    const { start, end } = draft.draft.email.source;
    expect(draft.extracted_text.slice(start, end)).toBe('priya@example.com');
    const employer = draft.draft.current_employer;
    expect(employer.value).toBe('Infosys');
    expect(draft.extracted_text.slice(employer.source.start, employer.source.end)).toBe('Infosys');
    expect(draft.extracted_text.slice(employer.source.end)).toMatch(/^ - Pune, Maharashtra\s+June 2018/);
    expect(draft.draft.work_history).toHaveLength(2);
    expect(draft.draft.suggested_roles.map((role: { role_name: string }) => role.role_name)).toContain(
      'Java Developer',
    );
    expect(draft.draft.skills.map((skill: { name: string }) => skill.name)).toEqual(
      expect.arrayContaining(['Java', 'AWS', 'SQL']),
    );

    const save = await app.inject({
      method: 'POST',
      url: `/api/resume-drafts/${draft.id}/save`,
      headers: a.headers,
      payload: {
        first_name: 'Priya',
        last_name: 'Sharma',
        email: 'priya@example.com',
        phone: '+919876543210',
        current_title: 'Senior Java Developer',
        current_employer: 'Infosys',
      },
    });
    expect(save.statusCode).toBe(201);
    const candidate = save.json();
    expect(candidate.current_employer).toBe('Infosys');
    expect(candidate.status).toBe('pending_review');
    const again = await app.inject({
      method: 'POST',
      url: `/api/resume-drafts/${draft.id}/save`,
      headers: a.headers,
      payload: { first_name: 'P', last_name: 'S', email: 'other@example.com' },
    });
    expect(again.statusCode).toBe(409);

    const files = (
      await app.inject({
        method: 'GET',
        url: `/api/candidates/${candidate.id}/resume-files`,
        headers: a.headers,
      })
    ).json();
    expect(files.items).toHaveLength(1);
    const download = await app.inject({
      method: 'GET',
      url: `/api/resume-files/${files.items[0].id}`,
      headers: a.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);

    // Another agency sees none of it.
    for (const url of [
      `/api/resume-drafts/${draft.id}`,
      `/api/resume-files/${files.items[0].id}`,
      `/api/candidates/${candidate.id}/resume-files`,
    ]) {
      expect((await app.inject({ method: 'GET', url, headers: b.headers })).statusCode, url).toBe(404);
    }
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/resume-drafts/${byName['rahul.docx'].draft_id}`,
          headers: b.headers,
        })
      ).statusCode,
    ).toBe(404);
    const foreignSave = await app.inject({
      method: 'POST',
      url: `/api/resume-drafts/${byName['rahul.docx'].draft_id}/save`,
      headers: b.headers,
      payload: { first_name: 'R', last_name: 'V', email: 'r@example.com' },
    });
    expect(foreignSave.statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: '/api/resume-drafts', headers: b.headers })).json().items,
    ).toEqual([]);

    // The file goes with the candidate.
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/candidates/${candidate.id}`, headers: a.headers }))
        .statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: `/api/resume-files/${files.items[0].id}`, headers: a.headers }))
        .statusCode,
    ).toBe(404);

    // Discarding a draft deletes its file.
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/resume-drafts/${byName['rahul.docx'].draft_id}`,
          headers: a.headers,
        })
      ).statusCode,
    ).toBe(204);
    const left = await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM resume_files`);
    expect(left.rows[0]!.n).toBe(1);
  });

  it('refuses an upload larger than the limit before reading it, and a zip bomb per file', async () => {
    const tooBig = await app.inject({
      method: 'POST',
      url: '/api/resume-intake',
      headers: {
        ...a.headers,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(500 * 1024 * 1024),
      },
      payload: '--x--\r\n',
    });
    expect([413]).toContain(tooBig.statusCode);
    const bomb = Buffer.from(zipSync({ 'a.txt': [new Uint8Array(60 * 1024 * 1024), { level: 9 }] }));
    const response = await upload(a, [{ name: 'bomb.zip', content: bomb, type: 'application/zip' }]);
    expect(response.statusCode).toBe(201);
    expect(response.json().items[0].reason).toMatch(/unpacks to more than/);
  });

  it('reports a close name at the same employer on intake and on edit', async () => {
    const existing = await app.inject({
      method: 'POST',
      url: '/api/candidates',
      headers: a.headers,
      payload: {
        first_name: 'Kavya',
        last_name: 'Menon',
        email: 'kavya.old@example.com',
        location: 'Chennai',
        current_employer: 'INFOSYS LIMITED',
      },
    });
    expect(existing.statusCode).toBe(201);
    expect(existing.json().current_employer).toBe('INFOSYS LIMITED');
    const response = await upload(a, [
      {
        name: 'kavya.txt',
        content: Buffer.from(resumeText('Kavya Menon', 'kavya@example.com', '+91 90000 12345')),
      },
    ]);
    expect(response.json().items[0].duplicates).toEqual([
      expect.objectContaining({ id: existing.json().id, reason: 'close_name_same_employer' }),
    ]);
    const other = await app.inject({
      method: 'POST',
      url: '/api/candidates',
      headers: a.headers,
      payload: { first_name: 'Kavya', last_name: 'Menon', email: 'kavya2@example.com', location: 'Delhi' },
    });
    expect(other.statusCode).toBe(201);
    const edit = await app.inject({
      method: 'PATCH',
      url: `/api/candidates/${other.json().id}`,
      headers: a.headers,
      payload: { current_employer: 'Infosys Ltd.' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().duplicates).toEqual([{ id: existing.json().id, reason: 'close_name_same_employer' }]);
  });

  it('answers 409 with the duplicate on create and edit unless allowed, and remembers "not a duplicate"', async () => {
    const create = (payload: object, query = '') =>
      app.inject({ method: 'POST', url: `/api/candidates${query}`, headers: a.headers, payload });
    const first = await create({
      first_name: 'Meera',
      last_name: 'Nair',
      email: 'meera@example.com',
      phone: '+91 98000 11122',
      location: 'Kochi, Kerala',
    });
    expect(first.statusCode).toBe(201);
    const sameEmail = await create({ first_name: 'M', last_name: 'N', email: 'MEERA@example.com' });
    expect(sameEmail.statusCode).toBe(409);
    expect(sameEmail.json().duplicates).toEqual([{ id: first.json().id, reason: 'same_email' }]);
    const samePhone = await create({
      first_name: 'X',
      last_name: 'Y',
      email: 'x@example.com',
      phone: '098000-11122',
    });
    expect(samePhone.json().duplicates[0].reason).toBe('same_phone');
    const closeName = await create({
      first_name: 'Meeraa',
      last_name: 'Nair',
      email: 'mn@example.com',
      location: 'Kochi',
    });
    expect(closeName.json().duplicates[0].reason).toBe('close_name_same_location');
    const forced = await create(
      { first_name: 'Meeraa', last_name: 'Nair', email: 'mn@example.com', location: 'Kochi' },
      '?allow_duplicate=true',
    );
    expect(forced.statusCode).toBe(201);
    // Another agency's candidate with the same e-mail is no duplicate here.
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/candidates',
          headers: b.headers,
          payload: { first_name: 'Meera', last_name: 'Nair', email: 'meera@example.com' },
        })
      ).statusCode,
    ).toBe(201);

    const edit = await app.inject({
      method: 'PATCH',
      url: `/api/candidates/${forced.json().id}`,
      headers: a.headers,
      payload: { email: 'meera@example.com' },
    });
    expect(edit.statusCode).toBe(409);

    const keep = await app.inject({
      method: 'POST',
      url: `/api/candidates/${forced.json().id}/not-duplicate`,
      headers: a.headers,
      payload: { other_id: first.json().id },
    });
    expect(keep.statusCode).toBe(204);
    const editName = await app.inject({
      method: 'PATCH',
      url: `/api/candidates/${forced.json().id}`,
      headers: a.headers,
      payload: { location: 'Kochi, India' },
    });
    expect(editName.statusCode).toBe(200);
    const foreign = await app.inject({
      method: 'POST',
      url: `/api/candidates/${forced.json().id}/not-duplicate`,
      headers: b.headers,
      payload: { other_id: first.json().id },
    });
    expect(foreign.statusCode).toBe(404);
  });
  it('drafts 97 of 100 files, with a reason for each of the 3 broken ones, and cuts a 50 MB file', async () => {
    const c = await loginAs(app, (await createTenantWithUsers(database, 'Intake C')).recruiter.email);
    const good = Array.from({ length: 97 }, (_, n) => ({
      name: `cv-${n}.txt`,
      content: Buffer.from(
        resumeText(`Asha Rao${'a'.repeat(n % 5)}`, `asha${n}@example.com`, `+91 98765 ${String(10000 + n)}`),
      ),
    }));
    const invoice = [
      'INVOICE 2024-117',
      'Globex Corporation, 12 Market Street, Springfield',
      'Bill to: Initech Ltd, accounts@initech.example',
      'Consulting services, November: 40 hours at 95.00 = 3,800.00',
      'Total due: 3,800.00 within 30 days',
    ].join('\n');
    const response = await upload(c, [
      ...good.slice(0, 50),
      { name: 'corrupt.pdf', content: Buffer.from('%PDF-1.7\n garbage that is no pdf') },
      { name: 'old.doc', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 1]) },
      { name: 'invoice.txt', content: Buffer.from(invoice) },
      ...good.slice(50),
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ drafted: 97, failed: 3 });
    const failed = result.items.filter((item: { status: string }) => item.status === 'failed');
    expect(
      Object.fromEntries(
        failed.map((item: { file_name: string; reason: string }) => [item.file_name, item.reason]),
      ),
    ).toEqual({
      'corrupt.pdf': expect.stringMatching(/damaged/),
      'old.doc': expect.stringMatching(/\.doc\) file is damaged/),
      'invoice.txt': expect.stringMatching(/does not look like a resume/),
    });
    const drafts = await database.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM resume_drafts d JOIN tenants t ON t.id = d.tenant_id WHERE t.name = 'Intake C'`,
    );
    expect(drafts.rows[0]!.n).toBe(97);

    const big = await upload(c, [
      { name: 'big.pdf', content: Buffer.alloc(50 * 1024 * 1024, 0x25) },
      good[0]!,
    ]);
    expect(big.statusCode, big.body).toBe(201);
    expect(big.json().items.map((item: { status: string }) => item.status)).toEqual(['failed', 'drafted']);
    expect(big.json().items[0].reason).toMatch(/larger than 2 MB/);
  });
});
