import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateReason, employerKey, phoneKey } from './candidate-duplicates.js';

const base = {
  first_name: 'Robert',
  last_name: 'Fischer',
  email: 'rob@example.com',
  phone: '+1 (415) 555-0199',
  location: 'Austin, TX',
};

describe('duplicateReason', () => {
  it.each([
    [{ ...base, first_name: 'X', last_name: 'Y', email: 'ROB@example.com ', phone: null }, 'same_email'],
    [
      { ...base, email: 'other@example.com', first_name: 'Z', location: null, phone: '415.555.0199' },
      'same_phone',
    ],
    [{ ...base, email: 'o@example.com', first_name: 'Rob', phone: null }, 'close_name_same_location'],
    [
      {
        ...base,
        email: 'o@example.com',
        first_name: 'Robert',
        last_name: 'Fisher',
        phone: null,
        location: 'Austin',
      },
      'close_name_same_location',
    ],
    [
      { ...base, email: 'o@example.com', location: 'Boston', phone: '+44 20 7946 0199' },
      'close_name_same_phone_suffix',
    ],
    [{ ...base, email: 'o@example.com', location: 'Boston', phone: null }, null],
    [{ ...base, email: 'o@example.com', first_name: 'Alice', phone: null }, null],
  ])('%o → %s', (candidate, reason) => {
    expect(duplicateReason(candidate, base)).toBe(reason);
  });

  const atAcme = { ...base, current_employer: 'Acme, Inc.' };
  const elsewhere = { email: 'o@example.com', location: 'Boston', phone: null };
  it.each([
    [{ ...atAcme, ...elsewhere, current_employer: 'ACME Corp.' }, 'close_name_same_employer'],
    [{ ...atAcme, ...elsewhere, first_name: 'Rob', current_employer: 'acme' }, 'close_name_same_employer'],
    [{ ...atAcme, ...elsewhere, current_employer: 'Globex' }, null],
    [{ ...atAcme, ...elsewhere, current_employer: null }, null],
    [{ ...atAcme, ...elsewhere, first_name: 'Alice', current_employer: 'Acme' }, null],
  ])('employer: %o → %s', (candidate, reason) => {
    expect(duplicateReason(candidate, atAcme)).toBe(reason);
  });

  it('is symmetric', () => {
    const person = fc.record({
      first_name: fc.constantFrom('Ann', 'Anna', 'Bob', 'Robert'),
      last_name: fc.constantFrom('Lee', 'Li', 'Fischer'),
      email: fc.constantFrom('a@x.com', 'b@x.com'),
      phone: fc.constantFrom(null, '555-0101', '+1 555 0101', '0202'),
      location: fc.constantFrom(null, 'Austin', 'Boston, MA'),
      current_employer: fc.constantFrom(null, 'Acme', 'ACME Ltd', 'Globex', 'Ltd.'),
    });
    fc.assert(
      fc.property(person, person, (a, b) => {
        expect(duplicateReason(a, b)).toBe(duplicateReason(b, a));
      }),
    );
  });

  it('keys employers without their legal form, case or punctuation', () => {
    expect(employerKey('Infosys Ltd.')).toBe(employerKey('INFOSYS LIMITED'));
    expect(employerKey('Tata Consultancy Services')).not.toBe(employerKey('Tata Motors'));
    expect(employerKey('Pvt. Ltd.')).toBeNull();
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(employerKey(name)).toBe(employerKey(` ${name.toUpperCase()} Ltd.`));
      }),
    );
  });

  it('keys phones by their last ten digits', () => {
    expect(phoneKey('+91 98765 43210')).toBe(phoneKey('098765-43210'));
    expect(phoneKey('12')).toBeNull();
  });
});
