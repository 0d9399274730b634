export const APPLICATION_STATUSES = [
  'applied',
  'screening',
  'interviewing',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The forward pipeline, in order; `rejected` and `withdrawn` end it from any open stage. */
export const APPLICATION_PIPELINE: readonly ApplicationStatus[] = [
  'applied',
  'screening',
  'interviewing',
  'offer',
  'accepted',
];

const CLOSED: ReadonlySet<ApplicationStatus> = new Set(['accepted', 'rejected', 'withdrawn']);

export function isOpenApplicationStatus(status: ApplicationStatus): boolean {
  return !CLOSED.has(status);
}

/** Statuses an application in `from` may move to: the next stage, or rejected/withdrawn while open. */
export function nextApplicationStatuses(from: ApplicationStatus): ApplicationStatus[] {
  if (!isOpenApplicationStatus(from)) return [];
  const next = APPLICATION_PIPELINE[APPLICATION_PIPELINE.indexOf(from) + 1];
  return [...(next ? [next] : []), 'rejected', 'withdrawn'];
}

export function canChangeApplicationStatus(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return nextApplicationStatuses(from).includes(to);
}
