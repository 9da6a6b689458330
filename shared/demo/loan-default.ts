/**
 * The demo's synthetic loan-default population. One function draws applicants for a scenario; the
 * reference scenario is "last year, when the model was trained", the current scenario is "production
 * now". Every difference between the two scenarios is a deliberate drift, documented on its field of
 * `LoanScenario`, so the demo shows each kind of drift Driftscope reports: shifted and rescaled
 * numeric columns, a new category, more missing values, changed category frequencies and a changed
 * relation between a feature and the target (concept drift) that makes the model's accuracy fall.
 */
import type { Rng } from './prng';

export const REGIONS = ['north', 'south', 'east', 'west', 'central'] as const;
export const EMPLOYMENT_TYPES = ['salaried', 'self_employed', 'contractor', 'part_time', 'retired'] as const;

/** The applicant's numeric columns in CSV order (also the model's standardized inputs, in this order). */
export const NUMERIC_COLUMNS = [
  'age',
  'income',
  'credit_score',
  'loan_amount',
  'employment_years',
  'debt_to_income',
  'num_open_accounts',
] as const;

/** One applicant, with every value already rounded exactly as it is written to the CSV. */
export interface LoanRecord {
  customer_id: string;
  age: number;
  income: number;
  credit_score: number;
  loan_amount: number;
  /** null = missing (an empty cell). */
  employment_years: number | null;
  debt_to_income: number;
  num_open_accounts: number;
  region: string;
  employment_type: string;
  has_mortgage: boolean;
  application_date: string;
  /** The target: 1 when the loan defaulted. */
  default: 0 | 1;
}

export interface LoanScenario {
  /** First customer number; reference and current ids never overlap (customer_id is an id column). */
  firstCustomer: number;
  /** application_date is uniform over [start, start + days) (UTC days); a datetime column, not tested. */
  dateStart: string;
  dateDays: number;
  /**
   * Current only: the day (0-based from dateStart) the drift starts. Rows are then dated in file order,
   * evenly over the days, and rows dated before it are drawn from `calm` (the reference's population), so
   * a weekly timeline shows undrifted weeks first and the drift from that week on.
   */
  driftStartDay?: number;
  calm?: LoanScenario;
  /**
   * Multiplies income. Current: 0.82, an income shift downwards (the lender started serving a
   * lower-income segment), so Wasserstein on income reports drift and the default rate rises.
   */
  incomeScale: number;
  /**
   * Multiplies loan_amount. Current: 1.4, a rescaling (a product change allows larger loans); it also
   * raises debt_to_income, which is derived from the loan-to-income ratio.
   */
  loanScale: number;
  /** Region weights in REGIONS order plus a last weight for "islands" (a category unseen in reference). */
  regionWeights: readonly number[];
  /**
   * Share of employment_years left empty for employed applicants (twice that for self-employed).
   * Current: higher (the new online form made the field optional), so missing-share drift shows.
   */
  employmentYearsMissing: number;
  /**
   * Weight of standardized debt_to_income in the true logit of default. Reference: +0.9 (more debt,
   * more defaults). Current: −0.9, a concept drift (a debt-relief scheme now covers high-DTI borrowers
   * while rate rises hit low-DTI borrowers with variable-rate loans). It is what makes the reference-
   * trained model's accuracy really fall: covariate shift alone barely moves a well-specified model.
   */
  dtiEffect: number;
}

export const REFERENCE_SCENARIO: LoanScenario = {
  firstCustomer: 1,
  dateStart: '2023-01-01',
  dateDays: 365,
  incomeScale: 1,
  loanScale: 1,
  regionWeights: [0.22, 0.25, 0.2, 0.18, 0.15, 0],
  employmentYearsMissing: 0.03,
  dtiEffect: 0.9,
};

export const CURRENT_SCENARIO: LoanScenario = {
  firstCustomer: 100001,
  // Twelve ISO weeks from Monday 2024-06-03; the drift starts on Monday of week 6 (2024-07-08).
  dateStart: '2024-06-03',
  dateDays: 84,
  driftStartDay: 35,
  calm: REFERENCE_SCENARIO,
  incomeScale: 0.82,
  loanScale: 1.4,
  // Frequencies change too (south grows, north shrinks) and 8 % come from the new "islands" region.
  regionWeights: [0.14, 0.3, 0.2, 0.16, 0.12, 0.08],
  employmentYearsMissing: 0.15,
  dtiEffect: -0.9,
};

const REGION_EFFECT: Record<string, number> = {
  north: 0,
  south: 0.25,
  east: 0,
  west: -0.1,
  central: 0.15,
  islands: 0.5,
};
const EMPLOYMENT_INCOME: Record<string, number> = {
  salaried: 0,
  self_employed: 0.15,
  contractor: 0.05,
  part_time: -0.55,
  retired: -0.35,
};
const EMPLOYMENT_RISK: Record<string, number> = {
  salaried: 0,
  self_employed: 0.2,
  contractor: 0.3,
  part_time: 0.35,
  retired: -0.1,
};
const BASE_INCOME = 52000;
const DAY_MS = 86_400_000;

