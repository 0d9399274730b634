import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  newCountryEvidence,
  type ParsedLocation,
  type PlaceCandidate,
  parseLocation,
  parseLocationInFile,
} from './location.js';

const place = (city: string | null, region: string | null, country: string | null, is_remote = false) => ({
  city,
  region,
  country,
  is_remote,
});
const parsed = (text: string) => {
  const { raw: _raw, ...rest } = parseLocation(text);
  return rest;
};

describe('parseLocation', () => {
  it('parses US, Canadian and international formats', () => {
    expect(parsed('San Francisco, CA')).toEqual(place('San Francisco', 'CA', 'US'));
    expect(parsed('New York, NY 10001')).toEqual(place('New York', 'NY', 'US'));
    expect(parsed('Austin, TX (Hybrid)')).toEqual(place('Austin', 'TX', 'US'));
    expect(parsed('Toronto, ON, Canada')).toEqual(place('Toronto', 'ON', 'CA'));
    expect(parsed('Bengaluru, Karnataka, India')).toEqual(place('Bengaluru', 'Karnataka', 'IN'));
    expect(parsed('Berlin, Germany')).toEqual(place('Berlin', null, 'DE'));
    expect(parsed('Edinburgh, Scotland')).toEqual(place('Edinburgh', 'Scotland', 'GB'));
    expect(parsed('Massachusetts - Boston')).toEqual(place('Boston', 'MA', 'US'));
    expect(parsed('US, Arizona, Phoenix')).toEqual(place('Phoenix', 'AZ', 'US'));
    expect(parsed('Washington, D.C.')).toEqual(place('Washington', 'DC', 'US'));
    expect(parsed('Bellevue, Washington')).toEqual(place('Bellevue', 'WA', 'US'));
    expect(parsed('London, Ontario, Canada')).toEqual(place('London', 'ON', 'CA'));
  });

  it('uses the built-in city table for bare and nicknamed cities', () => {
    expect(parsed('London')).toMatchObject({ city: 'London', country: 'GB' });
    expect(parsed('London, UK')).toMatchObject({ city: 'London', country: 'GB' });
    expect(parsed('Bangalore')).toMatchObject({ city: 'Bengaluru', country: 'IN' });
    expect(parsed('NYC')).toMatchObject({ city: 'New York', region: 'NY', country: 'US' });
    expect(parsed('SF, NYC, SEA, CHI')).toMatchObject({ city: 'San Francisco', country: 'US' });
    expect(parsed('New York')).toMatchObject({ city: 'New York', country: 'US' });
  });

  it('never takes Remote for a city', () => {
    expect(parsed('Remote')).toEqual(place(null, null, null, true));
    expect(parsed('Remote - US')).toEqual(place(null, null, 'US', true));
    expect(parsed('US-Remote')).toEqual(place(null, null, 'US', true));
    expect(parsed('Remote in the US')).toEqual(place(null, null, 'US', true));
    expect(parsed('Canada - Remote (ON, AB, BC, or NS Only)')).toEqual(place(null, null, 'CA', true));
    expect(parsed('San Francisco, CA, US; Remote, US')).toEqual(place('San Francisco', 'CA', 'US', true));
  });

  it('returns countries alone and nothing for placeholders', () => {
    expect(parsed('United States')).toEqual(place(null, null, 'US'));
    expect(parsed('Japan')).toEqual(place(null, null, 'JP'));
    expect(parsed('2 Locations')).toEqual(place(null, null, null));
    expect(parsed('Hybrid')).toEqual(place(null, null, null));
    expect(parseLocation('   ')).toEqual({
      city: null,
      region: null,
      country: null,
      is_remote: false,
      raw: null,
    });
    expect(parseLocation(null).raw).toBeNull();
    expect(parseLocation(' London ').raw).toBe('London');
  });

  it('never throws on arbitrary input and never returns Remote as a city', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const result: ParsedLocation = parseLocation(text);
        expect(result.city === null || !/^remote$/i.test(result.city)).toBe(true);
        expect(result.country === null || /^[A-Z]{2}$/.test(result.country)).toBe(true);
      }),
    );
  });

  it('parses most real posting locations', () => {
    const read = (file: string) =>
      parse(readFileSync(path.resolve(process.cwd(), '../shared/data/jobs', file)), {
        columns: true,
        skip_empty_lines: true,
      }) as Record<string, string>[];
    const rate = (values: string[], ok: (p: ParsedLocation) => boolean) =>
      values.filter((v) => ok(parseLocation(v))).length / values.length;
    const ats = read('open_jobs_ats.csv')
      .map((r) => r.locations ?? '')
      .filter((v) => v.trim() !== '');
    const glassdoor = read('glassdoor_ds_jobs.csv').map((r) => r.Location ?? '');
    const located = (p: ParsedLocation) => p.city !== null || p.country !== null || p.is_remote;
    const atsRate = rate(ats, located);
    const atsCountryRate = rate(ats, (p) => p.country !== null);
    const glassdoorRate = rate(glassdoor, (p) => p.city !== null && p.country === 'US');
    console.log(
      `open_jobs_ats locations: ${ats.length}, parsed (city|country|remote): ${(atsRate * 100).toFixed(1)}%, ` +
        `with country: ${(atsCountryRate * 100).toFixed(1)}%; glassdoor Location with city+US: ${(glassdoorRate * 100).toFixed(1)}%`,
    );
    expect(atsRate).toBeGreaterThan(0.9);
    expect(glassdoorRate).toBeGreaterThan(0.95);
  });
});

