import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';

import { Loading } from '@/components/loading';

import { RequireAuth } from './require-auth';
import { RequireRole } from './require-role';
import { NotFoundPage } from './routes/not-found';
import { RouteErrorPage } from './routes/route-error';

/**
 * Every page is its own chunk, so a route only downloads what it renders; above all, survey-core
 * and survey-react-ui stay out of every page that does not show a questionnaire.
 */
function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    const page: ComponentType = (await load())[name];
    return { default: page };
  });
}

const LoginPage = lazyPage(() => import('@/features/auth/components/login-page'), 'LoginPage');
const ResetPasswordPage = lazyPage(() => import('@/features/auth/components/reset-password-page'), 'ResetPasswordPage');
const AccountPage = lazyPage(() => import('@/features/auth/components/account-page'), 'AccountPage');
const DashboardPage = lazyPage(() => import('./routes/dashboard'), 'DashboardPage');
const SurveysPage = lazyPage(() => import('@/features/surveys/components/surveys-page'), 'SurveysPage');
const SurveyPage = lazyPage(() => import('@/features/surveys/components/survey-page'), 'SurveyPage');
const SurveyVersionPage = lazyPage(
  () => import('@/features/surveys/components/survey-version-page'),
  'SurveyVersionPage',
);
const VersionDiffPage = lazyPage(() => import('@/features/surveys/components/version-diff-page'), 'VersionDiffPage');
const CampaignsPage = lazyPage(() => import('@/features/campaigns/components/campaigns-page'), 'CampaignsPage');
const CampaignPage = lazyPage(() => import('@/features/campaigns/components/campaign-page'), 'CampaignPage');
const AnalysisPage = lazyPage(() => import('@/features/analysis/components/analysis-page'), 'AnalysisPage');
const SurveyAnalysisPage = lazyPage(
  () => import('@/features/analysis/components/survey-analysis-page'),
  'SurveyAnalysisPage',
);
const CodingPage = lazyPage(() => import('@/features/coding/components/coding-page'), 'CodingPage');
const CharterPage = lazyPage(() => import('@/features/charter/components/charter-page'), 'CharterPage');
const NetworksPage = lazyPage(() => import('@/features/networks/components/networks-page'), 'NetworksPage');
const UsersPage = lazyPage(() => import('@/features/users/components/users-page'), 'UsersPage');
const RespondPage = lazyPage(() => import('@/features/respond/components/respond-route'), 'RespondRoute');
const AuditPage = lazyPage(() => import('@/features/audit/components/audit-page'), 'AuditPage');

function PublicShell() {
  return (
    <Suspense fallback={<Loading fullPage />}>
      <Outlet />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  {
    element: <PublicShell />,
    errorElement: <RouteErrorPage standalone />,
    children: [
      // Pages without a session go here, outside RequireAuth (later: the respondent page /r/:token).
      { path: '/login', element: <LoginPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/r/:token', element: <RespondPage /> },
      {
        path: '/',
        element: <RequireAuth />,
        children: [
          {
            // Errors thrown by a page render inside the shell, below the header.
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <DashboardPage /> },
              { path: 'account', element: <AccountPage /> },
              {
                path: 'surveys',
                element: (
                  <RequireRole section="surveys">
                    <SurveysPage />
                  </RequireRole>
                ),
              },
              {
                path: 'surveys/:surveyId',
                element: (
                  <RequireRole section="surveys">
                    <SurveyPage />
                  </RequireRole>
                ),
              },
              {
                path: 'surveys/:surveyId/versions/:version',
                element: (
                  <RequireRole section="surveys">
                    <SurveyVersionPage />
                  </RequireRole>
                ),
              },
              {
                path: 'surveys/:surveyId/diff/:from/:to',
                element: (
                  <RequireRole section="surveys">
                    <VersionDiffPage />
                  </RequireRole>
                ),
              },
              {
                path: 'campaigns',
                element: (
                  <RequireRole section="campaigns">
                    <CampaignsPage />
                  </RequireRole>
                ),
              },
              {
                path: 'campaigns/:id',
                element: (
                  <RequireRole section="campaigns">
                    <CampaignPage />
                  </RequireRole>
                ),
              },
              {
                path: 'analysis',
                element: (
                  <RequireRole section="analysis">
                    <AnalysisPage />
                  </RequireRole>
                ),
              },
              {
                path: 'analysis/surveys/:surveyId',
                element: (
                  <RequireRole section="analysis">
                    <SurveyAnalysisPage />
                  </RequireRole>
                ),
              },
              {
                path: 'coding',
                element: (
                  <RequireRole section="coding">
                    <CodingPage />
                  </RequireRole>
                ),
              },
              {
                path: 'charter',
                element: (
                  <RequireRole section="charter">
                    <CharterPage />
                  </RequireRole>
                ),
              },
              {
                path: 'networks',
                element: (
                  <RequireRole section="networks">
                    <NetworksPage />
                  </RequireRole>
                ),
              },
              {
                path: 'users',
                element: (
                  <RequireRole section="users">
                    <UsersPage />
                  </RequireRole>
                ),
              },
              {
                path: 'audit',
                element: (
                  <RequireRole section="audit">
                    <AuditPage />
                  </RequireRole>
                ),
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
