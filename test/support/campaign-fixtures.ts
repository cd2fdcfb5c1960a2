import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { UsersService } from '../../server/src/auth/users.service';
import { createStaff, signIn, type StaffSession } from './staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestApp } from './test-app';

/** The title the test questionnaires open with, in English and French. */
export const ROLES_TITLE = { default: 'Roles of the Regional Secretariat', fr: 'Rôles du Secrétariat régional' };

/** The required choice question the test questionnaires open with, `roles_clear`, offering these choices. */
export function rolesClearQuestion<Choice>(choices: readonly Choice[]) {
  return {
    type: 'radiogroup',
    name: 'roles_clear',
    title: { default: 'Are the roles clear?', fr: 'Les rôles sont-ils clairs ?' },
    isRequired: true,
    choices,
  };
}

/** A small questionnaire exercising required answers, a condition, choices and a range. */
export const TEST_DEFINITION = {
  title: ROLES_TITLE,
  pages: [
    {
      name: 'roles',
      elements: [
        rolesClearQuestion(['yes', 'partly', 'no']),
        { type: 'comment', name: 'roles_why', title: 'Why not?', visibleIf: "{roles_clear} = 'no'", isRequired: true },
        { type: 'rating', name: 'satisfaction', title: 'Satisfaction', rateMin: 1, rateMax: 5, isRequired: true },
        { type: 'checkbox', name: 'priorities', title: 'Priorities', choices: ['training', 'exercises', 'equipment'] },
      ],
    },
  ],
};

/** A free-text question `why` and a choice `pick` with an "other" text: answers for theme coding. */
export const WHY_AND_PICK_DEFINITION = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'comment', name: 'why', title: 'Why?' },
        { type: 'radiogroup', name: 'pick', title: 'Pick', showOtherItem: true, choices: ['a', 'b'] },
      ],
    },
  ],
};

export const VALID_ANSWERS = { roles_clear: 'partly', satisfaction: 4, priorities: ['training'] };

/** The respondent API's answer to a link it does not know (or no longer honours). */
export const LINK_NOT_FOUND = {
  statusCode: 404,
  error: 'Not Found',
  code: 'link_not_found',
  message: 'This link is not valid. Please ask the secretariat for your current link.',
};

export interface PublishedSurvey {
  surveyId: string;
  version: number;
}

export async function createSurvey(staff: StaffSession, slug: string): Promise<string> {
  const survey = await staff.post('/api/surveys').send({ slug, title: `Survey ${slug}` });
  if (survey.status !== 201)
    throw new Error(`Could not create survey: ${survey.status} ${JSON.stringify(survey.body)}`);
  return (survey.body as { id: string }).id;
}

export async function addDraftVersion(
  staff: StaffSession,
  surveyId: string,
  definition: unknown = TEST_DEFINITION,
): Promise<number> {
  const version = await staff.post(`/api/surveys/${surveyId}/versions`).send({ definition, changelog: 'test version' });
  if (version.status !== 201)
    throw new Error(`Could not add a version: ${version.status} ${JSON.stringify(version.body)}`);
  return (version.body as { version: number }).version;
}

export async function publishSurvey(
  staff: StaffSession,
  slug: string,
  definition: unknown = TEST_DEFINITION,
): Promise<PublishedSurvey> {
  const surveyId = await createSurvey(staff, slug);
  const version = await addDraftVersion(staff, surveyId, definition);
  const published = await staff.post(`/api/surveys/${surveyId}/versions/${version}/publish`);
  if (published.status !== 200)
    throw new Error(`Could not publish: ${published.status} ${JSON.stringify(published.body)}`);
  return { surveyId, version };
}

export interface CreatedCampaign {
  campaignId: string;
  /** The id of the survey version the campaign pins (responses reference it). */
  versionId: string;
}

/**
 * A campaign of a published survey version to these networks, with any further fields of the
 * request (`anonymous`, `closesAt`, ...); fails loudly unless created.
 */
export async function createCampaign(
  staff: StaffSession,
  survey: PublishedSurvey,
  name: string,
  networkIds: readonly string[],
  extra: Record<string, unknown> = {},
): Promise<CreatedCampaign> {
  const campaign = await staff
    .post('/api/campaigns')
    .send({ surveyId: survey.surveyId, version: survey.version, name, networkIds, ...extra });
  if (campaign.status !== 201)
    throw new Error(`Could not create the campaign: ${campaign.status} ${JSON.stringify(campaign.body)}`);
  const body = campaign.body as { id: string; surveyVersionId: string };
  return { campaignId: body.id, versionId: body.surveyVersionId };
}