describe('parseLocation: real posting formats (issue 13)', () => {
  const usCity = fc.constantFrom('Boston', 'Austin', 'Denver', 'Springfield', 'California', 'Lincoln');
  const state = fc.constantFrom('MA', 'TX', 'CO', 'MO', 'IL', 'NE');

  it('reads "Hybrid work in X" and "Remote in X" as the arrangement, then the place', () => {
    fc.assert(
      fc.property(
        usCity,
        state,
        fc.constantFrom('Hybrid work in ', 'Hybrid remote in ', 'On-site in ', 'Remote in '),
        (city, region, prefix) => {
          const place = parseLocation(`${prefix}${city}, ${region}`);
          expect(place).toMatchObject({ city, region, country: 'US' });
          expect(place.is_remote).toBe(prefix.startsWith('Remote'));
        },
      ),
    );
  });

  it('takes the part before a trailing state code as the city, even when it names a state', () => {
    fc.assert(
      fc.property(usCity, state, (city, region) => {
        expect(parseLocation(`${city}, ${region}`)).toMatchObject({ city, region, country: 'US' });
      }),
    );
  });

  it('skips a street address before the city', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom('West 45th Street', 'Broadway', '5th Ave, Suite 200'),
        fc.integer({ min: 10001, max: 10299 }),
        (number, street, zip) => {
          expect(parseLocation(`${number} ${street}, New York, NY ${zip}`)).toMatchObject({
            city: 'New York',
            region: 'NY',
            country: 'US',
          });
        },
      ),
    );
  });

  it('reads JobSpy\'s "State-code, Country-code" rows without a city as the region of that country', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['KA', 'IN'], ['MH', 'IN'], ['BY', 'DE'], ['NSW', 'AU'], ['ON', 'CA'], ['TX', 'US']),
        ([region, country]) => {
          expect(parseLocation(`${region}, ${country}`)).toMatchObject({ city: null, region, country });
        },
      ),
    );
  });

  it('reads JobSpy\'s "City, State-code, Country-code"', () => {
    expect(parseLocation('Bengaluru, KA, IN')).toMatchObject({
      city: 'Bengaluru',
      region: 'KA',
      country: 'IN',
    });
    expect(parseLocation('Toronto, ON, CA')).toMatchObject({ city: 'Toronto', region: 'ON', country: 'CA' });
    expect(parseLocation('Austin, TX, US')).toMatchObject({ city: 'Austin', region: 'TX', country: 'US' });
    expect(parseLocation('Munich, BY, DE')).toMatchObject({ city: 'Munich', region: 'BY', country: 'DE' });
  });
});

