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
  pageOf: (page: number, pages: number) => string;
  reviewStep: string;
  reviewIntro: string;
  reviewButton: string;
  change: string;
  submit: string;
  backToQuestions: string;
  noAnswer: string;
  yourAnswers: string;
  print: string;
  download: string;
  submittedOn: (date: string) => string;
  serverSaved: (time: string) => string;
  savedAsYouGo: string;
  savingOnServer: string;
  offlineDeviceOnly: string;
  retryingDeviceOnly: (seconds: number) => string;
  deviceThenServer: string;
  serverHasAsOf: (time: string) => string;
  serverHasNone: string;
  serverRefused: (message: string) => string;
  editingOnDevice: string;
  submissionWaitingTitle: string;
  submissionWaiting: string;
  submissionSending: string;
  submissionRefused: (message: string) => string;
  retryNow: string;
  offlineTitle: string;
  offlineNoCopy: string;
  offlineNotice: string;
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
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
    reviewStep: 'Review your answers',
    reviewIntro: 'Check your answers before you send them. You can still change any of them.',
    reviewButton: 'Review my answers',
    change: 'Change',
    submit: 'Submit my response',
    backToQuestions: 'Back to the questionnaire',
    noAnswer: 'No answer',
    yourAnswers: 'Your answers',
    print: 'Print',
    download: 'Download a copy',
    submittedOn: (date) => `Submitted on ${date}`,
    serverSaved: (time) => `All your answers are saved on the server (last saved at ${time}).`,
    savedAsYouGo: 'Your answers are saved on the server as you go.',
    savingOnServer: 'Saving your answers on the server…',
    offlineDeviceOnly:
      'You are offline. Your latest answers are saved on this device only; they will be sent to the server when the connection returns.',
    retryingDeviceOnly: (seconds) =>
      `Your latest answers are saved on this device only; sending them to the server again in ${seconds} s.`,
    deviceThenServer: 'Your latest answers are saved on this device; they will be saved on the server in a moment.',
    serverHasAsOf: (time) => `The server has your answers as of ${time}.`,
    serverHasNone: 'The server has none of your answers yet.',
    serverRefused: (message) =>
      `The server did not accept your latest answers (${message}); they are kept on this device.`,
    editingOnDevice: 'Your changes are kept on this device until you submit them again.',
    submissionWaitingTitle: 'Not sent yet',
    submissionWaiting:
      'Your response is ready and saved on this device only. It will be sent to the server as soon as the connection returns: keep this page open, or open your link again later.',
    submissionSending: 'Sending your response…',
    submissionRefused: (message) => `Your response was not accepted: ${message}`,
    retryNow: 'Try again now',
    offlineTitle: 'You are offline',
    offlineNoCopy:
      'This questionnaire has not been opened on this device before, so it cannot be shown without a connection. Please try again when you are online.',
    offlineNotice: 'You are offline: this page works from the copy kept on this device.',
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
    pageOf: (page, pages) => `Page ${page} sur ${pages}`,
    reviewStep: 'Vérifiez vos réponses',
    reviewIntro: 'Vérifiez vos réponses avant de les envoyer. Vous pouvez encore modifier chacune d’elles.',
    reviewButton: 'Vérifier mes réponses',
    change: 'Modifier',
    submit: 'Envoyer ma réponse',
    backToQuestions: 'Retour au questionnaire',
    noAnswer: 'Sans réponse',
    yourAnswers: 'Vos réponses',
    print: 'Imprimer',
    download: 'Télécharger une copie',
    submittedOn: (date) => `Envoyée le ${date}`,
    serverSaved: (time) => `Toutes vos réponses sont enregistrées sur le serveur (dernier enregistrement à ${time}).`,
    savedAsYouGo: 'Vos réponses sont enregistrées sur le serveur au fur et à mesure.',
    savingOnServer: 'Enregistrement de vos réponses sur le serveur…',
    offlineDeviceOnly:
      'Vous êtes hors ligne. Vos dernières réponses sont enregistrées sur cet appareil seulement ; elles seront envoyées au serveur au retour de la connexion.',
    retryingDeviceOnly: (seconds) =>
      `Vos dernières réponses sont enregistrées sur cet appareil seulement ; nouvel envoi au serveur dans ${seconds} s.`,
    deviceThenServer:
      'Vos dernières réponses sont enregistrées sur cet appareil ; elles le seront sur le serveur dans un instant.',
    serverHasAsOf: (time) => `Le serveur a vos réponses de ${time}.`,
    serverHasNone: 'Le serveur n’a encore aucune de vos réponses.',
    serverRefused: (message) =>
      `Le serveur n’a pas accepté vos dernières réponses (${message}) ; elles sont gardées sur cet appareil.`,
    editingOnDevice: 'Vos modifications sont gardées sur cet appareil jusqu’à ce que vous les envoyiez à nouveau.',
    submissionWaitingTitle: 'Pas encore envoyée',
    submissionWaiting:
      'Votre réponse est prête et enregistrée sur cet appareil seulement. Elle sera envoyée au serveur dès le retour de la connexion : gardez cette page ouverte, ou rouvrez votre lien plus tard.',
    submissionSending: 'Envoi de votre réponse…',
    submissionRefused: (message) => `Votre réponse n’a pas été acceptée : ${message}`,
    retryNow: 'Réessayer maintenant',
    offlineTitle: 'Vous êtes hors ligne',
    offlineNoCopy:
      'Ce questionnaire n’a pas encore été ouvert sur cet appareil : il ne peut pas s’afficher sans connexion. Réessayez une fois en ligne.',
    offlineNotice: 'Vous êtes hors ligne : cette page fonctionne avec la copie gardée sur cet appareil.',
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
    pageOf: (page, pages) => `Страница ${page} из ${pages}`,
    reviewStep: 'Проверьте ответы',
    reviewIntro: 'Проверьте ответы перед отправкой. Любой из них ещё можно изменить.',
    reviewButton: 'Проверить ответы',
    change: 'Изменить',
    submit: 'Отправить ответ',
    backToQuestions: 'Вернуться к анкете',
    noAnswer: 'Нет ответа',
    yourAnswers: 'Ваши ответы',
    print: 'Печать',
    download: 'Скачать копию',
    submittedOn: (date) => `Отправлено ${date}`,
    serverSaved: (time) => `Все ответы сохранены на сервере (последнее сохранение в ${time}).`,
    savedAsYouGo: 'Ответы сохраняются на сервере по ходу заполнения.',
    savingOnServer: 'Сохранение ответов на сервере…',
    offlineDeviceOnly:
      'Нет связи. Последние ответы сохранены только на этом устройстве; они будут отправлены на сервер, когда связь восстановится.',
    retryingDeviceOnly: (seconds) =>
      `Последние ответы сохранены только на этом устройстве; повторная отправка на сервер через ${seconds} с.`,
    deviceThenServer: 'Последние ответы сохранены на этом устройстве; через мгновение они будут сохранены на сервере.',
    serverHasAsOf: (time) => `На сервере — ответы по состоянию на ${time}.`,
    serverHasNone: 'На сервере пока нет ваших ответов.',
    serverRefused: (message) => `Сервер не принял последние ответы (${message}); они сохранены на этом устройстве.`,
    editingOnDevice: 'Изменения хранятся на этом устройстве до повторной отправки.',
    submissionWaitingTitle: 'Ещё не отправлено',
    submissionWaiting:
      'Ваш ответ готов и сохранён только на этом устройстве. Он будет отправлен на сервер, как только восстановится связь: не закрывайте эту страницу или откройте ссылку позже.',
    submissionSending: 'Отправка ответа…',
    submissionRefused: (message) => `Ответ не принят: ${message}`,
    retryNow: 'Повторить сейчас',
    offlineTitle: 'Нет связи',
    offlineNoCopy:
      'Эта анкета ещё не открывалась на этом устройстве, поэтому без связи её не показать. Попробуйте снова, когда появится связь.',
    offlineNotice: 'Нет связи: страница работает с копией, сохранённой на этом устройстве.',
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
    pageOf: (page, pages) => `الصفحة ${page} من ${pages}`,
    reviewStep: 'راجعوا إجاباتكم',
    reviewIntro: 'تحققوا من إجاباتكم قبل إرسالها. لا يزال بإمكانكم تعديل أي منها.',
    reviewButton: 'مراجعة إجاباتي',
    change: 'تعديل',
    submit: 'إرسال إجابتي',
    backToQuestions: 'العودة إلى الاستبيان',
    noAnswer: 'لا توجد إجابة',
    yourAnswers: 'إجاباتكم',
    print: 'طباعة',
    download: 'تنزيل نسخة',
    submittedOn: (date) => `أُرسلت في ${date}`,
    serverSaved: (time) => `جميع إجاباتكم محفوظة على الخادم (آخر حفظ في ${time}).`,
    savedAsYouGo: 'تُحفظ إجاباتكم على الخادم أثناء الإجابة.',
    savingOnServer: 'جارٍ حفظ إجاباتكم على الخادم…',
    offlineDeviceOnly: 'أنتم غير متصلين. آخر إجاباتكم محفوظة على هذا الجهاز فقط، وستُرسل إلى الخادم عند عودة الاتصال.',
    retryingDeviceOnly: (seconds) =>
      `آخر إجاباتكم محفوظة على هذا الجهاز فقط؛ ستُعاد محاولة إرسالها إلى الخادم خلال ${seconds} ث.`,
    deviceThenServer: 'آخر إجاباتكم محفوظة على هذا الجهاز، وستُحفظ على الخادم بعد لحظات.',
    serverHasAsOf: (time) => `لدى الخادم إجاباتكم حتى ${time}.`,
    serverHasNone: 'لا توجد أي من إجاباتكم على الخادم بعد.',
    serverRefused: (message) => `لم يقبل الخادم آخر إجاباتكم (${message})، وهي محفوظة على هذا الجهاز.`,
    editingOnDevice: 'تُحفظ تعديلاتكم على هذا الجهاز حتى تعيدوا إرسالها.',
    submissionWaitingTitle: 'لم تُرسل بعد',
    submissionWaiting:
      'إجابتكم جاهزة ومحفوظة على هذا الجهاز فقط. ستُرسل إلى الخادم فور عودة الاتصال: أبقوا هذه الصفحة مفتوحة، أو افتحوا الرابط لاحقًا.',
    submissionSending: 'جارٍ إرسال إجابتكم…',
    submissionRefused: (message) => `لم تُقبل إجابتكم: ${message}`,
    retryNow: 'إعادة المحاولة الآن',
    offlineTitle: 'أنتم غير متصلين',
    offlineNoCopy:
      'لم يُفتح هذا الاستبيان على هذا الجهاز من قبل، لذا لا يمكن عرضه دون اتصال. يرجى المحاولة مجددًا عند الاتصال.',
    offlineNotice: 'أنتم غير متصلين: تعمل هذه الصفحة بالنسخة المحفوظة على هذا الجهاز.',
  },
};

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'Français', ru: 'Русский', ar: 'العربية' };

export function textsFor(language: string): RespondentTexts {
  return language in RESPONDENT_TEXTS ? RESPONDENT_TEXTS[language as MemberLanguage] : RESPONDENT_TEXTS.en;
}
