/**
 * The dashboard: sign-in, then the pages of the signed-in person's role. This
 * file only wires the session state and the routes; each page is in pages/,
 * and the heavier ones load when first opened.
 */

import { useContext, useEffect, useMemo } from "preact/hooks";
import { ErrorBoundary, LocationProvider, lazy, Route, Router, useLocation } from "preact-iso";
import { Session } from "./context.ts";
import { Login } from "./pages/login.tsx";
import { startSession, storedLocale } from "./runtime.ts";
import { createSessionState, type SessionState } from "./session.ts";
import { text } from "./text.ts";

const OfficerPage = lazy(() => import("./pages/officer.tsx").then((m) => m.OfficerPage));
const EvidencePage = lazy(() => import("./pages/evidence.tsx").then((m) => m.EvidencePage));
const OfficerTicketPage = lazy(() => import("./pages/duty/ticket.tsx").then((m) => m.OfficerTicketPage));
const DutyBoardPage = lazy(() => import("./pages/duty/board.tsx").then((m) => m.DutyBoardPage));
const AgencyPage = lazy(() => import("./pages/agency.tsx").then((m) => m.AgencyPage));
const OfficersPage = lazy(() => import("./pages/officers.tsx").then((m) => m.OfficersPage));
const OfficerFeedbackPage = lazy(() => import("./pages/officer-feedback.tsx").then((m) => m.OfficerFeedbackPage));
const FlaggedPage = lazy(() => import("./pages/flagged.tsx").then((m) => m.FlaggedPage));
const ContestsPage = lazy(() => import("./pages/contests.tsx").then((m) => m.ContestsPage));
const CommentsPage = lazy(() => import("./pages/comments.tsx").then((m) => m.CommentsPage));
const ReportPage = lazy(() => import("./pages/report.tsx").then((m) => m.ReportPage));
const RegionPage = lazy(() => import("./pages/region.tsx").then((m) => m.RegionPage));
const SetupPage = lazy(() => import("./pages/manage/setup.tsx").then((m) => m.SetupPage));
const ServicesPage = lazy(() => import("./pages/manage/services.tsx").then((m) => m.ServicesPage));
const CountersPage = lazy(() => import("./pages/manage/counters.tsx").then((m) => m.CountersPage));
const ManageOfficersPage = lazy(() => import("./pages/manage/officers.tsx").then((m) => m.ManageOfficersPage));
const AccountsPage = lazy(() => import("./pages/manage/accounts.tsx").then((m) => m.AccountsPage));
const TabletsPage = lazy(() => import("./pages/manage/tablets.tsx").then((m) => m.TabletsPage));
const WidgetPage = lazy(() => import("./pages/manage/widget.tsx").then((m) => m.WidgetPage));
const PostersPage = lazy(() => import("./pages/manage/posters.tsx").then((m) => m.PostersPage));
const IntegrationsPage = lazy(() => import("./pages/manage/integrations.tsx").then((m) => m.IntegrationsPage));
const PasswordPage = lazy(() => import("./pages/password.tsx").then((m) => m.PasswordPage));
// Shown only after an admin made the password: it loads then, not with every sign-in.
const ForcedPasswordPage = lazy(() => import("./pages/password.tsx").then((m) => m.ForcedPasswordPage));
const AuditPage = lazy(() => import("./pages/manage/audit.tsx").then((m) => m.AuditPage));
const NotificationsPage = lazy(() => import("./pages/notifications.tsx").then((m) => m.NotificationsPage));
const AlertsPage = lazy(() => import("./pages/manage/alerts.tsx").then((m) => m.AlertsPage));
const VisitImportPage = lazy(() => import("./pages/manage/visit-import.tsx").then((m) => m.VisitImportPage));

/** The dashboard. */
export function App() {
  const session = useMemo(() => createSessionState(storedLocale()), []);
  useEffect(() => startSession(session), [session]);
  return (
    <Session.Provider value={session}>
      <LocationProvider>
        <Screens session={session} />
      </LocationProvider>
    </Session.Provider>
  );
}

function Screens({ session }: { session: SessionState }) {
  const me = session.me.value;
  if (me === undefined) {
    return (
      <p class="state" role="status">
        {text(session.locale.value, "loading")}
      </p>
    );
  }
  if (me === null) return <Login />;
  // An admin made this password: choosing one's own comes before anything else (the API refuses the rest).
  if (me.user.passwordChangeRequired) {
    return (
      <ErrorBoundary>
        <ForcedPasswordPage />
      </ErrorBoundary>
    );
  }
  return (
    <ErrorBoundary>
      <Router>
        <Route path="/dashboard/" component={Home} />
        <Route path="/dashboard/me" component={OfficerPage} />
        <Route path="/dashboard/me/evidence" component={EvidencePage} />
        <Route path="/dashboard/me/ticket" component={OfficerTicketPage} />
        <Route path="/dashboard/password" component={PasswordPage} />
        <Route path="/dashboard/a/:slug" component={AgencyPage} />
        <Route path="/dashboard/a/:slug/officers" component={OfficersPage} />
        <Route path="/dashboard/a/:slug/officers/:id" component={OfficerFeedbackPage} />
        <Route path="/dashboard/a/:slug/flagged" component={FlaggedPage} />
        <Route path="/dashboard/a/:slug/contests" component={ContestsPage} />
        <Route path="/dashboard/a/:slug/comments" component={CommentsPage} />
        <Route path="/dashboard/a/:slug/report" component={ReportPage} />
        <Route path="/dashboard/a/:slug/duties" component={DutyBoardPage} />
        <Route path="/dashboard/a/:slug/setup" component={SetupPage} />
        <Route path="/dashboard/a/:slug/manage/services" component={ServicesPage} />
        <Route path="/dashboard/a/:slug/manage/counters" component={CountersPage} />
        <Route path="/dashboard/a/:slug/manage/officers" component={ManageOfficersPage} />
        <Route path="/dashboard/a/:slug/manage/accounts" component={AccountsPage} />
        <Route path="/dashboard/a/:slug/manage/tablets" component={TabletsPage} />
        <Route path="/dashboard/a/:slug/manage/widget" component={WidgetPage} />
        <Route path="/dashboard/a/:slug/manage/posters" component={PostersPage} />
        <Route path="/dashboard/a/:slug/manage/integrations" component={IntegrationsPage} />
        <Route path="/dashboard/a/:slug/manage/audit" component={AuditPage} />
        <Route path="/dashboard/a/:slug/notifications" component={NotificationsPage} />
        <Route path="/dashboard/a/:slug/manage/alerts" component={AlertsPage} />
        <Route path="/dashboard/a/:slug/manage/visit-import" component={VisitImportPage} />
        <Route path="/dashboard/region" component={RegionPage} />
        <Route default component={Home} />
      </Router>
    </ErrorBoundary>
  );
}

/** Where each role starts. */
function Home() {
  const { route, query } = useLocation();
  const me = useContext(Session).me.value!;
  useEffect(() => {
    const keep = new URLSearchParams(query).toString();
    const to =
      me.user.role === "officer"
        ? "/dashboard/me"
        : me.user.role === "regional_admin"
          ? "/dashboard/region"
          : `/dashboard/a/${me.agency?.slug ?? ""}`;
    route(keep ? `${to}?${keep}` : to, true);
  }, [me, route, query]);
  return null;
}
