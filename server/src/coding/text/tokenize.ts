import { StemmerAr, StopwordsAr, TokenizerAr } from '@nlpjs/lang-ar';
import { StemmerEn, StopwordsEn, TokenizerEn } from '@nlpjs/lang-en-min';
import { StemmerFr, StopwordsFr, TokenizerFr } from '@nlpjs/lang-fr';
import { StemmerRu, StopwordsRu, TokenizerRu } from '@nlpjs/lang-ru';

/** The working languages whose answers are stemmed; anything else is read as English. */
export const TEXT_LANGUAGES = ['en', 'fr', 'ru', 'ar'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** One word of an answer: its stem (what clustering compares) and the word as written, lower-cased. */
export interface Term {
  stem: string;
  word: string;
}

/**
 * nlp.js ships no Arabic stop words; these are the commonest particles, prepositions and pronouns,
 * which would otherwise dominate every cluster of Arabic answers.
 */
const ARABIC_STOP_WORDS =
  'في من على إلى الى عن مع أن ان إن أو او و ثم لا لم لن ما هذا هذه ذلك تلك هو هي هم نحن أنا انا التي الذي الذين كان كانت يكون قد كل بعض غير بين عند حتى إذا اذا لكن كما أي اي بل ب ل يجب هناك أكثر اكثر فقط أيضا ايضا كذلك حول خلال لدى منذ عليه فيها به'.split(
    ' ',
  );

interface Analyzer {
  tokenizer: { tokenize(text: string, normalize?: boolean): string[] };
  stemmer: { stemWord(word: string): string };
  stopwords: { isStopword(token: string): boolean };
}

/**
 * One analyzer per language, made fresh for each batch of answers: nlp.js caches every word it
 * stems and every text it tokenizes on the instance, which speeds a batch up but would grow without
 * bound in a long-lived one.
 */
export function createAnalyzers(): Record<TextLanguage, Analyzer> {
  return {
    en: { tokenizer: new TokenizerEn(), stemmer: new StemmerEn(), stopwords: new StopwordsEn() },
    fr: { tokenizer: new TokenizerFr(), stemmer: new StemmerFr(), stopwords: new StopwordsFr() },
    ru: { tokenizer: new TokenizerRu(), stemmer: new StemmerRu(), stopwords: new StopwordsRu() },
    ar: {
      tokenizer: new TokenizerAr(),
      stemmer: new StemmerAr(),
      stopwords: new StopwordsAr(undefined, ARABIC_STOP_WORDS),
    },
  };
}

const ARABIC_LETTER = /\p{Script=Arabic}/gu;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
/** Words that are common in French prose and rare in English, to tell the two apart. */
const FRENCH_MARKERS = new Set(
  'le la les des du une est et pour dans sur pas que qui au aux avec plus être sont nous vous leur ces cette il elle ou mais très'.split(
    ' ',
  ),
);
const ENGLISH_MARKERS = new Set(
  'the and is are for with not that this should more of to in on be we they our their it or but very have has would can need needs'.split(
    ' ',
  ),
);

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * The language an answer is written in: by script for Arabic and Cyrillic; between French and English
 * by common words, the respondent's language breaking a tie. Respondents often answer in a language
 * other than their member language, so the text decides, not the hint alone.
 */
export function detectLanguage(text: string, hint: string | null): TextLanguage {
  const arabic = count(text, ARABIC_LETTER);
  const cyrillic = count(text, CYRILLIC_LETTER);
  const latin = count(text, LATIN_LETTER);
  if (arabic > cyrillic && arabic > latin) return 'ar';
  if (cyrillic > latin) return 'ru';
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  let french = 0;
  let english = 0;
  for (const word of words) {
    if (FRENCH_MARKERS.has(word)) french += 1;
    if (ENGLISH_MARKERS.has(word)) english += 1;
  }
  if (french > english) return 'fr';
  if (english > french) return 'en';
  return hint === 'fr' ? 'fr' : 'en';
}

/** Punctuation and symbols become spaces; letters (with their marks), digits, apostrophes and hyphens stay. */
const NOT_WORD = /[^\p{L}\p{M}\p{N}'’-]+/gu;
const HAS_LETTER = /\p{L}/u;
/** Arabic short vowels and other diacritics, and the tatweel that only stretches a word. */
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;

function normalize(text: string, language: TextLanguage): string {
  const lower = text.normalize('NFC').toLowerCase().replace(/’/g, "'");
  switch (language) {
    case 'ar':
      return lower.replace(ARABIC_MARKS, '');
    case 'ru':
      return lower.replace(/ё/g, 'е');
    case 'en':
    case 'fr':
      return lower;
  }
}

/**
 * The terms of one answer in its language: tokenized, stop words dropped, stemmed. Words of one
 * character and tokens without a letter (numbers, stray hyphens) carry no theme and are dropped.
 */
export function analyzeText(text: string, language: TextLanguage, analyzers: Record<TextLanguage, Analyzer>): Term[] {
  const analyzer = analyzers[language];
  const cleaned = normalize(text, language).replace(NOT_WORD, ' ');
  const terms: Term[] = [];
  for (const raw of analyzer.tokenizer.tokenize(cleaned, false)) {
    const word = raw.replace(/^[-']+|[-']+$/g, '');
    if (word.length < 2 || !HAS_LETTER.test(word) || analyzer.stopwords.isStopword(word)) continue;
    const stem = analyzer.stemmer.stemWord(word);
    if (stem === '' || analyzer.stopwords.isStopword(stem)) continue;
    terms.push({ stem: `${language}:${stem}`, word });
  }
  return terms;
}
