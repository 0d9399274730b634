import { type ReactNode, useEffect, useRef, useState } from 'react';
import { isAgencyUser, ROLE_LABELS, useAuth } from './auth';
import { Loading } from './components/ui';
import { useUnreadCount } from './inbox-count';
import { ApplicationsPage } from './pages/ApplicationsPage';
import { HealthPage } from './pages/admin/HealthPage';
import { ImportsPage } from './pages/admin/ImportsPage';
import { ApiKeysPage, KeysPage } from './pages/admin/KeysPage';
import { QueuePage } from './pages/admin/QueuePage';
import { RolesPage } from './pages/admin/RolesPage';
import { SessionsPage } from './pages/admin/SessionsPage';
import { TenantsPage } from './pages/admin/TenantsPage';
import { CandidateDetailPage } from './pages/CandidateDetailPage';
import { CandidateFormPage } from './pages/CandidateFormPage';
import { CandidatesPage } from './pages/CandidatesPage';
import { HomePage } from './pages/HomePage';
import { InboxPage } from './pages/InboxPage';
import { JobDetailPage } from './pages/JobDetailPage';
import { JobsPage } from './pages/JobsPage';
import { LoginPage } from './pages/LoginPage';
import { ResumeDraftPage } from './pages/ResumeDraftPage';
import { ResumeIntakePage } from './pages/ResumeIntakePage';
import { SettingsPage } from './pages/SettingsPage';
import { WebhooksPage } from './pages/WebhooksPage';
import { Link, matchPath, navigate, useLocation } from './router';
import type { UserRole } from './types';

interface PageRoute {
  path: string;
  roles: UserRole[];
  render: (params: Record<string, string>) => ReactNode;
}

const AGENCY: UserRole[] = ['RECRUITER', 'TENANT_ADMIN'];
const EVERYONE: UserRole[] = ['RECRUITER', 'TENANT_ADMIN', 'PM_ADMIN'];

const ROUTES: PageRoute[] = [
  { path: '/home', roles: AGENCY, render: () => <HomePage /> },
  { path: '/inbox', roles: AGENCY, render: () => <InboxPage /> },
  { path: '/candidates', roles: AGENCY, render: () => <CandidatesPage /> },
  { path: '/candidates/new', roles: AGENCY, render: () => <CandidateFormPage /> },
  { path: '/candidates/intake', roles: AGENCY, render: () => <ResumeIntakePage /> },
  { path: '/resume-drafts/:id', roles: AGENCY, render: (p) => <ResumeDraftPage id={Number(p.id)} /> },
  { path: '/candidates/:id/edit', roles: AGENCY, render: (p) => <CandidateFormPage id={Number(p.id)} /> },
  { path: '/candidates/:id', roles: AGENCY, render: (p) => <CandidateDetailPage id={Number(p.id)} /> },
  { path: '/jobs', roles: EVERYONE, render: () => <JobsPage /> },
  { path: '/jobs/:id', roles: EVERYONE, render: (p) => <JobDetailPage id={Number(p.id)} /> },
  { path: '/applications', roles: AGENCY, render: () => <ApplicationsPage /> },
  { path: '/settings', roles: ['TENANT_ADMIN'], render: () => <SettingsPage /> },
  { path: '/webhooks', roles: ['TENANT_ADMIN'], render: () => <WebhooksPage /> },
  {
    path: '/api-keys',
    roles: ['TENANT_ADMIN'],
    render: () => (
      <ApiKeysPage
        title="API keys"
        basePath="/api/api-keys"
        scoped
        intro={
          <p className="muted">
            Keys for the recruiter API: send <code>Authorization: Bearer jm_tk_…</code>. A read key only
            reads; a write key may also change candidates, matches and applications. No key opens admin or
            account pages.
          </p>
        }
      />
    ),
  },
  { path: '/admin/queue', roles: ['PM_ADMIN'], render: () => <QueuePage /> },
  { path: '/admin/sessions', roles: ['PM_ADMIN'], render: () => <SessionsPage /> },
  { path: '/admin/keys', roles: ['PM_ADMIN'], render: () => <KeysPage /> },
  { path: '/admin/imports', roles: ['PM_ADMIN'], render: () => <ImportsPage /> },
  { path: '/admin/roles', roles: ['PM_ADMIN'], render: () => <RolesPage /> },
  { path: '/admin/tenants', roles: ['PM_ADMIN'], render: () => <TenantsPage /> },
  { path: '/admin/health', roles: ['PM_ADMIN'], render: () => <HealthPage /> },
];

