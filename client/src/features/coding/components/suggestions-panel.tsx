import { useState } from 'react';

import type { ThemeSuggestion } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';

import { useThemes } from '../api/get-themes';
import { useApplySuggestion, useSuggestThemes } from '../api/suggest-themes';

import type { CodedQuestion } from './coded-question';
import { ThemePickForm } from './theme-pick-form';

function SuggestionCard({
  suggestion,
  campaignId,
  surveyId,
  question,
}: CodedQuestion & { suggestion: ThemeSuggestion }) {
  const themes = useThemes(surveyId, question);
  const apply = useApplySuggestion(campaignId, surveyId, question);
  const [name, setName] = useState(suggestion.label);
  const count = suggestion.answerIds.length;
  return (
    <li className="coding-suggestion">
      <h3>
        {suggestion.label} <small className="muted">{count === 1 ? '1 answer' : `${count} answers`}</small>
      </h3>
      <p className="coding-suggestion__terms">Words: {suggestion.terms.join(', ')}</p>
      {suggestion.examples.map((example) => (
        <blockquote key={example.responseId} dir="auto">
          {example.text}
        </blockquote>
      ))}
      {apply.data ? (
        <p className="alert alert--success" role="status">
          “{apply.data.theme.name}” added to {apply.data.coded} answers, marked for your review (Code tab, show
          “Suggested, awaiting my review”).
        </p>
      ) : (
        <div className="coding-suggestion__apply">
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              apply.mutate({ answerIds: suggestion.answerIds, name: name.trim() });
            }}
          >
            <label>
              New theme <input value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
            </label>
            <button type="submit" className="button button--primary button--small" disabled={apply.isPending}>
              Apply as new theme
            </button>
          </form>
          <ThemePickForm
            themes={themes.data ?? []}
            wording={{ choice: 'Existing theme', empty: 'Existing theme…', action: 'Apply' }}
            pending={apply.isPending}
            onPick={(themeId) => apply.mutate({ answerIds: suggestion.answerIds, themeId })}
          />
        </div>
      )}
      <ErrorAlert error={apply.error} />
    </li>
  );
}

/** Themes suggested by clustering the answers' words on this server; applying one codes its answers for review. */
export function SuggestionsPanel({ campaignId, surveyId, question }: CodedQuestion) {
  const suggest = useSuggestThemes(campaignId);
  const [count, setCount] = useState('');
  const [onlyUncoded, setOnlyUncoded] = useState(true);
  const result = suggest.data;
  return (
    <section className="coding-suggestions" aria-label="Suggested themes">
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          suggest.mutate({ question, onlyUncoded, ...(count === '' ? {} : { count: Number(count) }) });
        }}
      >
        <label>
          Groups{' '}
          <input
            type="number"
            min={1}
            max={30}
            placeholder="auto"
            value={count}
            onChange={(event) => setCount(event.target.value)}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={onlyUncoded} onChange={(event) => setOnlyUncoded(event.target.checked)} />{' '}
          Only answers I have not coded
        </label>
        <button type="submit" className="button button--primary" disabled={suggest.isPending}>
          {suggest.isPending ? 'Grouping answers…' : 'Suggest themes'}
        </button>
      </form>
      <ErrorAlert error={suggest.error} />
      {result && (
        <>
          <p className="muted">
            {result.answers} answers grouped by the words they use
            {result.unclustered > 0 && `; ${result.unclustered} share no word with any other and are left out`}.
          </p>
          <ol className="coding-suggestion-list">
            {result.suggestions.map((suggestion) => (
              <SuggestionCard
                key={suggestion.answerIds[0] ?? suggestion.label}
                suggestion={suggestion}
                campaignId={campaignId}
                surveyId={surveyId}
                question={question}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
