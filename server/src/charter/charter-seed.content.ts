/**
 * The baseline charter seeded for the first consultation, and the drafting history the demo shows.
 * Written for this project as sample content: it describes the regional network model in general
 * terms and is not an official text.
 */
export const SEED_CHARTER_SLUG = 'coe-charter';
export const SEED_CHARTER_TITLE = 'Charter of the CBRN Centres of Excellence Network';

export interface SeedClause {
  id: string;
  heading: string;
  body: string;
}

export const SEED_BASELINE: SeedClause[] = [
  {
    id: 'purpose',
    heading: 'Article 1. Purpose',
    body: `This Charter sets out how the partner countries, the regional secretariats and the supporting institutions work together to reduce chemical, biological, radiological and nuclear (CBRN) risks.

It describes the roles of each participant, the way priorities are agreed and the way projects are prepared, carried out and evaluated.

The Charter is a voluntary framework. It creates no obligations under international law and does not replace national responsibilities.`,
  },
  {
    id: 'principles',
    heading: 'Article 2. Principles',
    body: `Participation is voluntary and demand-driven: each partner country decides which needs it brings forward and which activities it joins.

National ownership guides every activity. Assistance builds on existing national capabilities, legislation and institutions.

The network works in a spirit of transparency, mutual trust and respect for the sovereignty of each partner country.

Activities seek coherence with other international and regional initiatives, so that efforts are not duplicated.`,
  },
  {
    id: 'network-members',
    heading: 'Article 3. The network and its members',
    body: `The network is made up of regional networks of partner countries, each organised around a regional secretariat.

A country becomes a partner by a letter of its government designating a National Focal Point. A country may join a regional network as an observer before it decides to become a partner.

Partner countries may take part in activities of more than one regional network when their needs so require.`,
  },
  {
    id: 'national-focal-points',
    heading: 'Article 4. National Focal Points',
    body: `Each partner country appoints a National Focal Point, who is the main contact of the network in that country.

The National Focal Point coordinates the national team, brings national needs to the regional network and makes sure that the relevant national authorities are informed of activities.

The National Focal Point takes part in the Round Table Meetings of the regional network and may delegate this task to a member of the national team.`,
  },
  {
    id: 'national-teams',
    heading: 'Article 5. National teams',
    body: `Each partner country is encouraged to set up a national team bringing together the authorities and agencies concerned with CBRN risk mitigation: for example health, civil protection, customs, law enforcement, environment and justice.

The national team assesses national needs, for instance through a needs assessment questionnaire, and prepares a national action plan.

The national team follows the projects carried out in the country and shares their results with the authorities concerned.`,
  },
  {
    id: 'regional-secretariats',
    heading: 'Article 6. Regional Secretariats',
    body: `Each regional network is supported by a Regional Secretariat hosted by one of its partner countries.

The Regional Secretariat organises the Round Table Meetings, keeps the partner countries informed, helps them formulate project proposals and follows the implementation of regional projects.

The Regional Secretariat is staffed by a Head of Secretariat and by regional experts. It reports on its activities to the Round Table Meetings.`,
  },
  {
    id: 'round-table-meetings',
    heading: 'Article 7. Round Table Meetings',
    body: `The Round Table Meeting brings together the National Focal Points of a regional network, the Regional Secretariat and the supporting institutions.

It meets at least once a year. It agrees regional priorities, reviews ongoing projects and discusses proposals for new projects.

The Round Table Meeting seeks decisions by consensus. Its conclusions are recorded by the Regional Secretariat and shared with all participants.`,
  },
  {
    id: 'role-eu',
    heading: 'Article 8. Role of the European Union',
    body: `The European Union funds the initiative and sets its overall policy framework.

The European Commission decides on the financing of projects, taking into account the priorities agreed by the regional networks.

The Delegations of the European Union in the partner countries follow the activities of the network and support its contacts with national authorities.`,
  },
  {
    id: 'role-unicri',
    heading: 'Article 9. Role of UNICRI',
    body: `The United Nations Interregional Crime and Justice Research Institute (UNICRI) supports the regional networks and the Regional Secretariats in coordination, in the organisation of meetings and in the development of project proposals.

UNICRI assists the Regional Secretariats in their daily work and helps to maintain the relations between the regional networks.`,
  },
  {
    id: 'role-jrc',
    heading: 'Article 10. Role of the Joint Research Centre',
    body: `The Joint Research Centre of the European Commission provides scientific and technical support to the initiative.

It develops methods and tools such as the needs assessment questionnaire and national action plan guidance, and advises on the technical quality of projects.`,
  },
  {
    id: 'on-site-assistance',
    heading: 'Article 11. On-site assistance',
    body: `On-site technical assistance experts may be deployed to the Regional Secretariats to support partner countries in identifying needs and preparing national action plans.

On-site assistance is provided at the request of the partner countries and in agreement with the Regional Secretariat.`,
  },
  {
    id: 'projects',
    heading: 'Article 12. Projects',
    body: `Projects respond to needs identified by the partner countries and agreed at the Round Table Meetings.

A project proposal states its objectives, the partner countries concerned, the expected results and the way results will be measured.

Projects are carried out by implementing partners selected under the rules of the European Union. The partner countries concerned take part in the steering of each project.`,
  },
  {
    id: 'communication',
    heading: 'Article 13. Communication and information sharing',
    body: `Participants share information on activities and results through the Regional Secretariats and the network's common communication channels.

Information that a partner country considers sensitive is shared only with its agreement.

The network makes its general results known to the public, in the working languages of the regional networks where possible.`,
  },
  {
    id: 'amending-charter',
    heading: 'Article 14. Amending the Charter',
    body: `Any partner country, Regional Secretariat or supporting institution may propose an amendment to this Charter.

Proposals are discussed in the Round Table Meetings and consolidated by a drafting committee representing the regional networks.

An amended Charter takes effect when the regional networks have endorsed it.`,
  },
];

export interface SeedCommittee {
  email: string;
  name: string;
  chair?: boolean;
}

export const SEED_COMMITTEE: SeedCommittee[] = [
  { email: 'committee.tashkent@concord.local', name: 'Committee member, Tashkent', chair: true },
  { email: 'committee.rabat@concord.local', name: 'Committee member, Rabat' },
  { email: 'committee.manila@concord.local', name: 'Committee member, Manila' },
  { email: 'committee.tbilisi@concord.local', name: 'Committee member, Tbilisi' },
];
