// The responses feature's public surface: other features import from here only.
export { ResponsesModule } from './responses.module';
export { ResponseProgressService } from './response-progress.service';
export { ResponseReadsService, type TextAnswerRow } from './response-reads.service';
export {
  answeredInvitations,
  deleteResponsesOfInvitations,
  detachResponsesOfCampaign,
  detachResponsesOfInvitations,
  responsesOfInvitations,
} from './response-records';
export {
  completeResponsesFactInput,
  countResponsesOfCampaign,
  forEachResponseOfCampaign,
  forEachResponseIdInGroupOrder,
  type ResponseFactRow,
  responseVersionsOfCampaign,
  type SnapshotHorizon,
} from './response-fact-queries';
export {
  countFilteredResponses,
  countResponsesOfCampaignUpTo,
  type ExportedResponseRow,
  filteredFreeTexts,
  filteredResponseGroups,
  filteredResponseIdsAmong,
  filteredResponsesAfter,
  filteredResponsesAsFacts,
  type FreeTextPageQuery,
  type FreeTextRow,
  type GroupedResponse,
  type ResponseFilter,
} from './filtered-response-queries';
export { type HistoricResponse, insertHistoricResponses } from './response-bulk-insert';
