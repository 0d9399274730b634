import { type CountryCode, findPhoneNumbersInText, isSupportedCountry } from 'libphonenumber-js';

/**
 * Phone numbers in text as E.164 with their spans. Numbers written internationally ("+91 ...") are read as
 * such; national ones need the country the resume's location names.
 */
export function findPhones(
  text: string,
  defaultCountry: string | null,
): { number: string; start: number; end: number }[] {
  const country =
    defaultCountry && isSupportedCountry(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const found = findPhoneNumbersInText(
    text,
    country ? { defaultCountry: country } : { defaultCallingCode: '1' },
  );
  return found
    .filter((match) => match.number.isPossible())
    .map((match) => ({ number: match.number.number, start: match.startsAt, end: match.endsAt }));
}
