/** A list read a page at a time (comments, decided contests), with the button that reads the next page. */
import { useEffect, useState } from "preact/hooks";

/**
 * The list's items so far and whether there are more: `first` is its first page as the API gave it,
 * `next(n)` reads page n. A first page read again (after a decision, or for another period) starts
 * the list over.
 */
export function useMore<Page extends { more: boolean }, Item>(
  first: Page,
  items: (page: Page) => Item[],
  next: (n: number) => Promise<Page>,
) {
  const [rest, setRest] = useState({ items: [] as Item[], page: 1, more: first.more });
  useEffect(() => setRest({ items: [], page: 1, more: first.more }), [first]);
  return {
    all: [...items(first), ...rest.items],
    more: rest.more,
    /** Reads the next page and adds it to the list. */
    next: async () => {
      const got = await next(rest.page + 1);
      setRest({ items: [...rest.items, ...items(got)], page: rest.page + 1, more: got.more });
    },
  };
}
