/**
 * The reader's notifications (docs/design.md, "Alerts"), newest first: each in words with a link to
 * where to look (the possible levies' comments, the counter's comments, the officers or the overview),
 * read or unread, marked read one by one or all at once. Only names the reports already show these readers.
 */
import { useContext, useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { AlertSubject, Notifications } from "../../core/alert-contract.ts";
import { LEVY_FILTER } from "../../core/levy.ts";
import { sayAlert, subjectWords } from "../alert-words.ts";
import { api } from "../api.ts";
import { Outcome, useAction } from "../components/action.tsx";
import { Layout } from "../components/layout.tsx";
import { Empty, Load } from "../components/states.tsx";
import { Session } from "../context.ts";
import { dateTime, day } from "../format.ts";
import { useApi } from "../use-api.ts";
import { useZone } from "../use-zone.ts";

type Item = Notifications["notifications"][number];

/** Where to look at what an alert is about, and the link's words. */
function linkOf(slug: string, subject: AlertSubject, locale: "id" | "en"): [string, string] {
  const base = `/dashboard/a/${slug}`;
  if (subject.rule === "levy") return [`${base}/comments?reason=${LEVY_FILTER}`, sayAlert(locale, "readComments")];
  if (subject.rule === "low_faces") {
    return [
      `${base}/comments?counter=${encodeURIComponent(subject.counter.code)}`,
      sayAlert(locale, "atCounter", { counter: subject.counter.name }),
    ];
  }
  return subject.officer
    ? [`${base}/officers`, sayAlert(locale, "openOfficer", { name: subject.officer.name })]
    : [base, sayAlert(locale, "openReport")];
}

/** The notifications page. */
export function NotificationsPage() {
  const { slug } = useRoute().params;
  const session = useContext(Session);
  const locale = session.locale.value;
  const loaded = useApi<Notifications>(`/agencies/${slug}/notifications`);
  const act = useAction();
  // The page's own count is the latest: the bell shows it too.
  useEffect(() => {
    if (loaded.data) session.unread.value = loaded.data.unread;
  }, [loaded.data]);
  const mark = async (body: { ids: string[] } | { all: true }) => {
    const done = await act.run(() =>
      api<{ unread: number }>(`/agencies/${slug}/notifications/read`, { method: "POST", body }),
    );
    if (done) {
      session.unread.value = done.unread;
      loaded.retry();
    }
  };
  return (
    <Layout agency={slug}>
      <section class="card" aria-labelledby="notifications-title">
        <h1 id="notifications-title">{sayAlert(locale, "notificationsTitle")}</h1>
        <p class="muted">{sayAlert(locale, "notificationsAbout")}</p>
        <Outcome action={act} />
        <Load loaded={loaded}>
          {({ unread, notifications }) =>
            notifications.length === 0 ? (
              <Empty>{sayAlert(locale, "notificationsEmpty")}</Empty>
            ) : (
              <>
                <div class="toolbar">
                  <p>{unread ? sayAlert(locale, "unreadN", { n: unread }) : sayAlert(locale, "allRead")}</p>
                  {unread ? (
                    <button type="button" class="secondary" disabled={act.busy} onClick={() => mark({ all: true })}>
                      {sayAlert(locale, "markAllRead")}
                    </button>
                  ) : null}
                </div>
                <ul class="notifications">
                  {notifications.map((n) => (
                    <Line key={n.id} slug={slug} item={n} busy={act.busy} onRead={() => mark({ ids: [n.id] })} />
                  ))}
                </ul>
              </>
            )
          }
        </Load>
      </section>
    </Layout>
  );
}

/** One notification: what happened, when, where to look, and its read state. */
function Line({ slug, item, busy, onRead }: { slug: string; item: Item; busy: boolean; onRead: () => void }) {
  const locale = useContext(Session).locale.value;
  const zone = useZone(slug);
  const what = subjectWords(locale, item.subject);
  const [href, words] = linkOf(slug, item.subject, locale);
  const week =
    item.subject.rule === "band_drop"
      ? ` · ${sayAlert(locale, "weekOf", { day: day(item.subject.week, locale) })}`
      : "";
  return (
    <li class={item.readAt ? "notification" : "notification unread"}>
      <p>
        <strong>
          {item.readAt ? null : <span class="visually-hidden">{sayAlert(locale, "unread")}: </span>}
          {what}
        </strong>
      </p>
      <p class="muted">
        {dateTime(item.at, locale, zone)}
        {week} · <a href={href}>{words}</a>
      </p>
      {item.readAt ? null : (
        <button
          type="button"
          class="secondary small"
          disabled={busy}
          aria-label={sayAlert(locale, "markReadOf", { what })}
          onClick={onRead}
        >
          {sayAlert(locale, "markRead")}
        </button>
      )}
    </li>
  );
}
