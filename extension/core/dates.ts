const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** True for a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is false). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads what people commonly type instead of `YYYY-MM-DD` (`2026/6/1`, `2026-6-1`,
 * `2026.06.01`) and returns the ISO form, or undefined when there is no clear reading.
 * Quick fixes use it; the validator never guesses.
 */
export function repairDate(value: string): string | undefined {
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(value);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * `Jun 1, 2026`: the form the seed notebook shows. Independent of the machine's locale and
 * zone. With `year: false`, `Jun 1`, for a list that already says the year (the tree's year groups).
 */
export function formatDate(iso: string, o: { year?: boolean } = {}): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const day = `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}`;
  return o.year === false ? day : `${day}, ${m[1]}`;
}

/** Today as `YYYY-MM-DD` in local time: the date the writer sees on their calendar. */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
