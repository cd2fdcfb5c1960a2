import type { ElementJson, PageJson, SurveyDefinition } from '@concord/shared';
import { CHARTER_REVIEW_V1 } from './charter-review-v1';
import { choice, tr } from './seed-helpers';

export const CHARTER_REVIEW_V2_CHANGELOG =
  'Reworded the clarity question on National Focal Points; added "mobilise national resources" to their tasks; ' +
  'dropped three Round Table Meetings a year; asked about cooperation between networks; moved the JRC tools question to the experts page.';

function page(definition: SurveyDefinition, name: string): PageJson {
  const found = definition.pages?.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`The seed has no page ${name}`);
  return found;
}

function question(definition: SurveyDefinition, pageName: string, name: string): ElementJson {
  const found = page(definition, pageName).elements?.find((element) => element.name === name);
  if (found === undefined) throw new Error(`The seed has no question ${name}`);
  return found;
}

/** Version 2: version 1 with the changes the secretariats asked for after the pilot. */
function buildVersion2(): SurveyDefinition {
  const definition = structuredClone(CHARTER_REVIEW_V1);

  question(definition, 'focal_points', 'nfp_role_clarity').title = tr(
    'How clearly does the Charter define the responsibilities of the National Focal Point?',
    'Avec quelle clarté la Charte définit-elle les responsabilités du Point focal national ?',
    'Насколько чётко Хартия определяет обязанности национального координатора?',
  );

  question(definition, 'focal_points', 'nfp_tasks').choices?.push(
    choice(
      'mobilise_resources',
      'Mobilise national resources',
      'Mobiliser les ressources nationales',
      'Мобилизовать национальные ресурсы',
    ),
  );

  const frequency = question(definition, 'round_tables', 'rtm_frequency');
  frequency.choices = frequency.choices?.filter((item) => typeof item !== 'object' || item.value !== 'three');

  page(definition, 'round_tables').elements?.push({
    type: 'radiogroup',
    name: 'network_cooperation',
    title: tr(
      'Should the Charter encourage cooperation between regional networks?',
      'La Charte devrait-elle encourager la coopération entre réseaux régionaux ?',
      'Должна ли Хартия поощрять сотрудничество между региональными сетями?',
    ),
    choices: [
      choice(
        'yes',
        'Yes, with joint activities',
        'Oui, par des activités communes',
        'Да, через совместные мероприятия',
      ),
      choice(
        'exchange',
        'Only exchange of information',
        'Seulement un échange d’informations',
        'Только обмен информацией',
      ),
      choice('no', 'No', 'Non', 'Нет'),
    ],
  });

  const partners = page(definition, 'partners');
  const jrcTools = question(definition, 'partners', 'jrc_tools');
  partners.elements = partners.elements?.filter((element) => element !== jrcTools);
  page(definition, 'experts').elements?.push(jrcTools);

  return definition;
}

export const CHARTER_REVIEW_V2: SurveyDefinition = buildVersion2();
