/** The frame of a management page: the usual layout, and a refusal for those whose role may not change set-up. */
import type { ComponentChildren } from "preact";
import { useContext } from "preact/hooks";
import { roleMay } from "../../../core/roles.ts";
import { Layout } from "../../components/layout.tsx";
import { Session } from "../../context.ts";
import { useWords } from "./use-words.ts";

/** Whether the signed-in person may change an agency's set-up (core/roles.ts: agency and regional admins). */
export const mayManage = (role: string) => roleMay(role, "manageAgency");

/** A management page for `slug`; supervisors and officers see why it is not theirs instead. */
export function ManageFrame({ slug, title, children }: { slug: string; title: string; children: ComponentChildren }) {
  const me = useContext(Session).me.value!;
  const { w } = useWords();
  return (
    <Layout agency={slug}>
      {mayManage(me.user.role) ? (
        children
      ) : (
        <section class="card" aria-labelledby="manage-refused">
          <h1 id="manage-refused">{title}</h1>
          <p role="alert">{w("adminsOnly")}</p>
        </section>
      )}
    </Layout>
  );
}