describe('parseLocation: parts first, then decide (issue 13, session 5)', () => {
  it.each([
    ['Hybrid work in Boston', place('Boston', 'MA', 'US')],
    ['Temporarily Remote in Austin, TX', place('Austin', 'TX', 'US')],
    ['California, MO', place('California', 'MO', 'US')],
    ['1 World Trade Center, New York', place('New York', 'NY', 'US')],
    ['SF Office; NYC Office', place('San Francisco', 'CA', 'US')],
    ['Canada - Toronto Metro - Remote', place('Toronto', 'ON', 'CA', true)],
    ['Bay Area', place('Bay Area', null, null)],
    ['South San Francisco', place('South San Francisco', 'CA', 'US')],
    ['Finchley, North London', place('London', 'England', 'GB')],
    ['Central London', place('London', 'England', 'GB')],
    ['Dublin, England, Ireland', place('Dublin', null, 'IE')],
    ['Northeast - United States; Southeast - United States', place(null, null, 'US')],
    ['West Coast - United States', place(null, null, 'US')],
    ['Apia, Upolu, Samoa', place('Apia', 'Upolu', 'WS')],
    ['Lohr am Main, BY, Germany', place('Lohr am Main', 'BY', 'DE')],
    ['Berlin, DE', place('Berlin', null, 'DE')],
    ['Dover, DE', place('Dover', 'DE', 'US')],
    ['Ireland, Spain, United Kingdom', place(null, null, 'IE')],
    ['Atlanta, Georgia, USA', place('Atlanta', 'GA', 'US')],
    ['Hillsboro, OR', place('Hillsboro', 'OR', 'US')],
    ['Sydney Or Melbourne', place('Sydney', null, 'AU')],
    ['Work At Home-Illinois', place(null, 'IL', 'US', true)],
    ['APAC - Singapore - Singapore - Fusionopolis', place('Singapore', 'Fusionopolis', 'SG')],
    ['Singapore, Dublin', place('Singapore', null, 'SG')],
    ['EMEA - Germany - Berlin', place('Berlin', null, 'DE')],
    ['New York State', place(null, 'NY', 'US')],
    ['Brooklyn, NY', place('New York', 'NY', 'US')],
    ['In-person in Seattle, WA 98101', place('Seattle', 'WA', 'US')],
    ['1600 Amphitheatre Pkwy Mountain View, CA', place('Mountain View', 'CA', 'US')],
    ['500 Main Street Springfield, IL', place('Springfield', 'IL', 'US')],
    ['Washington - Bellevue', place('Bellevue', 'WA', 'US')],
    ['New York - Albany', place('Albany', 'NY', 'US')],
    ['Washington, DC', place('Washington', 'DC', 'US')],
    ['(San Francisco, Chicago, NYC)', place('San Francisco', 'CA', 'US')],
    ['Remote - US: Select locations', place(null, null, 'US', true)],
    ['Atlanta Warehouse; Chicago Warehouse', place('Atlanta', 'GA', 'US')],
    ['Tel Aviv-Yafo Municipality, ISR', place('Tel Aviv', null, 'IL')],
    ['Ottawa, Canada', place('Ottawa', 'ON', 'CA')],
    ['Karnataka, IN', place(null, 'Karnataka', 'IN')],
    ['KA, IN', place(null, 'KA', 'IN')],
    ['ON, CA', place(null, 'ON', 'CA')],
    ['Ontario, CA', place('Ontario', 'CA', 'US')],
    ['Springfield, IN', place('Springfield', 'IN', 'US')],
    ['Kerala, India', place(null, 'Kerala', 'IN')],
    ['San Francisco Bay Area', place('San Francisco', 'CA', 'US')],
    ['Remote hybrid in Austin, TX', place('Austin', 'TX', 'US')],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it('knows every ISO country by its English name and capital code', () => {
    const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    fc.assert(
      fc.property(fc.constantFrom('WS', 'BA', 'PY', 'LK', 'KH', 'EE', 'IS', 'MT', 'UY', 'VN'), (code) => {
        expect(parseLocation(names.of(code)!)).toMatchObject({ city: null, country: code });
        expect(parseLocation(`Some Town, ${names.of(code)!}`)).toMatchObject({
          city: 'Some Town',
          country: code,
        });
      }),
    );
  });

  it('a written country decides over the country a region name implies', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Springfield', 'Dublin', 'Richmond'),
        fc.constantFrom('England', 'Scotland', 'Ontario', 'Texas'),
        fc.constantFrom(['Ireland', 'IE'], ['Australia', 'AU'], ['South Africa', 'ZA']),
        (city, region, [country, code]) => {
          expect(parseLocation(`${city}, ${region}, ${country}`)).toMatchObject({ city, country: code });
        },
      ),
    );
  });

  it('a site word after a known place ("Office", "HQ", "Metro") is dropped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ['NYC', 'New York'],
          ['SF', 'San Francisco'],
          ['London', 'London'],
          ['Toronto', 'Toronto'],
        ),
        fc.constantFrom('Office', 'HQ', 'Metro', 'Campus', 'Headquarters'),
        ([written, city], site) => {
          expect(parseLocation(`${written} ${site}`).city).toBe(city);
        },
      ),
    );
  });

  it('a street address before the city is skipped however the city is written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom('Broadway', 'World Trade Center', 'Park Ave'),
        fc.constantFrom('New York', 'NYC', 'Manhattan', 'New York City'),
        (number, street, city) => {
          expect(parseLocation(`${number} ${street}, ${city}`)).toMatchObject({
            city: 'New York',
            country: 'US',
          });
        },
      ),
    );
  });
});

