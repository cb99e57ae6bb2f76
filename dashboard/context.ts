/** The session state, handed down to every page. */
import { createContext } from "preact";
import type { SessionState } from "./session.ts";

/** The dashboard's session context (set by app.tsx). */
export const Session = createContext<SessionState>(undefined as unknown as SessionState);
