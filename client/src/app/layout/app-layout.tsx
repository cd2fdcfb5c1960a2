import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';

import type { UserDto } from '@concord/shared';

import { Loading } from '@/components/loading';
import { LogoutButton } from '@/features/auth/components/logout-button';
import { roleLabel } from '@/lib/roles';

import { navItemsFor } from '../navigation';

import './app-layout.css';

function navLinkClass({ isActive }: { isActive: boolean }): string {
  return isActive ? 'app-nav__link is-active' : 'app-nav__link';
}

export function AppLayout({ user }: { user: UserDto }) {
  const items = navItemsFor(user.role);
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After a client-side navigation, start screen readers and keyboard users at the new content,
  // as a full page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <Link to="/" className="app-header__brand">
            Concord
          </Link>
          <div className="app-header__account">
            <p className="app-header__identity">
              <span className="app-header__name">{user.name}</span>
              <span className="app-header__role">{roleLabel(user.role)}</span>
            </p>
            <NavLink to="/account" className="button button--on-dark">
              Account
            </NavLink>
            <LogoutButton />
          </div>
        </div>
        <nav className="app-nav" aria-label="Main">
          <ul className="app-nav__list">
            <li>
              <NavLink to="/" end className={navLinkClass}>
                Dashboard
              </NavLink>
            </li>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className={navLinkClass}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="app-main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <ScrollRestoration />
    </div>
  );
}
