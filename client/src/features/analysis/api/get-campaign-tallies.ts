import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { TallyGroupBy, TallyResult, TallyWeighting } from '@concord/shared';

import { api, type QueryParams } from '@/lib/api-client';

export interface TallyControls {
  groupBy: TallyGroupBy | '';
  weighting: TallyWeighting;
  network: string;
  country: string;
  role: string;
  language: string;
  /** Questionnaire versions, comma-separated. */
  version: string;
  from: string;
  to: string;
  includePartial: boolean;
  /** One answer filter: responses whose answer to this choice question includes `answerValue`. */
  answerQuestion: string;
  answerValue: string;
}

export function tallyQueryParams(controls: TallyControls): QueryParams {
  return {
    groupBy: controls.groupBy,
    weighting: controls.weighting === 'pooled' ? undefined : controls.weighting,
    network: controls.network,
    country: controls.country,
    role: controls.role,
    language: controls.language,
    version: controls.version,
    from: controls.from,
    to: controls.to,
    includePartial: controls.includePartial ? 'true' : undefined,
    ...(controls.answerQuestion !== '' && controls.answerValue !== ''
      ? { [`answer[${controls.answerQuestion}]`]: controls.answerValue }
      : {}),
  };
}

/** The filters alone (what chooses the responses), for free text and response exports. */
export function filterQueryParams(controls: TallyControls): QueryParams {
  return tallyQueryParams({ ...controls, groupBy: '', weighting: 'pooled' });
}

export function getCampaignTallies(campaignId: string, controls: TallyControls): Promise<TallyResult> {
  return api.get<TallyResult>(`/campaigns/${campaignId}/tallies`, { query: tallyQueryParams(controls) });
}

export function useCampaignTallies(campaignId: string | null, controls: TallyControls) {
  return useQuery(
    queryOptions({
      queryKey: ['analysis', 'tallies', campaignId, controls],
      queryFn: () => getCampaignTallies(campaignId ?? '', controls),
      enabled: campaignId !== null,
      placeholderData: keepPreviousData,
    }),
  );
}
