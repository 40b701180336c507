const pad2 = (n: number): string => String(n).padStart(2, '0');

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Years a news archive can plausibly mention as Gregorian dates. */
export function isPlausibleYear(year: number): boolean {
  return year >= 1800 && year <= 2199;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return isPlausibleYear(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function isoMonth(year: number, month: number): string {
  return `${year}-${pad2(month)}`;
}

export function isoDateTime(year: number, month: number, day: number, hour: number, minute: number): string {
  return `${isoDate(year, month, day)}T${pad2(hour)}:${pad2(minute)}`;
}
