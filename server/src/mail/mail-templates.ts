import { MAIL_PLACEHOLDERS, type MailWordingKind, type MemberLanguage } from '@concord/shared';
import { DEFAULT_MAIL_WORDING, type MailTemplate, type MailWording } from './mail-wording';

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

/** The default wording with a campaign's own subjects and bodies put in where it has them. */
export function campaignWording(
  own: ReadonlyArray<{ kind: MailWordingKind; language: MemberLanguage } & MailTemplate>,
): Record<MemberLanguage, MailWording> {
  const wording = Object.fromEntries(
    Object.entries(DEFAULT_MAIL_WORDING).map(([language, words]) => [language, { ...words }]),
  ) as Record<MemberLanguage, MailWording>;
  for (const { kind, language, subject, body } of own) wording[language][kind] = { subject, body };
  return wording;
}

/**
 * What is wrong with a subject or body a campaign wants to use, one message per problem: every
 * `{{…}}` must be a known placeholder (the link only in the body), and the body must contain the
 * link, without which the member could not answer.
 */
export function placeholderProblems(part: 'subject' | 'body', text: string): string[] {
  const allowed: readonly string[] =
    part === 'subject' ? MAIL_PLACEHOLDERS.filter((name) => name !== 'link') : MAIL_PLACEHOLDERS;
  const problems: string[] = [];
  const unknown = new Set<string>();
  for (const match of text.matchAll(/\{\{(.*?)\}\}/gs)) {
    const name = match[1] ?? '';
    if (!allowed.includes(name)) unknown.add(match[0]);
  }
  for (const placeholder of unknown) {
    problems.push(
      placeholder === LINK_PLACEHOLDER
        ? `${part} must not contain ${LINK_PLACEHOLDER}: the personal link goes in the body`
        : `${part} has an unknown placeholder ${placeholder}; known: ${allowed.map((name) => `{{${name}}}`).join(', ')}`,
    );
  }
  if (part === 'body' && !text.includes(LINK_PLACEHOLDER)) {
    problems.push(`body must contain ${LINK_PLACEHOLDER}, where the member's personal link goes`);
  }
  return problems;
}

/** The body as it leaves: the placeholder replaced by the member's link. */
export function withLink(body: string, link: string): string {
  return body.replaceAll(LINK_PLACEHOLDER, link);
}

/** Delay before the next attempt after `attempts` failures: doubling from the base, at most 6 hours. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}
