/**
 * What an agency earns on a placement. A contract placement has a pay rate and a bill rate per period: the
 * margin is their difference, as a share of the bill rate. A permanent placement has a salary (the pay rate,
 * usually per year) and a one-off fee: the margin is the fee, as a share of the salary.
 */
export type PlacementTerms = { payRate: number } & ({ billRate: number } | { fee: number });

export interface PlacementMargin {
  margin: number;
  /** null when the base (bill rate or salary) is zero. */
  marginPercent: number | null;
}

const cents = (value: number) => Math.round(value * 100) / 100;

export function placementMargin(terms: PlacementTerms): PlacementMargin {
  if ('billRate' in terms) {
    // Rates are money: rounded to cents before they are compared, so the margin never exceeds the bill rate.
    const [billRate, payRate] = [cents(terms.billRate), cents(terms.payRate)];
    const margin = cents(billRate - payRate);
    return { margin, marginPercent: billRate > 0 ? cents((margin / billRate) * 100) : null };
  }
  return {
    margin: cents(terms.fee),
    marginPercent: terms.payRate > 0 ? cents((terms.fee / terms.payRate) * 100) : null,
  };
}
