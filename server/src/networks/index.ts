// The networks feature's public surface: other features import from here only.
export { NetworksModule } from './networks.module';
export { NetworksService } from './networks.service';
export { MembersService } from './members.service';
export {
  deleteMemberRecords,
  existingMemberIds,
  findMemberRecord,
  memberJoin,
  type MemberRecord,
} from './member-records';
