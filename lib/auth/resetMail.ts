import { absoluteUrl } from '../paths/urls'

/** Where Payload's admin takes a reset token (its default `admin.routes.reset` under /admin). */
export const resetPasswordPath = (token: string) => `/admin/reset/${encodeURIComponent(token)}`

/**
 * The password-reset e-mail. The link is built from SITE_URL, never from the request's Host
 * header, which whoever asks for the reset chooses.
 */
export function passwordResetEmail(token: string, practiceName: string) {
  const link = absoluteUrl(resetPasswordPath(token))
  const text = [
    `Someone asked to reset the password of your ${practiceName} account.`,
    '',
    `To choose a new password, open this link within the hour: ${link}`,
    '',
    'If it was not you, ignore this e-mail: your password stays as it is.',
  ].join('\n')
  const html = text
    .split('\n\n')
    .map((paragraph) => `<p>${paragraph.replace(link, `<a href="${link}">${link}</a>`)}</p>`)
    .join('\n')
  return { subject: `Reset your ${practiceName} password`, text, html }
}
