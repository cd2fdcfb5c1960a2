import { useEffect, useMemo } from 'react';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import '@/styles/survey.css';

interface SurveyPreviewProps {
  definition: Record<string, unknown>;
  locale: string;
}

/** The questionnaire as respondents will see it. Loaded lazily: survey-core stays out of other pages. */
export function SurveyPreview({ definition, locale }: SurveyPreviewProps) {
  const model = useMemo(() => {
    const survey = new Model(definition);
    survey.showCompleteButton = false;
    return survey;
  }, [definition]);
  useEffect(() => {
    model.locale = locale;
  }, [model, locale]);
  return <Survey model={model} />;
}
