// The parts of nlp.js's language packages that the text analysis uses (the packages ship no types).
interface NlpjsTokenizer {
  tokenize(text: string, normalize?: boolean): string[];
}
interface NlpjsStemmer {
  stemWord(word: string): string;
}
interface NlpjsStopwords {
  isStopword(token: string): boolean;
}
type NlpjsTokenizerClass = new () => NlpjsTokenizer;
type NlpjsStemmerClass = new () => NlpjsStemmer;
type NlpjsStopwordsClass = new (container?: unknown, words?: string[]) => NlpjsStopwords;

declare module '@nlpjs/lang-en-min' {
  export const TokenizerEn: NlpjsTokenizerClass;
  export const StemmerEn: NlpjsStemmerClass;
  export const StopwordsEn: NlpjsStopwordsClass;
}
declare module '@nlpjs/lang-fr' {
  export const TokenizerFr: NlpjsTokenizerClass;
  export const StemmerFr: NlpjsStemmerClass;
  export const StopwordsFr: NlpjsStopwordsClass;
}
declare module '@nlpjs/lang-ru' {
  export const TokenizerRu: NlpjsTokenizerClass;
  export const StemmerRu: NlpjsStemmerClass;
  export const StopwordsRu: NlpjsStopwordsClass;
}
declare module '@nlpjs/lang-ar' {
  export const TokenizerAr: NlpjsTokenizerClass;
  export const StemmerAr: NlpjsStemmerClass;
  export const StopwordsAr: NlpjsStopwordsClass;
}
