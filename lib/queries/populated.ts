/** A relationship is an id until populated; pages only render the populated form. */
export function populated<T extends object>(value: string | T | null | undefined): T | null {
  return value && typeof value === 'object' ? value : null
}

export function populatedList<T extends object>(values: (string | T)[] | null | undefined): T[] {
  return (values ?? []).filter((value): value is T => typeof value === 'object' && value !== null)
}
