import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANNUAL_FACTOR,
  annualize,
  EMPTY_SALARY,
  parseSalary,
  parseSalaryWithProblems,
  periodFromInterval,
  readNumber,
  resolveCurrency,
  type SalaryParse,
  type SalaryPeriod,
  salaryFromAmounts,
} from './salary.js';

const JOBS_DIR = path.resolve(process.cwd(), '../shared/data/jobs');

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(JOBS_DIR, file)), { columns: true }) as Record<string, string>[];
}

/** The full expected parse; the exact amounts default to the integer ones. */
function salaryOf(expected: Partial<SalaryParse>): SalaryParse {
  return {
    ...EMPTY_SALARY,
    salary_min_exact: expected.salary_min ?? null,
    salary_max_exact: expected.salary_max ?? null,
    ...expected,
  };
}

function expectSalary(raw: string, expected: Partial<SalaryParse>): void {
  expect(parseSalary(raw)).toEqual(salaryOf(expected));
}

function yearly(
  min: number | null,
  max: number | null,
  currency: string | null = 'USD',
): Partial<SalaryParse> {
  return {
    salary_min: min,
    salary_max: max,
    salary_currency: currency,
    salary_period: 'year',
    salary_min_annual: min,
    salary_max_annual: max,
  };
}

function groupThousands(value: number, separator: string): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

describe('parseSalary: examples', () => {
  it('reads K ranges as yearly dollars', () => {
    expectSalary('$150K - $180K', yearly(150_000, 180_000));
    expectSalary('$120k/yr', yearly(120_000, 120_000));
    expectSalary('$150-180K', yearly(150_000, 180_000));
  });

  it('records Glassdoor estimate and employer-provided markers', () => {
    expectSalary('$53K-$91K (Glassdoor est.)', { ...yearly(53_000, 91_000), is_estimate: true });
    expectSalary('$110K-$150K(Employer est.)', { ...yearly(110_000, 150_000), is_estimate: true });
    expectSalary('Employer Provided Salary:$150K-$160K', {
      ...yearly(150_000, 160_000),
      employer_provided: true,
    });
  });

  it('reads hourly rates only when the text says hourly', () => {
    expectSalary('$17-$24 Per Hour(Glassdoor est.)', {
      salary_min: 17,
      salary_max: 24,
      salary_currency: 'USD',
      salary_period: 'hour',
      salary_min_annual: 17 * 2080,
      salary_max_annual: 24 * 2080,
      is_estimate: true,
    });
    expectSalary('$25.00 - $50.00 Per Hour', {
      salary_min: 25,
      salary_max: 50,
      salary_currency: 'USD',
      salary_period: 'hour',
      salary_min_annual: 52_000,
      salary_max_annual: 104_000,
    });
    expect(parseSalary('£65ph')).toMatchObject({
      salary_min: 65,
      salary_currency: 'GBP',
      salary_period: 'hour',
    });
  });

  it('rounds decimal amounts but annualizes the exact amount', () => {
    expect(parseSalary('$25.50/hr')).toMatchObject({ salary_min: 26, salary_min_annual: 53_040 });
  });

  it('keeps one bound for "From" and "Up to" and "+"', () => {
    expectSalary('From $40 an hour', {
      salary_min: 40,
      salary_currency: 'USD',
      salary_period: 'hour',
      salary_min_annual: 83_200,
    });
    expectSalary('Up to $120,000 a year', yearly(null, 120_000));
    expectSalary('$100K+', yearly(100_000, null));
  });

  it('reads thousands separators and en dashes', () => {
    expectSalary('$132,596 - $141,294 a year', yearly(132_596, 141_294));
    expectSalary('USD 100,000 - 120,000', yearly(100_000, 120_000));
    expectSalary('105K–160K a year', yearly(105_000, 160_000, null));
  });

  it('uses the currency hint only when the text names none or an ambiguous one', () => {
    expect(parseSalary('105K–160K a year', { currency: 'usd' }).salary_currency).toBe('USD');
    expect(parseSalary('$90K', { currency: 'CAD' }).salary_currency).toBe('CAD');
    expect(parseSalary('£90K', { currency: 'CAD' }).salary_currency).toBe('GBP');
  });

  it('uses the period hint only when the text states none', () => {
    expect(parseSalary('$45', { period: 'hour' })).toMatchObject({
      salary_period: 'hour',
      salary_min_annual: 93_600,
    });
    expect(parseSalary('$45 a day', { period: 'hour' }).salary_period).toBe('day');
  });

  it('reads other currencies and periods', () => {
    expectSalary('£380 to £415 per day', {
      salary_min: 380,
      salary_max: 415,
      salary_currency: 'GBP',
      salary_period: 'day',
      salary_min_annual: 98_800,
      salary_max_annual: 107_900,
    });
    expectSalary('€60.000 - €70.000', yearly(60_000, 70_000, 'EUR'));
    expectSalary('€60.000,50', {
      ...yearly(60_001, 60_001, 'EUR'),
      salary_min_exact: 60_000.5,
      salary_max_exact: 60_000.5,
    });
    expectSalary('CA$90K', yearly(90_000, 90_000, 'CAD'));
    expectSalary('A$120K', yearly(120_000, 120_000, 'AUD'));
    expectSalary('1.2M', yearly(1_200_000, 1_200_000, null));
    expect(parseSalary('Rs. 50,000 per month')).toMatchObject({
      salary_min: 50_000,
      salary_currency: 'INR',
      salary_period: 'month',
      salary_min_annual: 600_000,
    });
    expect(parseSalary('50 000 SEK/month')).toMatchObject({ salary_min: 50_000, salary_currency: 'SEK' });
    expect(parseSalary('£3,500 pcm').salary_period).toBe('month');
    expect(parseSalary('$1,200/week').salary_min_annual).toBe(62_400);
  });

  it('reads lakhs per annum as yearly rupees', () => {
    expectSalary('₹12 LPA', yearly(1_200_000, 1_200_000, 'INR'));
    expectSalary('12-18 LPA', yearly(1_200_000, 1_800_000, 'INR'));
    expectSalary('₹ 12 lakh', yearly(1_200_000, 1_200_000, 'INR'));
    expectSalary('₹ 8 lakh', yearly(800_000, 800_000, 'INR'));
  });

  it('records the contract type', () => {
    expect(parseSalary('$70/hr C2C')).toMatchObject({
      salary_min: 70,
      salary_max: 70,
      salary_period: 'hour',
      contract_type: 'C2C',
    });
    expect(parseSalary('$55-65/hr W2')).toMatchObject({
      salary_min: 55,
      salary_max: 65,
      salary_period: 'hour',
      contract_type: 'W2',
    });
    expect(parseSalary('$60/hr on 1099')).toMatchObject({ salary_min: 60, contract_type: '1099' });
    expect(parseSalary('$60/hr corp-to-corp').contract_type).toBe('C2C');
  });

  it('swaps reversed bounds and repeats a single value', () => {
    expectSalary('$180K-$150K', yearly(150_000, 180_000));
    expectSalary('$95,000', yearly(95_000, 95_000));
  });

  it('keeps small amounts without a stated period but does not guess the period', () => {
    expectSalary('$40', { salary_min: 40, salary_max: 40, salary_currency: 'USD' });
    expectSalary('$8K', { salary_min: 8000, salary_max: 8000, salary_currency: 'USD' });
  });

  it.each([
    'DOE',
    'Competitive',
    'Negotiable',
    '',
    '   ',
    '-1',
    '$0',
    '$999,999,999,999',
    '$25 a year',
    '$9,000 per hour',
    '40',
    'Salary: depends on experience',
  ])('returns nothing for junk %j', (raw) => {
    expect(parseSalary(raw)).toEqual(EMPTY_SALARY);
  });

  it('returns nothing for missing input', () => {
    expect(parseSalary(null)).toEqual(EMPTY_SALARY);
    expect(parseSalary(undefined)).toEqual(EMPTY_SALARY);
  });

  it('still reports a stated contract type without an amount', () => {
    expect(parseSalary('DOE, C2C only')).toEqual({ ...EMPTY_SALARY, contract_type: 'C2C' });
  });

  it('ignores 401(k) as an amount', () => {
    expectSalary('401(k) match, $90K', yearly(90_000, 90_000));
  });
});