/**
 * Draws `n` applicants of a scenario. Features are correlated (income with age and employment type,
 * credit score with income, loan size with income, debt_to_income with the loan-to-income ratio and the
 * number of open accounts) and the target follows a known logistic relation (`trueDefaultLogit`).
 */
export function generateLoans(rng: Rng, n: number, scenario: LoanScenario): LoanRecord[] {
  const records: LoanRecord[] = new Array(n);
  const dateStartMs = Date.parse(`${scenario.dateStart}T00:00:00Z`);
  const regions = [...REGIONS, 'islands'];
  for (let i = 0; i < n; i++) {
    const phased = scenario.driftStartDay !== undefined && scenario.calm !== undefined;
    // A phased scenario dates rows in file order; the reference keeps its random dates (drawn below).
    const orderedDay = Math.floor((i * scenario.dateDays) / n);
    const p = phased && orderedDay < scenario.driftStartDay! ? scenario.calm! : scenario;
    const age = clamp(Math.round(rng.normal(41, 11)), 21, 75);
    const retiredChance = age > 58 ? Math.min(0.9, (age - 58) * 0.08) : 0;
    const employmentType = rng.bernoulli(retiredChance)
      ? 'retired'
      : EMPLOYMENT_TYPES[rng.pick([0.6, 0.14, 0.14, 0.12])];

    const zIncome = rng.normal();
    const logIncome =
      Math.log(BASE_INCOME) + 0.011 * (age - 41) + EMPLOYMENT_INCOME[employmentType] + 0.38 * zIncome;
    const income = round(Math.exp(logIncome) * p.incomeScale, 2);

    const zCredit = 0.45 * zIncome + Math.sqrt(1 - 0.45 ** 2) * rng.normal();
    const creditScore = clamp(Math.round(680 + 70 * zCredit + 1.2 * (age - 41)), 300, 850);

    const loanToIncome = Math.exp(rng.normal(-1.2, 0.45));
    const loanAmount = round(Math.max(1000, income * loanToIncome * p.loanScale), 2);

    const numOpenAccounts = Math.min(9, rng.poisson(creditScore > 700 ? 3 : 2.2));
    const debtToIncome = round(
      clamp(
        0.12 + 0.35 * (loanAmount / income) + 0.03 * numOpenAccounts + 0.08 * rng.normal() - 0.04 * zCredit,
        0.01,
        0.95,
      ),
      3,
    );

    const yearsCap = employmentType === 'retired' ? 40 : age - 20;
    const tenureShare = employmentType === 'contractor' || employmentType === 'part_time' ? 0.4 : 0.8;
    const years = round(Math.max(0, yearsCap * tenureShare * rng.uniform() + rng.normal(0, 0.5)), 1);
    const missingChance =
      employmentType === 'self_employed' ? 2 * p.employmentYearsMissing : p.employmentYearsMissing;
    const employmentYears = rng.bernoulli(missingChance) ? null : years;

    const region = regions[rng.pick(p.regionWeights)];
    const hasMortgage = rng.bernoulli(sigmoidOf(-0.6 + 0.05 * (age - 41) + 0.9 * zIncome));
    const day = phased ? orderedDay : rng.int(scenario.dateDays);
    const applicationDate = new Date(dateStartMs + day * DAY_MS).toISOString().slice(0, 10);

    const record: LoanRecord = {
      customer_id: `C${String(scenario.firstCustomer + i).padStart(6, '0')}`,
      age,
      income,
      credit_score: creditScore,
      loan_amount: loanAmount,
      employment_years: employmentYears,
      debt_to_income: debtToIncome,
      num_open_accounts: numOpenAccounts,
      region,
      employment_type: employmentType,
      has_mortgage: hasMortgage,
      application_date: applicationDate,
      default: 0,
    };
    record.default = rng.bernoulli(sigmoidOf(trueDefaultLogit(record, p.dtiEffect))) ? 1 : 0;
    records[i] = record;
  }
  return records;
}

/**
 * The known data-generating relation of the target: the log-odds of default for one applicant.
 * Constants standardize each input on the reference population's approximate scale.
 */
export function trueDefaultLogit(r: LoanRecord, dtiEffect: number): number {
  const tenure = r.employment_years === null ? 0.2 : (-0.25 * Math.min(r.employment_years, 15)) / 5;
  return (
    -1.75 -
    1.1 * ((r.credit_score - 680) / 70) +
    dtiEffect * ((r.debt_to_income - 0.3) / 0.1) -
    0.45 * ((Math.log(r.income) - Math.log(BASE_INCOME)) / 0.38) +
    0.35 * ((Math.log(r.loan_amount / r.income) + 1.2) / 0.45) +
    tenure +
    REGION_EFFECT[r.region] +
    EMPLOYMENT_RISK[r.employment_type] +
    0.12 * (r.num_open_accounts - 2.5) -
    (r.has_mortgage ? 0.3 : 0)
  );
}

function sigmoidOf(t: number): number {
  return 1 / (1 + Math.exp(-t));
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}

/** Rounds half away from zero to `digits` decimals, so the value equals what the CSV holds. */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
