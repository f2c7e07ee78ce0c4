/**
 * Guards a page against out-of-order answers: each request begins a new turn, and only
 * the latest turn's answer may be shown (a slower, earlier one is dropped).
 */
export function latestOnly() {
  let turn = 0;
  return {
    begin(): () => boolean {
      const mine = ++turn;
      return () => mine === turn;
    },
  };
}
