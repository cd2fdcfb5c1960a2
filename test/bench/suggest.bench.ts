/**
 * Theme suggestion benchmark: seeds 10,000 complete responses whose closing comment is free text in
 * English, French, Russian and Arabic into a throw-away embedded PostgreSQL, then prints the time to
 * suggest themes for them — the whole use case (read the answers through the responses feature,
 * tokenize and stem per language, TF-IDF, cluster, label) — beside a baseline measured in the same
 * run: tokenizing and stemming the same answers once. Figures only: nothing here asserts a time.
 *
 * BENCH_SUGGEST_ANSWERS=2000 seeds fewer answers while iterating.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CodingsService } from '../../server/src/coding';
import { seededRandom } from '../../server/src/coding/text/cluster';
import {
  type SuggestAnswer,
  type SuggestOptions,
  type Suggestions,
  suggestThemes,
} from '../../server/src/coding/text/suggest';
import { analyzeAnswer, createAnalyzers } from '../../server/src/coding/text/tokenize';
import type { Actor } from '../../server/src/common/actor';
import { withBenchApp } from './bench-app';
import { reportBench } from './bench-report';

/** The built server's runner, which moves the work to a worker thread (present after `npm run build`). */
const BUILT_RUNNER = join(__dirname, '../../server/dist/server/src/coding/text/suggest-runner.js');

interface BuiltRunner {
  runSuggestThemes(answers: SuggestAnswer[], options: SuggestOptions): Promise<Suggestions>;
}

const ANSWERS = Number(process.env.BENCH_SUGGEST_ANSWERS ?? 10_000);
const RUNS = 3;
const QUESTION = 'final_comments';

/** A few things respondents say, in each working language; answers mix one or two with filler. */
const SAYINGS: Record<'en' | 'fr' | 'ru' | 'ar', string[]> = {
  en: [
    'The division of tasks between the Secretariat and the National Focal Points should be written down',
    'More regular training courses and exercises for the national teams',
    'Funding for national activities remains the main obstacle to our projects',
    'Translation of documents into the working languages takes too long',
    'Round Table Meetings are the most useful part of the network',
    'The national team lacks a formal mandate from the government',
    'Online meetings worked well and should be kept for short coordination calls',
    'The needs assessment questionnaire should be updated every few years',
  ],
  fr: [
    'La répartition des tâches entre le Secrétariat et les Points focaux nationaux devrait être écrite',
    'Plus de formations régulières et d’exercices pour les équipes nationales',
    'Le financement des activités nationales reste le principal obstacle à nos projets',
    'La traduction des documents dans les langues de travail prend trop de temps',
    'Les réunions de la Table ronde sont la partie la plus utile du réseau',
    'L’équipe nationale n’a pas de mandat formel du gouvernement',
  ],
  ru: [
    'Распределение задач между Секретариатом и национальными координаторами должно быть записано',
    'Больше регулярных тренингов и учений для национальных групп',
    'Финансирование национальных мероприятий остаётся главным препятствием для проектов',
    'Перевод документов на рабочие языки занимает слишком много времени',
    'Встречи круглого стола — самая полезная часть сети',
  ],
  ar: [
    'يجب توثيق تقسيم المهام بين الأمانة ونقاط الاتصال الوطنية',
    'المزيد من الدورات التدريبية والتمارين المنتظمة للفرق الوطنية',
    'لا يزال تمويل الأنشطة الوطنية العقبة الرئيسية أمام مشاريعنا',
    'ترجمة الوثائق إلى لغات العمل تستغرق وقتا طويلا',
  ],
};
const FILLER: Record<keyof typeof SAYINGS, string[]> = {
  en: ['in our view', 'as discussed last year', 'for the next cycle', 'in particular', 'we believe'],
  fr: ['à notre avis', 'pour le prochain cycle', 'en particulier', 'nous pensons'],
  ru: ['по нашему мнению', 'в следующем цикле', 'в частности', 'мы считаем'],
  ar: ['في رأينا', 'في الدورة القادمة', 'على وجه الخصوص', 'نعتقد'],
};

