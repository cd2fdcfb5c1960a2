import { ErrorAlert } from '@/components/error-alert';

import type { QueryParams } from '@/lib/api-client';

import { useCodableQuestions, useThemeTallies } from '../api/get-theme-tallies';
import { QuestionChart } from './question-chart';

/**
 * The coded themes of a free-text question, charted like a multiple-choice question under the
 * same filters and grouping. Nothing is shown while the question has no themes.
 */
export function ThemeTallyPanel({
  campaignId,
  question,
  filters,
  groupLabels,
  heading = 'Themes',
}: {
  campaignId: string;
  question: string;
  filters: QueryParams;
  groupLabels: Record<string, string>;
  heading?: string;
}) {
  // Only questions coders can code carry themes (not e-mail fields, nor questions in dynamic panels).
  const codable = useCodableQuestions(campaignId).data?.has(question) ?? false;
  const tally = useThemeTallies(campaignId, question, filters, codable);
  const themes = tally.data?.questions[0];
  if (!codable) return null;
  if (tally.error !== null) return <ErrorAlert error={tally.error} />;
  if (themes === undefined || (themes.choices?.length === 0 && !themes.suppressed)) return null;
  return (
    <div className="analysis-themes" role="group" aria-label={`Themes of ${themes.title}`}>
      <h4>{heading}</h4>
      <p className="analysis-question__counts">
        {themes.suppressed ? 'Too few responses match: themes are not shown.' : `${themes.answered} answers coded`}
      </p>
      {!themes.suppressed && <QuestionChart question={themes} groupLabels={groupLabels} />}
    </div>
  );
}
