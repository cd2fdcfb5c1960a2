/** How far a campaign's responses got in one network: "started" includes the completed ones. */
export interface NetworkResponseCounts {
  started: number;
  completed: number;
}

/**
 * What campaigns need to know about responses, which the responses feature owns and provides
 * (see its ResponseCountsModule). Declared here, not imported from responses, because responses
 * resolves its links through campaigns: the dependency points one way only.
 */
export abstract class ResponseCounts {
  /** Complete responses per campaign, through any link. */
  abstract completedCounts(campaignIds: readonly string[]): Promise<Map<string, number>>;

  /** Started and completed responses of one campaign per network; networks without any are absent. */
  abstract byNetwork(campaignId: string): Promise<Map<string, NetworkResponseCounts>>;
}
