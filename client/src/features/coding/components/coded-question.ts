/** The open question a coding panel works on: the campaign whose answers are coded, the survey that owns the themes, and the question's name. */
export interface CodedQuestion {
  campaignId: string;
  surveyId: string;
  question: string;
}
