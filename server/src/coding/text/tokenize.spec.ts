import { analyzeText, createAnalyzers, detectLanguage } from './tokenize';

const analyzers = createAnalyzers();
const stems = (text: string, language: 'en' | 'fr' | 'ru' | 'ar') =>
  analyzeText(text, language, analyzers).map((term) => term.stem);

describe('detectLanguage', () => {
  it('tells the four working languages apart by script and common words', () => {
    expect(detectLanguage('يجب على الأمانة تنظيم المزيد من الدورات', 'en')).toBe('ar');
    expect(detectLanguage('Секретариат должен проводить больше учений', null)).toBe('ru');
    expect(detectLanguage('Le secrétariat devrait organiser plus de formations pour les équipes', 'en')).toBe('fr');
    expect(detectLanguage('The secretariat should organise more training for the teams', 'fr')).toBe('en');
  });

  it('falls back on the respondent language when the words do not tell', () => {
    expect(detectLanguage('Budget', 'fr')).toBe('fr');
    expect(detectLanguage('Budget', null)).toBe('en');
    expect(detectLanguage('', 'ar')).toBe('en');
  });
});

describe('analyzeText', () => {
  it('stems English, expands contractions, drops stop words, punctuation and numbers', () => {
    expect(stems("The secretariat shouldn't organise 3 trainings; training!", 'en')).toEqual([
      'en:secretariat',
      'en:not',
      'en:organis',
      'en:train',
      'en:train',
    ]);
  });

  it('stems French with elision and accents', () => {
    expect(stems("L'équipe nationale a besoin de formations régulières.", 'fr')).toEqual([
      'fr:équip',
      'fr:national',
      'fr:besoin',
      'fr:format',
      'fr:réguli',
    ]);
  });

  it('stems Russian, treating ё as е', () => {
    expect(stems('Секретариат должен проводить больше тренингов и учений, ещё', 'ru')).toEqual([
      'ru:секретариат',
      'ru:провод',
      'ru:больш',
      'ru:тренинг',
      'ru:учен',
      'ru:ещ',
    ]);
  });

  it('stems Arabic without diacritics and drops common particles', () => {
    expect(stems('يجب على الأمانةِ تنظيم المزيد من الدورات التدريبية، مثلاً', 'ar')).toEqual([
      'ar:امان',
      'ar:تنظيم',
      'ar:مزيد',
      'ar:دور',
      'ar:تدريب',
      'ar:مثل',
    ]);
  });

  it('keeps the word as written beside its stem, for labels', () => {
    expect(analyzeText('Trainings', 'en', analyzers)).toEqual([{ stem: 'en:train', word: 'trainings' }]);
  });
});