describe('parseLocation: a capitalised OR is Oregon, a lower-case or joins places', () => {
  it('reads "City, OR" as Oregon and "A or B" as two places', () => {
    fc.assert(
      fc.property(fc.constantFrom('Hillsboro', 'Salem', 'Beaverton', 'Bend'), (city) => {
        expect(parseLocation(`${city}, OR`)).toMatchObject({ city, region: 'OR', country: 'US' });
        expect(parseLocation(`${city}, OR or Seattle, WA`)).toMatchObject({
          city,
          region: 'OR',
          country: 'US',
        });
      }),
    );
  });
});

describe('parseLocation: NYC street addresses as Indeed writes them', () => {
  it('finds New York after a street address written with or without a comma before the city', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.constantFrom('Liberty Plaza', '5th Ave', 'W 45th St', 'Park Avenue', 'Water Street', 'Broadway'),
        fc.constantFrom(', ', ' '),
        fc.constantFrom('New York', 'Manhattan', 'Brooklyn', 'New York City'),
        fc.integer({ min: 10001, max: 11299 }),
        (number, street, joiner, city, zip) => {
          expect(parseLocation(`${number} ${street}${joiner}${city}, NY ${zip}`)).toMatchObject({
            city: 'New York',
            region: 'NY',
            country: 'US',
          });
        },
      ),
    );
  });
});

