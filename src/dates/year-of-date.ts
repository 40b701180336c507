/** The year of an ISO date (`2021-03-04` → 2021), undefined when there is none. */
export function yearOfDate(date: string | undefined): number | undefined {
  const y = date ? Number(date.slice(0, 4)) : NaN;
  return Number.isInteger(y) ? y : undefined;
}
