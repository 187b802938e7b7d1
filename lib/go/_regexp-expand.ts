/**
 * Go's `Regexp.Expand` and `Regexp.Split` over matches already found. Private to the regexp module.
 * @module
 */

/** A leading `name` or `{name}` after a `$` (Go's `extract`): the name, its number (-1 if none) and the rest. */
function extract(str: string): { name: string; num: number; rest: string } | undefined {
  const brace = str.startsWith("{");
  const body = brace ? str.slice(1) : str;
  const name = /^[\p{L}\p{Nd}_]*/u.exec(body)?.[0] ?? "";
  if (name === "") return undefined;
  let end = name.length;
  if (brace) {
    if (body[end] !== "}") return undefined;
    end++;
  }
  let num = 0;
  for (const c of name) {
    if (c < "0" || c > "9" || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + Number(c);
  }
  if (name.startsWith("0") && name.length > 1) num = -1;
  return { name, num, rest: body.slice(end) };
}

/**
 * Go's `expand`: `$1`, `${1}`, `$name`, `${name}` become the text of that group (empty if it did not take part or does
 * not exist), `$$` becomes `$`, and a malformed reference stays as it is.
 * @param template the replacement template
 * @param m the input, the match positions and the group names
 */
export function expandTemplate(
  template: string,
  m: { readonly src: string; readonly match: readonly number[]; readonly names: readonly string[] },
): string {
  let out = "";
  let t = template;
  for (;;) {
    const dollar = t.indexOf("$");
    if (dollar < 0) break;
    out += t.slice(0, dollar);
    t = t.slice(dollar + 1);
    if (t.startsWith("$")) {
      out += "$";
      t = t.slice(1);
      continue;
    }
    const ref = extract(t);
    if (ref === undefined) {
      out += "$";
      continue;
    }
    t = ref.rest;
    const group = ref.num >= 0 ? ref.num : m.names.findIndex((n, i) => n === ref.name && (m.match[2 * i] ?? -1) >= 0);
    const start = m.match[2 * group] ?? -1;
    if (group >= 0 && start >= 0) out += m.src.slice(start, m.match[2 * group + 1]);
  }
  return out + t;
}

/**
 * Go's `Split` once the matches are known (found with at most `n` of them).
 * @param s the input
 * @param matches the successive matches, as [start, end, …]
 * @param options `n`: at most this many pieces (all if `n < 0`)
 */
export function splitByMatches(
  s: string,
  matches: readonly ArrayLike<number>[],
  options: { readonly n: number },
): string[] {
  const n = options.n;
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of matches) {
    if (n > 0 && out.length === n - 1) break;
    end = m[0] as number;
    if (m[1] !== 0) out.push(s.slice(beg, end));
    beg = m[1] as number;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}
