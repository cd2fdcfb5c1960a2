// The networks feature's public surface: other features import from here only.
export { NetworksModule } from './networks.module';
export { NetworksService } from './networks.service';
export { MembersService } from './members.service';
export {
  allNetworkRecords,
  deleteMemberRecords,
  existingMemberIds,
  findMemberRecord,
  insertMembersIfAbsent,
  memberJoin,
  type MemberRecord,
  membersOfNetworks,
  type NetworkRecord,
  type SeededMember,
} from './member-records';
export { type NetworkLabel, networkLabels } from './network-labels';
