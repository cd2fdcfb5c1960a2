import type { MemberLanguage } from '@concord/shared';

/** The page's own texts, in the working languages; the questionnaire brings its own translations. */
export interface RespondentTexts {
  loading: string;
  saving: string;
  saved: (time: string) => string;
  retrying: (seconds: number) => string;
  notSaved: string;
  deviceOnly: string;
  submitting: string;
  thanks: string;
  receipt: string;
  keepReceipt: string;
  edit: string;
  unknownTitle: string;
  unknownText: string;
  closedTitle: string;
  closedText: string;
  notOpenTitle: string;
  notOpenText: (date: string) => string;
  completedTitle: string;
  closesOn: (date: string) => string;
  language: string;
  errorTitle: string;
}

export const RESPONDENT_TEXTS: Record<MemberLanguage, RespondentTexts> = {
  en: {
    loading: 'Loading the questionnaire…',
    saving: 'Saving…',
    saved: (time) => `Saved at ${time}`,
    retrying: (seconds) => `Not saved yet — retrying in ${seconds} s`,
    notSaved: 'Your last changes could not be saved',
    deviceOnly: 'Progress is kept in this browser until you submit',
    submitting: 'Submitting…',
    thanks: 'Thank you: your response has been recorded.',
    receipt: 'Your receipt',
    keepReceipt: 'Keep this code: it proves that your response was received.',
    edit: 'Change my answers',
    unknownTitle: 'This link is not valid',
    unknownText: 'Please check that you copied the whole link, or ask the secretariat for your current link.',
    closedTitle: 'This consultation is closed',
    closedText: 'It no longer accepts answers. Thank you for your interest.',
    notOpenTitle: 'This consultation is not open yet',
    notOpenText: (date) => `It opens on ${date}. Please come back then with the same link.`,
    completedTitle: 'You have already answered',
    closesOn: (date) => `Open until ${date}`,
    language: 'Language',
    errorTitle: 'Something went wrong',
  },
  fr: {
    loading: 'Chargement du questionnaire…',
    saving: 'Enregistrement…',
    saved: (time) => `Enregistré à ${time}`,
    retrying: (seconds) => `Pas encore enregistré — nouvel essai dans ${seconds} s`,
    notSaved: 'Vos dernières modifications n’ont pas pu être enregistrées',
    deviceOnly: 'Vos réponses sont gardées dans ce navigateur jusqu’à l’envoi',
    submitting: 'Envoi…',
    thanks: 'Merci : votre réponse a été enregistrée.',
    receipt: 'Votre accusé de réception',
    keepReceipt: 'Conservez ce code : il prouve que votre réponse a été reçue.',
    edit: 'Modifier mes réponses',
    unknownTitle: 'Ce lien n’est pas valide',
    unknownText: 'Vérifiez que vous avez copié le lien entier, ou demandez votre lien actuel au secrétariat.',
    closedTitle: 'Cette consultation est close',
    closedText: 'Elle n’accepte plus de réponses. Merci de votre intérêt.',
    notOpenTitle: 'Cette consultation n’est pas encore ouverte',
    notOpenText: (date) => `Elle ouvre le ${date}. Revenez alors avec le même lien.`,
    completedTitle: 'Vous avez déjà répondu',
    closesOn: (date) => `Ouvert jusqu’au ${date}`,
    language: 'Langue',
    errorTitle: 'Une erreur est survenue',
  },
  ru: {
    loading: 'Загрузка анкеты…',
    saving: 'Сохранение…',
    saved: (time) => `Сохранено в ${time}`,
    retrying: (seconds) => `Ещё не сохранено — повтор через ${seconds} с`,
    notSaved: 'Последние изменения не удалось сохранить',
    deviceOnly: 'Ответы хранятся в этом браузере до отправки',
    submitting: 'Отправка…',
    thanks: 'Спасибо: ваш ответ получен.',
    receipt: 'Ваша квитанция',
    keepReceipt: 'Сохраните этот код: он подтверждает, что ваш ответ получен.',
    edit: 'Изменить ответы',
    unknownTitle: 'Ссылка недействительна',
    unknownText: 'Проверьте, что ссылка скопирована полностью, или запросите актуальную ссылку у секретариата.',
    closedTitle: 'Консультация закрыта',
    closedText: 'Ответы больше не принимаются. Благодарим за интерес.',
    notOpenTitle: 'Консультация ещё не открыта',
    notOpenText: (date) => `Она откроется ${date}. Вернитесь по этой же ссылке.`,
    completedTitle: 'Вы уже ответили',
    closesOn: (date) => `Открыто до ${date}`,
    language: 'Язык',
    errorTitle: 'Произошла ошибка',
  },
  ar: {
    loading: 'جارٍ تحميل الاستبيان…',
    saving: 'جارٍ الحفظ…',
    saved: (time) => `تم الحفظ في ${time}`,
    retrying: (seconds) => `لم يتم الحفظ بعد — إعادة المحاولة خلال ${seconds} ث`,
    notSaved: 'تعذّر حفظ آخر التعديلات',
    deviceOnly: 'تُحفظ إجاباتك في هذا المتصفح حتى الإرسال',
    submitting: 'جارٍ الإرسال…',
    thanks: 'شكرًا لكم: تم تسجيل إجابتكم.',
    receipt: 'إيصالكم',
    keepReceipt: 'احتفظوا بهذا الرمز: فهو يثبت استلام إجابتكم.',
    edit: 'تعديل إجاباتي',
    unknownTitle: 'هذا الرابط غير صالح',
    unknownText: 'تأكدوا من نسخ الرابط كاملًا، أو اطلبوا رابطكم الحالي من الأمانة.',
    closedTitle: 'هذه الاستشارة مغلقة',
    closedText: 'لم تعد تقبل الإجابات. شكرًا لاهتمامكم.',
    notOpenTitle: 'هذه الاستشارة لم تُفتح بعد',
    notOpenText: (date) => `تُفتح في ${date}. يرجى العودة بالرابط نفسه.`,
    completedTitle: 'لقد أجبتم بالفعل',
    closesOn: (date) => `مفتوح حتى ${date}`,
    language: 'اللغة',
    errorTitle: 'حدث خطأ',
  },
};

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'Français', ru: 'Русский', ar: 'العربية' };

export function textsFor(language: string): RespondentTexts {
  return language in RESPONDENT_TEXTS ? RESPONDENT_TEXTS[language as MemberLanguage] : RESPONDENT_TEXTS.en;
}