describe('parseLocation: arbitrary arrangements of location words', () => {
  it('never throws and only returns ISO countries, whatever the order of the parts', () => {
    const part = fc.constantFrom(
      'Singapore',
      'APAC',
      'OR',
      'or',
      'New York',
      'NY',
      'State',
      'Remote',
      'Hybrid work in',
      'BY',
      'Germany',
      'Dublin',
      'England',
      'Ireland',
      '1',
      'Liberty Plaza',
      'Office',
      'North',
      'South San Francisco',
      'US',
      'IN',
      'Work At Home',
      'Bengaluru',
      'KA',
      '10001',
      '(Hybrid)',
      'CA',
      'Samoa',
    );
    const joiner = fc.constantFrom(', ', ' - ', '; ', ' ', ' | ', '-');
    fc.assert(
      fc.property(fc.array(fc.tuple(part, joiner), { maxLength: 8 }), (pieces) => {
        const result = parseLocation(pieces.map(([p, j]) => p + j).join(''));
        expect(result.country === null || /^[A-Z]{2}$/.test(result.country)).toBe(true);
        expect(result.city === null || !/^remote$/i.test(result.city)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseLocation with place evidence passed in (a gazetteer, the file's countries)", () => {
  const at = (country: string, population: number, region: string | null = null): PlaceCandidate => ({
    country,
    region,
    population,
  });
  const gazetteer: Record<string, PlaceCandidate[]> = {
    basel: [at('CH', 164_000)],
    aberdeen: [at('GB', 196_000, 'Scotland'), at('US', 28_000, 'SD'), at('US', 16_000, 'WA')],
    cambridge: [at('GB', 158_000, 'England'), at('CA', 120_000, 'ON'), at('US', 110_000, 'MA')],
    'st louis': [at('US', 315_000, 'MO'), at('SN', 176_000)],
    springfield: [at('US', 167_000, 'MO'), at('US', 155_000, 'MA'), at('US', 116_000, 'IL')],
    indore: [at('IN', 1_800_000)],
    eindhoven: [at('NL', 210_000)],
    hamlet: [at('FR', 1_200)],
    prague: [at('CZ', 1_160_000), at('US', 2_000, 'OK')],
    hermiston: [at('US', 17_000, 'OR')],
  };
  const placesOf = (city: string) =>
    gazetteer[city.toLowerCase().replace(/\./g, '')] ?? ([] as PlaceCandidate[]);
  const withGazetteer = (text: string, fileCountries?: Map<string, number>) => {
    const { raw: _raw, ...rest } = parseLocation(text, { placesOf, fileCountries });
    return rest;
  };

  it.each([
    ['Basel', place('Basel', null, 'CH')],
    ['Aberdeen', place('Aberdeen', 'Scotland', 'GB')],
    ['Aberdeen, Aberdeenshire', place('Aberdeen', 'Aberdeenshire', 'GB')],
    ['Indore, IN', place('Indore', null, 'IN')],
    ['Eindhoven, NL', place('Eindhoven', null, 'NL')],
    ['Springfield, USA', place('Springfield', null, 'US')],
  ])('a city its namesakes point to: %s', (text, expected) => {
    expect(withGazetteer(text)).toEqual(expected);
  });

  it.each([
    ['Cambridge', place('Cambridge', null, null)],
    ['St. Louis', place('St. Louis', null, null)],
    ['Hamlet', place('Hamlet', null, null)],
    ['Springfield, IN', place('Springfield', 'IN', 'US')],
    ['Qwzxville', place('Qwzxville', null, null)],
  ])('no country when the namesakes do not agree, the place is tiny or unknown: %s', (text, expected) => {
    expect(withGazetteer(text)).toEqual(expected);
  });

  it("the file's countries weigh the namesakes", () => {
    const american = new Map([['US', 40]]);
    const british = new Map([
      ['GB', 30],
      ['US', 2],
    ]);
    expect(withGazetteer('St. Louis', american)).toEqual(place('St. Louis', 'MO', 'US'));
    expect(withGazetteer('Cambridge', american)).toEqual(place('Cambridge', 'MA', 'US'));
    expect(withGazetteer('Cambridge', british)).toEqual(place('Cambridge', 'England', 'GB'));
    // The file lifts its countries' places at most tenfold: a capital still beats a village.
    expect(withGazetteer('Prague', new Map([['US', 100]]))).toEqual(place('Prague', null, 'CZ'));
    // In a file of British jobs a name the gazetteer has no British place of may be one it lacks.
    expect(withGazetteer('Hermiston, Currie', british)).toEqual(place('Hermiston', 'Currie', null));
    expect(withGazetteer('Hermiston, Currie')).toEqual(place('Hermiston', 'Currie', 'US'));
    // A small place in the file's country is evidence enough.
    expect(withGazetteer('Hamlet', new Map([['FR', 10]]))).toEqual(place('Hamlet', null, 'FR'));
    // A state named in the text is not overruled.
    expect(withGazetteer('Cambridge, MA', british)).toEqual(place('Cambridge', 'MA', 'US'));
  });

  it("a code that is a state and a country is the file's country when the file leans to it", () => {
    const indian = new Map([['IN', 20]]);
    expect(withGazetteer('IN')).toEqual(place(null, 'IN', 'US'));
    expect(withGazetteer('IN', indian)).toEqual(place(null, null, 'IN'));
    expect(withGazetteer('Remote - IN', indian)).toEqual(place(null, null, 'IN', true));
    expect(withGazetteer('Nagpur Rural, IN', indian)).toEqual(place('Nagpur Rural', null, 'IN'));
    // Written out, the state stays; a file that does not lean (too few rows, or mixed) changes nothing.
    expect(withGazetteer('Indiana', indian)).toEqual(place(null, 'IN', 'US'));
    expect(withGazetteer('IN', new Map([['IN', 3]]))).toEqual(place(null, 'IN', 'US'));
    expect(
      withGazetteer(
        'IN',
        new Map([
          ['IN', 10],
          ['US', 10],
        ]),
      ),
    ).toEqual(place(null, 'IN', 'US'));
  });

  it('rows of one file build the evidence in order', () => {
    const evidence = newCountryEvidence();
    const rows = ['Pune', 'Bengaluru, KA, IN', 'Mumbai', 'Chennai', 'Hyderabad', 'IN', 'Indore, IN'];
    const countries = rows.map((text) => parseLocationInFile(text, placesOf, evidence).country);
    expect(countries).toEqual(['IN', 'IN', 'IN', 'IN', 'IN', 'IN', 'IN']);
    expect(parseLocationInFile('IN', placesOf, newCountryEvidence()).country).toBe('US');
  });

  it('evidence only fills what the text leaves open', () => {
    const names = fc.constantFrom(
      'Basel',
      'Aberdeen',
      'Cambridge',
      'St. Louis',
      'Indore',
      'Hamlet',
      'Nowhere',
    );
    const texts = fc.oneof(
      names,
      fc
        .tuple(names, fc.constantFrom(', TX', ', ON', ', Germany', ', KA, IN', ' (Remote)', ', England'))
        .map(([a, b]) => a + b),
    );
    const files = fc.dictionary(fc.constantFrom('US', 'GB', 'IN', 'CH', 'FR'), fc.nat({ max: 50 }));
    fc.assert(
      fc.property(texts, files, (text, counts) => {
        const plain = parseLocation(text);
        const informed = parseLocation(text, { placesOf, fileCountries: new Map(Object.entries(counts)) });
        expect(informed.city).toBe(plain.city);
        expect(informed.is_remote).toBe(plain.is_remote);
        if (plain.country !== null && !['US', 'CA'].includes(plain.country)) expect(informed).toEqual(plain);
        if (informed.country !== null) expect(informed.country).toMatch(/^[A-Z]{2}$/);
      }),
    );
  });
});

describe('parseLocation: lists and employer names (issue 13, tune misses of session 7)', () => {
  it.each([
    ['SF, SEA, NY, Remote-US', place('San Francisco', 'CA', 'US', true)],
    ['San Francisco, Seattle, New York', place('San Francisco', 'CA', 'US')],
    ['Seattle, San Francisco, New York, US - Remote', place('Seattle', 'WA', 'US', true)],
    ['CHI, ATL, US-REM', place('Chicago', 'IL', 'US')],
    // A place and its region stay one place.
    ['Vancouver, Washington', place('Vancouver', 'WA', 'US')],
    ['London, Ontario', place('London', 'ON', 'CA')],
  ])('a known city second makes a comma list of places, not a region of the first: %s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it.each([
    ['Kansas, USA, Remote; Missouri, USA, Remote; Washington, USA, Remote', place(null, 'KS', 'US', true)],
    ['California; Oregon; Washington', place(null, 'CA', 'US')],
    // A city with its own state code stays the city; without an earlier state, a leading city is a city.
    ['California; New York, NY', place('New York', 'NY', 'US')],
    ['Washington, USA; Kansas, USA', place('Washington', 'DC', 'US')],
  ])('a name that is a state and a city, among states alone, is the state: %s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it.each([
    ['06394 - Tennessee CVS Pharmacy, L.L.C.', place(null, 'TN', 'US')],
    ['02572 - Connecticut CVS Pharmacy, L.L.C.', place(null, 'CT', 'US')],
    ['03067 - CVS Albany, L.L.C.', place(null, null, null)],
    ['Acme Germany GmbH', parsed('Acme Germany GmbH')],
    ['Magdeburg, SA, Germany', place('Magdeburg', 'SA', 'DE')],
  ])(
    'an employer entity ("..., L.L.C.") is no city; a region its name starts with is the place: %s',
    (text, expected) => {
      expect(parsed(text)).toEqual(expected);
    },
  );

  it.each([
    ['Hybrid - San Francisco, New York City', place('San Francisco', 'CA', 'US')],
    ['US-San Francisco, US-Chicago, US-New York', place('San Francisco', 'CA', 'US')],
    ['San Francisco, New York, Seattle, Chicago', place('San Francisco', 'CA', 'US')],
    ['Toronto, New York, San Francisco', place('Toronto', 'ON', 'CA')],
    ['San Francisco, CA, Seattle WA, New York, NY', place('San Francisco', 'CA', 'US')],
    ['Austin, TX, Remote', place('Austin', 'TX', 'US', true)],
    ['Toronto, ON, Canada', place('Toronto', 'ON', 'CA')],
    ['San Francisco, CA & Remote CA (PT)', place('San Francisco', 'CA', 'US', true)],
    ['Some Town, Bosnia & Herzegovina', place('Some Town', null, 'BA')],
    ['Field-Florida', place(null, 'FL', 'US')],
    ['Winston-Salem, NC', place('Winston-Salem', 'NC', 'US')],
    ['Park Royal, North West London', place('London', 'England', 'GB')],
    ['Remote, KA, IN', place(null, 'KA', 'IN', true)],
  ])(
    'a list of places is read as places, each with its own qualifiers (session 7 tune growth): %s',
    (text, expected) => {
      expect(parsed(text)).toEqual(expected);
    },
  );

  it('a leading code that is a state and a country is the country when the city is a place of it', () => {
    const places = (city: string): PlaceCandidate[] =>
      city === 'Bengaluru' ? [{ country: 'IN', region: '19', population: 8_000_000 }] : [];
    expect(parseLocationInFile('IN - Bengaluru', places, undefined)).toMatchObject({
      city: 'Bengaluru',
      country: 'IN',
    });
    expect(parseLocationInFile('IN - Wabash', places, undefined)).toMatchObject({
      city: 'Wabash',
      region: 'IN',
      country: 'US',
    });
  });

  it('never reads a part before a legal suffix as a city', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Tennessee CVS Pharmacy', 'Acme Boston', 'New York Widgets', 'Paris Foods'),
        fc.constantFrom('L.L.C.', 'LLC', 'Inc.', 'Ltd', 'GmbH'),
        fc.constantFrom('', '01234 - ', '7 - '),
        (name, suffix, prefix) => {
          expect(parsed(`${prefix}${name}, ${suffix}`).city).toBeNull();
        },
      ),
    );
  });
});
