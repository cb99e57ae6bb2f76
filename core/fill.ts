/** A message with its `{name}` placeholders filled (every front end's words use them). */
export const fill = (message: string, values: Record<string, string | number> = {}) =>
  message.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
