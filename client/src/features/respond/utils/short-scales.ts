import { type Model, QuestionRatingModel } from 'survey-core';

/** The longest rating scale always shown as buttons: five fit a 320-pixel phone screen. */
export const SHORT_SCALE_VALUES = 5;

/**
 * Rating questions left to SurveyJS's automatic display (`displayMode: 'auto'`) with a short scale
 * are shown as buttons. The automatic mode measures the row of buttons while the page lays out
 * and, when that measure comes too early (a slow phone, fonts still loading), falls back to a
 * dropdown that hides a one-to-five scale behind a tap. Longer scales keep the automatic mode, and
 * a display mode chosen in the questionnaire is kept.
 */
export function showShortScalesAsButtons(model: Model): void {
  for (const question of model.getAllQuestions(false, false, true)) {
    if (
      question instanceof QuestionRatingModel &&
      question.displayMode === 'auto' &&
      question.visibleRateValues.length <= SHORT_SCALE_VALUES
    ) {
      question.displayMode = 'buttons';
    }
  }
}
