import type { MemberLanguage } from '@concord/shared';
import { DEFAULT_MAIL_WORDING, type MailWording } from './mail-wording';

/** Where the personal link goes in a stored body; replaced only when the message is sent or exported. */
export const LINK_PLACEHOLDER = '{{link}}';

export interface MessageContext {
  memberName: string;
  campaignName: string;
  networkName: string;
  closesAt: Date | null;
}

export interface RenderedMessage {
  subject: string;
  body: string;
}

/** Text typed by staff must not smuggle a second link placeholder into a message. */
function plain(text: string): string {
  return text.replaceAll('{{', '{ {').replace(/\s+/g, ' ').trim();
}

function longDate(date: Date, language: MemberLanguage): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Replaces each `{{key}}` whose key is given; other placeholders (the link) stay. */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (placeholder, key: string) => values[key] ?? placeholder);
}

/**
 * Subject and body (with LINK_PLACEHOLDER) of an invitation or reminder in the member's language,
 * from the wording given (the defaults unless a caller has its own).
 */
export function renderMessage(
  kind: 'invitation' | 'reminder',
  language: MemberLanguage,
  context: MessageContext,
  wording: Readonly<Record<MemberLanguage, MailWording>> = DEFAULT_MAIL_WORDING,
): RenderedMessage {
  const words = wording[language];
  const deadline =
    context.closesAt === null ? '' : fill(words.deadline, { date: longDate(context.closesAt, language) });
  const values = {
    name: plain(context.memberName),
    campaign: plain(context.campaignName),
    network: plain(context.networkName),
    deadline,
  };
  const template = words[kind];
  // Without a deadline its sentence leaves a trailing space behind.
  const body = fill(template.body, values).replace(/ +$/gm, '');
  return { subject: fill(template.subject, values), body };
}

/** The body as it leaves: the placeholder replaced by the member's link. */
export function withLink(body: string, link: string): string {
  return body.replaceAll(LINK_PLACEHOLDER, link);
}

/** Delay before the next attempt after `attempts` failures: doubling from the base, at most 6 hours. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}