describe('readNumber', () => {
  it.each([
    ['25.00', false, 25],
    ['60.000', false, 60_000],
    ['60.000,50', false, 60_000.5],
    ['1,250', false, 1250],
    ['1,234,567', false, 1_234_567],
    ['1,234.56', false, 1234.56],
    ['69313.35', false, 69_313.35],
    ['1.5', true, 1.5],
    ['1.250', true, 1.25],
    ['60,5', false, 60.5],
    ["100'000", false, 100_000],
    ['50 000', false, 50_000],
  ] as const)('%s (multiplier: %s) is %d', (run, hasMultiplier, expected) => {
    expect(readNumber(run, hasMultiplier)).toBe(expected);
  });

  it.each(['1,23,4', '12,3456,789', '1.234,567,8', ''])('rejects malformed %j', (run) => {
    expect(readNumber(run)).toBeNull();
  });
});

describe('resolveCurrency and periodFromInterval', () => {
  it('maps markers and codes to ISO codes', () => {
    expect(resolveCurrency('$')).toBe('USD');
    expect(resolveCurrency('$', 'AUD')).toBe('AUD');
    expect(resolveCurrency('¥', 'CNY')).toBe('CNY');
    expect(resolveCurrency('kr')).toBeNull();
    expect(resolveCurrency('kr', 'NOK')).toBe('NOK');
    expect(resolveCurrency('gbp')).toBe('GBP');
    expect(resolveCurrency('Rs.')).toBe('INR');
    expect(resolveCurrency('XYZ')).toBeNull();
  });

  it('maps JobSpy and Adzuna intervals', () => {
    const cases: [string, SalaryPeriod | null][] = [
      ['hourly', 'hour'],
      ['daily', 'day'],
      ['weekly', 'week'],
      ['monthly', 'month'],
      ['yearly', 'year'],
      ['annum', 'year'],
      [' per hour', 'hour'],
      ['', null],
      ['fortnightly', null],
    ];
    for (const [interval, period] of cases) expect(periodFromInterval(interval)).toBe(period);
  });
});

describe('salaryFromAmounts', () => {
  it('reads JobSpy-style numbers with an interval', () => {
    expect(salaryFromAmounts({ min: 50, max: 70, currency: 'USD', interval: 'hourly' })).toEqual(
      salaryOf({
        salary_min: 50,
        salary_max: 70,
        salary_currency: 'USD',
        salary_period: 'hour',
        salary_min_annual: 104_000,
        salary_max_annual: 145_600,
      }),
    );
  });

  it('keeps the cents of structured hourly amounts', () => {
    expect(
      salaryFromAmounts({ min: '46.23', max: '72.23', currency: 'USD', interval: 'hourly' }),
    ).toMatchObject({ salary_min: 46, salary_max: 72, salary_min_exact: 46.23, salary_max_exact: 72.23 });
  });

  it('reads Adzuna decimal strings as machine numbers', () => {
    expect(
      salaryFromAmounts({ min: '69313.35', max: '69313.35', currency: 'GBP', interval: 'annum' }),
    ).toEqual(
      salaryOf({
        ...yearly(69_313, 69_313, 'GBP'),
        salary_min_exact: 69_313.35,
        salary_max_exact: 69_313.35,
      }),
    );
  });

  it('treats zero as a missing bound and infers a year from the size', () => {
    expect(salaryFromAmounts({ min: '0', max: '156000', currency: 'GBP', interval: '' })).toEqual(
      salaryOf(yearly(null, 156_000, 'GBP')),
    );
  });

  it('rejects implausible figures instead of guessing', () => {
    expect(salaryFromAmounts({ min: '90', max: '100', currency: 'GBP', interval: 'annum' })).toEqual(
      EMPTY_SALARY,
    );
    expect(salaryFromAmounts({ min: null, max: undefined, interval: 'yearly' })).toEqual(EMPTY_SALARY);
    expect(salaryFromAmounts({ min: 'n/a', max: 'DOE' })).toEqual(EMPTY_SALARY);
    expect(salaryFromAmounts({ min: Number.NaN, max: Number.POSITIVE_INFINITY, interval: 'yearly' })).toEqual(
      EMPTY_SALARY,
    );
  });

  it('swaps reversed bounds', () => {
    expect(
      salaryFromAmounts({ min: 120_000, max: 100_000, currency: 'usd', interval: 'yearly' }),
    ).toMatchObject({
      salary_min: 100_000,
      salary_max: 120_000,
    });
  });
});