const NAV: { group: string; links: { to: string; label: string; roles: UserRole[] }[] }[] = [
  {
    group: 'Agency',
    links: [
      { to: '/home', label: 'Home', roles: AGENCY },
      { to: '/inbox', label: 'Inbox', roles: AGENCY },
      { to: '/candidates', label: 'Candidates', roles: AGENCY },
      { to: '/candidates/intake', label: 'Resume intake', roles: AGENCY },
      { to: '/jobs', label: 'Jobs', roles: EVERYONE },
      { to: '/applications', label: 'Applications', roles: AGENCY },
      { to: '/settings', label: 'Settings & users', roles: ['TENANT_ADMIN'] },
      { to: '/webhooks', label: 'Webhooks', roles: ['TENANT_ADMIN'] },
      { to: '/api-keys', label: 'API keys', roles: ['TENANT_ADMIN'] },
    ],
  },
  {
    group: 'Platform',
    links: [
      { to: '/admin/queue', label: 'Scrape queue', roles: ['PM_ADMIN'] },
      { to: '/admin/sessions', label: 'Scrape sessions', roles: ['PM_ADMIN'] },
      { to: '/admin/keys', label: 'API keys', roles: ['PM_ADMIN'] },
      { to: '/admin/imports', label: 'Job imports', roles: ['PM_ADMIN'] },
      { to: '/admin/roles', label: 'Roles', roles: ['PM_ADMIN'] },
      { to: '/admin/tenants', label: 'Tenants', roles: ['PM_ADMIN'] },
      { to: '/admin/health', label: 'System health', roles: ['PM_ADMIN'] },
    ],
  },
];

const homeOf = (role: UserRole) => (isAgencyUser(role) ? '/home' : '/admin/queue');

export function App() {
  const { user, checking, signOut } = useAuth();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const unread = useUnreadCount(user ? isAgencyUser(user.role) : false);
  const menuButton = useRef<HTMLButtonElement>(null);

  const route = ROUTES.map((r) => ({ route: r, params: matchPath(r.path, location.path) })).find(
    (m) => m.params,
  );
  const allowed = user && route ? route.route.roles.includes(user.role) : false;

  useEffect(() => {
    if (user && !allowed) navigate(homeOf(user.role), { replace: true });
  }, [user, allowed]);
  useEffect(() => {
    if (!menuOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [menuOpen]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu closes whenever the page changes.
  useEffect(() => setMenuOpen(false), [location.path]);

  if (checking) return <Loading label="Starting…" />;
  if (!user) return <LoginPage />;

  const groups = NAV.map((g) => ({ ...g, links: g.links.filter((l) => l.roles.includes(user.role)) })).filter(
    (g) => g.links.length > 0,
  );
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className={`sidebar${menuOpen ? ' open' : ''}`}>
        <div className="spread">
          <span className="brand">Jobmatch</span>
          {unread !== undefined ? (
            <Link
              to="/inbox"
              className="inbox-badge"
              data-testid="inbox-badge"
              aria-label={`Inbox: ${unread} unread`}
            >
              {unread}
            </Link>
          ) : null}
          <button
            type="button"
            ref={menuButton}
            className="menu-toggle small"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu
          </button>
        </div>
        <nav id="main-nav" aria-label="Main">
          {groups.map((group) => (
            <div className="nav-group" key={group.group}>
              {groups.length > 1 ? <h2>{group.group}</h2> : null}
              {group.links.map((link) => (
                <Link
                  key={link.to}
                  to={link.to}
                  aria-current={location.path.startsWith(link.to) ? 'page' : undefined}
                >
                  {link.label}
                </Link>
              ))}
            </div>
          ))}
        </nav>
        <div className="who" data-testid="who">
          <div className="name">{user.name ?? user.email}</div>
          <div>{user.tenant?.name ?? 'Platform'}</div>
          <div className="muted">{ROLE_LABELS[user.role]}</div>
          <button type="button" className="small" onClick={() => void signOut().then(() => navigate('/'))}>
            Sign out
          </button>
        </div>
      </header>
      <main id="content" tabIndex={-1}>
        {route && allowed ? route.route.render(route.params ?? {}) : <Loading />}
      </main>
    </div>
  );
}
