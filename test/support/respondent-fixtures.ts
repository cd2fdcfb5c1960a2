import { Client } from 'pg';
import type { StaffApi } from './browser-staff';

/** Three pages in the four working languages, so paging, resuming and every language show. */
export const FOUR_LANGUAGE_DEFINITION = {
  title: {
    default: 'Roles of the Regional Secretariat',
    fr: 'Rôles du Secrétariat régional',
    ru: 'Роли регионального секретариата',
    ar: 'أدوار الأمانة الإقليمية',
  },
  pages: [
    {
      name: 'roles',
      title: { default: 'Roles', fr: 'Rôles', ru: 'Роли', ar: 'الأدوار' },
      elements: [
        {
          type: 'radiogroup',
          name: 'roles_clear',
          title: {
            default: 'Are the roles clear?',
            fr: 'Les rôles sont-ils clairs ?',
            ru: 'Понятны ли роли?',
            ar: 'هل الأدوار واضحة؟',
          },
          isRequired: true,
          choices: [
            { value: 'yes', text: { default: 'Yes', fr: 'Oui', ru: 'Да', ar: 'نعم' } },
            { value: 'partly', text: { default: 'Partly', fr: 'En partie', ru: 'Частично', ar: 'جزئيًا' } },
            { value: 'no', text: { default: 'No', fr: 'Non', ru: 'Нет', ar: 'لا' } },
          ],
        },
      ],
    },
    {
      name: 'work',
      title: { default: 'Working together', fr: 'Travailler ensemble', ru: 'Совместная работа', ar: 'العمل معًا' },
      elements: [
        {
          type: 'rating',
          name: 'satisfaction',
          title: {
            default: 'How satisfied are you?',
            fr: 'Êtes-vous satisfait ?',
            ru: 'Насколько вы довольны?',
            ar: 'ما مدى رضاكم؟',
          },
          rateMin: 1,
          rateMax: 5,
          isRequired: true,
        },
        {
          type: 'comment',
          name: 'suggestions',
          title: { default: 'Suggestions', fr: 'Suggestions', ru: 'Предложения', ar: 'اقتراحات' },
        },
      ],
    },
    {
      name: 'priorities',
      title: { default: 'Priorities', fr: 'Priorités', ru: 'Приоритеты', ar: 'الأولويات' },
      elements: [
        {
          type: 'checkbox',
          name: 'priorities',
          title: {
            default: 'What should come first?',
            fr: 'Qu’est-ce qui doit passer en premier ?',
            ru: 'Что должно быть в приоритете?',
            ar: 'ما الذي يجب أن يأتي أولًا؟',
          },
          choices: [
            { value: 'training', text: { default: 'Training', fr: 'Formation', ru: 'Обучение', ar: 'التدريب' } },
            { value: 'exercises', text: { default: 'Exercises', fr: 'Exercices', ru: 'Учения', ar: 'التمارين' } },
          ],
        },
      ],
    },
  ],
};

export interface RespondentCampaign {
  campaignId: string;
  /** Personal link tokens, by member e-mail. */
  tokens: Record<string, string>;
}

/** Publishes the definition and sends it to new members of one network; returns their link tokens. */
export async function respondentCampaign(
  admin: StaffApi,
  slug: string,
  members: Array<{ name: string; email: string; language: 'en' | 'fr' | 'ru' | 'ar' }>,
  definition: unknown = FOUR_LANGUAGE_DEFINITION,
  campaign: Record<string, unknown> = {},
): Promise<RespondentCampaign> {
  const survey = await admin<{ id: string }>('POST', '/api/surveys', { slug, title: slug });
  await admin('POST', `/api/surveys/${survey.id}/versions`, { definition, changelog: 'first' });
  await admin('POST', `/api/surveys/${survey.id}/versions/1/publish`);
  const networks = await admin<Array<{ id: string; code: string }>>('GET', '/api/networks');
  const network = networks.find((candidate) => candidate.code === 'CA');
  if (network === undefined) throw new Error('the Central Asia network is not seeded');
  await admin(
    'POST',
    `/api/networks/${network.id}/members`,
    members.map((member) => ({ ...member, country: 'Uzbekistan', role: 'National Focal Point' })),
  );
  const created = await admin<{ id: string }>('POST', '/api/campaigns', {
    surveyId: survey.id,
    version: 1,
    name: slug,
    networkIds: [network.id],
    ...campaign,
  });
  const links = await admin<Array<{ email: string; url: string }>>('GET', `/api/campaigns/${created.id}/links`);
  const tokens: Record<string, string> = {};
  for (const link of links) tokens[link.email] = link.url.split('/r/')[1] ?? '';
  return { campaignId: created.id, tokens };
}

/** Rows of the database behind a running server, read directly to check what was stored. */
export async function queryDatabase<T>(databaseUrl: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}