const PERIODS: SalaryPeriod[] = ['hour', 'day', 'week', 'month', 'year'];

function expectCoherent(result: SalaryParse): void {
  const { salary_min: min, salary_max: max, salary_period: period } = result;
  if (min !== null && max !== null) expect(min).toBeLessThanOrEqual(max);
  for (const [amount, annual] of [
    [min, result.salary_min_annual],
    [max, result.salary_max_annual],
  ] as const) {
    if (amount === null) {
      expect(annual).toBeNull();
      continue;
    }
    expect(Number.isInteger(amount) && amount >= 1).toBe(true);
    if (period === null) expect(annual).toBeNull();
    else
      expect(Math.abs(annual! - amount * ANNUAL_FACTOR[period])).toBeLessThanOrEqual(ANNUAL_FACTOR[period]);
  }
  if (min === null && max === null)
    expect(result).toEqual({ ...EMPTY_SALARY, contract_type: result.contract_type });
}

const salaryFragments = fc.constantFrom(
  '$',
  '£',
  '€',
  '₹',
  'CA$',
  'USD ',
  'K',
  'k',
  'M',
  ' LPA',
  ' lakh',
  '-',
  '–',
  ' to ',
  ' ',
  '.',
  ',',
  '0',
  '1',
  '5',
  '9',
  '25',
  '150',
  '000',
  ' per hour',
  ' a year',
  '/hr',
  '/day',
  ' pcm',
  'Up to ',
  'From ',
  '+',
  ' W2',
  ' C2C',
  ' 1099',
  '(Glassdoor est.)',
  'Employer Provided Salary:',
  '-1',
);

describe('parseSalary: properties', () => {
  it('never throws and always returns a coherent result for arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (raw) => {
        expectCoherent(parseSalary(raw));
      }),
    );
  });

  it('never throws and stays coherent for salary-like fragments', () => {
    fc.assert(
      fc.property(fc.array(salaryFragments, { maxLength: 12 }), (parts) => {
        expectCoherent(parseSalary(parts.join('')));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips "$aK - $bK"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 999 }), fc.integer({ min: 10, max: 999 }), (a, b) => {
        expect(parseSalary(`$${a}K - $${b}K`)).toEqual(
          salaryOf(yearly(Math.min(a, b) * 1000, Math.max(a, b) * 1000)),
        );
      }),
    );
  });

  it('round-trips grouped amounts in English and European notation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 5_000_000 }), fc.constantFrom(',', '.'), (amount, sep) => {
        const currency = sep === ',' ? '$' : '€';
        expect(parseSalary(`${currency}${groupThousands(amount, sep)}`)).toMatchObject({
          salary_min: amount,
          salary_max: amount,
          salary_period: 'year',
        });
      }),
    );
  });

  it('round-trips stated hourly rates with cents and annualizes them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.integer({ min: 0, max: 99 }), (dollars, cents) => {
        const amount = dollars + cents / 100;
        const result = parseSalary(`$${dollars}.${String(cents).padStart(2, '0')} per hour`);
        expect(result.salary_min).toBe(Math.round(amount));
        expect(result.salary_min_annual).toBe(Math.round(amount * 2080));
      }),
    );
  });

  it('annualizes by the period factor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(...PERIODS), (amount, period) => {
        expect(annualize(amount, period)).toBe(amount * ANNUAL_FACTOR[period]);
      }),
    );
  });

  it('orders structured bounds and annualizes them', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ min: -10, max: 3_000_000, noNaN: true })),
        fc.option(fc.double({ min: -10, max: 3_000_000, noNaN: true })),
        fc.constantFrom('hourly', 'daily', 'weekly', 'monthly', 'yearly', 'annum', null),
        (min, max, interval) => {
          expectCoherent(salaryFromAmounts({ min, max, interval, currency: 'USD' }));
        },
      ),
    );
  });
});

describe('parseSalary: real data', () => {
  it('matches every labelled Glassdoor salary', () => {
    const rows = readCsv('glassdoor_salary_labels.csv');
    expect(rows.length).toBe(416);
    for (const row of rows) {
      const hourly = row.hourly === '1';
      const unit = hourly ? 1 : 1000;
      const result = parseSalary(row.raw);
      expect({ raw: row.raw, ...result }).toMatchObject({
        raw: row.raw,
        salary_min: Number(row.min_thousands_or_hourly) * unit,
        salary_max: Number(row.max_thousands_or_hourly) * unit,
        salary_period: hourly ? 'hour' : 'year',
        salary_currency: 'USD',
        employer_provided: row.employer_provided === '1',
      });
    }
  });

  it('parses every Glassdoor salary estimate that is not the "-1" placeholder', () => {
    const rows = readCsv('glassdoor_ds_jobs.csv');
    const estimates = rows.map((row) => row['Salary Estimate'] ?? '');
    const parsed = estimates.filter((raw) => parseSalary(raw).salary_min !== null);
    const missing = estimates.filter((raw) => raw === '-1');
    expect(missing.length).toBe(214);
    expect(parsed.length).toBe(estimates.length - missing.length);
  });

  it('parses Adzuna UK amounts except the few implausible ones', () => {
    const rows = readCsv('adzuna_uk_jobs.csv');
    const results = rows.map((row) =>
      salaryFromAmounts({
        min: row.job_min_salary,
        max: row.job_max_salary,
        interval: row.job_salary_period,
        currency: 'GBP',
      }),
    );
    const parsed = results.filter((r) => r.salary_min_annual !== null || r.salary_max_annual !== null);
    // 1,241 rows; "90-100", "35" and "99-124" per annum are not salaries and must stay empty.
    expect(parsed.length).toBe(rows.length - 3);
    for (const r of parsed) expect(r.salary_period).toBe('year');
  });
});

