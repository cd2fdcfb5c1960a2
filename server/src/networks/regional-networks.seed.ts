/**
 * The eight regional networks of the EU CBRN Centres of Excellence initiative: seed data for the
 * first consultation, not an assumption of the code. Partner countries are listed where known;
 * every hub's host country is a partner. Further countries arrive with the members imported.
 */
export interface NetworkSeed {
  code: string;
  name: string;
  hub: string;
  countries: string[];
  observers: string[];
}

export const REGIONAL_NETWORKS: readonly NetworkSeed[] = [
  { code: 'AAF', name: 'African Atlantic Façade', hub: 'Rabat', countries: ['Morocco'], observers: [] },
  {
    code: 'CA',
    name: 'Central Asia',
    hub: 'Tashkent',
    countries: ['Afghanistan', 'Kyrgyzstan', 'Mongolia', 'Pakistan', 'Tajikistan', 'Uzbekistan'],
    observers: ['Kazakhstan'],
  },
  { code: 'ECA', name: 'Eastern and Central Africa', hub: 'Nairobi', countries: ['Kenya'], observers: [] },
  {
    code: 'GCC',
    name: 'Gulf Cooperation Council Countries',
    hub: 'Abu Dhabi',
    countries: ['United Arab Emirates'],
    observers: [],
  },
  { code: 'ME', name: 'Middle East', hub: 'Amman', countries: ['Jordan'], observers: [] },
  { code: 'NAS', name: 'North Africa and Sahel', hub: 'Algiers', countries: ['Algeria'], observers: [] },
  { code: 'SEEE', name: 'South East and Eastern Europe', hub: 'Tbilisi', countries: ['Georgia'], observers: [] },
  { code: 'SEA', name: 'South East Asia', hub: 'Manila', countries: ['Philippines'], observers: [] },
];
