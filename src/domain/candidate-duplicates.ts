import { editDistance } from './roles/normalize-role.js';

/** The fields that identify a person, as duplicate detection compares them. */
export interface IdentityFields {
  first_name: string;
  last_name: string;
  email: string;
  phone?: string | null | undefined;
  location?: string | null | undefined;
  current_employer?: string | null | undefined;
}

export type DuplicateReason =
  | 'same_email'
  | 'same_phone'
  | 'close_name_same_location'
  | 'close_name_same_employer'
  | 'close_name_same_phone_suffix';

/** The national part of a phone number: its last ten digits, so "+91 98765 43210" and "098765-43210" agree. */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-10) : null;
}

export const emailKey = (email: string) => email.trim().toLowerCase();

const nameKey = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** "Rob"/"Robert", "Jon"/"John", "Priya"/"Priyaa": a prefix of at least three letters or one edit apart. */
function closeNames(a: string, b: string): boolean {
  const [x, y] = [nameKey(a), nameKey(b)];
  if (x === '' || y === '') return false;
  if (x === y) return true;
  if (Math.min(x.length, y.length) >= 3 && (x.startsWith(y) || y.startsWith(x))) return true;
  return Math.min(x.length, y.length) >= 4 && editDistance(x, y, 1) <= 1;
}

/** "Infosys Ltd." and "INFOSYS LIMITED" are one employer: legal-form words and punctuation do not count. */
const LEGAL_FORM =
  /\b(?:ltd|limited|inc|incorporated|llc|llp|plc|gmbh|ag|pvt|private|corp|corporation|co|company|the)\b/g;
export function employerKey(employer: string | null | undefined): string | null {
  const key = (employer ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(LEGAL_FORM, ' ')
    .replace(/\s+/g, '');
  return key.length >= 2 ? key : null;
}

const sameEmployer = (a: string | null | undefined, b: string | null | undefined) => {
  const key = employerKey(a);
  return key !== null && key === employerKey(b);
};

const sameLocation = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && nameKey(a.split(',')[0]!) !== '' && nameKey(a.split(',')[0]!) === nameKey(b.split(',')[0]!);

/** Why `candidate` looks like the same person as `existing`, or null. E-mail and phone alone suffice. */
export function duplicateReason(candidate: IdentityFields, existing: IdentityFields): DuplicateReason | null {
  if (emailKey(candidate.email) === emailKey(existing.email)) return 'same_email';
  const [phone, otherPhone] = [phoneKey(candidate.phone), phoneKey(existing.phone)];
  if (phone && phone === otherPhone) return 'same_phone';
  const closeName =
    closeNames(candidate.last_name, existing.last_name) &&
    closeNames(candidate.first_name, existing.first_name);
  if (!closeName) return null;
  if (sameLocation(candidate.location, existing.location)) return 'close_name_same_location';
  if (sameEmployer(candidate.current_employer, existing.current_employer)) return 'close_name_same_employer';
  if (phone && otherPhone && phone.slice(-4) === otherPhone.slice(-4)) return 'close_name_same_phone_suffix';
  return null;
}
