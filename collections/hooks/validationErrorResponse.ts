import type { Config } from 'payload'

type AfterErrorHook = NonNullable<NonNullable<Config['hooks']>['afterError']>[number]

type FieldError = { path: string; message: string; label?: unknown }

function fieldErrorsOf(error: unknown): FieldError[] | null {
  const { status, data } = error as { status?: number; data?: { errors?: unknown } | null }
  if (status !== 400 || !Array.isArray(data?.errors)) return null
  return data.errors.filter(
    (entry): entry is FieldError => typeof entry?.path === 'string' && typeof entry?.message === 'string',
  )
}

/**
 * One line per field for the toast. Payload's own "This field is required." names no field, so
 * two of them read "This field is required. This field is required.": say which field instead
 * (the same message also stands beside the field itself). Other messages already say what to do.
 */
function toastLine({ label, message, path }: FieldError, required: string): string {
  if (message !== required) return message
  const name = typeof label === 'string' && label.trim() ? label.trim() : path
  return `${name} is required.`
}

/**
 * Puts a validation error's field messages back into the REST response. In a production build
 * Payload recognises its ValidationError by class, which the bundling defeats, and answers only
 * "The following field is invalid: file": the admin's toast then cannot say what is wrong with
 * the image. The response keeps Payload's shape (`errors[0].data.errors`), and its message is
 * the field messages themselves, which is what the toast shows. Installed once, for every
 * collection, in payload.config.ts (it runs after the collections' own afterError hooks).
 */
export const validationErrorResponse: AfterErrorHook = ({ error, req, result }) => {
  const fieldErrors = fieldErrorsOf(error)
  if (!fieldErrors?.length) return result ? { response: result } : undefined
  const data = (error as unknown as { data: Record<string, unknown> }).data
  const required = req.t('validation:required')
  const message = [...new Set(fieldErrors.map((entry) => toastLine(entry, required)))].join(' ')
  return { status: 400, response: { errors: [{ name: 'ValidationError', message, data }] } }
}
