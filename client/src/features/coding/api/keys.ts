/** Query keys of the coding feature, so mutations invalidate exactly what they change. */
export const codingKeys = {
  all: ['coding'] as const,
  campaigns: () => [...codingKeys.all, 'campaigns'] as const,
  overview: (campaignId: string) => [...codingKeys.all, 'overview', campaignId] as const,
  themes: (surveyId: string, question: string) => [...codingKeys.all, 'themes', surveyId, question] as const,
  answers: (campaignId: string, question: string) => [...codingKeys.all, 'answers', campaignId, question] as const,
  progress: (campaignId: string, question: string) => [...codingKeys.all, 'progress', campaignId, question] as const,
  coders: (campaignId: string, question: string) => [...codingKeys.all, 'coders', campaignId, question] as const,
  agreement: (campaignId: string, question: string, coders: string) =>
    [...codingKeys.all, 'agreement', campaignId, question, coders] as const,
};
