/** Opening hours as she enters them: rows of several days with one opening and closing time. */

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
}

/** schema.org's DayOfWeek members. */
export const schemaDay = (day: Weekday) => `https://schema.org/${WEEKDAY_LABELS[day]}`

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

export const isTime = (value: string | null | undefined): value is string => typeof value === 'string' && TIME.test(value)

/** `true` when fine, else the admin's message: times are 24-hour "HH:MM". */
export function validateTime(value: string | null | undefined): true | string {
  if (isTime(value)) return true
  return 'Write the time as HH:MM on the 24-hour clock, for example 09:00 or 17:30.'
}

export type HoursRow = { days?: Weekday[] | null; opens?: string | null; closes?: string | null }

export type DayHours = { day: Weekday; label: string; periods: { opens: string; closes: string }[] }

/** Rows with days and valid times, in the order she entered them. */
export const usableHours = (rows: HoursRow[] | null | undefined) =>
  (rows ?? []).filter(
    (row): row is { days: Weekday[]; opens: string; closes: string } =>
      Array.isArray(row.days) && row.days.length > 0 && isTime(row.opens) && isTime(row.closes),
  )

/** One line per weekday, Monday first; a day no row mentions is closed (no periods). */
export function weekTable(rows: HoursRow[] | null | undefined): DayHours[] {
  const usable = usableHours(rows)
  return WEEKDAYS.map((day) => ({
    day,
    label: WEEKDAY_LABELS[day],
    periods: usable
      .filter((row) => row.days.includes(day))
      .map(({ opens, closes }) => ({ opens, closes }))
      .sort((a, b) => a.opens.localeCompare(b.opens)),
  }))
}
