/** What the current user may do on the charter's amendments screen. */
export interface AmendmentRights {
  /** Propose, support or oppose, and comment: the committee and administrators. */
  canWrite: boolean;
  /** Accept or reject: the chairs and administrators. */
  canDecide: boolean;
  /** Designate the chairs. */
  isAdmin: boolean;
}
