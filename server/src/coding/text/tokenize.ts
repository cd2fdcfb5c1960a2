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

/** Letters (with their marks), digits, apostrophes and hyphens make words; everything else separates them. */
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}'’-]/u;
/**
 * Whether each UTF-16 code unit is a word character, worked out once per code unit: a Unicode
 * property regular expression run over every character of 10,000 answers costs more than stemming
 * them. 0 = not known yet, 1 = word, 2 = separator. Astral characters (emoji, rare scripts) separate.
 */
const WORD_CODE = new Uint8Array(0x10000);

function isWordCode(code: number): boolean {
  let known = WORD_CODE[code] ?? 2;
  if (known === 0) {
    known = code >= 0xd800 && code <= 0xdfff ? 2 : WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
    WORD_CODE[code] = known;
  }
  return known === 1;
}

interface ScannedText {
  /** The runs of word characters, joined by single spaces. */
  words: string;
  arabic: number;
  cyrillic: number;
  latin: number;
}

function scriptOf(code: number): 'latin' | 'cyrillic' | 'arabic' | null {
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f))
    return 'latin';
  if (code >= 0x400 && code <= 0x52f) return 'cyrillic';
  if ((code >= 0x600 && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f) || (code >= 0x8a0 && code <= 0x8ff)) {
    return 'arabic';
  }
  return null;
}

/** One pass over an answer: its words, and how many letters of each script it has. */
function scan(text: string): ScannedText {
  const runs: string[] = [];
  const letters = { latin: 0, cyrillic: 0, arabic: 0 };
  let runStart = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWordCode(code)) {
      if (runStart < 0) runStart = i;
      const script = scriptOf(code);
      if (script !== null) letters[script] += 1;
    } else if (runStart >= 0) {
      runs.push(text.slice(runStart, i));
      runStart = -1;
    }
  }
  if (runStart >= 0) runs.push(text.slice(runStart));
  return { words: runs.join(' '), ...letters };
}

/**
 * The language an answer is written in: by script for Arabic and Cyrillic; between French and English
 * by common words, the respondent's language breaking a tie. Respondents often answer in a language
 * other than their member language, so the text decides, not the hint alone.
 */
export function detectLanguage(text: string, hint: string | null): TextLanguage {
  return languageOf(scan(text), hint);
}

function languageOf(scanned: ScannedText, hint: string | null): TextLanguage {
  const { arabic, cyrillic, latin } = scanned;
  if (arabic > cyrillic && arabic > latin) return 'ar';
  if (cyrillic > latin) return 'ru';
  let french = 0;
  let english = 0;
  for (const word of scanned.words.toLowerCase().split(/[\s'’-]+/)) {
    if (FRENCH_MARKERS.has(word)) french += 1;
    if (ENGLISH_MARKERS.has(word)) english += 1;
  }
  if (french > english) return 'fr';
  if (english > french) return 'en';
  return hint === 'fr' ? 'fr' : 'en';
}

/** A token with something besides digits, apostrophes and hyphens (word characters are letters, marks, digits and those). */
const HAS_LETTER = /[^\d\u0660-\u0669\u06f0-\u06f9'’-]/;
/** Arabic short vowels and other diacritics, and the tatweel that only stretches a word. */
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;

function normalize(words: string, language: TextLanguage): string {
  const lower = words.normalize('NFC').toLowerCase().replace(/’/g, "'");
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
  return termsOf(scan(text).words, language, analyzers);
}

/** An answer's language and terms, from one scan of its text. */
export function analyzeAnswer(
  text: string,
  hint: string | null,
  analyzers: Record<TextLanguage, Analyzer>,
): { language: TextLanguage; terms: Term[] } {
  const scanned = scan(text);
  const language = languageOf(scanned, hint);
  return { language, terms: termsOf(scanned.words, language, analyzers) };
}

function termsOf(words: string, language: TextLanguage, analyzers: Record<TextLanguage, Analyzer>): Term[] {
  const analyzer = analyzers[language];
  const terms: Term[] = [];
  for (const raw of analyzer.tokenizer.tokenize(normalize(words, language), false)) {
    const word = raw.replace(/^[-']+|[-']+$/g, '');
    if (word.length < 2 || !HAS_LETTER.test(word) || analyzer.stopwords.isStopword(word)) continue;
    const stem = analyzer.stemmer.stemWord(word);
    if (stem === '' || analyzer.stopwords.isStopword(stem)) continue;
    terms.push({ stem: `${language}:${stem}`, word });
  }
  return terms;
}
