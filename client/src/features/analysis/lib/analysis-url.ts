import type { TallyGroupBy, TallyWeighting } from '@concord/shared';

import type { TallyControls } from '../api/get-campaign-tallies';

export const EMPTY_CONTROLS: TallyControls = {
  groupBy: '',
  weighting: 'pooled',
  network: '',
  country: '',
  role: '',
  language: '',
  version: '',
  from: '',
  to: '',
  includePartial: false,
  answerQuestion: '',
  answerValue: '',
};

const GROUP_BY: ReadonlyArray<TallyGroupBy | ''> = ['', 'network', 'country', 'role'];
const WEIGHTING: readonly TallyWeighting[] = ['pooled', 'regional'];
const TEXT_KEYS = ['network', 'country', 'role', 'language', 'version', 'from', 'to'] as const;
const ANSWER_KEY = /^answer\[(.+)\]$/;

/**
 * The analysis view as the page's address keeps it: the campaign, every filter, the grouping and
 * the weighting, written with the API's own parameter names, so a bookmarked or shared address
 * opens the same view. Unknown or malformed values fall back to the defaults.
 */
export function controlsFromSearch(search: URLSearchParams): TallyControls {
  const controls: TallyControls = { ...EMPTY_CONTROLS };
  const groupBy = search.get('groupBy') ?? '';
  if ((GROUP_BY as readonly string[]).includes(groupBy)) controls.groupBy = groupBy as TallyControls['groupBy'];
  const weighting = search.get('weighting') ?? 'pooled';
  if ((WEIGHTING as readonly string[]).includes(weighting)) controls.weighting = weighting as TallyWeighting;
  for (const key of TEXT_KEYS) controls[key] = search.get(key) ?? '';
  controls.includePartial = search.get('includePartial') === 'true';
  for (const [key, value] of search) {
    const match = ANSWER_KEY.exec(key);
    if (match?.[1] !== undefined) {
      controls.answerQuestion = match[1];
      controls.answerValue = value;
    }
  }
  return controls;
}

/** The address of a view: `campaign` first, then only what differs from the defaults. */
export function searchFromControls(campaignId: string | null, controls: TallyControls): URLSearchParams {
  const search = new URLSearchParams();
  if (campaignId !== null) search.set('campaign', campaignId);
  if (controls.groupBy !== '') search.set('groupBy', controls.groupBy);
  if (controls.weighting !== 'pooled') search.set('weighting', controls.weighting);
  for (const key of TEXT_KEYS) if (controls[key] !== '') search.set(key, controls[key]);
  if (controls.includePartial) search.set('includePartial', 'true');
  // A question chosen before its answer stays in the address (with an empty value), so the
  // answer list it enables survives the address update.
  if (controls.answerQuestion !== '') search.set(`answer[${controls.answerQuestion}]`, controls.answerValue);
  return search;
}