function syntheticAnswers(count: number): Array<{ text: string; language: keyof typeof SAYINGS }> {
  const random = seededRandom(20_250_101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const languages: Array<keyof typeof SAYINGS> = ['en', 'en', 'fr', 'ru', 'ar'];
  return Array.from({ length: count }, () => {
    const language = pick(languages);
    const parts = [pick(SAYINGS[language])];
    if (random() < 0.4) parts.push(pick(SAYINGS[language]));
    if (random() < 0.5) parts.push(pick(FILLER[language]));
    return { text: `${parts.join('. ')}.`, language };
  });
}

const ACTOR: Actor = {
  id: '00000000-0000-0000-0000-000000000001',
  email: 'bench@example.org',
  name: 'Bench',
  role: 'admin',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed<T>(work: () => T | Promise<T>): Promise<{ result: T; ms: number }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { result, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

async function main(): Promise<void> {
  await withBenchApp(async (app) => {
    const db = app.get(DataSource);
    const codings = app.get(CodingsService);

    const [version] = await db.query<Array<{ id: string; survey_id: string; version: number }>>(
      `SELECT v.id, v.survey_id, v.version FROM survey_versions v JOIN surveys s ON s.id = v.survey_id
        WHERE s.slug = 'charter-review' AND v.status = 'published' ORDER BY v.version LIMIT 1`,
    );
    if (version === undefined) throw new Error('the charter-review questionnaire was not seeded');
    const [campaign] = await db.query<Array<{ id: string }>>(
      `INSERT INTO campaigns (name, survey_id, survey_version_id, version, network_ids)
       SELECT 'Suggest bench', $1, $2, $3, array_agg(id) FROM networks RETURNING id`,
      [version.survey_id, version.id, version.version],
    );
    if (campaign === undefined) throw new Error('no campaign');
    const answers = syntheticAnswers(ANSWERS);
    await db.query(
      `INSERT INTO responses (id, campaign_id, survey_version_id, network_id, country, role, language, data, status, completed_at)
       SELECT gen_random_uuid(), $1, $2, n.ids[1 + (a.i % array_length(n.ids, 1))], 'Country ' || (a.i % 7),
              (ARRAY['National Focal Point','national team','secretariat','observer'])[1 + (a.i % 4)], a.language,
              jsonb_build_object($3::text, a.text), 'complete', now() - (a.i % 30) * interval '1 day'
         FROM unnest($4::text[], $5::text[]) WITH ORDINALITY AS a(text, language, i),
              (SELECT array_agg(id ORDER BY code) AS ids FROM networks) n`,
      [
        campaign.id,
        version.id,
        QUESTION,
        answers.map((answer) => answer.text),
        answers.map((answer) => answer.language),
      ],
    );
    await db.query('VACUUM ANALYZE responses');
    console.log(`${ANSWERS.toLocaleString('en')} answers to ${QUESTION} seeded; ${process.version}`);

    const inputs = answers.map((answer, index) => ({
      id: String(index),
      text: answer.text,
      language: answer.language,
    }));
    const baselineRuns: number[] = [];
    const pureRuns: number[] = [];
    const endToEndRuns: number[] = [];
    const workerRuns: number[] = [];
    const builtRunner = existsSync(BUILT_RUNNER) ? ((await import(BUILT_RUNNER)) as BuiltRunner) : null;
    let clusters = 0;
    for (let run = 0; run < RUNS; run++) {
      const baseline = await timed(() => {
        const analyzers = createAnalyzers();
        let terms = 0;
        for (const answer of inputs) terms += analyzeAnswer(answer.text, answer.language, analyzers).terms.length;
        return terms;
      });
      baselineRuns.push(baseline.ms);
      const pure = await timed(() => suggestThemes(inputs));
      pureRuns.push(pure.ms);
      const endToEnd = await timed(() => codings.suggest(ACTOR, campaign.id, { question: QUESTION }));
      endToEndRuns.push(endToEnd.ms);
      clusters = endToEnd.result.suggestions.length;
      if (builtRunner !== null) workerRuns.push((await timed(() => builtRunner.runSuggestThemes(inputs, {}))).ms);
      console.log(
        `run ${run + 1}: tokenize once ${baseline.ms.toFixed(0)} ms · suggest (in memory) ${pure.ms.toFixed(0)} ms · suggest (service, from the database) ${endToEnd.ms.toFixed(0)} ms · ${clusters} suggestions`,
      );
    }
    reportBench({
      name: `Theme suggestions for ${ANSWERS.toLocaleString('en')} free-text answers (en, fr, ru, ar), median of ${RUNS}`,
      figures: [
        {
          label: `suggest themes for ${ANSWERS.toLocaleString('en')} answers (read from PostgreSQL, tokenize, TF-IDF, cluster, label)`,
          value: median(endToEndRuns),
          unit: 'ms',
          baseline: { label: 'tokenizing and stemming the same answers once', value: median(baselineRuns) },
          target: { op: '<=', value: 5_000 },
        },
        {
          label: 'the same suggestion on answers already in memory',
          value: median(pureRuns),
          unit: 'ms',
          baseline: { label: 'tokenizing and stemming the same answers once', value: median(baselineRuns) },
        },
      ],
      notes: [
        `${clusters} suggestions; the machine is shared with other work, so compare the ratio to the baseline`,
        builtRunner === null
          ? 'the built server was not found (npm run build): the worker-thread figure is missing'
          : `the built server runs the same suggestion in a worker thread, off the event loop: median ${median(workerRuns).toFixed(0)} ms including starting the worker and copying the answers`,
      ],
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
