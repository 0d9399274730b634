import nodemailer from 'nodemailer';

export interface MailMessage {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
}

/** Sends one message or throws; the digest task retries what failed. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** An SMTP mailer from `smtp://user:pass@host:port` or `smtps://...` (nodemailer). */
export function createSmtpMailer(config: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
    },
    close: () => transport.close(),
  };
}
