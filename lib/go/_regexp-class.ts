/**
 * Character classes of Go's regexp without Unicode tables: each class is a list of items (a range, a Perl or POSIX
 * group, a Unicode category or script), every item is written as the body of a JavaScript character class, and a code
 * point is tested with small JavaScript `RegExp`s that read ONE character — a one-character test cannot backtrack.
 * Under `(?i)` the tests carry the `i` flag: with `u`, JavaScript compares by Unicode simple case folding, which is
 * exactly Go's fold orbits (`unicode.SimpleFold`), so `(?i)k` matches the Kelvin sign and `(?i)\W` does not match `ſ`,
 * as in Go. Items are folded one by one and negated after folding, as Go's parser does. Private to the regexp module.
 * @module
 */

/** One item of a class: a JavaScript class body (`a-z`, `\p{Lu}`), possibly negated (`\D`, `\P{Greek}`). */
export interface ClassItem {
  readonly body: string;
  readonly negated: boolean;
}

/** Tests one code point. */
export type CharTest = (cp: number) => boolean;

// --- Perl and POSIX groups (ASCII only in Go)

const perl: Readonly<Record<string, string>> = { d: "0-9", s: "\\t\\n\\f\\r ", w: "0-9A-Za-z_" };

const posix: Readonly<Record<string, string>> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\0-\\x7f",
  blank: "\\t ",
  cntrl: "\\0-\\x1f\\x7f",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t-\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

/** The item of `\d`, `\D`, `\s`, `\S`, `\w` or `\W` (the letter after the backslash), if it is one. */
export function perlItem(letter: string): ClassItem | undefined {
  const body = perl[letter.toLowerCase()];
  return body === undefined ? undefined : { body, negated: letter !== letter.toLowerCase() };
}

/** The item of a POSIX class name as written between `[:` and `:]` (`alpha`, `^alpha`), if Go knows it. */
export function posixItem(name: string): ClassItem | undefined {
  const negated = name.startsWith("^");
  const body = Object.hasOwn(posix, negated ? name.slice(1) : name) ? posix[negated ? name.slice(1) : name] : undefined;
  return body === undefined ? undefined : { body, negated };
}

/** A code point as a JavaScript class atom. */
export function classAtom(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

// --- Unicode classes (Go 1.25+ name lookup)

const categories =
  "C Cc Cf Cn Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs";
/** Go's long category names, which JavaScript's `\p{…}` knows by the same names. */
const categoryNames = "Cased_Letter Close_Punctuation Combining_Mark Connector_Punctuation Control Currency_Symbol " +
  "Dash_Punctuation Decimal_Number Enclosing_Mark Final_Punctuation Format Initial_Punctuation Letter Letter_Number " +
  "Line_Separator Lowercase_Letter Mark Math_Symbol Modifier_Letter Modifier_Symbol Nonspacing_Mark Number " +
  "Open_Punctuation Other Other_Letter Other_Number Other_Punctuation Other_Symbol Paragraph_Separator Private_Use " +
  "Punctuation Separator Space_Separator Spacing_Mark Surrogate Symbol Titlecase_Letter Unassigned Uppercase_Letter";
/** Go's script names of four letters; every other four-letter name is an ISO 15924 code, which Go refuses. */
const fourLetterScripts = new Set(["Ahom", "Cham", "Kawi", "Lisu", "Miao", "Modi", "Newa", "Thai", "Toto"]);

/** Go's `canonicalName`: separators `_ - space` dropped, first letter upper case, the rest lower case. */
function canonicalName(name: string): string {
  let out = "";
  for (const c of name) {
    if (c === "_" || c === "-" || c === " ") continue;
    out += out === "" ? c.toUpperCase() : c.toLowerCase();
  }
  return out;
}

/**
 * The class bodies of the category names, by canonical name. Made when a pattern names a Unicode class, not when the
 * module loads: building it took over half a millisecond of every import of the engine.
 */
function byCanonical(): ReadonlyMap<string, string> {
  return new Map([
    ...categories.split(" ").map((c): [string, string] => [c, `\\p{${c}}`]),
    ...categoryNames.split(" ").map((name): [string, string] => [canonicalName(name), `\\p{${name}}`]),
    // Go's aliases that JavaScript does not know
    ["Cntrl", "\\p{Cc}"],
    ["Digit", "\\p{Nd}"],
    ["Punct", "\\p{P}"],
    ["Any", "\\0-\\u{10ffff}"],
    ["Ascii", "\\0-\\x7f"],
    ["Lc", "\\p{LC}"],
  ]);
}

function scriptItem(name: string): string | undefined {
  if (!/^[A-Z][a-z]*$/.test(name) || (name.length === 4 && !fourLetterScripts.has(name))) return undefined;
  const body = `\\p{Script=${name}}`;
  try {
    new RegExp(`[${body}]`, "u");
    return body;
  } catch {
    return undefined;
  }
}

/**
 * The item of a Unicode class name as written after `\p` (`L`, `Greek`, `^Greek`, `Letter`, `any`), as Go 1.25+
 * looks it up: names are compared after `canonicalName`, so `greek` works and `Old_Italic` (whose canonical form is no
 * key of Go's table) does not.
 */
export function unicodeItem(name: string): ClassItem | undefined {
  const negated = name.startsWith("^");
  const canonical = canonicalName(negated ? name.slice(1) : name);
  if (canonical === "Assigned") return { body: "\\p{Cn}", negated: !negated };
  const body = byCanonical().get(canonical) ?? scriptItem(canonical);
  return body === undefined ? undefined : { body, negated };
}

// --- testers

/** The items of `.`-like classes. */
export const anyItem: ClassItem = { body: "\\0-\\u{10ffff}", negated: false };

const memoLimit = 512;

/**
 * Compiles a class into a code-point test. ASCII answers are memoized in a table and others in a small bounded map,
 * so each distinct character costs one `RegExp` test per class at most (a lone surrogate has been read as U+FFFD).
 * @param items the items, in any order
 * @param options `negated` for `[^…]`, `fold` under `(?i)`
 */
export function classTest(
  items: readonly ClassItem[],
  options: { readonly negated: boolean; readonly fold: boolean },
): CharTest {
  const flags = options.fold ? "iu" : "u";
  const positive = items.filter((i) => !i.negated).map((i) => i.body).join("");
  const plus = positive === "" ? undefined : new RegExp(`^[${positive}]$`, flags);
  const minus = items.filter((i) => i.negated).map((i) => new RegExp(`^[${i.body}]$`, flags));
  const slow = (cp: number): boolean => {
    const ch = String.fromCodePoint(cp);
    const member = (plus !== undefined && plus.test(ch)) || minus.some((r) => !r.test(ch));
    return member !== options.negated;
  };
  const ascii = new Int8Array(128).fill(-1);
  const other = new Map<number, boolean>();
  return (cp) => {
    if (cp < 128) {
      const known = ascii[cp] as number;
      if (known >= 0) return known === 1;
      const r = slow(cp);
      ascii[cp] = r ? 1 : 0;
      return r;
    }
    const known = other.get(cp);
    if (known !== undefined) return known;
    const r = slow(cp);
    if (other.size < memoLimit) other.set(cp, r);
    return r;
  };
}

/** Whether a literal code point has other case forms under simple folding (otherwise `(?i)` changes nothing for it). */
export function hasFolds(cp: number): boolean {
  const ch = String.fromCodePoint(cp);
  return ch.toLowerCase() !== ch || ch.toUpperCase() !== ch || cp === 0x345 || cp === 0x1fbe;
}
