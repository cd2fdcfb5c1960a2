import type { StaffRole } from '@concord/shared';
// Runtime values from their own module, not the barrel: the barrel may re-export survey-core code.
import { STAFF_ROLES } from '@concord/shared/auth/roles';

/** Who may open each section. The router guards routes with it and the header hides links with it. */
export const SECTION_ROLES = {
  surveys: STAFF_ROLES,
  // The committee reads campaigns' numbers under Analysis; links, participants and outbox are not theirs.
  campaigns: ['admin', 'secretariat'],
  analysis: STAFF_ROLES,
  coding: STAFF_ROLES,
  charter: STAFF_ROLES,
  networks: ['admin', 'secretariat'],
  users: ['admin'],
  audit: ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Section = keyof typeof SECTION_ROLES;

export interface NavItem {
  section: Section;
  to: `/${Section}`;
  label: string;
  description: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  {
    section: 'surveys',
    to: '/surveys',
    label: 'Surveys',
    description: 'Write and version questionnaires.',
  },
  {
    section: 'campaigns',
    to: '/campaigns',
    label: 'Campaigns',
    description: 'Send a questionnaire to the networks and follow responses.',
  },
  {
    section: 'analysis',
    to: '/analysis',
    label: 'Analysis',
    description: 'Tallies, cross-tabulations and exports.',
  },
  {
    section: 'coding',
    to: '/coding',
    label: 'Coding',
    description: 'Code free-text answers into themes and check coders agree.',
  },
  {
    section: 'charter',
    to: '/charter',
    label: 'Charter',
    description: 'Draft, compare and amend the Charter.',
  },
  {
    section: 'networks',
    to: '/networks',
    label: 'Networks',
    description: 'Regional networks and their members.',
  },
  { section: 'users', to: '/users', label: 'Users', description: 'Staff accounts and roles.' },
  { section: 'audit', to: '/audit', label: 'Audit', description: 'The tamper-evident log of changes.' },
];

export function canOpen(role: StaffRole, section: Section): boolean {
  return (SECTION_ROLES[section] as readonly StaffRole[]).includes(role);
}

export function navItemsFor(role: StaffRole): NavItem[] {
  return NAV_ITEMS.filter((item) => canOpen(role, item.section));
}
