/** The frame of a management page: the usual layout, and a refusal for those whose role may not change set-up. */
import type { ComponentChildren } from "preact";
import { useContext } from "preact/hooks";
import { useLocation } from "preact-iso";
import { type Permission, roleMay } from "../../../core/roles.ts";
import { Layout } from "../../components/layout.tsx";
import { Session } from "../../context.ts";
import { useWords } from "./use-words.ts";

/** Whether the signed-in person may change an agency's set-up (core/roles.ts: agency and regional admins). */
export const mayManage = (role: string) => roleMay(role, "manageAgency");

/**
 * A management page for `slug`; those whose role may not (`permission`, changing set-up unless
 * said) see why it is not theirs instead (`refusal`, the set-up pages' words unless said).
 */
export function ManageFrame({
  slug,
  title,
  permission = "manageAgency",
  refusal,
  children,
}: {
  slug: string;
  title: string;
  permission?: Permission;
  refusal?: string;
  children: ComponentChildren;
}) {
  const me = useContext(Session).me.value!;
  const { w } = useWords();
  // A page opened from a step of the checklist (setup.tsx adds `via=setup`) leads back to it.
  const fromSetup = useLocation().query.via === "setup";
  return (
    <Layout agency={slug}>
      {roleMay(me.user.role, permission) ? (
        <>
          {fromSetup ? (
            <p class="back-link">
              <a href={`/dashboard/a/${slug}/setup`}>{w("backToChecklist")}</a>
            </p>
          ) : null}
          {children}
        </>
      ) : (
        <section class="card" aria-labelledby="manage-refused">
          <h1 id="manage-refused">{title}</h1>
          <p role="alert">{refusal ?? w("adminsOnly")}</p>
        </section>
      )}
    </Layout>
  );
}
