'use client'

import { useActionState, useEffect, useRef } from 'react'

import { INITIAL_INQUIRY_FORM_STATE } from '@/lib/inquiries/formState'
import {
  HONEYPOT_FIELD,
  MESSAGE_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PHONE_MAX_LENGTH,
  PREFERRED_TIMES,
  type InquiryField,
} from '@/lib/inquiries/fields'
import { sendInquiry } from '@/lib/inquiries/sendInquiry'
import styles from './ContactForm.module.css'

const TIME_LABELS: Record<(typeof PREFERRED_TIMES)[number], string> = {
  any: 'Any time',
  morning: 'Mornings',
  afternoon: 'Afternoons',
  evening: 'Evenings',
  weekend: 'Weekends',
}

const FIELD_LABELS: Record<InquiryField, string> = {
  name: 'Your name',
  email: 'Email',
  phone: 'Phone (optional)',
  preferredTime: 'Preferred time for an appointment',
  message: 'Message',
  consent: 'Consent',
}

type Props = {
  /** The page the form is on, stored with the inquiry; also where a post without JavaScript goes. */
  sourcePath: string
  /** Keeps ids unique and tells the forms apart. */
  idPrefix: string
  /** The article footer's version: no phone number. */
  short?: boolean
}

/**
 * The contact form. A Server Action with progressive enhancement: without JavaScript it is a plain
 * form post that comes back with the messages (or goes on to the thank-you page); with it, the
 * same messages appear without a reload. The server's validation is the only one (noValidate), so
 * every visitor sees the same wording. On errors, the summary above the form takes the focus.
 */
export function ContactForm({ sourcePath, idPrefix, short = false }: Props) {
  const [state, formAction, pending] = useActionState(sendInquiry, INITIAL_INQUIRY_FORM_STATE, sourcePath)
  const summary = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (state.status !== 'idle') summary.current?.focus()
  }, [state])

  const id = (field: string) => `${idPrefix}-${field}`
  const errorId = (field: InquiryField) => `${id(field)}-error`
  const errorFields = (Object.keys(state.errors) as InquiryField[]).filter((field) => state.errors[field])
  const describe = (field: InquiryField) => ({
    id: id(field),
    name: field,
    'aria-invalid': state.errors[field] ? true : undefined,
    'aria-describedby': state.errors[field] ? errorId(field) : undefined,
  })
  const fieldError = (field: InquiryField) =>
    state.errors[field] ? (
      <p id={errorId(field)} className={styles.fieldError}>
        {state.errors[field]}
      </p>
    ) : null

  return (
    <form action={formAction} className={`contact-form ${styles.form}`} noValidate aria-describedby={state.status === 'idle' ? undefined : id('summary')}>
      {state.status !== 'idle' ? (
        <div id={id('summary')} ref={summary} className="error-summary" role="alert" tabIndex={-1} autoFocus>
          <h2 className={styles.errorSummaryTitle}>{errorFields.length > 0 ? 'Please check the form' : 'Your message was not sent'}</h2>
          {state.message ? <p>{state.message}</p> : null}
          {errorFields.length > 0 ? (
            <ul>
              {errorFields.map((field) => (
                <li key={field}>
                  <a href={`#${id(field)}`}>{state.errors[field]}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <input type="hidden" name="sourcePath" value={sourcePath} />
      <div className={styles.field}>
        <label htmlFor={id('name')}>{FIELD_LABELS.name}</label>
        <input {...describe('name')} type="text" autoComplete="name" required maxLength={NAME_MAX_LENGTH} defaultValue={state.values.name} />
        {fieldError('name')}
      </div>
      <div className={styles.field}>
        <label htmlFor={id('email')}>{FIELD_LABELS.email}</label>
        <input {...describe('email')} type="email" autoComplete="email" required spellCheck={false} defaultValue={state.values.email} />
        {fieldError('email')}
      </div>
      {short ? null : (
        <div className={styles.field}>
          <label htmlFor={id('phone')}>{FIELD_LABELS.phone}</label>
          <input {...describe('phone')} type="tel" autoComplete="tel" maxLength={PHONE_MAX_LENGTH} defaultValue={state.values.phone} />
          {fieldError('phone')}
        </div>
      )}
      <div className={styles.field}>
        <label htmlFor={id('preferredTime')}>{FIELD_LABELS.preferredTime}</label>
        {/* Keyed: React resets the form after an action, and a select resets to the choice it was
            first rendered with, unless it is rendered anew with the visitor's choice. */}
        <select {...describe('preferredTime')} key={state.values.preferredTime} defaultValue={state.values.preferredTime || 'any'}>
          {PREFERRED_TIMES.map((time) => (
            <option key={time} value={time}>
              {TIME_LABELS[time]}
            </option>
          ))}
        </select>
        {fieldError('preferredTime')}
      </div>
      <div className={styles.field}>
        <label htmlFor={id('message')}>{FIELD_LABELS.message}</label>
        <textarea {...describe('message')} rows={short ? 4 : 8} required maxLength={MESSAGE_MAX_LENGTH} defaultValue={state.values.message} />
        {fieldError('message')}
      </div>
      {/* For bots only: hidden from people and assistive technology; a value here means a bot. */}
      <div className={styles.honeypot} aria-hidden="true">
        <label htmlFor={id(HONEYPOT_FIELD)}>Leave this field empty</label>
        <input id={id(HONEYPOT_FIELD)} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <div className={`${styles.field} ${styles.checkbox}`}>
        <input {...describe('consent')} type="checkbox" required defaultChecked={state.values.consent === 'on'} />
        <label htmlFor={id('consent')}>I agree that the practice may contact me about this message, by email or phone.</label>
        {fieldError('consent')}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Sending…' : 'Send message'}
      </button>
    </form>
  )
}
