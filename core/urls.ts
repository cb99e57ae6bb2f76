/**
 * Which URLs and origins Suara accepts: https, or plain http on this machine
 * (where it is no risk). Pure, so the API's schemas and the dashboard's forms
 * apply the same rule (the forms before anything is sent).
 */

/** Whether a host name is this machine. */
export const isLoopback = (hostname: string) =>
  hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);

/** What is wrong with a URL as a link browsers reach safely: not a URL, or not https (http only locally). */
function urlProblem(value: string): { problem: "format" | "https" } | { url: URL } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: "format" };
  }
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname))
    ? { url }
    : { problem: "https" };
}

/** Whether a URL is https:, or http: on this machine: links and origins that browsers reach safely. */
export const isSafeUrl = (value: string): boolean => "url" in urlProblem(value);

/** What is wrong with an embed origin (scheme, host and port, nothing after), or null when it is right. */
export function originProblem(value: string): "format" | "https" | "path" | null {
  const checked = urlProblem(value);
  if ("problem" in checked) return checked.problem;
  return checked.url.origin === value ? null : "path";
}
