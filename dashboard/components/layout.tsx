/**
 * The frame of every signed-in page: who is signed in, the pages of their role (with how many
 * contests wait for a decision, for those who decide them), the bell of unread alerts (for those told
 * of them), changing one's password, language, sign-out.
 */

import type { ComponentChildren } from "preact";
import { useContext, useEffect, useRef } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { Contests } from "../../core/contest-contract.ts";
import { roleMay } from "../../core/roles.ts";
import { sayAccount } from "../account-words.ts";
import { Session } from "../context.ts";
import { type TextKey, text } from "../text.ts";
import { useApi } from "../use-api.ts";
import { Bell } from "./bell.tsx";
import { LanguageSwitch, SignOut } from "./session-buttons.tsx";

/** The links of a role's pages. */
function links(role: string, agency: string | null): [string, TextKey][] {
  // Whoever reads no agency reads their own (an officer; admins and supervisors both).
  if (!roleMay(role, "readAgency"))
    return [
      ["/dashboard/me", "navMine"],
      ["/dashboard/me/evidence", "navEvidence"],
      ["/dashboard/me/ticket", "navTicket"],
    ];
  const own: [string, TextKey][] = agency
    ? [
        [`/dashboard/a/${agency}`, "navOverview"],
        [`/dashboard/a/${agency}/officers`, "navOfficers"],
        [`/dashboard/a/${agency}/flagged`, "navFlagged"],
        [`/dashboard/a/${agency}/contests`, "navContests"],
        [`/dashboard/a/${agency}/comments`, "navComments"],
        [`/dashboard/a/${agency}/report`, "navReport"],
        [`/dashboard/a/${agency}/duties`, "navDuties"],
      ]
    : [];
  return roleMay(role, "manageRegion") ? [["/dashboard/region", "navRegion"], ...own] : own;
}

/** The set-up pages of an agency, for those who may change it (agency and regional admins), and the queue-log import for those who may import. */
function manageLinks(role: string, agency: string | null): [string, TextKey][] {
  if (!agency || !roleMay(role, "manageAgency")) return [];
  const base = `/dashboard/a/${agency}`;
  return [
    [`${base}/setup`, "navSetup"],
    [`${base}/manage/services`, "navServices"],
    [`${base}/manage/counters`, "navCounters"],
    [`${base}/manage/officers`, "navOfficerData"],
    [`${base}/manage/accounts`, "navAccounts"],
    [`${base}/manage/tablets`, "navTablets"],
    [`${base}/manage/widget`, "navWidget"],
    [`${base}/manage/posters`, "navPosters"],
    [`${base}/manage/integrations`, "navIntegrations"],
    [`${base}/manage/alerts`, "navAlerts"],
    // Importing a queue log is the agency's own admins' (importVisits), not its regional admin's.
    ...(roleMay(role, "importVisits") ? [[`${base}/manage/visit-import`, "navVisitImport"] as [string, TextKey]] : []),
    [`${base}/manage/audit`, "navAudit"],
  ];
}

/**
 * The page frame; `agency` is the agency whose pages the nav links to (a regional admin's current one).
 * `openContests` is the count of open contests when the page reads it itself (null while it loads);
 * otherwise the frame asks for it, for those who decide contests.
 */
export function Layout({
  children,
  agency,
  openContests,
}: {
  children: ComponentChildren;
  agency?: string;
  openContests?: number | null;
}) {
  const session = useContext(Session);
  const locale = session.locale.value;
  const me = session.me.value!;
  const { path, query } = useLocation();
  // The period (and other filters) go along to the next page; `via` (set-up's way back) does not.
  // (`from` and `to` are a period's range, so the way back has a name of its own.)
  const { via: _via, ...kept } = query;
  const keep = new URLSearchParams(kept).toString();
  const slug = agency ?? me.agency?.slug ?? null;
  const manage = manageLinks(me.user.role, slug);
  const asked = useApi<Contests>(
    openContests === undefined && slug && me.user.role !== "officer" ? `/agencies/${slug}/contests?status=open` : null,
  );
  const waiting = openContests ?? asked.data?.open ?? 0;
  // A new page (or the first after signing in) puts focus on its content, not on <body>:
  // a screen reader starts there and a keyboard's next Tab is the page's first control.
  const content = useRef<HTMLElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    content.current?.focus({ preventScroll: true });
    // On a phone each navigation is one line that scrolls sideways: the current page is brought into it.
    for (const link of frame.current?.querySelectorAll<HTMLElement>('.tabs [aria-current="page"]') ?? []) {
      const nav = link.parentElement!;
      nav.scrollLeft = link.offsetLeft - (nav.clientWidth - link.offsetWidth) / 2;
    }
  }, [path]);
  return (
    <div class="frame" ref={frame}>
      <a class="skip-link no-print" href="#content">
        {text(locale, "skipToContent")}
      </a>
      <header class="top no-print">
        <div class="who">
          <strong class="brand">{text(locale, "appName")}</strong>
          <span>
            {me.user.name} · {text(locale, `roles_${me.user.role}` as TextKey)}
            {me.agency ? ` · ${me.agency.name}` : ""}
          </span>
        </div>
        <div class="top-actions">
          {slug && roleMay(me.user.role, "readNotifications") ? (
            <Bell slug={slug} current={path === `/dashboard/a/${slug}/notifications`} />
          ) : null}
          <a
            class="button secondary"
            href="/dashboard/password"
            aria-current={path === "/dashboard/password" ? "page" : undefined}
          >
            {sayAccount(locale, "changePassword")}
          </a>
          <LanguageSwitch look="secondary" />
          <SignOut look="secondary" />
        </div>
      </header>
      <nav class="tabs no-print" aria-label={text(locale, "appName")}>
        {links(me.user.role, slug).map(([href, key]) => (
          <a key={href} href={keep ? `${href}?${keep}` : href} aria-current={path === href ? "page" : undefined}>
            {text(locale, key)}
            {key === "navContests" && waiting > 0 ? (
              <>
                <span class="tab-count" aria-hidden="true">
                  {waiting}
                </span>
                <span class="visually-hidden">{text(locale, "navContestsOpen", { n: waiting })}</span>
              </>
            ) : null}
          </a>
        ))}
      </nav>
      {manage.length ? (
        <nav class="tabs manage no-print" aria-label={text(locale, "navManage")}>
          <span class="tabs-title" aria-hidden="true">
            {text(locale, "navManage")}:
          </span>
          {manage.map(([href, key]) => (
            <a key={href} href={href} aria-current={path === href ? "page" : undefined}>
              {text(locale, key)}
            </a>
          ))}
        </nav>
      ) : null}
      <main class="content" id="content" tabIndex={-1} ref={content}>
        {children}
      </main>
    </div>
  );
}
