import { Client } from 'pg';
import request from 'supertest';
import { addMembers, campaignLinks, makeMembers, networksByCode, publishSurvey, tokenOf } from './campaign-fixtures';
import { cookieValue, type StaffSession } from './staff-session';

/** A staff session on a running server (by URL), usable with the campaign fixtures and with fetch. */
export interface RemoteSession extends StaffSession {
  origin: string;
  /** The Cookie header value, to use the same session from fetch or against another instance. */
  cookie: string;
}

export async function signInAt(origin: string, email: string, password: string): Promise<RemoteSession> {
  const agent = request.agent(origin);
  const response = await agent.post('/api/auth/login').send({ email, password });
  if (response.status !== 200)
    throw new Error(`Sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  const setCookie = response.headers['set-cookie'] as unknown as string[] | string | undefined;
  const csrf = cookieValue(setCookie, 'csrf_token');
  const session = cookieValue(setCookie, 'concord_session');
  return {
    origin,
    agent,
    csrf,
    cookie: `concord_session=${encodeURIComponent(session)}; csrf_token=${encodeURIComponent(csrf)}`,
    post: (path) => agent.post(path).set('x-csrf-token', csrf),
    put: (path) => agent.put(path).set('x-csrf-token', csrf),
    patch: (path) => agent.patch(path).set('x-csrf-token', csrf),
    delete: (path) => agent.delete(path).set('x-csrf-token', csrf),
    get: (path) => agent.get(path),
  };
}

/** Headers that carry a remote session (cookie and CSRF) in a fetch. */
export function sessionHeaders(session: RemoteSession): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrf };
}

export interface PreparedCampaign {
  campaignId: string;
  surveyId: string;
  networkId: string;
  tokens: string[];
}

/** A published survey, `members` members in one network, a campaign to it and every personal link. */
export async function prepareCampaign(
  staff: StaffSession,
  slug: string,
  members: number,
  networkCode = 'SEA',
): Promise<PreparedCampaign> {
  const survey = await publishSurvey(staff, slug);
  const network = (await networksByCode(staff))[networkCode];
  const seeds = makeMembers(slug, members, 'Philippines');
  for (let start = 0; start < seeds.length; start += 500) {
    await addMembers(staff, network.id, seeds.slice(start, start + 500));
  }
  const created = await staff
    .post('/api/campaigns')
    .send({ surveyId: survey.surveyId, version: survey.version, name: `Campaign ${slug}`, networkIds: [network.id] });
  if (created.status !== 201)
    throw new Error(`Could not create the campaign: ${created.status} ${JSON.stringify(created.body)}`);
  const campaignId = (created.body as { id: string }).id;
  const links = await campaignLinks(staff, campaignId);
  if (links.length !== members) throw new Error(`Expected ${members} links, got ${links.length}`);
  return {
    campaignId,
    surveyId: survey.surveyId,
    networkId: network.id,
    tokens: links.map((link) => tokenOf(link.url)),
  };
}

const ROLES_CLEAR = ['yes', 'partly', 'no'] as const;

/** Valid answers that differ from one respondent to the next, so that tallies can be checked. */
export function answersFor(index: number): Record<string, unknown> {
  const rolesClear = ROLES_CLEAR[index % 3];
  return {
    roles_clear: rolesClear,
    ...(rolesClear === 'no' ? { roles_why: `Reason ${index}` } : {}),
    satisfaction: (index % 5) + 1,
    priorities: index % 2 === 0 ? ['training'] : ['exercises', 'equipment'],
  };
}

/** One SQL query on its own short-lived connection (the test's view of the ground truth). */
export async function sql<T = Record<string, unknown>>(
  url: string,
  text: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

/** FAULT_FULL=1 (npm run test:fault -- --full) runs the long versions of the loads. */
export const FULL = process.env.FAULT_FULL === '1';
