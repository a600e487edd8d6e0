import { APIError } from 'payload'

/**
 * An error whose message reaches the REST response and the admin's toast. Payload reports a
 * thrown error's message only if the error has a name, and a production build minifies class
 * names away (the response then says "An unknown error occurred."), so the name is set here.
 */
export function publicError(name: string, message: string, status: 400 | 403): APIError {
  const error = new APIError(message, status, null, true)
  error.name = name
  return error
}
