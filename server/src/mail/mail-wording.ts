import type { MemberLanguage } from '@concord/shared';

/**
 * Invitation and reminder wording as data: per language, with placeholders. Nothing here may name
 * one consultation or its organisers; who invites is the network ({{network}}).
 *
 * Placeholders: {{name}} (the member), {{campaign}}, {{network}}, {{deadline}} (the language's
 * `deadline` sentence, or nothing when the campaign has no closing date), {{date}} (inside
 * `deadline` only) and {{link}} (replaced only when the message is sent or exported).
 */
export interface MailTemplate {
  subject: string;
  body: string;
}

export interface MailWording {
  invitation: MailTemplate;
  reminder: MailTemplate;
  deadline: string;
}

const lines = (...text: string[]): string => text.join('\n');

export const DEFAULT_MAIL_WORDING: Readonly<Record<MemberLanguage, MailWording>> = {
  en: {
    invitation: {
      subject: 'Questionnaire: {{campaign}}',
      body: lines(
        'Dear {{name}},',
        '',
        'As a member of {{network}}, you are invited to answer the questionnaire "{{campaign}}".',
        '',
        'Your personal link:',
        '{{link}}',
        '',
        'You can save your answers and come back later with the same link. {{deadline}}',
        'This link is personal: please do not forward it.',
        '',
        'Thank you.',
        '',
      ),
    },
    reminder: {
      subject: 'Reminder: {{campaign}}',
      body: lines(
        'Dear {{name}},',
        '',
        'We have not yet received your answers to the questionnaire "{{campaign}}".',
        '',
        'Your personal link:',
        '{{link}}',
        '',
        'You can save your answers and come back later with the same link. {{deadline}}',
        'This link is personal: please do not forward it. If you have just sent your answers, please ignore this message.',
        '',
        'Thank you.',
        '',
      ),
    },
    deadline: 'Please answer by {{date}}.',
  },
  fr: {
    invitation: {
      subject: 'Questionnaire : {{campaign}}',
      body: lines(
        'Bonjour {{name}},',
        '',
        'En tant que membre de {{network}}, vous êtes invité(e) à répondre au questionnaire « {{campaign}} ».',
        '',
        'Votre lien personnel :',
        '{{link}}',
        '',
        'Vous pouvez enregistrer vos réponses et revenir plus tard avec le même lien. {{deadline}}',
        'Ce lien est personnel : merci de ne pas le transmettre.',
        '',
        'Merci.',
        '',
      ),
    },
    reminder: {
      subject: 'Rappel : {{campaign}}',
      body: lines(
        'Bonjour {{name}},',
        '',
        "Nous n'avons pas encore reçu vos réponses au questionnaire « {{campaign}} ».",
        '',
        'Votre lien personnel :',
        '{{link}}',
        '',
        'Vous pouvez enregistrer vos réponses et revenir plus tard avec le même lien. {{deadline}}',
        'Ce lien est personnel : merci de ne pas le transmettre. Si vous venez d’envoyer vos réponses, merci de ne pas tenir compte de ce message.',
        '',
        'Merci.',
        '',
      ),
    },
    deadline: 'Merci de répondre avant le {{date}}.',
  },
  ru: {
    invitation: {
      subject: 'Анкета: {{campaign}}',
      body: lines(
        'Здравствуйте, {{name}}!',
        '',
        'Как участника сети {{network}}, приглашаем вас ответить на вопросы анкеты «{{campaign}}».',
        '',
        'Ваша персональная ссылка:',
        '{{link}}',
        '',
        'Вы можете сохранить ответы и вернуться к ним позже по той же ссылке. {{deadline}}',
        'Эта ссылка персональная: пожалуйста, не пересылайте её.',
        '',
        'Спасибо!',
        '',
      ),
    },
    reminder: {
      subject: 'Напоминание: {{campaign}}',
      body: lines(
        'Здравствуйте, {{name}}!',
        '',
        'Мы ещё не получили ваши ответы на анкету «{{campaign}}».',
        '',
        'Ваша персональная ссылка:',
        '{{link}}',
        '',
        'Вы можете сохранить ответы и вернуться к ним позже по той же ссылке. {{deadline}}',
        'Эта ссылка персональная: пожалуйста, не пересылайте её. Если вы только что отправили ответы, не обращайте внимания на это письмо.',
        '',
        'Спасибо!',
        '',
      ),
    },
    deadline: 'Пожалуйста, ответьте до {{date}}.',
  },
  ar: {
    invitation: {
      subject: 'استبيان: {{campaign}}',
      body: lines(
        'السيد/السيدة {{name}}،',
        '',
        'ندعوكم، بصفتكم عضوًا في {{network}}، إلى الإجابة على استبيان «{{campaign}}».',
        '',
        'رابطكم الشخصي:',
        '{{link}}',
        '',
        'يمكنكم حفظ إجاباتكم والعودة إليها لاحقًا عبر الرابط نفسه. {{deadline}}',
        'هذا الرابط شخصي: يرجى عدم إعادة توجيهه.',
        '',
        'شكرًا لكم.',
        '',
      ),
    },
    reminder: {
      subject: 'تذكير: {{campaign}}',
      body: lines(
        'السيد/السيدة {{name}}،',
        '',
        'لم نتلقَّ بعد إجاباتكم على استبيان «{{campaign}}».',
        '',
        'رابطكم الشخصي:',
        '{{link}}',
        '',
        'يمكنكم حفظ إجاباتكم والعودة إليها لاحقًا عبر الرابط نفسه. {{deadline}}',
        'هذا الرابط شخصي: يرجى عدم إعادة توجيهه. إذا كنتم قد أرسلتم إجاباتكم للتو، يرجى تجاهل هذه الرسالة.',
        '',
        'شكرًا لكم.',
        '',
      ),
    },
    deadline: 'يرجى الإجابة قبل {{date}}.',
  },
};
