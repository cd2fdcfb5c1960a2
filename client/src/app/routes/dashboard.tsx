import { Link } from 'react-router';

import { NetworksOverview } from '@/features/networks/components/networks-overview';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCurrentUser } from '@/lib/current-user';

import { navItemsFor } from '../navigation';

export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const user = useCurrentUser();
  const sections = navItemsFor(user.role);

  return (
    <>
      <h1>Dashboard</h1>
      <p className="lead">Welcome, {user.name}.</p>

      <section className="stack" aria-labelledby="dashboard-networks">
        <h2 id="dashboard-networks">Regional networks</h2>
        <NetworksOverview />
      </section>

      <section aria-labelledby="dashboard-sections">
        <h2 id="dashboard-sections">Sections</h2>
        <ul className="card-grid">
          {sections.map((item) => (
            <li key={item.to} className="card">
              <Link to={item.to} className="card__link">
                {item.label}
              </Link>
              <p className="card__text">{item.description}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