describe('parseSalary: Indian digit grouping', () => {
  it.each([
    ['₹8,00,000 - ₹12,00,000 per annum', 800_000, 1_200_000],
    ['INR 1,20,00,000', 12_000_000, 12_000_000],
    ['Rs. 6,50,000 p.a.', 650_000, 650_000],
  ])('%s', (raw, min, max) => {
    expect(parseSalary(raw)).toMatchObject({
      salary_min: min,
      salary_max: max,
      salary_currency: 'INR',
      salary_period: 'year',
    });
  });

  it('does not take other malformed groupings for Indian ones', () => {
    expect(parseSalary('$1,00,00')).toMatchObject({ salary_min: null });
    expect(parseSalary('$1,250,000')).toMatchObject({ salary_min: 1_250_000 });
  });
});

describe('parseSalary: figures that are not pay, and how pay is written in real postings', () => {
  const amount = fc.integer({ min: 20_000, max: 400_000 });

  it('keeps the cents of hourly rates exactly (issue 13)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 300 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom(' an hour', '/hr', ' per hour', '/hour', ' hourly'),
        (dollars, cents, spread, unit) => {
          const low = dollars + cents / 100;
          const high = low + spread;
          const text = `$${low.toFixed(2)} - $${high.toFixed(2)}${unit}`;
          expect(parseSalary(text)).toMatchObject({
            salary_min_exact: low,
            salary_max_exact: Math.round(high * 100) / 100,
            salary_min: Math.round(low),
            salary_period: 'hour',
            salary_currency: 'USD',
          });
        },
      ),
    );
    expect(parseSalary('$33.56/hr')).toMatchObject({ salary_min_exact: 33.56, salary_min: 34 });
  });

  it('reads a range with the unit after each end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 200 }),
        fc.integer({ min: 1, max: 100 }),
        fc.constantFrom(['/hour', 'hour'], [' per hour', 'hour'], ['/day', 'day'], [' a day', 'day']),
        (low, spread, [unit, period]) => {
          expect(parseSalary(`$${low}${unit} to $${low + spread}${unit}`)).toMatchObject({
            salary_min: low,
            salary_max: low + spread,
            salary_period: period,
          });
        },
      ),
    );
  });

  it('does not read bonuses, benefits and budgets as pay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom(
          'K Sign on Bonus',
          ',000 sign-on bonus',
          ',000 learning budget',
          ',000 relocation allowance',
          ',000 annual training budget',
          ',000 of free shares per year',
          ',000 in funding',
        ),
        fc.constantFrom('$', '£', '€'),
        (figure, noun, currency) => {
          expect(parseSalary(`${currency}${figure}${noun}`).salary_min).toBeNull();
        },
      ),
    );
    for (const text of [
      'Referral bonus – earn up to £1,000 per successful hire',
      'Tuition Reimbursement up to $3K/year',
      'Gym subsidy of up to £50 per month',
      'Wellness Benefit - $500 per year to spend on eligible well being',
      'Know someone great? Refer them and receive up to £1,000 if successful',
    ]) {
      expect(parseSalary(text).salary_min, text).toBeNull();
    }
  });

  it('does not read company figures as pay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom('B', 'bn', ' billion', ' trillion', 'M in funding', ' million in revenue', 'MM'),
        fc.constantFrom('valued at $', 'raised over $', 'manages $', 'a $'),
        (figure, unit, lead) => {
          expect(parseSalary(`${lead}${figure}${unit}`).salary_min).toBeNull();
        },
      ),
    );
  });

  it('takes the pay next to the figure, not a bonus or benefit word elsewhere in the line', () => {
    expect(parseSalary('£45,000 - £54,000 Bonus Excellent Benefits')).toMatchObject({
      salary_min: 45_000,
      salary_max: 54_000,
    });
    expect(parseSalary('Pension scheme & more!- £55K Basic Salary + Bonus')).toMatchObject({
      salary_min: 55_000,
    });
    expect(parseSalary('Up to £85,000 + benefits')).toMatchObject({ salary_min: null, salary_max: 85_000 });
    expect(parseSalary('Salary from £59,200 up to 15% bonus')).toMatchObject({
      salary_min: 59_200,
      salary_max: null,
    });
  });

  it('reads currency words and codes glued to the number', () => {
    fc.assert(
      fc.property(
        amount,
        fc.constantFrom(
          [(n: string) => `EURO ${n}`, 'EUR'],
          [(n: string) => `${n} euros`, 'EUR'],
          [(n: string) => `GBP${n}`, 'GBP'],
          [(n: string) => `${n}GBP`, 'GBP'],
          [(n: string) => `${n} pounds`, 'GBP'],
          [(n: string) => `${n} dollars`, 'USD'],
          [(n: string) => `PLN${n}`, 'PLN'],
        ),
        (value, [write, currency]) => {
          const text = (write as (n: string) => string)(groupThousands(value, ','));
          expect(parseSalary(text)).toMatchObject({ salary_min: value, salary_currency: currency });
        },
      ),
    );
  });

  it('reads Polish złoty amounts as monthly unless they are yearly-sized or say otherwise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 50 }), fc.integer({ min: 1, max: 9 }), (low, spread) => {
        const text = `${low} 000 - ${low + spread} 000 PLN brutto`;
        expect(parseSalary(text)).toMatchObject({
          salary_min: low * 1000,
          salary_max: (low + spread) * 1000,
          salary_currency: 'PLN',
          salary_period: 'month',
          salary_min_annual: low * 12_000,
        });
      }),
    );
    expect(parseSalary('B2B: 20 000 - 25 000 PLN netto/mies.').salary_period).toBe('month');
    expect(parseSalary('180 000 - 240 000 PLN').salary_period).toBe('year');
    expect(parseSalary('120-150 PLN/h').salary_period).toBe('hour');
  });

  it('does not read counts, codes and dates as pay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom(' hours per week', '% bonus', ' days per week', ' employees', 'th June'),
        (n, noun) => {
          expect(parseSalary(`${n}${noun}`).salary_min).toBeNull();
        },
      ),
    );
    expect(parseSalary('Job code J13129 - Up to £45,000')).toMatchObject({ salary_max: 45_000 });
    expect(parseSalary('Req #40123, 37.5 hours per week, $25.50/hr')).toMatchObject({
      salary_min_exact: 25.5,
      salary_period: 'hour',
    });
  });

  it('returns nothing for absurd or unlabelled small figures', () => {
    for (const text of [
      '$1',
      '$99,999,999',
      '£200 for WFH Setup',
      'We save users £1,030/yr',
      '$1 an hour',
      '$1.50/hr',
      '₹1 per hour',
    ]) {
      expect(parseSalary(text).salary_min, text).toBeNull();
    }
  });

  it('keeps the pay when extras or conditions stand between it and a benefit noun (session 3 tune)', () => {
    fc.assert(
      fc.property(
        amount,
        fc.constantFrom('Salary: Up to £', 'Up to £', '£Up to £'),
        fc.constantFrom(
          ' Bonus Car Allowance',
          ' GBP Competitive Bonus Car Allowance',
          ' + Bonus + Car Allowance',
          ' depending on experience and market',
          ' DOE, learning budget',
        ),
        (value, lead, rest) => {
          const text = `${lead}${groupThousands(value, ',')}${rest}`;
          expect(parseSalary(text), text).toMatchObject({ salary_min: null, salary_max: value });
        },
      ),
    );
    expect(parseSalary('a day rate of £565 to £696 depending on market conditions')).toMatchObject({
      salary_min: 565,
      salary_max: 696,
      salary_period: 'day',
    });
    expect(parseSalary('£5,000 car allowance').salary_min).toBeNull();
  });

  it('takes a stated unit only from the figure itself, not from a count after it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 25, max: 150 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(' days a week in the office', ' days per week onsite', ' hours a week'),
        (low, spread, count, unit) => {
          const text = `Hybrid | £${low}K - £${low + spread}K Benefits - ${count}${unit}`;
          expect(parseSalary(text), text).toMatchObject({
            salary_min: low * 1000,
            salary_max: (low + spread) * 1000,
            salary_period: 'year',
          });
        },
      ),
    );
  });

  it('reads plural day rates and skips calendar years', () => {
    expect(
      parseSalary('These roles offer day rates between £600 and £800 depending on experience'),
    ).toMatchObject({ salary_min: 600, salary_max: 800, salary_period: 'day' });
    fc.assert(
      fc.property(
        fc.constantFrom('December', 'until', 'since', 'Q3', 'in'),
        fc.integer({ min: 1990, max: 2035 }),
        (word, year) => {
          const text = `Inside IR35, running ${word} ${year}, with a day rate`;
          expect(parseSalary(text).salary_min, text).toBeNull();
        },
      ),
    );
  });

  it('does not read a code glued to letters as an amount or a currency', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^[A-Za-z]{1,4}$/), fc.constantFrom('GBP', 'EUR', 'USD', 'KR', 'kr')),
        fc.integer({ min: 1, max: 9 }),
        fc.stringMatching(/^[A-Za-z]{2,4}\d{1,3}$/),
        amount,
        (head, digit, tail, value) => {
          fc.pre(!/^(?:k|m|b|l|t|p[hdwam]?|pcm|h|hrs?|d|yr|pa|mo|wk|mm|mn|bn|cr|tn)/i.test(tail));
          const text = `forms.com/${head}${digit}${tail} Job Type: Full-time Salary: $${groupThousands(value, ',')}.00 /year`;
          expect(parseSalary(text), text).toMatchObject({ salary_min: value, salary_period: 'year' });
        },
      ),
    );
  });

  it('reads labels glued to the previous word by a flattened page', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 900 }),
        fc.constantFrom(
          'AnalystIr35: OutsideRate: £',
          'Data AnalystDay Rate: £',
          'Job SummaryIR35 insideRate £',
        ),
        fc.constantFrom('Location: Leeds', 'Duration: 6 months', ''),
        (rate, lead, rest) => {
          const text = `Job Title: ${lead}${rate}${rest.replace(' ', '')}`;
          expect(parseSalary(text), text).toMatchObject({ salary_min: rate, salary_period: 'day' });
        },
      ),
    );
    expect(parseSalary('the criteria.CompensationUp to $50/hr equivalent, depending on level')).toMatchObject(
      {
        salary_min: null,
        salary_max: 50,
        salary_period: 'hour',
      },
    );
  });

  it('joins a range over a footnote mark and "up to", and keeps pay followed by a list of extras', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 1_000, max: 50_000 }), (low, spread) => {
        const high = low + spread;
        const range = `£${groupThousands(low, ',')}* up to £${groupThousands(high, ',')}* per annum | 35 days' holiday`;
        expect(parseSalary(range), range).toMatchObject({ salary_min: low, salary_max: high });
        const listed = `Senior Planner £${groupThousands(low, ',')} - £${groupThousands(high, ',')} Travel Allowance Bonus Pension Holidays`;
        expect(parseSalary(listed), listed).toMatchObject({ salary_min: low, salary_max: high });
      }),
    );
  });

  it('reads "to £X" as a ceiling and a stray dash before the currency as no minus sign', () => {
    fc.assert(
      fc.property(
        amount,
        fc.constantFrom('London / WFH to £', 'Hybrid | to £', 'Salary to £'),
        (value, lead) => {
          const text = `Data Engineer ${lead}${groupThousands(value, ',')} plus bonus`;
          expect(parseSalary(text), text).toMatchObject({ salary_min: null, salary_max: value });
        },
      ),
    );
    fc.assert(
      fc.property(amount, fc.integer({ min: 1_000, max: 20_000 }), (low, spread) => {
        const text = `The salary banding for this role is -£${groupThousands(low, ',')} - £${groupThousands(low + spread, ',')}/year`;
        expect(parseSalary(text), text).toMatchObject({ salary_min: low, salary_max: low + spread });
      }),
    );
    expect(parseSalary('-£5').salary_min).toBeNull();
    expect(parseSalary('-1').salary_min).toBeNull();
  });

  it('does not read a "$" glued to a word as a prefixed dollar, nor paid holidays as pay', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom('employees', 'staff', 'plans'), (value, word) => {
        const text = `Base pay for eligible ${word}$${groupThousands(value, ',')} a year`;
        expect(parseSalary(text), text).toMatchObject({ salary_min: value, salary_currency: 'USD' });
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(' paid holidays', ' days annual leave', ' bank holidays'),
        (n, rest) => {
          expect(parseSalary(`plus up to ${n}${rest} and full base pay`).salary_min).toBeNull();
        },
      ),
    );
    expect(parseSalary('S$5,000 per month')).toMatchObject({ salary_min: 5000, salary_currency: 'SGD' });
  });

  it('reads UK contract rates in an IR35 text as day rates', () => {
    expect(parseSalary('Rate: £450 Inside IR35')).toMatchObject({ salary_min: 450, salary_period: 'day' });
    expect(parseSalary('£29.96/hr (Inside IR35)').salary_period).toBe('hour');
  });

  it('never reports a salary from a text without digits, and survives 100 KB texts', () => {
    fc.assert(
      fc.property(
        fc.string().filter((t) => !/\d/.test(t)),
        (text) => {
          expect(parseSalary(text).salary_min).toBeNull();
        },
      ),
    );
    const long = `${'We are a great place to work with lots of benefits. '.repeat(2000)} Salary: £50,000`;
    expect(parseSalary(long)).toMatchObject({ salary_min: 50_000, salary_currency: 'GBP' });
  });

  it('reads a benefit-category figure (fertility, tuition, childcare) as no pay (session 4 tune)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }).map((n) => n * 500),
        fc.constantFrom('fertility', 'adoption', 'tuition', 'childcare', 'family-forming'),
        (amount, category) => {
          const text = `eligible employees $${amount.toLocaleString('en-US')}* ${category} benefit`;
          expect(parseSalary(text).salary_min).toBeNull();
        },
      ),
    );
    expect(parseSalary('$95,000 - $110,000; tuition assistance')).toMatchObject({
      salary_min: 95_000,
      salary_max: 110_000,
    });
  });

  it('does not join a range whose last figure was cut by an ellipsis below the first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 900 }), fc.integer({ min: 1, max: 9 }), (rate, cut) => {
        const parsed = parseSalary(`Rate: £${rate} - £${cut}…`);
        expect(parsed.salary_min).toBe(rate);
        expect(parsed.salary_max).toBe(rate);
      }),
    );
    expect(parseSalary('Rate: £450 - £550…')).toMatchObject({ salary_min: 450, salary_max: 550 });
  });

  it('reads US pay lines: cents, units on both ends, k suffixes, codes glued, "up to" and "from"', () => {
    const unitWords: [string, SalaryPeriod][] = [
      [' an hour', 'hour'],
      ['/hr', 'hour'],
      [' per hour', 'hour'],
      ['/hour', 'hour'],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1500, max: 9000 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.constantFrom(...unitWords),
        fc.boolean(),
        (lowCents, extraCents, [unit, period], unitOnBoth) => {
          const low = lowCents / 100;
          const high = (lowCents + extraCents) / 100;
          const text = `Pay: $${low.toFixed(2)}${unitOnBoth ? unit : ''} - $${high.toFixed(2)}${unit}`;
          const parsed = parseSalary(text);
          expect(parsed.salary_min_exact ?? parsed.salary_min).toBeCloseTo(low, 2);
          expect(parsed.salary_max_exact ?? parsed.salary_max).toBeCloseTo(high, 2);
          expect(parsed.salary_period).toBe(period);
          expect(parsed.salary_currency).toBe('USD');
        },
      ),
    );
    const table: [string, number | null, number | null, SalaryPeriod, string][] = [
      ['$120,000 - $150,000 per annum', 120_000, 150_000, 'year', 'USD'],
      ['$120K - $150K a year', 120_000, 150_000, 'year', 'USD'],
      ['$50-60K DOE', 50_000, 60_000, 'year', 'USD'],
      ['USD120,000', 120_000, 120_000, 'year', 'USD'],
      ['Salary range: 90k to 110k USD', 90_000, 110_000, 'year', 'USD'],
      ['CAD 90,000 - 110,000 per annum', 90_000, 110_000, 'year', 'CAD'],
      ['15 000 - 20 000 PLN/month', 15_000, 20_000, 'month', 'PLN'],
      ['₹50,000 per month', 50_000, 50_000, 'month', 'INR'],
      ['Pay: Up to $95,000.00 per year', null, 95_000, 'year', 'USD'],
      ['Pay: From $19.00 per hour', 19, null, 'hour', 'USD'],
      ['OTE $150,000', 150_000, 150_000, 'year', 'USD'],
      ['$21/hour plus $2,000 sign-on bonus', 21, 21, 'hour', 'USD'],
      ['Pay: $4,000.00 - $6,000.00 per month', 4_000, 6_000, 'month', 'USD'],
    ];
    for (const [text, min, max, period, currency] of table) {
      expect(parseSalary(text), text).toMatchObject({
        salary_min: min,
        salary_max: max,
        salary_period: period,
        salary_currency: currency,
      });
    }
  });

  it('reads a kind of bonus after the figure as no pay, unless a pay label names the figure', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).map((n) => n * 500),
        fc.constantFrom('annual', 'quarterly', 'performance', 'discretionary'),
        (amount, kind) => {
          expect(
            parseSalary(`Eligible for a $${amount.toLocaleString('en-US')} ${kind} bonus`).salary_min,
          ).toBeNull();
          expect(parseSalary(`Salary: £${amount + 30_000} ${kind} bonus, pension`).salary_min).toBe(
            amount + 30_000,
          );
        },
      ),
    );
    expect(parseSalary('a $5,000 year-end bonus').salary_min).toBeNull();
    expect(parseSalary('$85,000 plus annual bonus').salary_min).toBe(85_000);
    expect(parseSalary('$90,000 base + $10,000 annual bonus').salary_max).toBe(90_000);
  });

  it('reads a bare figure under a working-time label as a count, not pay', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Hours:', 'Schedule:', 'Hours of', 'Shift:'),
        fc.integer({ min: 8, max: 60 }),
        fc.constantFrom('per week', 'a week', 'per month'),
        (label, hours, unit) => {
          expect(parseSalary(`${label} ${hours} ${unit}`).salary_min).toBeNull();
        },
      ),
    );
    expect(parseSalary('Hours: full time. Pay: $22 per hour').salary_min).toBe(22);
  });

  it('reads pay periods written in German, French, Spanish, Dutch and Polish', () => {
    const table: [string, SalaryPeriod][] = [
      ['EUR 4.500 - 5.500 brutto monatlich', 'month'],
      ['€60.000 brutto pro Jahr', 'year'],
      ['€25 pro Stunde', 'hour'],
      ['3 500 € par mois', 'month'],
      ['45 000 € annuel', 'year'],
      ['2.000 € al mes', 'month'],
      ['€3.000 per maand', 'month'],
      ['€50.000 per jaar', 'year'],
      ['150 000 zł brutto rocznie', 'year'],
    ];
    for (const [text, period] of table) expect(parseSalary(text).salary_period, text).toBe(period);
  });

  it('joins a labelled minimum and maximum into one range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 15, max: 80 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(
          ['Min', 'Max'],
          ['Min.', 'Max.'],
          ['Minimum:', 'Maximum:'],
          ['Minimum salary', 'maximum'],
          ['Salary Min:', 'Salary Max:'],
          ['Pay Min', 'Pay Max'],
        ),
        fc.constantFrom(', ', '; ', ' - ', ' | '),
        (low, extra, [minLabel, maxLabel], separator) => {
          const text = `${minLabel} $${low}/hr${separator}${maxLabel} $${low + extra}/hr`;
          expect(parseSalary(text), text).toMatchObject({
            salary_min: low,
            salary_max: low + extra,
            salary_period: 'hour',
          });
        },
      ),
    );
    expect(parseSalary('Min £30k').salary_max).toBeNull();
    expect(parseSalary('Min. $90,000, Max. $110,000')).toMatchObject({
      salary_min: 90_000,
      salary_max: 110_000,
    });
    expect(parseSalary('Approx. $50,000 per year')).toMatchObject({ salary_min: 50_000, salary_max: 50_000 });
  });

  it('reads commission as no pay (it is earned on sales), OTE as pay when it is the only figure', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 200 }),
        fc.constantFrom(
          (k: number) => `up to $${k},000 in commission`,
          (k: number) => `Earn up to $${k}k in commissions`,
          (k: number) => `Commission: up to $${k},000 per year`,
          (k: number) => `plus commission of $${k},000`,
          (k: number) => `$${k},000 uncapped commission`,
        ),
        (k, write) => {
          expect(parseSalary(write(k)).salary_max, write(k)).toBeNull();
        },
      ),
    );
    expect(parseSalary('Base salary $80,000 plus up to $100,000 in commission')).toMatchObject({
      salary_min: 80_000,
      salary_max: 80_000,
    });
    expect(parseSalary('Commission-based role, earn $50,000 - $90,000 a year')).toMatchObject({
      salary_min: 50_000,
      salary_max: 90_000,
    });
    expect(parseSalary('$30,000 - $40,000 plus uncapped commission').salary_max).toBe(40_000);
    expect(parseSalary('OTE $150,000').salary_min).toBe(150_000);
    expect(parseSalary('$60,000 base, $120,000 OTE').salary_max).toBe(60_000);
  });

  it('reads relocation figures as no pay', () => {
    expect(parseSalary('Up to $5,000 relocation assistance').salary_max).toBeNull();
    expect(parseSalary('Salary £50,000 plus relocation').salary_min).toBe(50_000);
  });

  it("does not read identifiers and postal codes as pay, nor a symbol of the next figure as this one's", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'Requisition ID:',
          'Job #',
          'Reference number:',
          'Job code',
          'Austin, TX',
          'Boston, MA',
        ),
        fc.integer({ min: 10_000, max: 99_999 }),
        (label, value) => {
          expect(parseSalary(`${label} ${value}. Apply today.`).salary_min).toBeNull();
        },
      ),
    );
    expect(parseSalary('Salary: 120000-140000').salary_min).toBe(120_000);
    expect(parseSalary('Pay band 7 £45,000 per annum')).toMatchObject({
      salary_min: 45_000,
      salary_currency: 'GBP',
    });
  });

  it('does not read bi-weekly or semi-monthly pay as weekly or monthly, nor a shift differential as pay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 5000 }),
        fc.constantFrom('bi-weekly', 'biweekly', 'semi-monthly', 'bi-monthly', 'semi monthly'),
        (amount, unit) => {
          const period = parseSalary(`Pay: $${amount.toLocaleString('en-US')} ${unit}`).salary_period;
          expect(period === 'week' || period === 'month').toBe(false);
        },
      ),
    );
    expect(parseSalary('Pay: $4,000 monthly').salary_period).toBe('month');
    expect(parseSalary('plus $1.50/hr night differential').salary_min).toBeNull();
    expect(parseSalary('$22/hr + $2/hr shift differential').salary_min).toBe(22);
  });

  it('reads a job board pay estimate as pay whatever the title or company name before it says', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'P&C Insurance',
          'Perk',
          'The Investigo Group',
          'London Market',
          'Talent Acquisition',
        ),
        fc.integer({ min: 20_000, max: 150_000 }),
        (name, amount) => {
          const text = `Data Analyst ❮ back to last search ${name} Leeds £${amount.toLocaleString('en-GB')} per year - estimated ? Apply for this job`;
          expect(parseSalary(text)).toMatchObject({
            salary_min: amount,
            salary_max: amount,
            salary_period: 'year',
          });
        },
      ),
    );
    expect(parseSalary('We have raised $20M (estimated) in funding').salary_min).toBeNull();
  });

  it('does not read a plural band ("the low $60s") as an amount', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('low', 'mid', 'high', 'mid-'),
        fc.integer({ min: 3, max: 19 }),
        (band, tens) => {
          expect(parseSalary(`Starting salary in the ${band} $${tens * 10}s.`).salary_min).toBeNull();
        },
      ),
    );
  });

  it('reads sales figures, referral rewards and equity grants as no pay', () => {
    const table = [
      'close deals of $50K-$100K',
      'carry a quota of $1.2M',
      'Earn up to $500 referral',
      'Equity: $50K/year in RSUs',
      '$50K in equity',
    ];
    for (const text of table)
      expect(parseSalary(text).salary_min ?? parseSalary(text).salary_max, text).toBeNull();
    expect(parseSalary('Base salary $150K–$180K + equity')).toMatchObject({
      salary_min: 150_000,
      salary_max: 180_000,
    });
    expect(parseSalary('Salary $80,000 plus equity').salary_min).toBe(80_000);
  });

  it('reads 円, Kč and RM as currencies, and no letter of a currency word as a K multiplier', () => {
    const table: [string, number, number, string][] = [
      ['5,000,000円', 5_000_000, 5_000_000, 'JPY'],
      ['Salary: 8,000 - 10,000 Kč', 8_000, 10_000, 'CZK'],
      ['Salary: 8,000 Kč - 10,000 Kč', 8_000, 10_000, 'CZK'],
      ['RM 5,000 per month', 5_000, 5_000, 'MYR'],
    ];
    for (const [text, min, max, currency] of table) {
      expect(parseSalary(text), text).toMatchObject({
        salary_min: min,
        salary_max: max,
        salary_currency: currency,
      });
    }
    expect(parseSalary('$50k').salary_min).toBe(50_000);
  });

  it('joins a range whose ends both carry a dotted unit ("p.a.", "p.h.")', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 90 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(
          ['p.a.', 'year', 1000],
          ['pa', 'year', 1000],
          ['p.h.', 'hour', 1],
          ['p/h', 'hour', 1],
        ),
        (low, extra, [unit, period, scale]) => {
          const text = `£${(low * (scale as number)).toLocaleString('en-GB')} ${unit} - £${((low + extra) * (scale as number)).toLocaleString('en-GB')} ${unit}`;
          expect(parseSalary(text), text).toMatchObject({
            salary_min: low * (scale as number),
            salary_max: (low + extra) * (scale as number),
            salary_period: period,
          });
        },
      ),
    );
  });

  it('joins "hourly to ... hourly" and "starting at ... and up to ...", but "and"/"up to" only upwards', () => {
    expect(parseSalary('$46.23 hourly to $72.23 hourly')).toMatchObject({ salary_min: 46, salary_max: 72 });
    expect(parseSalary('Starting at $46.23 per hour and up to $72.23 per hour')).toMatchObject({
      salary_min_exact: 46.23,
      salary_max_exact: 72.23,
      salary_period: 'hour',
    });
    fc.assert(
      fc.property(fc.integer({ min: 25, max: 90 }), fc.integer({ min: 1, max: 9 }), (salaryK, bonusK) => {
        for (const joiner of ['and', 'and up to']) {
          const text = `£${salaryK},000 ${joiner} £${bonusK},000 bonus`;
          expect(parseSalary(text), text).toMatchObject({
            salary_min: salaryK * 1000,
            salary_max: salaryK * 1000,
          });
        }
      }),
    );
    expect(parseSalary('between $90,000 and $110,000').salary_max).toBe(110_000);
    expect(parseSalary('$90,000 and up').salary_max).toBeNull();
  });

  it('reads a stipend given as the field with its period as pay, other stipends as no pay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 60 }).map((n) => n * 1000),
        fc.constantFrom('/month', ' per month'),
        (amount, unit) => {
          const text = `Internship. Stipend: ₹${amount.toLocaleString('en-IN')}${unit}. Apply now`;
          expect(parseSalary(text), text).toMatchObject({
            salary_min: amount,
            salary_period: 'month',
            salary_currency: 'INR',
          });
        },
      ),
    );
    expect(parseSalary('Learning stipend: $1,000 per year').salary_min).toBeNull();
    expect(parseSalary('a $150 monthly wellness stipend').salary_min).toBeNull();
  });

  it('honours backslash escapes, joins ", up to", reads employer matches as no pay and two currencies offered as none', () => {
    expect(parseSalary('\\*\\*Pay\\*\\*: $20 \\- $25 per hour')).toMatchObject({
      salary_min: 20,
      salary_max: 25,
      salary_period: 'hour',
    });
    expect(parseSalary('$24/hour, up to $28/hour with experience')).toMatchObject({
      salary_min: 24,
      salary_max: 28,
    });
    expect(parseSalary('401k matching of up to $3,000').salary_max).toBeNull();
    expect(parseSalary('Employer 401(k) match up to $6,000 per year; salary $70,000').salary_min).toBe(
      70_000,
    );
    expect(parseSalary('A salary to match: £60,000').salary_min).toBe(60_000);
    for (const text of ['$60,000 or €45,000', '€45,000 / $50,000'])
      expect(parseSalary(text).salary_min, text).toBeNull();
    expect(parseSalary('Salary £45,000 (approx. €52,000)').salary_currency).toBe('GBP');
  });

  it('says when pay in different currencies gave no salary', () => {
    for (const text of ['$60,000 or €45,000', '£50,000 - $70,000', 'Salary: 40,000 EUR / 45,000 USD'])
      expect(parseSalaryWithProblems(text), text).toMatchObject({
        salary: { salary_min: null },
        mixedCurrencies: true,
      });
    for (const text of ['£50,000 - £70,000', 'no pay stated', 'Salary £45,000 (approx. €52,000)'])
      expect(parseSalaryWithProblems(text).mixedCurrencies, text).toBe(false);
  });
});
