import type { MemberLanguage } from '@concord/shared';

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

interface Wording {
  invitationSubject: (campaign: string) => string;
  reminderSubject: (campaign: string) => string;
  greeting: (name: string) => string;
  invitation: (campaign: string, network: string) => string;
  reminder: (campaign: string) => string;
  linkIntro: string;
  resume: string;
  deadline: (date: string) => string;
  personal: string;
  reminderIgnore: string;
  signature: string;
}

const WORDING: Record<MemberLanguage, Wording> = {
  en: {
    invitationSubject: (campaign) => `Questionnaire: ${campaign}`,
    reminderSubject: (campaign) => `Reminder: ${campaign}`,
    greeting: (name) => `Dear ${name},`,
    invitation: (campaign, network) =>
      `The ${network} Regional Secretariat invites you to answer the questionnaire "${campaign}".`,
    reminder: (campaign) => `We have not yet received your answers to the questionnaire "${campaign}".`,
    linkIntro: 'Your personal link:',
    resume: 'You can save your answers and come back later with the same link.',
    deadline: (date) => `Please answer by ${date}.`,
    personal: 'This link is personal: please do not forward it.',
    reminderIgnore: 'If you have just sent your answers, please ignore this message.',
    signature: 'Thank you,\nThe Regional Secretariat',
  },
  fr: {
    invitationSubject: (campaign) => `Questionnaire : ${campaign}`,
    reminderSubject: (campaign) => `Rappel : ${campaign}`,
    greeting: (name) => `Bonjour ${name},`,
    invitation: (campaign, network) =>
      `Le Secrétariat régional ${network} vous invite à répondre au questionnaire « ${campaign} ».`,
    reminder: (campaign) => `Nous n'avons pas encore reçu vos réponses au questionnaire « ${campaign} ».`,
    linkIntro: 'Votre lien personnel :',
    resume: 'Vous pouvez enregistrer vos réponses et revenir plus tard avec le même lien.',
    deadline: (date) => `Merci de répondre avant le ${date}.`,
    personal: 'Ce lien est personnel : merci de ne pas le transmettre.',
    reminderIgnore: 'Si vous venez d’envoyer vos réponses, merci de ne pas tenir compte de ce message.',
    signature: 'Merci,\nLe Secrétariat régional',
  },
  ru: {
    invitationSubject: (campaign) => `Анкета: ${campaign}`,
    reminderSubject: (campaign) => `Напоминание: ${campaign}`,
    greeting: (name) => `Здравствуйте, ${name}!`,
    invitation: (campaign, network) =>
      `Региональный секретариат (${network}) приглашает вас ответить на вопросы анкеты «${campaign}».`,
    reminder: (campaign) => `Мы ещё не получили ваши ответы на анкету «${campaign}».`,
    linkIntro: 'Ваша персональная ссылка:',
    resume: 'Вы можете сохранить ответы и вернуться к ним позже по той же ссылке.',
    deadline: (date) => `Пожалуйста, ответьте до ${date}.`,
    personal: 'Эта ссылка персональная: пожалуйста, не пересылайте её.',
    reminderIgnore: 'Если вы только что отправили ответы, не обращайте внимания на это письмо.',
    signature: 'Спасибо!\nРегиональный секретариат',
  },
  ar: {
    invitationSubject: (campaign) => `استبيان: ${campaign}`,
    reminderSubject: (campaign) => `تذكير: ${campaign}`,
    greeting: (name) => `السيد/السيدة ${name}،`,
    invitation: (campaign, network) => `تدعوكم الأمانة الإقليمية (${network}) إلى الإجابة على استبيان «${campaign}».`,
    reminder: (campaign) => `لم نتلقَّ بعد إجاباتكم على استبيان «${campaign}».`,
    linkIntro: 'رابطكم الشخصي:',
    resume: 'يمكنكم حفظ إجاباتكم والعودة إليها لاحقًا عبر الرابط نفسه.',
    deadline: (date) => `يرجى الإجابة قبل ${date}.`,
    personal: 'هذا الرابط شخصي: يرجى عدم إعادة توجيهه.',
    reminderIgnore: 'إذا كنتم قد أرسلتم إجاباتكم للتو، يرجى تجاهل هذه الرسالة.',
    signature: 'شكرًا لكم،\nالأمانة الإقليمية',
  },
};

/** Text typed by staff must not smuggle a second link placeholder into a message. */
function plain(text: string): string {
  return text.replaceAll('{{', '{ {').replace(/\s+/g, ' ').trim();
}

function longDate(date: Date, language: MemberLanguage): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Subject and body (with LINK_PLACEHOLDER) of an invitation or reminder in the member's language. */
export function renderMessage(
  kind: 'invitation' | 'reminder',
  language: MemberLanguage,
  context: MessageContext,
): RenderedMessage {
  const words = WORDING[language];
  const campaign = plain(context.campaignName);
  const lead =
    kind === 'invitation' ? words.invitation(campaign, plain(context.networkName)) : words.reminder(campaign);
  const practical = [
    words.resume,
    ...(context.closesAt === null ? [] : [words.deadline(longDate(context.closesAt, language))]),
  ];
  const closing = kind === 'reminder' ? [words.personal, words.reminderIgnore] : [words.personal];
  const body = [
    words.greeting(plain(context.memberName)),
    '',
    lead,
    '',
    words.linkIntro,
    LINK_PLACEHOLDER,
    '',
    practical.join(' '),
    closing.join(' '),
    '',
    words.signature,
    '',
  ].join('\n');
  return { subject: kind === 'invitation' ? words.invitationSubject(campaign) : words.reminderSubject(campaign), body };
}

/** The body as it leaves: the placeholder replaced by the member's link. */
export function withLink(body: string, link: string): string {
  return body.replaceAll(LINK_PLACEHOLDER, link);
}

/** Delay before the next attempt after `attempts` failures: doubling from the base, at most 6 hours. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}
