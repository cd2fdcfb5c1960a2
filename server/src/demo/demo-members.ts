import type { MemberInput, MemberLanguage } from '@concord/shared';
import { elementAt } from '../common/rows';
import { DemoRandom } from './demo-prng';

interface NetworkPeople {
  language: MemberLanguage;
  /** Partner countries; the first hosts the Regional Secretariat. */
  countries: string[];
  observers: string[];
  firstNames: string[];
  lastNames: string[];
}

/** Partner countries and plausible names per network (demo data, keyed by network code). */
export const DEMO_NETWORKS: Record<string, NetworkPeople> = {
  AAF: {
    language: 'fr',
    countries: ['Morocco', 'Mauritania', 'Senegal', 'Gambia', 'Guinea', "Côte d'Ivoire", 'Togo', 'Benin', 'Gabon'],
    observers: ['Liberia'],
    firstNames: [
      'Amina',
      'Youssef',
      'Fatou',
      'Moussa',
      'Aïssatou',
      'Ibrahima',
      'Khadija',
      'Mamadou',
      'Mariama',
      'Koffi',
      'Awa',
      'Ousmane',
    ],
    lastNames: [
      'Benali',
      'Diallo',
      'Ndiaye',
      'Traoré',
      'Sow',
      'Camara',
      'El Idrissi',
      'Koné',
      'Mensah',
      'Bamba',
      'Fall',
      'Touré',
    ],
  },
  CA: {
    language: 'ru',
    countries: ['Uzbekistan', 'Afghanistan', 'Kyrgyzstan', 'Mongolia', 'Pakistan', 'Tajikistan'],
    observers: ['Kazakhstan'],
    firstNames: [
      'Aziz',
      'Dilnoza',
      'Bakyt',
      'Gulnara',
      'Farrukh',
      'Nodira',
      'Rustam',
      'Ainura',
      'Batbayar',
      'Zarina',
      'Imran',
      'Saodat',
    ],
    lastNames: [
      'Karimov',
      'Rakhimova',
      'Asanov',
      'Nazarova',
      'Tursunov',
      'Bekova',
      'Sharipov',
      'Osmonova',
      'Ganbold',
      'Yusupova',
      'Khan',
      'Safarov',
    ],
  },
  ECA: {
    language: 'en',
    countries: ['Kenya', 'Uganda', 'Tanzania', 'Ethiopia', 'Rwanda', 'Burundi', 'Seychelles', 'Zambia', 'Malawi'],
    observers: ['DR Congo'],
    firstNames: [
      'Wanjiru',
      'Daniel',
      'Grace',
      'Joseph',
      'Amani',
      'Esther',
      'Samuel',
      'Faith',
      'Tesfaye',
      'Neema',
      'Patrick',
      'Mercy',
    ],
    lastNames: [
      'Otieno',
      'Mwangi',
      'Nakato',
      'Mugisha',
      'Kamau',
      'Haile',
      'Nyirenda',
      'Banda',
      'Uwimana',
      'Mushi',
      'Ochieng',
      'Phiri',
    ],
  },
  GCC: {
    language: 'ar',
    countries: ['United Arab Emirates', 'Kuwait', 'Oman', 'Qatar', 'Bahrain', 'Saudi Arabia'],
    observers: [],
    firstNames: [
      'Fatima',
      'Omar',
      'Mariam',
      'Khalid',
      'Noura',
      'Saeed',
      'Aisha',
      'Hamad',
      'Latifa',
      'Sultan',
      'Hessa',
      'Rashid',
    ],
    lastNames: [
      'Al Mansoori',
      'Al Suwaidi',
      'Al Sabah',
      'Al Balushi',
      'Al Thani',
      'Al Khalifa',
      'Al Harbi',
      'Al Mazrouei',
      'Al Hinai',
      'Al Kaabi',
      'Al Dosari',
      'Al Shamsi',
    ],
  },
  ME: {
    language: 'ar',
    countries: ['Jordan', 'Lebanon', 'Iraq'],
    observers: [],
    firstNames: ['Rania', 'Omar', 'Layla', 'Ahmad', 'Hiba', 'Karim', 'Nour', 'Samir', 'Dina', 'Tariq', 'Yara', 'Ziad'],
    lastNames: [
      'Haddad',
      'Khoury',
      'Nasser',
      'Saleh',
      'Haddadin',
      'Jaber',
      'Aziz',
      'Mansour',
      'Fakhoury',
      'Hussein',
      'Kassem',
      'Obeidat',
    ],
  },
  NAS: {
    language: 'fr',
    countries: ['Algeria', 'Tunisia', 'Libya', 'Mali', 'Niger', 'Burkina Faso', 'Chad'],
    observers: [],
    firstNames: [
      'Karim',
      'Nadia',
      'Sofiane',
      'Leïla',
      'Abdoulaye',
      'Salima',
      'Mehdi',
      'Aminata',
      'Hamid',
      'Rokia',
      'Yacine',
      'Souad',
    ],
    lastNames: [
      'Belkacem',
      'Ben Salah',
      'Haddad',
      'Keïta',
      'Issoufou',
      'Ouédraogo',
      'Mahamat',
      'Boudiaf',
      'Trabelsi',
      'Coulibaly',
      'Zerrouki',
      'Idriss',
    ],
  },
  SEEE: {
    language: 'ru',
    countries: [
      'Georgia',
      'Armenia',
      'Moldova',
      'Ukraine',
      'Serbia',
      'Montenegro',
      'North Macedonia',
      'Albania',
      'Bosnia and Herzegovina',
    ],
    observers: [],
    firstNames: [
      'Nino',
      'Giorgi',
      'Anna',
      'Armen',
      'Olena',
      'Ion',
      'Milica',
      'Marko',
      'Elira',
      'Dragan',
      'Tamar',
      'Andrii',
    ],
    lastNames: [
      'Beridze',
      'Petrosyan',
      'Ceban',
      'Kovalenko',
      'Jovanović',
      'Popović',
      'Stojanovski',
      'Hoxha',
      'Hodžić',
      'Kapanadze',
      'Grigoryan',
      'Shevchenko',
    ],
  },
  SEA: {
    language: 'en',
    countries: [
      'Philippines',
      'Cambodia',
      'Indonesia',
      'Lao PDR',
      'Malaysia',
      'Myanmar',
      'Singapore',
      'Thailand',
      'Viet Nam',
    ],
    observers: ['Brunei Darussalam'],
    firstNames: [
      'Maria',
      'Jose',
      'Sokha',
      'Siti',
      'Somchai',
      'Nguyen Thi',
      'Aung',
      'Wei Ling',
      'Ramon',
      'Dewi',
      'Kanya',
      'Minh',
    ],
    lastNames: [
      'Santos',
      'Reyes',
      'Chan',
      'Rahman',
      'Wongsakul',
      'Hoa',
      'Min',
      'Tan',
      'Cruz',
      'Sari',
      'Phommachanh',
      'Tran',
    ],
  },
};

