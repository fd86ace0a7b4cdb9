import path from 'node:path'

/** Where the demo writes emails when SMTP_URL is unset; PORTICO_MAIL_DIR moves it (tests). */
export const mailDirectory = (): string => process.env.PORTICO_MAIL_DIR || path.resolve(process.cwd(), '.data', 'mail')
