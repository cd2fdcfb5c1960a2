import type { SurveyDefinition } from '@concord/shared';
import { choice, tr } from './seed-helpers';

export const CHARTER_REVIEW_SLUG = 'charter-review';
export const CHARTER_REVIEW_TITLE = 'Review of the CoE Charter: roles and responsibilities';

const AGREEMENT = [
  choice('regularly', 'Represented regularly', 'Représenté régulièrement', 'Представлено регулярно'),
  choice('occasionally', 'Represented occasionally', 'Représenté occasionnellement', 'Представлено иногда'),
  choice('absent', 'Not represented', 'Non représenté', 'Не представлено'),
];
const SATISFACTION = [
  choice(1, 'Very dissatisfied', 'Très insatisfait', 'Совсем не удовлетворён'),
  choice(2, 'Dissatisfied', 'Insatisfait', 'Не удовлетворён'),
  choice(3, 'Neutral', 'Neutre', 'Нейтрально'),
  choice(4, 'Satisfied', 'Satisfait', 'Удовлетворён'),
  choice(5, 'Very satisfied', 'Très satisfait', 'Полностью удовлетворён'),
];

/** Version 1 of the seeded questionnaire, as first published. */
export const CHARTER_REVIEW_V1: SurveyDefinition = {
  locale: 'en',
  title: tr(
    'Review of the CoE Charter: roles and responsibilities',
    'Révision de la Charte des CdE : rôles et responsabilités',
    'Пересмотр Хартии ЦП: роли и обязанности',
    'مراجعة ميثاق مراكز التميز: الأدوار والمسؤوليات',
  ),
  description: tr(
    'This questionnaire collects the views of network members on how the Charter describes roles in the CBRN Centres of Excellence initiative.',
    'Ce questionnaire recueille l’avis des membres des réseaux sur la manière dont la Charte décrit les rôles au sein de l’initiative des Centres d’excellence NRBC.',
    'Этот опросник собирает мнения членов сетей о том, как Хартия описывает роли в инициативе Центров передового опыта ХБРЯ.',
  ),
  completedHtml: tr(
    '<h3>Thank you.</h3><p>Your answers will inform the revision of the Charter.</p>',
    '<h3>Merci.</h3><p>Vos réponses nourriront la révision de la Charte.</p>',
    '<h3>Спасибо.</h3><p>Ваши ответы будут учтены при пересмотре Хартии.</p>',
  ),
  showProgressBar: 'top',
  pages: [
    {
      name: 'respondent',
      title: tr('About you', 'À votre sujet', 'О вас', 'معلومات عنك'),
      elements: [
        {
          type: 'radiogroup',
          name: 'respondent_role',
          title: tr(
            'What is your role in the network?',
            'Quel est votre rôle dans le réseau ?',
            'Какова ваша роль в сети?',
            'ما هو دورك في الشبكة؟',
          ),
          isRequired: true,
          showOtherItem: true,
          choices: [
            choice(
              'nfp',
              'National Focal Point',
              'Point focal national',
              'Национальный координатор',
              'نقطة الاتصال الوطنية',
            ),
            choice(
              'team',
              'Member of a national CBRN team',
              'Membre d’une équipe nationale NRBC',
              'Член национальной группы ХБРЯ',
              'عضو في فريق وطني',
            ),
            choice(
              'secretariat',
              'Regional Secretariat staff',
              'Personnel du Secrétariat régional',
              'Сотрудник регионального секретариата',
              'موظف في الأمانة الإقليمية',
            ),
            choice(
              'expert',
              'On-site assistance expert',
              'Expert d’assistance sur site',
              'Эксперт по помощи на месте',
              'خبير المساعدة الميدانية',
            ),
            choice('observer', 'Observer', 'Observateur', 'Наблюдатель', 'مراقب'),
          ],
        },
        {
          type: 'dropdown',
          name: 'network',
          title: tr(
            'Which regional network do you belong to?',
            'À quel réseau régional appartenez-vous ?',
            'К какой региональной сети вы относитесь?',
          ),
          isRequired: true,
          choices: [
            choice('AAF', 'African Atlantic Façade', 'Façade atlantique africaine', 'Атлантическое побережье Африки'),
            choice('CA', 'Central Asia', 'Asie centrale', 'Центральная Азия'),
            choice(
              'ECA',
              'Eastern and Central Africa',
              'Afrique de l’Est et centrale',
              'Восточная и Центральная Африка',
            ),
            choice(
              'GCC',
              'Gulf Cooperation Council Countries',
              'Pays du Conseil de coopération du Golfe',
              'Страны Совета сотрудничества стран Залива',
            ),
            choice('ME', 'Middle East', 'Moyen-Orient', 'Ближний Восток'),
            choice('NAS', 'North Africa and Sahel', 'Afrique du Nord et Sahel', 'Северная Африка и Сахель'),
            choice(
              'SEEE',
              'South East and Eastern Europe',
              'Europe du Sud-Est et de l’Est',
              'Юго-Восточная и Восточная Европа',
            ),
            choice('SEA', 'South East Asia', 'Asie du Sud-Est', 'Юго-Восточная Азия'),
          ],
        },
        {
          type: 'text',
          name: 'country',
          maxLength: 100,
          title: tr(
            'Which country do you work for?',
            'Pour quel pays travaillez-vous ?',
            'На какую страну вы работаете?',
          ),
        },
        {
          type: 'text',
          name: 'years_involved',
          inputType: 'number',
          min: 0,
          max: 30,
          title: tr(
            'For how many years have you been involved in the initiative?',
            'Depuis combien d’années participez-vous à l’initiative ?',
            'Сколько лет вы участвуете в инициативе?',
          ),
        },
        {
          type: 'tagbox',
          name: 'working_languages',
          title: tr(
            'In which languages do you work with the network?',
            'Dans quelles langues travaillez-vous avec le réseau ?',
            'На каких языках вы работаете с сетью?',
          ),
          choices: [
            choice('en', 'English', 'Anglais', 'Английский'),
            choice('fr', 'French', 'Français', 'Французский'),
            choice('ru', 'Russian', 'Russe', 'Русский'),
            choice('ar', 'Arabic', 'Arabe', 'Арабский'),
          ],
        },
        {
          type: 'boolean',
          name: 'attended_rtm',
          title: tr(
            'Have you attended a Round Table Meeting?',
            'Avez-vous participé à une réunion de table ronde ?',
            'Участвовали ли вы в совещании за круглым столом?',
          ),
        },
      ],
    },
    {
      name: 'focal_points',
      title: tr(
        'National Focal Points',
        'Points focaux nationaux',
        'Национальные координаторы',
        'نقاط الاتصال الوطنية',
      ),
      elements: [
        {
          type: 'rating',
          name: 'nfp_role_clarity',
          title: tr(
            'How clearly does the Charter describe the role of the National Focal Point?',
            'Avec quelle clarté la Charte décrit-elle le rôle du Point focal national ?',
            'Насколько ясно Хартия описывает роль национального координатора?',
          ),
          rateMin: 1,
          rateMax: 5,
          minRateDescription: tr('Not clearly at all', 'Pas clairement du tout', 'Совсем неясно'),
          maxRateDescription: tr('Very clearly', 'Très clairement', 'Очень ясно'),
          isRequired: true,
        },
        {
          type: 'checkbox',
          name: 'nfp_tasks',
          title: tr(
            'Which tasks should the Charter assign to the National Focal Point?',
            'Quelles tâches la Charte devrait-elle confier au Point focal national ?',
            'Какие задачи Хартия должна возложить на национального координатора?',
          ),
          showNoneItem: true,
          choices: [
            choice(
              'coordinate_team',
              'Coordinate the national CBRN team',
              'Coordonner l’équipe nationale NRBC',
              'Координировать национальную группу ХБРЯ',
            ),
            choice(
              'liaise_secretariat',
              'Liaise with the Regional Secretariat',
              'Assurer la liaison avec le Secrétariat régional',
              'Поддерживать связь с региональным секретариатом',
            ),
            choice(
              'identify_needs',
              'Identify national needs',
              'Identifier les besoins nationaux',
              'Определять национальные потребности',
            ),
            choice(
              'endorse_projects',
              'Endorse project proposals',
              'Approuver les propositions de projets',
              'Одобрять проектные предложения',
            ),
            choice('report_progress', 'Report on progress', 'Rendre compte des progrès', 'Отчитываться о ходе работы'),
          ],
        },
        {
          type: 'radiogroup',
          name: 'nfp_appointment',
          title: tr(
            'Is the appointment of your National Focal Point formalised by an official act?',
            'La nomination de votre Point focal national est-elle formalisée par un acte officiel ?',
            'Оформлено ли назначение вашего национального координатора официальным актом?',
          ),
          showDontKnowItem: true,
          choices: [
            choice('yes', 'Yes', 'Oui', 'Да'),
            choice('in_progress', 'In progress', 'En cours', 'В процессе'),
            choice('no', 'No', 'Non', 'Нет'),
          ],
        },
        {
          type: 'comment',
          name: 'nfp_appointment_obstacles',
          visibleIf: "{nfp_appointment} = 'no'",
          maxLength: 2000,
          title: tr(
            'What prevents a formal appointment?',
            'Qu’est-ce qui empêche une nomination formelle ?',
            'Что препятствует официальному назначению?',
          ),
        },
        {
          type: 'dropdown',
          name: 'nfp_time_share',
          title: tr(
            'What share of their working time can the National Focal Point devote to the role?',
            'Quelle part de son temps de travail le Point focal national peut-il consacrer à ce rôle ?',
            'Какую долю рабочего времени национальный координатор может уделять этой роли?',
          ),
          choices: [
            choice('lt10', 'Less than 10 %', 'Moins de 10 %', 'Менее 10 %'),
            choice('10to25', '10 to 25 %', '10 à 25 %', 'От 10 до 25 %'),
            choice('25to50', '25 to 50 %', '25 à 50 %', 'От 25 до 50 %'),
            choice('gt50', 'More than 50 %', 'Plus de 50 %', 'Более 50 %'),
          ],
        },
      ],
    },
    {
      name: 'national_teams',
      title: tr('National CBRN teams', 'Équipes nationales NRBC', 'Национальные группы ХБРЯ'),
      elements: [
        {
          type: 'matrix',
          name: 'team_agencies',
          title: tr(
            'How are these bodies represented in your national CBRN team?',
            'Comment ces organismes sont-ils représentés dans votre équipe nationale NRBC ?',
            'Как эти органы представлены в вашей национальной группе ХБРЯ?',
          ),
          columns: AGREEMENT,
          rows: [
            choice('health', 'Public health', 'Santé publique', 'Здравоохранение'),
            choice('civil_protection', 'Civil protection', 'Protection civile', 'Гражданская защита'),
            choice(
              'customs',
              'Customs and border control',
              'Douanes et contrôle des frontières',
              'Таможня и пограничный контроль',
            ),
            choice('law_enforcement', 'Law enforcement', 'Forces de l’ordre', 'Правоохранительные органы'),
            choice('environment', 'Environment', 'Environnement', 'Окружающая среда'),
            choice('academia', 'Academia and research', 'Universités et recherche', 'Наука и исследования'),
          ],
        },
        {
          type: 'radiogroup',
          name: 'team_meeting_frequency',
          title: tr(
            'How often does your national CBRN team meet?',
            'À quelle fréquence votre équipe nationale NRBC se réunit-elle ?',
            'Как часто собирается ваша национальная группа ХБРЯ?',
          ),
          choices: [
            choice('monthly', 'Monthly', 'Tous les mois', 'Ежемесячно'),
            choice('quarterly', 'Quarterly', 'Tous les trimestres', 'Ежеквартально'),
            choice('yearly', 'Once or twice a year', 'Une ou deux fois par an', 'Один-два раза в год'),
            choice('never', 'It does not meet', 'Elle ne se réunit pas', 'Не собирается'),
          ],
        },
        {
          type: 'boolean',
          name: 'team_needs_assessment',
          title: tr(
            'Has your national team completed a needs assessment?',
            'Votre équipe nationale a-t-elle réalisé une évaluation des besoins ?',
            'Провела ли ваша национальная группа оценку потребностей?',
          ),
        },
        {
          type: 'radiogroup',
          name: 'team_action_plan',
          visibleIf: '{team_needs_assessment} = true',
          title: tr(
            'Has a national CBRN action plan followed from it?',
            'Un plan d’action national NRBC en a-t-il découlé ?',
            'Был ли на её основе принят национальный план действий ХБРЯ?',
          ),
          choices: [
            choice('adopted', 'Yes, adopted', 'Oui, adopté', 'Да, принят'),
            choice('draft', 'A draft exists', 'Un projet existe', 'Есть проект'),
            choice('no', 'No', 'Non', 'Нет'),
          ],
        },
      ],
    },
    {
      name: 'secretariats',
      title: tr(
        'Regional Secretariats and their heads',
        'Secrétariats régionaux et leurs chefs',
        'Региональные секретариаты и их руководители',
      ),
      elements: [
        {
          type: 'matrixdropdown',
          name: 'secretariat_functions',
          title: tr(
            'Rate the functions of the Regional Secretariat',
            'Évaluez les fonctions du Secrétariat régional',
            'Оцените функции регионального секретариата',
          ),
          columns: [
            {
              name: 'importance',
              cellType: 'rating',
              rateMin: 1,
              rateMax: 5,
              title: tr('Importance', 'Importance', 'Важность'),
            },
            {
              name: 'performance',
              cellType: 'dropdown',
              title: tr('Performance so far', 'Performance à ce jour', 'Выполнение до сих пор'),
              choices: [
                choice('good', 'Good', 'Bonne', 'Хорошо'),
                choice('adequate', 'Adequate', 'Suffisante', 'Удовлетворительно'),
                choice('poor', 'Poor', 'Insuffisante', 'Плохо'),
              ],
            },
            { name: 'remark', cellType: 'text', title: tr('Remark', 'Remarque', 'Замечание') },
          ],
          rows: [
            choice(
              'needs_assessment',
              'Facilitating needs assessments',
              'Faciliter les évaluations des besoins',
              'Содействие оценке потребностей',
            ),
            choice(
              'project_design',
              'Supporting project design',
              'Soutenir la conception de projets',
              'Поддержка разработки проектов',
            ),
            choice(
              'round_tables',
              'Organising Round Table Meetings',
              'Organiser les tables rondes',
              'Организация совещаний за круглым столом',
            ),
            choice(
              'communication',
              'Communication across the network',
              'Communication au sein du réseau',
              'Коммуникация внутри сети',
            ),
          ],
        },
        {
          type: 'radiogroup',
          name: 'head_role',
          title: tr(
            'How should the Charter describe the Head of the Regional Secretariat?',
            'Comment la Charte devrait-elle décrire le chef du Secrétariat régional ?',
            'Как Хартия должна описывать руководителя регионального секретариата?',
          ),
          choices: [
            choice(
              'coordinator',
              'As a coordinator among partner countries',
              'Comme coordinateur entre pays partenaires',
              'Как координатора между странами-партнёрами',
            ),
            choice(
              'facilitator',
              'As a facilitator of national initiatives',
              'Comme facilitateur des initiatives nationales',
              'Как посредника национальных инициатив',
            ),
            choice(
              'representative',
              'As the representative of the region',
              'Comme représentant de la région',
              'Как представителя региона',
            ),
          ],
        },
        {
          type: 'ranking',
          name: 'secretariat_staffing',
          title: tr(
            'Rank the staffing priorities of the Regional Secretariat',
            'Classez les priorités de recrutement du Secrétariat régional',
            'Расставьте приоритеты в штатном расписании регионального секретариата',
          ),
          choices: [
            choice('project_officer', 'Project officer', 'Chargé de projets', 'Сотрудник по проектам'),
            choice(
              'communication_officer',
              'Communication officer',
              'Chargé de communication',
              'Сотрудник по коммуникациям',
            ),
            choice('finance', 'Administration and finance', 'Administration et finances', 'Администрация и финансы'),
            choice('technical_expert', 'Technical expert', 'Expert technique', 'Технический эксперт'),
          ],
        },
        {
          type: 'boolean',
          name: 'head_rotation',
          title: tr(
            'Should the Head of the Regional Secretariat rotate among partner countries?',
            'Le chef du Secrétariat régional devrait-il être désigné à tour de rôle parmi les pays partenaires ?',
            'Должен ли пост руководителя регионального секретариата переходить между странами-партнёрами?',
          ),
        },
        {
          type: 'dropdown',
          name: 'head_rotation_period',
          visibleIf: '{head_rotation} = true',
          isRequired: true,
          title: tr('After how many years?', 'Après combien d’années ?', 'Через сколько лет?'),
          choices: [2, 3, 4, 5],
        },
      ],
    },
    {
      name: 'experts',
      title: tr('On-site assistance experts', 'Experts d’assistance sur site', 'Эксперты по помощи на месте'),
      elements: [
        {
          type: 'rating',
          name: 'osa_usefulness',
          title: tr(
            'How useful has on-site assistance been for your country?',
            'Quelle a été l’utilité de l’assistance sur site pour votre pays ?',
            'Насколько полезной была помощь на месте для вашей страны?',
          ),
          rateMin: 1,
          rateMax: 5,
        },
        {
          type: 'checkbox',
          name: 'osa_areas',
          title: tr(
            'In which areas is on-site assistance most needed?',
            'Dans quels domaines l’assistance sur site est-elle la plus nécessaire ?',
            'В каких областях помощь на месте нужнее всего?',
          ),
          showOtherItem: true,
          maxSelectedChoices: 3,
          choices: [
            choice('legal', 'Legal framework', 'Cadre juridique', 'Правовая база'),
            choice('needs', 'Needs assessment', 'Évaluation des besoins', 'Оценка потребностей'),
            choice('action_plan', 'National action plan', 'Plan d’action national', 'Национальный план действий'),
            choice('exercises', 'Table-top exercises', 'Exercices sur table', 'Штабные учения'),
          ],
        },
        {
          type: 'text',
          name: 'osa_duration',
          inputType: 'number',
          min: 1,
          max: 60,
          title: tr(
            'Ideal length of a mission, in working days',
            'Durée idéale d’une mission, en jours ouvrables',
            'Оптимальная продолжительность миссии в рабочих днях',
          ),
        },
      ],
    },
    {
      name: 'partners',
      title: tr(
        'UNICRI, the European Commission and the JRC',
        'L’UNICRI, la Commission européenne et le JRC',
        'ЮНИКРИ, Европейская комиссия и ОИЦ',
      ),
      elements: [
        {
          type: 'comment',
          name: 'unicri_coordinator_role',
          maxLength: 2000,
          title: tr(
            'How should the Charter describe the role of the UNICRI Regional Coordinator?',
            'Comment la Charte devrait-elle décrire le rôle du coordinateur régional de l’UNICRI ?',
            'Как Хартия должна описывать роль регионального координатора ЮНИКРИ?',
          ),
        },
        {
          type: 'matrix',
          name: 'partner_satisfaction',
          title: tr(
            'How satisfied are you with the support of each partner?',
            'Quel est votre degré de satisfaction quant au soutien de chaque partenaire ?',
            'Насколько вы удовлетворены поддержкой каждого партнёра?',
          ),
          columns: SATISFACTION,
          rows: [
            choice(
              'ec',
              'European Commission (policy guidance)',
              'Commission européenne (orientation politique)',
              'Европейская комиссия (политическое руководство)',
            ),
            choice(
              'jrc',
              'Joint Research Centre (technical support)',
              'Centre commun de recherche (appui technique)',
              'Объединённый исследовательский центр (техническая поддержка)',
            ),
            choice('unicri', 'UNICRI (implementation)', 'UNICRI (mise en œuvre)', 'ЮНИКРИ (реализация)'),
          ],
        },
        {
          type: 'tagbox',
          name: 'jrc_tools',
          title: tr(
            'Which JRC tools has your country used?',
            'Quels outils du JRC votre pays a-t-il utilisés ?',
            'Какими инструментами ОИЦ пользовалась ваша страна?',
          ),
          showNoneItem: true,
          choices: [
            choice(
              'naq',
              'Needs assessment questionnaire',
              'Questionnaire d’évaluation des besoins',
              'Опросник оценки потребностей',
            ),
            choice(
              'nap_guide',
              'Action plan guidelines',
              'Lignes directrices pour le plan d’action',
              'Руководство по плану действий',
            ),
            choice(
              'rm_toolkit',
              'Risk mitigation toolkit',
              'Boîte à outils d’atténuation des risques',
              'Набор инструментов снижения рисков',
            ),
          ],
        },
        {
          type: 'radiogroup',
          name: 'governance_detail',
          title: tr(
            'Should the Charter describe the governance of the initiative in more detail?',
            'La Charte devrait-elle décrire plus en détail la gouvernance de l’initiative ?',
            'Должна ли Хартия подробнее описывать управление инициативой?',
          ),
          choices: [
            choice('more', 'More detail', 'Plus de détails', 'Подробнее'),
            choice('same', 'As it is', 'Tel quel', 'Как сейчас'),
            choice('less', 'Less detail', 'Moins de détails', 'Менее подробно'),
          ],
        },
      ],
    },
    {
      name: 'round_tables',
      title: tr('Round Table Meetings', 'Tables rondes', 'Совещания за круглым столом'),
      elements: [
        {
          type: 'dropdown',
          name: 'rtm_frequency',
          title: tr(
            'How often should Round Table Meetings take place?',
            'À quelle fréquence les tables rondes devraient-elles avoir lieu ?',
            'Как часто должны проводиться совещания за круглым столом?',
          ),
          choices: [
            choice('once', 'Once a year', 'Une fois par an', 'Раз в год'),
            choice('twice', 'Twice a year', 'Deux fois par an', 'Два раза в год'),
            choice('three', 'Three times a year', 'Trois fois par an', 'Три раза в год'),
          ],
        },
        {
          type: 'radiogroup',
          name: 'rtm_format',
          title: tr(
            'Which format suits Round Table Meetings best?',
            'Quel format convient le mieux aux tables rondes ?',
            'Какой формат лучше всего подходит для совещаний за круглым столом?',
          ),
          choices: [
            choice('in_person', 'In person', 'En présentiel', 'Очно'),
            choice('online', 'Online', 'En ligne', 'Онлайн'),
            choice('hybrid', 'Hybrid', 'Hybride', 'Смешанный'),
          ],
        },
        {
          type: 'boolean',
          name: 'rtm_conclusions',
          title: tr(
            'Should Round Table Meetings adopt written conclusions?',
            'Les tables rondes devraient-elles adopter des conclusions écrites ?',
            'Должны ли совещания за круглым столом принимать письменные выводы?',
          ),
        },
        {
          type: 'paneldynamic',
          name: 'rtm_topics',
          title: tr(
            'Propose topics for future Round Table Meetings',
            'Proposez des thèmes pour les prochaines tables rondes',
            'Предложите темы будущих совещаний за круглым столом',
          ),
          maxPanelCount: 5,
          panelCount: 0,
          templateElements: [
            { type: 'text', name: 'topic', isRequired: true, maxLength: 200, title: tr('Topic', 'Thème', 'Тема') },
            {
              type: 'dropdown',
              name: 'topic_priority',
              title: tr('Priority', 'Priorité', 'Приоритет'),
              choices: [
                choice('high', 'High', 'Haute', 'Высокий'),
                choice('medium', 'Medium', 'Moyenne', 'Средний'),
                choice('low', 'Low', 'Basse', 'Низкий'),
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'covid',
      title: tr('Lessons of the COVID-19 period', 'Enseignements de la période de COVID-19', 'Уроки периода COVID-19'),
      elements: [
        {
          type: 'rating',
          name: 'covid_disruption',
          title: tr(
            'How much did the COVID-19 period disrupt network activities?',
            'Dans quelle mesure la période de COVID-19 a-t-elle perturbé les activités du réseau ?',
            'Насколько период COVID-19 нарушил работу сети?',
          ),
          rateMin: 1,
          rateMax: 5,
          minRateDescription: tr('Not at all', 'Pas du tout', 'Совсем нет'),
          maxRateDescription: tr('Severely', 'Fortement', 'Сильно'),
        },
        {
          type: 'checkbox',
          name: 'covid_lessons',
          title: tr(
            'Which lessons of that period should the Charter reflect?',
            'Quels enseignements de cette période la Charte devrait-elle refléter ?',
            'Какие уроки того периода должна отразить Хартия?',
          ),
          showOtherItem: true,
          choices: [
            choice(
              'online_meetings',
              'Online meetings work',
              'Les réunions en ligne fonctionnent',
              'Онлайн-встречи эффективны',
            ),
            choice(
              'health_links',
              'Closer links with health authorities',
              'Des liens plus étroits avec les autorités sanitaires',
              'Более тесные связи с органами здравоохранения',
            ),
            choice(
              'remote_assessment',
              'Remote needs assessments',
              'Évaluations des besoins à distance',
              'Дистанционная оценка потребностей',
            ),
          ],
        },
        {
          type: 'boolean',
          name: 'covid_keep_online',
          title: tr(
            'Should online formats remain after the pandemic?',
            'Les formats en ligne devraient-ils être maintenus après la pandémie ?',
            'Следует ли сохранить онлайн-форматы после пандемии?',
          ),
        },
        {
          type: 'checkbox',
          name: 'covid_online_formats',
          visibleIf: '{covid_keep_online} = true',
          title: tr('Which online formats?', 'Quels formats en ligne ?', 'Какие онлайн-форматы?'),
          choices: [
            choice('webinars', 'Webinars', 'Webinaires', 'Вебинары'),
            choice(
              'virtual_rtm',
              'Online Round Table Meetings',
              'Tables rondes en ligne',
              'Онлайн-совещания за круглым столом',
            ),
            choice(
              'virtual_exercises',
              'Virtual table-top exercises',
              'Exercices sur table virtuels',
              'Виртуальные штабные учения',
            ),
          ],
        },
        {
          type: 'comment',
          name: 'covid_story',
          maxLength: 4000,
          title: tr(
            'Describe one lesson your country learned',
            'Décrivez un enseignement tiré par votre pays',
            'Опишите один урок, извлечённый вашей страной',
          ),
        },
      ],
    },
    {
      name: 'closing',
      title: tr('Priorities for the revision', 'Priorités de la révision', 'Приоритеты пересмотра'),
      elements: [
        {
          type: 'ranking',
          name: 'revision_priorities',
          title: tr(
            'Rank the parts of the Charter most in need of revision',
            'Classez les parties de la Charte qui ont le plus besoin d’être révisées',
            'Расположите разделы Хартии по степени необходимости пересмотра',
          ),
          choices: [
            choice('nfp', 'National Focal Points', 'Points focaux nationaux', 'Национальные координаторы'),
            choice('teams', 'National CBRN teams', 'Équipes nationales NRBC', 'Национальные группы ХБРЯ'),
            choice('secretariats', 'Regional Secretariats', 'Secrétariats régionaux', 'Региональные секретариаты'),
            choice(
              'ownership',
              'Ownership by partner countries',
              'Appropriation par les pays partenaires',
              'Ответственность стран-партнёров',
            ),
          ],
        },
        {
          type: 'text',
          name: 'contact_email',
          inputType: 'email',
          title: tr(
            'If you agree to be contacted about your answers, your e-mail address',
            'Si vous acceptez d’être contacté au sujet de vos réponses, votre adresse électronique',
            'Если вы согласны, чтобы с вами связались по поводу ответов, укажите адрес эл. почты',
          ),
        },
        {
          type: 'comment',
          name: 'final_comments',
          maxLength: 4000,
          title: tr(
            'Anything else the drafting committee should know?',
            'Autre chose que le comité de rédaction devrait savoir ?',
            'Что ещё следует знать редакционному комитету?',
          ),
        },
      ],
    },
  ],
};
