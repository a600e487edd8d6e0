import { HONEYPOT_FIELD, INQUIRY_FIELDS, type FieldError, type InquiryField } from './fields'

/**
 * What the contact form shows after a send that did not go through: the visitor's own values (so
 * nothing typed is lost), one message per field, and a message for the whole form.
 */
export type InquiryFormState = {
  status: 'idle' | 'invalid' | 'rate-limited'
  message?: string
  errors: Partial<Record<InquiryField, string>>
  values: Partial<Record<InquiryField | 'sourcePath', string>>
}

export const INITIAL_INQUIRY_FORM_STATE: InquiryFormState = { status: 'idle', errors: {}, values: {} }

const SUBMITTED_FIELDS = [...INQUIRY_FIELDS, 'sourcePath', HONEYPOT_FIELD] as const

/** The form's fields as text, as the browser posted them; files and unknown fields are ignored. */
export function formFields(formData: FormData): Record<(typeof SUBMITTED_FIELDS)[number], string> {
  const entries = SUBMITTED_FIELDS.map((field) => {
    const value = formData.get(field)
    return [field, typeof value === 'string' ? value : ''] as const
  })
  return Object.fromEntries(entries) as Record<(typeof SUBMITTED_FIELDS)[number], string>
}

/** Field errors by field; messages for anything else (a malformed post) become the form's message. */
export function fieldErrorMap(errors: FieldError[]): Pick<InquiryFormState, 'errors' | 'message'> {
  const byField: InquiryFormState['errors'] = {}
  const other: string[] = []
  for (const { path, message } of errors) {
    if ((INQUIRY_FIELDS as readonly string[]).includes(path)) byField[path as InquiryField] ??= message
    else other.push(message)
  }
  return { errors: byField, message: other.length > 0 ? other.join(' ') : undefined }
}