export interface DemoMember extends MemberInput {
  networkCode: string;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}

/**
 * Members for one network: a National Focal Point and two national team members per partner
 * country, two secretariat staff in the hub country, one observer per observer country.
 */
export function demoMembers(networkCode: string, random: DemoRandom): DemoMember[] {
  const people = DEMO_NETWORKS[networkCode];
  if (people === undefined) return [];
  const used = new Set<string>();
  const person = (country: string, role: string): DemoMember => {
    for (;;) {
      const name = `${random.pick(people.firstNames)} ${random.pick(people.lastNames)}`;
      if (used.has(name)) continue;
      used.add(name);
      // A subdomain per network keeps demo addresses apart from anything imported later.
      const [first = '', ...rest] = name.split(' ');
      const email = `${slug(first)}.${slug(rest.join(''))}@${networkCode.toLowerCase()}.example.org`;
      const language = people.language !== 'en' && random.chance(0.15) ? 'en' : people.language;
      return { networkCode, name, email, country, role, language };
    }
  };
  const members: DemoMember[] = [];
  for (const country of people.countries) {
    members.push(
      person(country, 'National Focal Point'),
      person(country, 'national team'),
      person(country, 'national team'),
    );
  }
  // The Secretariat sits in the network's first country.
  const seat = elementAt(people.countries, 0, `The countries of ${networkCode}`);
  members.push(person(seat, 'secretariat'), person(seat, 'secretariat'));
  for (const country of people.observers) members.push(person(country, 'observer'));
  return members;
}
