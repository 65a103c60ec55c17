import type { Transporter } from 'nodemailer';
import type { Config } from './config.ts';

/**
 * Optional e-mail export of the reports. Off unless SMTP_URL is set; the URL carries host,
 * port, credentials and TLS (smtps://, or smtp:// with STARTTLS when the server offers it).
 */
export interface MailAttachment {
  filename: string;
  content: Uint8Array;
  contentType?: string;
}

export interface ReportMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments: MailAttachment[];
}

export interface Mailer {
  send(mail: ReportMail): Promise<{ messageId: string; accepted: string[] }>;
  close(): void;
}

export class MailNotConfiguredError extends Error {
  override name = 'MailNotConfiguredError';
}

// One recipient, no display-name tricks or header injection: reports go to a plain address.
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;
export const isEmailAddress = (s: string): boolean => ADDRESS.test(s.trim());

export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): Mailer | null {
  const url = config.SMTP_URL;
  if (!url) return null;
  // nodemailer (~70 ms of module loading) only once a report is actually mailed.
  let transport: Promise<Transporter> | undefined;
  let closed = false;
  return {
    async send(mail) {
      if (!isEmailAddress(mail.to)) throw new Error(`Not an e-mail address: ${mail.to}`);
      transport ??= import('nodemailer').then((m) => m.default.createTransport(url));
      const info = await (await transport).sendMail({
        from: config.MAIL_FROM,
        to: mail.to.trim(),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), contentType: a.contentType })),
      });
      if (closed) (await transport).close();
      return { messageId: info.messageId, accepted: (info.accepted ?? []).map(String) };
    },
    close() {
      closed = true;
      void transport?.then((t) => t.close(), () => {});
    },
  };
}

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  png: 'image/png',
} as const;