export interface NetworkRow {
  id: string;
  code: string;
  name: string;
  memberCount: number;
}

export async function networksByCode(staff: StaffSession): Promise<Record<string, NetworkRow>> {
  const rows = (await staff.get('/api/networks')).body as NetworkRow[];
  return Object.fromEntries(rows.map((row) => [row.code, row]));
}

export interface MemberSeed {
  name: string;
  email: string;
  country: string;
  role: string;
  language: 'en' | 'fr' | 'ru' | 'ar';
}

export function makeMembers(
  prefix: string,
  count: number,
  country: string,
  language: MemberSeed['language'] = 'en',
): MemberSeed[] {
  return Array.from({ length: count }, (_unused, index) => ({
    name: `${prefix} member ${index + 1}`,
    email: `${prefix}-${index + 1}@example.org`.toLowerCase(),
    country,
    role: index === 0 ? 'National Focal Point' : 'national team',
    language,
  }));
}

export async function addMembers(staff: StaffSession, networkId: string, members: MemberSeed[]): Promise<void> {
  const response = await staff.post(`/api/networks/${networkId}/members`).send(members);
  if (response.status !== 201)
    throw new Error(`Could not add members: ${response.status} ${JSON.stringify(response.body)}`);
}

export interface CampaignLink {
  invitationId: string;
  memberId: string;
  name: string;
  email: string;
  networkId: string;
  country: string;
  url: string;
  revoked: boolean;
}

export async function campaignLinks(staff: StaffSession, campaignId: string): Promise<CampaignLink[]> {
  const response = await staff.get(`/api/campaigns/${campaignId}/links`);
  if (response.status !== 200)
    throw new Error(`Could not list links: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as CampaignLink[];
}

export interface CampaignToNewMembers {
  campaignId: string;
  /** The links of the members added for it, sorted by e-mail. */
  links: CampaignLink[];
  /** Every link of the campaign: the network's earlier members (the demo data) are invited too. */
  allLinks: CampaignLink[];
}

/** Adds these members to the network and sends the survey to that network in a new campaign. */
export async function campaignToNewMembers(
  staff: StaffSession,
  survey: PublishedSurvey,
  networkId: string,
  members: MemberSeed[],
  name: string,
): Promise<CampaignToNewMembers> {
  await addMembers(staff, networkId, members);
  const { campaignId } = await createCampaign(staff, survey, name, [networkId]);
  const allLinks = await campaignLinks(staff, campaignId);
  const emails = new Set(members.map((member) => member.email));
  const links = allLinks.filter((link) => emails.has(link.email)).sort((a, b) => a.email.localeCompare(b.email));
  return { campaignId, links, allLinks };
}

export function tokenOf(url: string): string {
  return url.slice(url.lastIndexOf('/r/') + 3);
}

/** Completes the questionnaire behind a personal link with these answers, as its respondent. */
export async function completeByLink(testApp: TestApp, url: string, data: unknown = VALID_ANSWERS): Promise<Response> {
  return await testApp
    .http()
    .post(`/api/respond/${tokenOf(url)}/complete`)
    .send({ data });
}

export function dataSourceOf(testApp: TestApp): DataSource {
  return testApp.app.get(DataSource);
}

/**
 * Signs in the first admin, creating it first when something seeded other users before the
 * initial-admin step could run (it only runs on an empty users table).
 */
export async function signInAdmin(testApp: TestApp): Promise<StaffSession> {
  const exists = await dataSourceOf(testApp).query<unknown[]>('SELECT 1 FROM users WHERE email = $1', [ADMIN_EMAIL]);
  if (exists.length === 0) {
    await testApp.app
      .get(UsersService)
      .create(null, { email: ADMIN_EMAIL, name: 'Administrator', role: 'admin', password: ADMIN_PASSWORD });
  }
  return signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
}

/** What most campaign tests start from: the first admin, a secretariat user, a survey it published, the networks. */
export interface SurveyDesk {
  admin: StaffSession;
  secretariat: StaffSession & { id: string; email: string };
  survey: PublishedSurvey;
  networks: Record<string, NetworkRow>;
}

/** Signs the first admin in, creates a secretariat user who publishes the survey, and reads the networks. */
export async function surveyDesk(
  testApp: TestApp,
  slug: string,
  definition: unknown = TEST_DEFINITION,
): Promise<SurveyDesk> {
  const admin = await signInAdmin(testApp);
  const secretariat = await createStaff(testApp, admin, 'secretariat');
  const survey = await publishSurvey(secretariat, slug, definition);
  const networks = await networksByCode(secretariat);
  return { admin, secretariat, survey, networks };
}
