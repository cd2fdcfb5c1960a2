import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type {
  CampaignDto,
  CodingOverviewDto,
  EvidenceDto,
  EvidenceQuery,
  EvidenceWithCurrentDto,
  FreeTextPage,
  NetworkDto,
  SurveyDto,
  TallyResult,
} from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function evidenceKey(charterId: string) {
  return [...charterKey(charterId), 'evidence'] as const;
}

/** Every citation of a charter, each with its figures as cited and now. */
export function useEvidence(charterId: string) {
  return useQuery(
    queryOptions({
      queryKey: evidenceKey(charterId),
      queryFn: () => api.get<EvidenceWithCurrentDto[]>(`/charters/${charterId}/evidence`),
    }),
  );
}

export type CiteEvidenceInput = EvidenceQuery & { clauseId?: string; amendmentId?: string; note?: string };

export function useCiteEvidence(charterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CiteEvidenceInput) => api.post<EvidenceDto>(`/charters/${charterId}/evidence`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evidenceKey(charterId) }),
  });
}

/** What can be cited: the campaigns and surveys the committee may read, and the networks to filter on. */
export function useEvidenceSources() {
  const campaigns = useQuery(
    queryOptions({ queryKey: ['evidence-sources', 'campaigns'], queryFn: () => api.get<CampaignDto[]>('/campaigns') }),
  );
  const surveys = useQuery(
    queryOptions({ queryKey: ['evidence-sources', 'surveys'], queryFn: () => api.get<SurveyDto[]>('/surveys') }),
  );
  const networks = useQuery(
    queryOptions({ queryKey: ['evidence-sources', 'networks'], queryFn: () => api.get<NetworkDto[]>('/networks') }),
  );
  return { campaigns, surveys, networks };
}

/** The query a citation asks, as the tally endpoints read it (the live preview runs the same). */
export function tallyParams(query: Omit<EvidenceQuery, 'question'>): Record<string, string | undefined> {
  const filters = query.filters ?? {};
  return {
    groupBy: query.groupBy,
    weighting: query.weighting === 'regional' ? 'regional' : undefined,
    network: filters.network?.join(','),
    country: filters.country?.join(','),
    role: filters.role?.join(','),
  };
}

/** The tally a citation would freeze, computed by the server now. */
export function useEvidencePreview(query: Omit<EvidenceQuery, 'question'>) {
  const path =
    query.campaignId !== undefined
      ? `/campaigns/${query.campaignId}/tallies`
      : query.surveyId !== undefined
        ? `/surveys/${query.surveyId}/tallies`
        : null;
  return useQuery(
    queryOptions({
      queryKey: ['evidence-preview', path, tallyParams(query)],
      queryFn: () => api.get<TallyResult>(path ?? '', { query: tallyParams(query) }),
      enabled: path !== null,
    }),
  );
}

/** A campaign's free-text questions (those coders code into themes), for theme evidence. */
export function useCodableQuestions(campaignId: string | undefined) {
  return useQuery(
    queryOptions({
      queryKey: ['evidence-sources', 'codable', campaignId],
      queryFn: () => api.get<CodingOverviewDto>(`/campaigns/${campaignId ?? ''}/coding`),
      select: (overview) => overview.questions.map(({ name, title }) => ({ name, title })),
      enabled: campaignId !== undefined,
    }),
  );
}

/** The theme tally a theme citation would freeze, computed by the server now. */
export function useThemeEvidencePreview(query: Omit<EvidenceQuery, 'question'>, question: string) {
  const campaignId = query.campaignId;
  const params = { ...tallyParams(query), question };
  return useQuery(
    queryOptions({
      queryKey: ['evidence-preview', 'themes', campaignId, params],
      queryFn: () => api.get<TallyResult>(`/campaigns/${campaignId ?? ''}/themes/tallies`, { query: params }),
      enabled: campaignId !== undefined && question !== '',
    }),
  );
}

/** Answers that may be quoted: the free text of the cited responses, under the small-cell rule. */
export function useQuoteCandidates(query: Omit<EvidenceQuery, 'question'>, question: string, search: string) {
  const campaignId = query.campaignId;
  const params = { ...tallyParams({ filters: query.filters }), q: search, pageSize: '20' };
  return useQuery(
    queryOptions({
      queryKey: ['evidence-quotes', campaignId, question, params],
      queryFn: () =>
        api.get<FreeTextPage>(`/campaigns/${campaignId ?? ''}/answers/${encodeURIComponent(question)}`, {
          query: params,
        }),
      enabled: campaignId !== undefined && question !== '',
    }),
  );
}
